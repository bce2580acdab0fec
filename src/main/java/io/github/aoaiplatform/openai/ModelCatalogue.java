package io.github.aoaiplatform.openai;

import io.github.aoaiplatform.core.InvalidPropsException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The Azure OpenAI models the library accepts, with their known versions and the deployment SKUs that make
 * sense for them. Extend it when Azure ships a model; an unknown model or version fails at synth.
 */
public final class ModelCatalogue {
    private ModelCatalogue() {}

    /** Deployment SKUs. Capacity is thousands of TPM for the pay-as-you-go SKUs and PTUs for the provisioned ones. */
    public static final List<String> SKUS = List.of("Standard", "GlobalStandard", "DataZoneStandard", "ProvisionedManaged",
            "GlobalProvisionedManaged", "DataZoneProvisionedManaged", "GlobalBatch", "DataZoneBatch");

    /** What a model does, which decides the SKUs it can be deployed as. */
    public enum Kind {
        /** Chat completions (and responses). */
        CHAT,
        /** Embeddings: pay-as-you-go SKUs only. */
        EMBEDDING
    }

    /**
     * A model the library accepts.
     *
     * @param name     the model's name, e.g. {@code gpt-4o}
     * @param kind     what it does
     * @param versions the versions Azure serves
     */
    public record Model(String name, Kind kind, List<String> versions) {}

    private static final Map<String, Model> MODELS = new LinkedHashMap<>();
    private static void add(String name, Kind kind, String... versions) { MODELS.put(name, new Model(name, kind, List.of(versions))); }
    static {
        add("gpt-35-turbo", Kind.CHAT, "0125", "1106");
        add("gpt-4", Kind.CHAT, "turbo-2024-04-09");
        add("gpt-4o", Kind.CHAT, "2024-05-13", "2024-08-06", "2024-11-20");
        add("gpt-4o-mini", Kind.CHAT, "2024-07-18");
        add("gpt-4.1", Kind.CHAT, "2025-04-14");
        add("gpt-4.1-mini", Kind.CHAT, "2025-04-14");
        add("gpt-4.1-nano", Kind.CHAT, "2025-04-14");
        add("o1", Kind.CHAT, "2024-12-17");
        add("o3-mini", Kind.CHAT, "2025-01-31");
        add("o3", Kind.CHAT, "2025-04-16");
        add("o4-mini", Kind.CHAT, "2025-04-16");
        add("gpt-5", Kind.CHAT, "2025-08-07");
        add("gpt-5-mini", Kind.CHAT, "2025-08-07");
        add("gpt-5-nano", Kind.CHAT, "2025-08-07");
        add("gpt-5-chat", Kind.CHAT, "2025-08-07", "2025-10-03");
        add("text-embedding-ada-002", Kind.EMBEDDING, "2");
        add("text-embedding-3-small", Kind.EMBEDDING, "1");
        add("text-embedding-3-large", Kind.EMBEDDING, "1");
    }

    private static final Set<String> EMBEDDING_SKUS = Set.of("Standard", "GlobalStandard", "DataZoneStandard");

    /**
     * @param name a model name
     * @return the model, or null when the catalogue does not know it
     */
    public static Model model(String name) { return MODELS.get(name); }

    /** @return every known model name, in catalogue order */
    public static Set<String> modelNames() { return java.util.Collections.unmodifiableSet(MODELS.keySet()); }

    /**
     * Whether a model, version and SKU fit together.
     *
     * @param model   the model name
     * @param version the model version
     * @param sku     the deployment SKU
     * @return empty when they fit; otherwise the field at fault ({@code model}, {@code version} or {@code sku}) with
     *         what is wrong and how to fix it
     */
    public static Optional<InvalidPropsException.Problem> check(String model, String version, String sku) {
        Model m = MODELS.get(model);
        if (m == null) return problem("model", "unknown model '" + model + "'; use one of " + MODELS.keySet());
        if (!m.versions().contains(version))
            return problem("version", "unknown version '" + version + "' of " + model + "; use one of " + m.versions());
        if (!SKUS.contains(sku)) return problem("sku", "unknown SKU '" + sku + "'; use one of " + SKUS);
        if (m.kind() == Kind.EMBEDDING && !EMBEDDING_SKUS.contains(sku))
            return problem("sku", "embedding model " + model + " cannot be deployed as " + sku + "; use one of " + EMBEDDING_SKUS);
        return Optional.empty();
    }

    private static Optional<InvalidPropsException.Problem> problem(String field, String message) {
        return Optional.of(new InvalidPropsException.Problem(field, message));
    }
}
