package io.github.aoaiplatform.openai;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    public enum Kind { CHAT, EMBEDDING }

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

    public static Model model(String name) { return MODELS.get(name); }
    public static Set<String> modelNames() { return MODELS.keySet(); }

    /** Null when model, version and SKU fit together; otherwise what is wrong and how to fix it. */
    public static String check(String model, String version, String sku) {
        Model m = MODELS.get(model);
        if (m == null) return "unknown model '" + model + "'; use one of " + MODELS.keySet();
        if (!m.versions().contains(version)) return "unknown version '" + version + "' of " + model + "; use one of " + m.versions();
        if (!SKUS.contains(sku)) return "unknown SKU '" + sku + "'; use one of " + SKUS;
        if (m.kind() == Kind.EMBEDDING && !EMBEDDING_SKUS.contains(sku))
            return "embedding model " + model + " cannot be deployed as " + sku + "; use one of " + EMBEDDING_SKUS;
        return null;
    }
}
