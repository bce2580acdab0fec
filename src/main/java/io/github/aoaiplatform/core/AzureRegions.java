package io.github.aoaiplatform.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Azure public-cloud region names the library knows, with the short codes used in resource names. */
public final class AzureRegions {
    private AzureRegions() {}

    private static final Map<String, String> SHORT = new LinkedHashMap<>();
    static {
        String[][] rows = {
            {"australiacentral", "auc"}, {"australiaeast", "aue"}, {"australiasoutheast", "ause"},
            {"brazilsouth", "brs"}, {"canadacentral", "cnc"}, {"canadaeast", "cne"}, {"centralindia", "inc"},
            {"centralus", "cus"}, {"eastasia", "ea"}, {"eastus", "eus"}, {"eastus2", "eus2"},
            {"francecentral", "frc"}, {"germanywestcentral", "gwc"}, {"italynorth", "itn"},
            {"japaneast", "jpe"}, {"japanwest", "jpw"}, {"koreacentral", "krc"}, {"mexicocentral", "mxc"},
            {"northcentralus", "ncus"}, {"northeurope", "ne"}, {"norwayeast", "nwe"}, {"polandcentral", "plc"},
            {"qatarcentral", "qac"}, {"southafricanorth", "san"}, {"southcentralus", "scus"},
            {"southeastasia", "sea"}, {"southindia", "ins"}, {"spaincentral", "spc"}, {"swedencentral", "sdc"},
            {"switzerlandnorth", "szn"}, {"switzerlandwest", "szw"}, {"uaenorth", "uan"}, {"uksouth", "uks"},
            {"ukwest", "ukw"}, {"westcentralus", "wcus"}, {"westeurope", "we"}, {"westus", "wus"},
            {"westus2", "wus2"}, {"westus3", "wus3"},
        };
        for (String[] r : rows) SHORT.put(r[0], r[1]);
    }

    /**
     * Whether the library knows a region.
     *
     * @param region a region name such as {@code japaneast}
     * @return true when the region is known
     */
    public static boolean isKnown(String region) { return region != null && SHORT.containsKey(region); }

    /**
     * The short code used in names, e.g. {@code japaneast -> jpe}.
     *
     * @param region a known region
     * @return its code
     * @throws IllegalArgumentException for an unknown region
     */
    public static String shortCode(String region) {
        String code = SHORT.get(region);
        if (code == null) throw new IllegalArgumentException("unknown Azure region '" + region + "'; use one of " + SHORT.keySet());
        return code;
    }

    /**
     * Every known region.
     *
     * @return the region names, in the library's order
     */
    public static Set<String> all() { return Collections.unmodifiableSet(SHORT.keySet()); }
}
