package io.github.aoaiplatform.core;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** The tags every resource carries: environment, workload and managed-by, plus the environment's own tags. */
public final class PlatformTags {
    private PlatformTags() {}

    public static Map<String, String> of(String environment, Map<String, String> extra) {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("environment", environment);
        tags.put("workload", "aoai-platform");
        tags.put("managed-by", "cdktf");
        tags.putAll(extra);
        return Map.copyOf(new TreeMap<>(tags));
    }
}
