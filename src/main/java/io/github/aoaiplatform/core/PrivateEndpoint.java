package io.github.aoaiplatform.core;

import com.hashicorp.cdktf.providers.azurerm.private_endpoint.PrivateEndpointIpConfiguration;
import com.hashicorp.cdktf.providers.azurerm.private_endpoint.PrivateEndpointPrivateDnsZoneGroup;
import com.hashicorp.cdktf.providers.azurerm.private_endpoint.PrivateEndpointPrivateServiceConnection;
import software.constructs.Construct;

import java.util.List;

/**
 * A private endpoint for a PaaS resource: in a subnet, with a DNS zone group pointing at the right private DNS zones
 * (the platform's or the hub's) and an optional static IP. Resource constructs create theirs through
 * {@link ResourceInterfaces#privateEndpoints}. Child id: {@code Resource}.
 */
public final class PrivateEndpoint extends Construct {
    private final com.hashicorp.cdktf.providers.azurerm.private_endpoint.PrivateEndpoint resource;

    /**
     * Creates the endpoint.
     *
     * @param scope the parent construct (usually the target resource's construct)
     * @param id    the construct id
     * @param props the endpoint's inputs
     */
    public PrivateEndpoint(Construct scope, String id, PrivateEndpointProps props) {
        super(scope, id);
        var builder = com.hashicorp.cdktf.providers.azurerm.private_endpoint.PrivateEndpoint.Builder.create(this, "Resource")
                .name(props.name())
                .location(props.location())
                .resourceGroupName(props.resourceGroupName())
                .subnetId(props.subnet().resourceId())
                .customNetworkInterfaceName(props.name() + "-nic")
                .privateServiceConnection(PrivateEndpointPrivateServiceConnection.builder()
                        .name(props.name() + "-connection")
                        .privateConnectionResourceId(props.targetResourceId())
                        .subresourceNames(List.of(props.subresource()))
                        .isManualConnection(props.approvalRequest() != null)
                        .requestMessage(props.approvalRequest())
                        .build())
                .tags(props.tags());
        if (!props.dnsZones().isEmpty())
            builder.privateDnsZoneGroup(PrivateEndpointPrivateDnsZoneGroup.builder()
                    .name("default").privateDnsZoneIds(props.dnsZones().stream().map(IPrivateDnsZone::resourceId).toList()).build());
        if (props.staticIp() != null)
            builder.ipConfiguration(List.of(PrivateEndpointIpConfiguration.builder()
                    .name(props.name() + "-ip").privateIpAddress(props.staticIp())
                    .subresourceName(props.subresource()).memberName(props.subresource()).build()));
        if (!props.dependsOn().isEmpty()) builder.dependsOn(props.dependsOn());
        resource = builder.build();
    }

    /** @return the endpoint's resource id */
    public String resourceId() { return resource.getId(); }
}
