package io.github.aoaiplatform.monitoring;

import io.github.aoaiplatform.core.ILogAnalyticsWorkspace;
import io.github.aoaiplatform.core.IPrincipal;
import io.github.aoaiplatform.core.IPrivateDnsZone;
import io.github.aoaiplatform.core.IResourceGroup;
import io.github.aoaiplatform.core.ISubnet;
import io.github.aoaiplatform.core.PrincipalType;
import io.github.aoaiplatform.core.PrivateEndpointOptions;
import io.github.aoaiplatform.core.ResourceGroup;
import io.github.aoaiplatform.dns.PrivateDnsZone;
import io.github.aoaiplatform.network.Subnet;
import software.constructs.Construct;
import software.constructs.IConstruct;

import java.util.List;
import java.util.function.Supplier;

/** Imported resources with real id shapes, for the monitoring constructs' tests (and the apim logger's). */
public final class MonitoringFixtures {
    private MonitoringFixtures() {}

    /** The fake subscription of every id here. */
    public static final String SUBSCRIPTION = "/subscriptions/00000000-0000-0000-0000-000000000000";
    /** The workspace's id. */
    public static final String WORKSPACE_ID = SUBSCRIPTION + "/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/log-x";
    /** The private-endpoint subnet's id. */
    public static final String SUBNET_ID = SUBSCRIPTION + "/resourceGroups/hub/providers/Microsoft.Network/virtualNetworks/vnet-hub/subnets/snet-pe";
    /** The sender's object id. */
    public static final String PRINCIPAL_ID = "11111111-1111-1111-1111-111111111111";

    /** @return the group {@code rg} in japaneast */
    public static IResourceGroup resourceGroup(Construct scope) { return once(scope, "Rg", () -> ResourceGroup.fromName(scope, "Rg", "rg", "japaneast")); }

    /** @return the workspace {@link #WORKSPACE_ID} */
    public static ILogAnalyticsWorkspace workspace(Construct scope) { return once(scope, "Workspace", () -> LogAnalytics.fromResourceId(scope, "Workspace", WORKSPACE_ID)); }

    /** The component's id. */
    public static final String APP_INSIGHTS_ID = SUBSCRIPTION + "/resourceGroups/rg/providers/Microsoft.Insights/components/appi-x";

    /** @return the component {@link #APP_INSIGHTS_ID} */
    public static IApplicationInsights appInsights(Construct scope) {
        return once(scope, "AppInsights", () -> AppInsights.fromAttributes(scope, "AppInsights", APP_INSIGHTS_ID, "InstrumentationKey=x"));
    }

    /** @return the hub subnet, in japaneast */
    public static ISubnet subnet(Construct scope) { return once(scope, "Subnet", () -> Subnet.fromResourceId(scope, "Subnet", SUBNET_ID, "japaneast")); }

    /** @return the id of the hub's private DNS zone {@code name} */
    public static String zoneId(String name) {
        return SUBSCRIPTION + "/resourceGroups/dns/providers/Microsoft.Network/privateDnsZones/" + name;
    }

    /** @return endpoint options in the hub subnet with the hub's zones of those names */
    public static PrivateEndpointOptions endpoint(Construct scope, List<String> zoneNames) {
        List<IPrivateDnsZone> zones = zoneNames.stream()
                .map(z -> once(scope, "Zone-" + z, () -> PrivateDnsZone.fromResourceId(scope, "Zone-" + z, zoneId(z)))).toList();
        return PrivateEndpointOptions.in(subnet(scope), zones);
    }

    /** The construct {@code id} under {@code scope}, created on first use, so a test can build several props in one stack. */
    @SuppressWarnings("unchecked")
    private static <T> T once(Construct scope, String id, Supplier<T> create) {
        IConstruct existing = scope.getNode().tryFindChild(id);
        return existing != null ? (T) existing : create.get();
    }

    /** @return a service principal that is not created here */
    public static IPrincipal sender() { return IPrincipal.of(PRINCIPAL_ID, PrincipalType.SERVICE_PRINCIPAL); }
}
