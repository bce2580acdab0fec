package io.github.aoaiplatform.network;

import io.github.aoaiplatform.core.AzureResourceId;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A network brought by the landing zone (hub-and-spoke): existing VNet and subnet resource ids, validated as
 * Azure resource ids of the right type. Nothing is created; NSGs are the landing zone's responsibility.
 */
public record ExistingNetwork(String virtualNetworkId, Map<SubnetRole, String> subnetIds, String location) implements INetwork {
    public ExistingNetwork {
        subnetIds = Map.copyOf(subnetIds);
        List<String> problems = validate(virtualNetworkId, subnetIds);
        if (!problems.isEmpty()) throw new IllegalArgumentException(String.join("; ", problems));
    }

    /** One message per problem, with the stack-config path. */
    public static List<String> validate(String virtualNetworkId, Map<SubnetRole, String> subnetIds) {
        List<String> problems = new ArrayList<>();
        AzureResourceId vnet = null;
        try {
            vnet = AzureResourceId.parse(virtualNetworkId, "Microsoft.Network/virtualNetworks");
        } catch (IllegalArgumentException e) {
            problems.add("network.existing.virtualNetworkId: " + e.getMessage());
        }
        for (SubnetRole required : List.of(SubnetRole.GATEWAY, SubnetRole.PRIVATE_ENDPOINTS))
            if (!subnetIds.containsKey(required))
                problems.add("network.existing.subnetIds." + required.configKey() + ": is required (an existing subnet's resource id)");
        for (var e : subnetIds.entrySet()) {
            String path = "network.existing.subnetIds." + e.getKey().configKey();
            try {
                AzureResourceId.parse(e.getValue(), "Microsoft.Network/virtualNetworks/subnets");
                if (vnet != null && !e.getValue().toLowerCase().startsWith(vnet.value().toLowerCase() + "/subnets/"))
                    problems.add(path + ": the subnet is not in network.existing.virtualNetworkId");
            } catch (IllegalArgumentException ex) {
                problems.add(path + ": " + ex.getMessage());
            }
        }
        return problems;
    }

    @Override public Optional<String> subnetId(SubnetRole role) { return Optional.ofNullable(subnetIds.get(role)); }
}
