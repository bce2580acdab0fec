package io.github.aoaiplatform.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.Testing;
import com.hashicorp.cdktf.providers.azurerm.provider.AzurermProvider;
import com.hashicorp.cdktf.providers.azurerm.provider.AzurermProviderFeatures;
import io.github.aoaiplatform.app.ConfigLoader;
import io.github.aoaiplatform.app.EnvironmentConfig;
import io.github.aoaiplatform.app.Main;
import io.github.aoaiplatform.app.PlatformStack;
import io.github.aoaiplatform.app.StateBootstrapStack;
import io.github.aoaiplatform.app.StateConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/** Synthesizes stacks with {@code Testing.synth} and parses them with Jackson, for AssertJ assertions. */
public final class Synth {
    private Synth() {}

    public static final ObjectMapper MAPPER = new ObjectMapper();
    public static final Path STACKS = Path.of("stacks");
    private static final Map<String, String> ENVIRONMENT_CACHE = new ConcurrentHashMap<>();

    /** The environment names: one per stack file, exactly as {@link Main} finds them. */
    public static List<String> environments() {
        return Main.stackFiles(STACKS).stream().map(ConfigLoader::stackName).toList();
    }

    /** Every stack {@link Main} synthesizes: the environments and the remote state bootstrap. */
    public static List<String> stacks() {
        var all = new java.util.ArrayList<>(environments());
        all.add(StateConfig.STACK_NAME);
        return all;
    }

    /** The synthesized JSON text of any stack of {@link #stacks()}. */
    public static String stackJson(String stack) {
        return stack.equals(StateConfig.STACK_NAME) ? stateJson() : environmentJson(stack);
    }

    /** Every environment's config, by name. */
    public static Map<String, EnvironmentConfig> environmentConfigs() {
        Map<String, EnvironmentConfig> out = new LinkedHashMap<>();
        for (String e : environments()) out.put(e, config(e));
        return out;
    }

    /** The remote state bootstrap stack of {@code stacks/bootstrap/state.json} (cached). */
    public static String stateJson() {
        return ENVIRONMENT_CACHE.computeIfAbsent(StateConfig.STACK_NAME, s -> {
            var environments = environmentConfigs();
            return Testing.synth(new StateBootstrapStack(Testing.app(), s, StateConfig.load(STACKS.resolve(StateConfig.FILE), environments), environments), true);
        });
    }

    public static EnvironmentConfig config(String environment) {
        return ConfigLoader.load(STACKS.resolve(environment + ".json"));
    }

    /** The synthesized JSON text of a whole environment's PlatformStack (cached: synth is the slow part). */
    public static String environmentJson(String environment) {
        return ENVIRONMENT_CACHE.computeIfAbsent(environment, e -> platformJson(config(e)));
    }

    public static JsonNode environment(String environment) { return parse(environmentJson(environment)); }

    /** Synthesizes a PlatformStack for an arbitrary config (not cached). */
    public static JsonNode platform(EnvironmentConfig config) { return parse(platformJson(config)); }

    private static String platformJson(EnvironmentConfig config) {
        return Testing.synth(new PlatformStack(Testing.app(), config.environmentName(), config, prices(config)), true);
    }

    /** The price table a config names, resolved against the stacks folder (as Main does). */
    public static io.github.aoaiplatform.chargeback.PriceTable prices(EnvironmentConfig config) {
        return io.github.aoaiplatform.app.PriceTableFile.load(STACKS.resolve(config.chargeback().priceTable()));
    }

    /** Synthesizes a plain test stack (with an azurerm provider) into which {@code body} adds constructs. */
    public static JsonNode of(Consumer<TerraformStack> body) {
        TerraformStack stack = new TerraformStack(Testing.app(), "test");
        AzurermProvider.Builder.create(stack, "Azurerm").features(List.of(AzurermProviderFeatures.builder().build())).build();
        body.accept(stack);
        return parse(Testing.synth(stack, true));
    }

    public static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** All resources of a type, by construct-derived name. */
    public static Map<String, JsonNode> all(JsonNode tf, String type) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        tf.path("resource").path(type).fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    /** The one resource of a type; fails if there are zero or several. */
    public static JsonNode single(JsonNode tf, String type) {
        Map<String, JsonNode> all = all(tf, type);
        if (all.size() != 1) throw new AssertionError("expected exactly one " + type + ", found " + all.keySet());
        return all.values().iterator().next();
    }

    /** The one azapi_resource of an ARM type (e.g. a backend pool); fails if there are zero or several. */
    public static JsonNode singleAzapi(JsonNode tf, String armType) {
        var matches = all(tf, "azapi_resource").entrySet().stream()
                .filter(e -> e.getValue().path("type").asText().equals(armType)).toList();
        if (matches.size() != 1)
            throw new AssertionError("expected exactly one azapi_resource of type " + armType + ", found " + matches.stream().map(Map.Entry::getKey).toList());
        return matches.get(0).getValue();
    }

    /** Every resource in the document as "type.name" -> body. */
    public static Map<String, JsonNode> allResources(JsonNode tf) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        tf.path("resource").fields().forEachRemaining(t ->
                t.getValue().fields().forEachRemaining(r -> out.put(t.getKey() + "." + r.getKey(), r.getValue())));
        return out;
    }

    /** The Terraform reference expression {@code ${type.name.attr}} for a resource address. */
    public static String ref(String address, String attribute) { return "${" + address + "." + attribute + "}"; }
}
