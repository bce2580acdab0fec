package io.github.aoaiplatform.monitoring;

import com.hashicorp.cdktf.providers.azurerm.monitor_private_link_scoped_service.MonitorPrivateLinkScopedService;
import io.github.aoaiplatform.core.PrivateEndpoint;
import io.github.aoaiplatform.core.ResourceInterfaces;
import software.constructs.Construct;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An Azure Monitor Private Link Scope (AMPLS): the platform's Azure Monitor resources (the Log Analytics workspace and the
 * gateway's Application Insights) are reachable from the VNet through one private endpoint (subresource
 * {@value #SUBRESOURCE}) registered in the Azure Monitor private DNS zones
 * ({@link io.github.aoaiplatform.dns.DnsZoneCatalogue#forMonitor()}). Ingestion and query access are both
 * {@value #ACCESS_MODE}: from the connected VNet only the scoped resources can be reached. The linked resources themselves
 * must also refuse public ingestion and queries ({@link LogAnalyticsProps#publicAccess()},
 * {@link AppInsightsProps#publicAccess()}); this construct does not change them.
 *
 * <p>Limitations: the Azure Monitor zones override DNS for every Azure Monitor endpoint in the VNets linked to them, so
 * from those VNets workspaces and components outside this scope become unreachable, and two scopes must never share the
 * same DNS zones (the second private endpoint overwrites the first one's global records). The private endpoint is created
 * after the resources are scoped, so that its DNS records cover their regions.
 *
 * <p>Child ids: {@code Resource}, {@code Scoped-<key>} per scoped resource (workspaces first, then
 * components, keys as given in the props), {@code PrivateEndpoint}.
 */
public final class MonitorPrivateLinkScope extends Construct {
    /** Ingestion and query access mode of the scope. */
    public static final String ACCESS_MODE = "PrivateOnly";
    /** The private endpoint's subresource (group id). */
    public static final String SUBRESOURCE = "azuremonitor";

    private final com.hashicorp.cdktf.providers.azurerm.monitor_private_link_scope.MonitorPrivateLinkScope resource;
    private final Map<String, MonitorPrivateLinkScopedService> scopedServices = new LinkedHashMap<>();
    private final PrivateEndpoint privateEndpoint;

    /**
     * Creates the scope, its scoped services and its private endpoint.
     *
     * @param scope the parent construct
     * @param id    the construct id
     * @param props the scope's inputs
     */
    public MonitorPrivateLinkScope(Construct scope, String id, MonitorPrivateLinkScopeProps props) {
        super(scope, id);
        String resourceGroupName = props.resourceGroup().name();
        resource = com.hashicorp.cdktf.providers.azurerm.monitor_private_link_scope.MonitorPrivateLinkScope.Builder.create(this, "Resource")
                .name(props.name())
                .resourceGroupName(resourceGroupName)
                .ingestionAccessMode(ACCESS_MODE)
                .queryAccessMode(ACCESS_MODE)
                .tags(props.tags())
                .build();
        Map<String, String> linked = new LinkedHashMap<>();
        props.workspaces().forEach((key, workspace) -> linked.put(key, workspace.resourceId()));
        props.applicationInsights().forEach((key, component) -> linked.put(key, component.resourceId()));
        linked.forEach((key, resourceId) -> scopedServices.put(key,
                MonitorPrivateLinkScopedService.Builder.create(this, "Scoped-" + key)
                        .name("scoped-" + key.toLowerCase())
                        .resourceGroupName(resourceGroupName)
                        .scopeName(resource.getName())
                        .linkedResourceId(resourceId)
                        .build()));
        privateEndpoint = ResourceInterfaces.privateEndpoints(this, resource.getId(), props.name(), SUBRESOURCE, resourceGroupName,
                List.of(props.privateEndpoint()), null, props.tags(), List.copyOf(scopedServices.values())).get(0);
    }

    /** @return the scope's resource id (a Terraform reference) */
    public String resourceId() { return resource.getId(); }

    /** @return the scope name (a Terraform reference) */
    public String name() { return resource.getName(); }

    /** @return the scoped services by key, workspaces first */
    public Map<String, MonitorPrivateLinkScopedService> scopedServices() { return Collections.unmodifiableMap(scopedServices); }

    /** @return the scope's private endpoint */
    public PrivateEndpoint privateEndpoint() { return privateEndpoint; }

    /** @return the underlying azurerm resource, for attributes this class does not expose */
    public com.hashicorp.cdktf.providers.azurerm.monitor_private_link_scope.MonitorPrivateLinkScope resource() { return resource; }
}
