package io.github.aoaiplatform.openai;

import io.github.aoaiplatform.core.DiagnosticSettings;
import io.github.aoaiplatform.core.IPrivateDnsZone;
import io.github.aoaiplatform.core.IResourceGroup;
import io.github.aoaiplatform.core.ISubnet;
import io.github.aoaiplatform.core.PrivateEndpointOptions;
import io.github.aoaiplatform.core.ResourceGroup;
import io.github.aoaiplatform.dns.PrivateDnsZone;
import io.github.aoaiplatform.monitoring.LogAnalytics;
import io.github.aoaiplatform.network.Subnet;
import software.constructs.Construct;

import java.util.List;

/** Imported landing-zone resources with real resource-id shapes, for the openai and patterns tests. */
public final class OpenAiFixtures {
    private OpenAiFixtures() {}

    /** The fake subscription of every id. */
    public static final String SUBSCRIPTION = "/subscriptions/00000000-0000-0000-0000-000000000000";
    public static final String SUBNET_ID = SUBSCRIPTION + "/resourceGroups/hub/providers/Microsoft.Network/virtualNetworks/vnet-hub/subnets/snet-pe";
    public static final String OPENAI_ZONE_ID = SUBSCRIPTION + "/resourceGroups/dns/providers/Microsoft.Network/privateDnsZones/privatelink.openai.azure.com";
    public static final String COGNITIVE_ZONE_ID = SUBSCRIPTION + "/resourceGroups/dns/providers/Microsoft.Network/privateDnsZones/privatelink.cognitiveservices.azure.com";
    public static final String WORKSPACE_ID = SUBSCRIPTION + "/resourceGroups/logs/providers/Microsoft.OperationalInsights/workspaces/law-hub";

    /** The imported references one test stack needs. */
    public record Hub(IResourceGroup resourceGroup, ISubnet subnet, List<IPrivateDnsZone> zones, DiagnosticSettings diagnostics) {
        /** @return a private endpoint in the hub's subnet with the OpenAI zones */
        public PrivateEndpointOptions endpoint() { return PrivateEndpointOptions.in(subnet, zones); }
    }

    /** Imports the hub's subnet (in japaneast), zones and workspace, and an existing group {@code rg} in eastus. */
    public static Hub hub(Construct scope) {
        return new Hub(ResourceGroup.fromName(scope, "Rg", "rg", "eastus"),
                Subnet.fromResourceId(scope, "Subnet", SUBNET_ID, "japaneast"),
                List.of(PrivateDnsZone.fromResourceId(scope, "OpenAiZone", OPENAI_ZONE_ID),
                        PrivateDnsZone.fromResourceId(scope, "CognitiveZone", COGNITIVE_ZONE_ID)),
                DiagnosticSettings.toWorkspace(LogAnalytics.fromResourceId(scope, "Law", WORKSPACE_ID)));
    }

    /** @return props for a private account in the hub, ready to adjust */
    public static OpenAiAccountProps.Builder accountProps(Hub hub, String name) {
        return OpenAiAccountProps.builder().name(name).resourceGroup(hub.resourceGroup())
                .privateEndpoints(List.of(hub.endpoint())).diagnostics(hub.diagnostics());
    }
}
