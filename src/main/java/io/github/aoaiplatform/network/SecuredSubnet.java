package io.github.aoaiplatform.network;

import com.hashicorp.cdktf.providers.azurerm.network_security_group.NetworkSecurityGroup;
import com.hashicorp.cdktf.providers.azurerm.network_security_rule.NetworkSecurityRule;
import com.hashicorp.cdktf.providers.azurerm.subnet.Subnet;
import com.hashicorp.cdktf.providers.azurerm.subnet.SubnetDelegation;
import com.hashicorp.cdktf.providers.azurerm.subnet.SubnetDelegationServiceDelegation;
import com.hashicorp.cdktf.providers.azurerm.subnet_network_security_group_association.SubnetNetworkSecurityGroupAssociation;
import io.github.aoaiplatform.core.ISubnet;
import io.github.aoaiplatform.core.ResourceInterfaces;
import software.constructs.Construct;

import java.util.List;

/**
 * One subnet of a {@link PlatformNetwork} with its own NSG, the role's rules and the NSG's diagnostics. Its construct id
 * is the role's {@link SubnetRole#constructId()} (part of the children's Terraform addresses).
 */
final class SecuredSubnet extends Construct implements ISubnet {
    private final String location;
    // Taken once: each get of a resource attribute is a round trip to the JavaScript core.
    private final String resourceId;

    SecuredSubnet(Construct network, SubnetRole role, String cidr, String virtualNetworkName, PlatformNetworkProps props) {
        super(network, role.constructId());
        this.location = props.location();
        String rg = props.resourceGroup().name();
        var sb = Subnet.Builder.create(this, "Subnet")
                .name(props.subnetNaming().name(role, SubnetNaming.Kind.SUBNET))
                .resourceGroupName(rg)
                .virtualNetworkName(virtualNetworkName)
                .addressPrefixes(List.of(cidr))
                .privateEndpointNetworkPolicies("Enabled");
        if (role != SubnetRole.GATEWAY) sb.defaultOutboundAccessEnabled(false);
        if (role == SubnetRole.GATEWAY && props.gatewayMode() == GatewayNetworkMode.INTEGRATION)
            sb.delegation(List.of(SubnetDelegation.builder().name("apim-vnet-integration")
                    .serviceDelegation(SubnetDelegationServiceDelegation.builder().name("Microsoft.Web/serverFarms")
                            .actions(List.of("Microsoft.Network/virtualNetworks/subnets/action")).build())
                    .build()));
        Subnet subnet = sb.build();
        resourceId = subnet.getId();
        NetworkSecurityGroup nsg = NetworkSecurityGroup.Builder.create(this, "SecurityGroup")
                .name(props.subnetNaming().name(role, SubnetNaming.Kind.NETWORK_SECURITY_GROUP))
                .location(props.location())
                .resourceGroupName(rg)
                .tags(props.tags())
                .build();
        String nsgId = nsg.getId();
        String nsgName = nsg.getName();
        ResourceInterfaces.diagnostics(this, nsgId, props.diagnostics(), false);
        for (NsgRule r : NsgRules.forRole(role, props.gatewayMode())) {
            var rb = NetworkSecurityRule.Builder.create(this, "Rule" + r.name() + r.direction())
                    .name(r.name())
                    .priority(r.priority())
                    .direction(r.direction())
                    .access(r.access())
                    .protocol(r.protocol())
                    .sourceAddressPrefix(r.source())
                    .destinationAddressPrefix(r.destination())
                    .sourcePortRange("*")
                    .description(r.description())
                    .resourceGroupName(rg)
                    .networkSecurityGroupName(nsgName);
            if (r.ports().size() == 1) rb.destinationPortRange(r.ports().get(0));
            else rb.destinationPortRanges(r.ports());
            rb.build();
        }
        SubnetNetworkSecurityGroupAssociation.Builder.create(this, "Association")
                .subnetId(resourceId).networkSecurityGroupId(nsgId).build();
    }

    @Override public String resourceId() { return resourceId; }
    @Override public String location() { return location; }
}
