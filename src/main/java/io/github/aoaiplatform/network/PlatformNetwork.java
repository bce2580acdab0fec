package io.github.aoaiplatform.network;

import com.hashicorp.cdktf.providers.azurerm.network_security_group.NetworkSecurityGroup;
import com.hashicorp.cdktf.providers.azurerm.network_security_rule.NetworkSecurityRule;
import com.hashicorp.cdktf.providers.azurerm.subnet.Subnet;
import com.hashicorp.cdktf.providers.azurerm.subnet.SubnetDelegation;
import com.hashicorp.cdktf.providers.azurerm.subnet.SubnetDelegationServiceDelegation;
import com.hashicorp.cdktf.providers.azurerm.subnet_network_security_group_association.SubnetNetworkSecurityGroupAssociation;
import com.hashicorp.cdktf.providers.azurerm.virtual_network.VirtualNetwork;
import com.hashicorp.cdktf.providers.azurerm.virtual_network.VirtualNetworkDdosProtectionPlan;
import io.github.aoaiplatform.core.AzureResourceId;
import io.github.aoaiplatform.core.Cidr;
import io.github.aoaiplatform.core.Diagnostics;
import software.constructs.Construct;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The platform's virtual network: one subnet per {@link SubnetRole} given, each with its own NSG carrying the
 * least-privilege rules of {@link NsgRules}. Private-endpoint network policies are enabled so the NSG applies
 * to private endpoints too; subnets other than the gateway's have no default outbound Internet access.
 * The VNet and every NSG send diagnostics to the platform workspace.
 * Child ids: {@code VirtualNetwork}, {@code Diagnostics}, and per role {@code <Role>/Subnet}, {@code <Role>/SecurityGroup},
 * {@code <Role>/Diagnostics}, {@code <Role>/Association}, {@code <Role>/Rule<Name>}.
 */
public final class PlatformNetwork extends Construct implements INetwork {

    /**
     * @param name               virtual network name.
     * @param location           region.
     * @param resourceGroupName  resource group.
     * @param addressSpace       VNet CIDR.
     * @param subnets            CIDR per role; GATEWAY and PRIVATE_ENDPOINTS are required.
     * @param gatewayMode        how API Management attaches; Defaults to: INTERNAL_INJECTION.
     * @param ddosProtectionPlanId DDoS protection plan to enable; Defaults to: none.
     * @param subnetName         names a subnet/NSG from (role, kind) e.g. ("gateway", "snet").
     * @param workspaceId        Log Analytics workspace for the VNet's and NSGs' diagnostics. Required.
     * @param tags               tags.
     */
    public record Props(String name, String location, String resourceGroupName, String addressSpace,
                        Map<SubnetRole, String> subnets, GatewayNetworkMode gatewayMode, String ddosProtectionPlanId,
                        java.util.function.BiFunction<SubnetRole, String, String> subnetName, String workspaceId,
                        Map<String, String> tags) {
        public Props {
            Objects.requireNonNull(name, "name is required");
            Objects.requireNonNull(workspaceId, "workspaceId is required: the VNet and NSGs send diagnostics to it");
            Objects.requireNonNull(addressSpace, "addressSpace is required");
            subnets = Map.copyOf(Objects.requireNonNull(subnets, "subnets is required"));
            gatewayMode = Objects.requireNonNullElse(gatewayMode, GatewayNetworkMode.INTERNAL_INJECTION);
            tags = tags == null ? Map.of() : Map.copyOf(tags);
            List<String> problems = validate(addressSpace, subnets, ddosProtectionPlanId);
            if (!problems.isEmpty()) throw new IllegalArgumentException(String.join("; ", problems));
        }
    }

    /** Checks CIDRs, containment, overlaps and sizes; returns one message per problem (paths as in the stack config). */
    public static List<String> validate(String addressSpace, Map<SubnetRole, String> subnets, String ddosProtectionPlanId) {
        List<String> problems = new ArrayList<>();
        Cidr vnet = null;
        try {
            vnet = Cidr.parse(addressSpace);
        } catch (IllegalArgumentException e) {
            problems.add("network.addressSpace: " + e.getMessage());
        }
        for (SubnetRole required : List.of(SubnetRole.GATEWAY, SubnetRole.PRIVATE_ENDPOINTS))
            if (!subnets.containsKey(required))
                problems.add("network.subnets." + required.configKey() + ": is required (a CIDR inside network.addressSpace)");
        Map<SubnetRole, Cidr> parsed = new EnumMap<>(SubnetRole.class);
        subnets.forEach((role, text) -> {
            try {
                parsed.put(role, Cidr.parse(text));
            } catch (IllegalArgumentException e) {
                problems.add("network.subnets." + role.configKey() + ": " + e.getMessage());
            }
        });
        List<SubnetRole> roles = new ArrayList<>(parsed.keySet());
        for (int i = 0; i < roles.size(); i++) {
            SubnetRole role = roles.get(i);
            Cidr c = parsed.get(role);
            String path = "network.subnets." + role.configKey();
            if (vnet != null && !vnet.contains(c)) problems.add(path + ": " + c + " is not inside network.addressSpace " + vnet);
            if (c.prefix() > role.maxPrefix())
                problems.add(path + ": " + c + " is too small for the " + role.configKey() + " subnet; use a /" + role.maxPrefix() + " or larger");
            for (int j = i + 1; j < roles.size(); j++) {
                Cidr d = parsed.get(roles.get(j));
                if (c.overlaps(d)) problems.add(path + ": " + c + " overlaps network.subnets." + roles.get(j).configKey() + " " + d);
            }
        }
        if (ddosProtectionPlanId != null) {
            try {
                AzureResourceId.parse(ddosProtectionPlanId, "Microsoft.Network/ddosProtectionPlans");
            } catch (IllegalArgumentException e) {
                problems.add("network.ddosProtectionPlanId: " + e.getMessage());
            }
        }
        return problems;
    }

