package io.github.aoaiplatform.network;

import com.hashicorp.cdktf.providers.azurerm.virtual_network.VirtualNetwork;
import com.hashicorp.cdktf.providers.azurerm.virtual_network.VirtualNetworkDdosProtectionPlan;
import io.github.aoaiplatform.core.ISubnet;
import io.github.aoaiplatform.core.ResourceInterfaces;
import software.constructs.Construct;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The platform's virtual network: one subnet per {@link SubnetRole} given, each with its own NSG carrying the
 * least-privilege rules of {@link NsgRules}. Private-endpoint network policies are enabled so the NSG applies
 * to private endpoints too; subnets other than the gateway's have no default outbound Internet access.
 * The VNet sends logs and metrics, every NSG its logs, where {@link PlatformNetworkProps#diagnostics()} says.
 * Child ids: {@code VirtualNetwork}, {@code Diagnostics}, and per role {@code <Role>/Subnet}, {@code <Role>/SecurityGroup},
 * {@code <Role>/Diagnostics}, {@code <Role>/Association}, {@code <Role>/Rule<Name><Direction>}; the {@code <Role>}
 * construct is the role's {@link ISubnet}.
 */
public final class PlatformNetwork extends Construct implements IVirtualNetwork {
    private final String location;
    // Taken once: each get of a resource attribute is a round trip to the JavaScript core.
    private final String resourceId;
    private final String name;
    private final Map<SubnetRole, ISubnet> subnets;

    /**
     * Creates the network, its subnets and their security groups.
     *
     * @param scope the parent construct
     * @param id    the construct id
     * @param props the network's inputs
     */
    public PlatformNetwork(Construct scope, String id, PlatformNetworkProps props) {
        super(scope, id);
        this.location = props.location();
        var vb = VirtualNetwork.Builder.create(this, "VirtualNetwork")
                .name(props.name())
                .location(props.location())
                .resourceGroupName(props.resourceGroup().name())
                .addressSpace(List.of(props.addressSpace()))
                .tags(props.tags());
        if (props.ddosProtectionPlanId() != null)
            vb.ddosProtectionPlan(VirtualNetworkDdosProtectionPlan.builder().id(props.ddosProtectionPlanId()).enable(true).build());
        VirtualNetwork vnet = vb.build();
        resourceId = vnet.getId();
        name = vnet.getName();
        ResourceInterfaces.diagnostics(this, resourceId, props.diagnostics(), true);

        Map<SubnetRole, ISubnet> created = new EnumMap<>(SubnetRole.class);
        props.subnets().forEach((role, cidr) -> created.put(role, new SecuredSubnet(this, role, cidr, name, props)));
        subnets = Collections.unmodifiableMap(created);
    }

    @Override public String resourceId() { return resourceId; }
    @Override public String location() { return location; }
    @Override public Optional<ISubnet> subnet(SubnetRole role) { return Optional.ofNullable(subnets.get(role)); }

    /** @return the virtual network's name (a Terraform reference) */
    public String name() { return name; }

    /** @return the created subnets by role, in role order */
    public Map<SubnetRole, ISubnet> subnets() { return subnets; }
}
