package io.github.aoaiplatform.testing;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Checks a synthesized document against the azurerm/azuread provider schemas: every resource, data source
 * and provider type exists, every attribute at every nesting depth exists, every required one is set.
 * azapi resources have no binding schema: their typed wrapper has its own tests.
 */
public final class SchemaConformance {
    private SchemaConformance() {}

    private static final Set<String> META = Set.of("//", "depends_on", "count", "for_each", "lifecycle", "provider",
            "connection", "provisioner");
    private static final Set<String> CHECKED = Set.of("azurerm", "azuread");
    private static final Set<String> SKIPPED = Set.of("azapi");

    /** Returns one line per violation; empty when the document conforms. */
    public static List<String> violations(JsonNode tf) {
        List<String> out = new ArrayList<>();
        tf.path("resource").fields().forEachRemaining(t -> t.getValue().fields().forEachRemaining(r ->
                checkElement(out, "resource", t.getKey(), r.getKey(), r.getValue())));
        tf.path("data").fields().forEachRemaining(t -> t.getValue().fields().forEachRemaining(r ->
                checkElement(out, "data", t.getKey(), r.getKey(), r.getValue())));
        tf.path("provider").fields().forEachRemaining(p -> {
            if (SKIPPED.contains(p.getKey())) return;
            if (!CHECKED.contains(p.getKey())) { out.add("provider." + p.getKey() + ": no schema to check against"); return; }
            ProviderSchema.Block block = ProviderSchema.of(p.getKey()).providerBlock();
            int i = 0;
            for (JsonNode config : p.getValue()) checkBlock(out, "provider." + p.getKey() + "[" + i++ + "]", config, block, true);
        });
        return out;
    }

    private static void checkElement(List<String> out, String kind, String type, String name, JsonNode body) {
        String provider = type.substring(0, type.indexOf('_'));
        String address = (kind.equals("data") ? "data." : "") + type + "." + name;
        if (SKIPPED.contains(provider)) return;
        if (!CHECKED.contains(provider)) { out.add(address + ": provider '" + provider + "' has no schema to check against"); return; }
        ProviderSchema schema = ProviderSchema.of(provider);
        ProviderSchema.Block block = kind.equals("data") ? schema.dataSource(type) : schema.resource(type);
        if (block == null) { out.add(address + ": unknown " + (kind.equals("data") ? "data source" : "resource") + " type " + type); return; }
        checkBlock(out, address, body, block, true);
    }

    private static void checkBlock(List<String> out, String path, JsonNode obj, ProviderSchema.Block block, boolean topLevel) {
        if (!obj.isObject()) { out.add(path + ": expected a block (object), got " + obj.getNodeType()); return; }
        obj.fields().forEachRemaining(f -> {
            String key = f.getKey();
            if (topLevel && META.contains(key)) return;
            ProviderSchema.Attribute attribute = block.attributes().get(key);
            if (attribute == null) { out.add(path + "." + key + ": no such attribute in the provider schema"); return; }
            if (attribute.block() == null) return;
            JsonNode v = f.getValue();
            if (v.isArray()) {
                for (int i = 0; i < v.size(); i++) checkBlock(out, path + "." + key + "[" + i + "]", v.get(i), attribute.block(), false);
            } else if (v.isObject()) {
                checkBlock(out, path + "." + key, v, attribute.block(), false);
            }
        });
        block.attributes().values().stream().filter(ProviderSchema.Attribute::required)
                .filter(a -> !obj.has(a.name()))
                .forEach(a -> out.add(path + "." + a.name() + ": required attribute is not set"));
    }
}
