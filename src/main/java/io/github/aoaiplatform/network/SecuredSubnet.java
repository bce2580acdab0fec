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
    private final Subnet subnet;
    private final String location;

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
        subnet = sb.build();
        NetworkSecurityGroup nsg = NetworkSecurityGroup.Builder.create(this, "SecurityGroup")
                .name(props.subnetNaming().name(role, SubnetNaming.Kind.NETWORK_SECURITY_GROUP))
                .location(props.location())
                .resourceGroupName(rg)
                .tags(props.tags())
                .build();
        ResourceInterfaces.diagnostics(this, nsg.getId(), props.diagnostics(), false);
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
                    .networkSecurityGroupName(nsg.getName());
            if (r.ports().size() == 1) rb.destinationPortRange(r.ports().get(0));
            else rb.destinationPortRanges(r.ports());
            rb.build();
        }
        SubnetNetworkSecurityGroupAssociation.Builder.create(this, "Association")
                .subnetId(subnet.getId()).networkSecurityGroupId(nsg.getId()).build();
    }

    @Override public String resourceId() { return subnet.getId(); }
    @Override public String location() { return location; }
}