    private final VirtualNetwork vnet;
    private final String location;
    private final Map<SubnetRole, Subnet> subnets = new EnumMap<>(SubnetRole.class);

    public PlatformNetwork(Construct scope, String id, Props props) {
        super(scope, id);
        this.location = props.location();
        var vb = VirtualNetwork.Builder.create(this, "VirtualNetwork")
                .name(props.name())
                .location(props.location())
                .resourceGroupName(props.resourceGroupName())
                .addressSpace(List.of(props.addressSpace()))
                .tags(props.tags());
        if (props.ddosProtectionPlanId() != null)
            vb.ddosProtectionPlan(VirtualNetworkDdosProtectionPlan.builder().id(props.ddosProtectionPlanId()).enable(true).build());
        vnet = vb.build();
        Diagnostics.toWorkspace(this, vnet.getId(), props.workspaceId(), false);

        for (SubnetRole role : SubnetRole.values()) {
            String cidr = props.subnets().get(role);
            if (cidr == null) continue;
            Construct scopeForRole = new Construct(this, role.constructId());
            var sb = Subnet.Builder.create(scopeForRole, "Subnet")
                    .name(props.subnetName().apply(role, "snet"))
                    .resourceGroupName(props.resourceGroupName())
                    .virtualNetworkName(vnet.getName())
                    .addressPrefixes(List.of(cidr))
                    .privateEndpointNetworkPolicies("Enabled");
            if (role != SubnetRole.GATEWAY) sb.defaultOutboundAccessEnabled(false);
            if (role == SubnetRole.GATEWAY && props.gatewayMode() == GatewayNetworkMode.INTEGRATION)
                sb.delegation(List.of(SubnetDelegation.builder().name("apim-vnet-integration")
                        .serviceDelegation(SubnetDelegationServiceDelegation.builder().name("Microsoft.Web/serverFarms")
                                .actions(List.of("Microsoft.Network/virtualNetworks/subnets/action")).build())
                        .build()));
            Subnet subnet = sb.build();
            NetworkSecurityGroup nsg = NetworkSecurityGroup.Builder.create(scopeForRole, "SecurityGroup")
                    .name(props.subnetName().apply(role, "nsg"))
                    .location(props.location())
                    .resourceGroupName(props.resourceGroupName())
                    .tags(props.tags())
                    .build();
            Diagnostics.toWorkspace(scopeForRole, nsg.getId(), props.workspaceId(), false, false);
            for (NsgRule r : NsgRules.forRole(role, props.gatewayMode())) {
                var rb = NetworkSecurityRule.Builder.create(scopeForRole, "Rule" + r.name() + r.direction())
                        .name(r.name())
                        .priority(r.priority())
                        .direction(r.direction())
                        .access(r.access())
                        .protocol(r.protocol())
                        .sourceAddressPrefix(r.source())
                        .destinationAddressPrefix(r.destination())
                        .sourcePortRange("*")
                        .description(r.description())
                        .resourceGroupName(props.resourceGroupName())
                        .networkSecurityGroupName(nsg.getName());
                if (r.ports().size() == 1) rb.destinationPortRange(r.ports().get(0));
                else rb.destinationPortRanges(r.ports());
                rb.build();
            }
            SubnetNetworkSecurityGroupAssociation.Builder.create(scopeForRole, "Association")
                    .subnetId(subnet.getId()).networkSecurityGroupId(nsg.getId()).build();
            subnets.put(role, subnet);
        }
    }

    @Override public String virtualNetworkId() { return vnet.getId(); }
    @Override public Optional<String> subnetId(SubnetRole role) { return Optional.ofNullable(subnets.get(role)).map(Subnet::getId); }
    @Override public String location() { return location; }
    public VirtualNetwork virtualNetwork() { return vnet; }
}
