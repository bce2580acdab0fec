package io.github.aoaiplatform.monitoring;

import com.hashicorp.cdktf.providers.azurerm.monitor_private_link_scoped_service.MonitorPrivateLinkScopedService;
import io.github.aoaiplatform.core.IdReferences;
import io.github.aoaiplatform.core.PrivateEndpoint;
import io.github.aoaiplatform.core.PrivateEndpointProps;
import software.constructs.Construct;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An Azure Monitor Private Link Scope (AMPLS): the platform's Azure Monitor resources (the Log Analytics workspace and the
 * gateway's Application Insights) are reachable from the VNet through one private endpoint (subresource
 * {@value #SUBRESOURCE}) registered in the Azure Monitor private DNS zones
 * ({@link io.github.aoaiplatform.dns.DnsZoneCatalogue#forMonitor()}). Ingestion and query access are both
 * {@value #ACCESS_MODE}: from the connected VNet only the scoped resources can be reached. The linked resources themselves
 * must also refuse public ingestion and queries ({@link LogAnalytics.Props#publicAccess()},
 * {@link AppInsights.Props#publicAccess()}); this construct does not change them.
 *
 * <p>Limitations: the Azure Monitor zones override DNS for every Azure Monitor endpoint in the VNets linked to them, so
 * from those VNets workspaces and components outside this scope become unreachable, and two scopes must never share the
 * same DNS zones (the second private endpoint overwrites the first one's global records). The private endpoint is created
 * after the resources are scoped, so that its DNS records cover their regions.
 *
 * <p>Child ids: {@code Resource}, {@code Scoped-<key>} per linked resource (key as given in
 * {@link Props#linkedResourceIds()}), {@code PrivateEndpoint}.
 */
public final class MonitorPrivateLinkScope extends Construct {
    /** Ingestion and query access mode of the scope. */
    public static final String ACCESS_MODE = "PrivateOnly";
    /** The private endpoint's subresource (group id). */
    public static final String SUBRESOURCE = "azuremonitor";

    private static final Pattern KEY = Pattern.compile("[A-Z][A-Za-z0-9]{0,39}");

    /**
     * @param name                    scope name. Required.
     * @param resourceGroupName       resource group of the scope, its scoped services and the private endpoint. Required.
     * @param linkedResourceIds       key (a stable PascalCase name, part of the child id and of the scoped service's name,
     *                                e.g. {@code Workspace}) to the id of a Log Analytics workspace or Application Insights
     *                                component. Required, at least one.
     * @param privateEndpointSubnetId the private-endpoint subnet. Required.
     * @param privateEndpointLocation region of that subnet's VNet. Required.
     * @param dnsZoneIds              the Azure Monitor private DNS zones for the endpoint's zone group; Defaults to: none (no
     *                                zone group: DNS is managed elsewhere).
     * @param tags                    tags.
     */
    public record Props(String name, String resourceGroupName, Map<String, String> linkedResourceIds, String privateEndpointSubnetId,
                        String privateEndpointLocation, List<String> dnsZoneIds, Map<String, String> tags) {
        public Props {
            Objects.requireNonNull(name, "name is required");
            Objects.requireNonNull(resourceGroupName, "resourceGroupName is required");
            linkedResourceIds = new LinkedHashMap<>(Objects.requireNonNull(linkedResourceIds, "linkedResourceIds is required"));
            if (linkedResourceIds.isEmpty())
                throw new IllegalArgumentException("linkedResourceIds must name at least one workspace or Application Insights component: "
                        + "a scope without resources gives the VNet no Azure Monitor access at all");
            List<String> problems = new ArrayList<>();
            linkedResourceIds.forEach((key, id) -> {
                if (!KEY.matcher(key).matches())
                    problems.add("linked resource key '" + key + "' must be 1-40 letters/digits starting with an upper-case letter, e.g. Workspace");
                if (id == null || id.isBlank()) problems.add("linked resource '" + key + "' has no resource id");
            });
            if (!problems.isEmpty()) throw new IllegalArgumentException(String.join("; ", problems));
            Objects.requireNonNull(privateEndpointSubnetId, "privateEndpointSubnetId is required: the scope is reached through a private endpoint");
            Objects.requireNonNull(privateEndpointLocation, "privateEndpointLocation is required");
            dnsZoneIds = dnsZoneIds == null ? List.of() : List.copyOf(dnsZoneIds);
            tags = tags == null ? Map.of() : Map.copyOf(tags);
        }
    }

    private final com.hashicorp.cdktf.providers.azurerm.monitor_private_link_scope.MonitorPrivateLinkScope resource;
    private final Map<String, MonitorPrivateLinkScopedService> scopedServices = new LinkedHashMap<>();
    private final PrivateEndpoint privateEndpoint;

    public MonitorPrivateLinkScope(Construct scope, String id, Props props) {
        super(scope, id);
        resource = com.hashicorp.cdktf.providers.azurerm.monitor_private_link_scope.MonitorPrivateLinkScope.Builder.create(this, "Resource")
                .name(props.name())
                .resourceGroupName(props.resourceGroupName())
                .ingestionAccessMode(ACCESS_MODE)
                .queryAccessMode(ACCESS_MODE)
                .tags(props.tags())
                .build();
        props.linkedResourceIds().forEach((key, resourceId) -> scopedServices.put(key,
                MonitorPrivateLinkScopedService.Builder.create(this, "Scoped-" + key)
                        .name("scoped-" + key.toLowerCase())
                        .resourceGroupName(props.resourceGroupName())
                        .scopeName(resource.getName())
                        .linkedResourceId(resourceId)
                        .build()));
        privateEndpoint = new PrivateEndpoint(this, "PrivateEndpoint", PrivateEndpointProps.builder()
                .name("pep-" + props.name()).location(props.privateEndpointLocation()).resourceGroupName(props.resourceGroupName())
                .subnet(IdReferences.subnet(this, "PrivateEndpointSubnet", props.privateEndpointSubnetId(), props.privateEndpointLocation()))
                .targetResourceId(resource.getId()).subresource(SUBRESOURCE)
                .dnsZones(IdReferences.privateDnsZones(this, "PrivateEndpointZone", props.dnsZoneIds()))
                .tags(props.tags()).dependsOn(List.copyOf(scopedServices.values())).build());
    }

    public String resourceId() { return resource.getId(); }
    /** The scope name (a Terraform reference). */
    public String name() { return resource.getName(); }
    /** Scoped services by key. */
    public Map<String, MonitorPrivateLinkScopedService> scopedServices() { return Map.copyOf(scopedServices); }
    public PrivateEndpoint privateEndpoint() { return privateEndpoint; }
    public com.hashicorp.cdktf.providers.azurerm.monitor_private_link_scope.MonitorPrivateLinkScope resource() { return resource; }
}
