package io.github.aoaiplatform.core;

import com.hashicorp.cdktf.ITerraformDependable;
import com.hashicorp.cdktf.providers.azurerm.private_endpoint.PrivateEndpointIpConfiguration;
import com.hashicorp.cdktf.providers.azurerm.private_endpoint.PrivateEndpointPrivateDnsZoneGroup;
import com.hashicorp.cdktf.providers.azurerm.private_endpoint.PrivateEndpointPrivateServiceConnection;
import software.constructs.Construct;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A private endpoint for a PaaS resource: in the private-endpoint subnet, with a DNS zone group pointing at the
 * right private DNS zones (the platform's or the hub's) and an optional static IP. Used by every PaaS construct.
 */
public final class PrivateEndpoint extends Construct {

    /**
     * @param name              endpoint name (the NIC is named {@code <name>-nic}).
     * @param location          region of the endpoint (the VNet's region).
     * @param resourceGroupName resource group of the endpoint.
     * @param subnetId          private-endpoint subnet.
     * @param targetResourceId  the PaaS resource.
     * @param subresource       group id, e.g. {@code account} (Azure OpenAI) or {@code Gateway} (APIM v2).
     * @param dnsZoneIds        private DNS zones for the zone group; Defaults to: none (no zone group: DNS is managed elsewhere).
     * @param staticIp          static private IP in the subnet; Defaults to: dynamic.
     * @param tags              tags.
     */
    public record Props(String name, String location, String resourceGroupName, String subnetId, String targetResourceId,
                        String subresource, List<String> dnsZoneIds, String staticIp, Map<String, String> tags) {
        public Props {
            Objects.requireNonNull(name, "name is required");
            Objects.requireNonNull(subnetId, "subnetId is required");
            Objects.requireNonNull(targetResourceId, "targetResourceId is required");
            Objects.requireNonNull(subresource, "subresource is required");
            dnsZoneIds = dnsZoneIds == null ? List.of() : List.copyOf(dnsZoneIds);
            tags = tags == null ? Map.of() : Map.copyOf(tags);
        }
    }

    private final com.hashicorp.cdktf.providers.azurerm.private_endpoint.PrivateEndpoint resource;

    public PrivateEndpoint(Construct scope, String id, Props props) {
        this(scope, id, props, List.of());
    }

    /**
     * As above, created only after {@code dependsOn} (e.g. what must exist before the endpoint's DNS records are written).
     */
    public PrivateEndpoint(Construct scope, String id, Props props, List<? extends ITerraformDependable> dependsOn) {
        super(scope, id);
        var builder = com.hashicorp.cdktf.providers.azurerm.private_endpoint.PrivateEndpoint.Builder.create(this, "Resource")
                .name(props.name())
                .location(props.location())
                .resourceGroupName(props.resourceGroupName())
                .subnetId(props.subnetId())
                .customNetworkInterfaceName(props.name() + "-nic")
                .privateServiceConnection(PrivateEndpointPrivateServiceConnection.builder()
                        .name(props.name() + "-connection")
                        .privateConnectionResourceId(props.targetResourceId())
                        .subresourceNames(List.of(props.subresource()))
                        .isManualConnection(false)
                        .build())
                .tags(props.tags());
        if (!props.dnsZoneIds().isEmpty())
            builder.privateDnsZoneGroup(PrivateEndpointPrivateDnsZoneGroup.builder()
                    .name("default").privateDnsZoneIds(props.dnsZoneIds()).build());
        if (props.staticIp() != null)
            builder.ipConfiguration(List.of(PrivateEndpointIpConfiguration.builder()
                    .name(props.name() + "-ip").privateIpAddress(props.staticIp())
                    .subresourceName(props.subresource()).memberName(props.subresource()).build()));
        if (!dependsOn.isEmpty()) builder.dependsOn(dependsOn);
        resource = builder.build();
    }

    public String resourceId() { return resource.getId(); }
    public com.hashicorp.cdktf.providers.azurerm.private_endpoint.PrivateEndpoint resource() { return resource; }
}
