package com.contoso.landingzone;

import io.github.aoaiplatform.apim.ApiGateway;
import io.github.aoaiplatform.apim.IApiManagement;
import io.github.aoaiplatform.core.ILogAnalyticsWorkspace;
import io.github.aoaiplatform.core.IPrivateDnsZone;
import io.github.aoaiplatform.core.ISubnet;
import io.github.aoaiplatform.dns.PrivateDnsZone;
import io.github.aoaiplatform.identity.UserAssignedIdentity;
import io.github.aoaiplatform.monitoring.LogAnalytics;
import io.github.aoaiplatform.network.IVirtualNetwork;
import io.github.aoaiplatform.network.SubnetRole;
import io.github.aoaiplatform.network.VirtualNetwork;
import software.constructs.Construct;

import java.util.List;
import java.util.Map;

/**
 * What the connectivity and management teams already run in the hub subscription: the hub network, its private DNS
 * zones, the central Log Analytics workspace and the shared API Management. Everything here is imported by resource id
 * (each id is type-checked); nothing is created or changed.
 *
 * @param network          the hub virtual network and its subnets
 * @param openAiZones      the zones an Azure OpenAI private endpoint registers in
 * @param workspace        where every resource's diagnostics go
 * @param apiManagement    the shared API Management, with the user-assigned identity it calls backends as
 */
public record Hub(IVirtualNetwork network, List<IPrivateDnsZone> openAiZones, ILogAnalyticsWorkspace workspace,
                  IApiManagement apiManagement) {
    static final String HUB_REGION = "eastus";
    static final String HUB_IDS = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-hub/providers/";
    static final String VNET_ID = HUB_IDS + "Microsoft.Network/virtualNetworks/vnet-hub-eus";
    static final String GATEWAY_SUBNET_ID = VNET_ID + "/subnets/snet-apim";
    static final String PRIVATE_ENDPOINT_SUBNET_ID = VNET_ID + "/subnets/snet-private-endpoints";
    static final String OPENAI_ZONE_ID = HUB_IDS + "Microsoft.Network/privateDnsZones/privatelink.openai.azure.com";
    static final String COGNITIVE_SERVICES_ZONE_ID = HUB_IDS + "Microsoft.Network/privateDnsZones/privatelink.cognitiveservices.azure.com";
    static final String WORKSPACE_ID = HUB_IDS + "Microsoft.OperationalInsights/workspaces/log-hub-eus";
    static final String APIM_ID = HUB_IDS + "Microsoft.ApiManagement/service/apim-contoso-hub";
    static final String APIM_IDENTITY_ID = HUB_IDS + "Microsoft.ManagedIdentity/userAssignedIdentities/id-apim-contoso-hub";
    static final String APIM_IDENTITY_PRINCIPAL_ID = "3f2504e0-4f89-41d3-9a0c-0305e82c3301";
    static final String APIM_IDENTITY_CLIENT_ID = "9b2d4c8e-1a7f-4e3b-8c6d-5f0a2b4e6d80";

    /**
     * Imports the hub into a stack.
     *
     * @param scope the stack
     * @return the hub's resources
     */
    public static Hub importInto(Construct scope) {
        IVirtualNetwork network = VirtualNetwork.fromResourceId(scope, "HubNetwork", VNET_ID, HUB_REGION, Map.of(
                SubnetRole.GATEWAY, GATEWAY_SUBNET_ID,
                SubnetRole.PRIVATE_ENDPOINTS, PRIVATE_ENDPOINT_SUBNET_ID));
        List<IPrivateDnsZone> openAiZones = List.of(
                PrivateDnsZone.fromResourceId(scope, "OpenAiZone", OPENAI_ZONE_ID),
                PrivateDnsZone.fromResourceId(scope, "CognitiveServicesZone", COGNITIVE_SERVICES_ZONE_ID));
        ILogAnalyticsWorkspace workspace = LogAnalytics.fromResourceId(scope, "HubWorkspace", WORKSPACE_ID);
        IApiManagement apiManagement = ApiGateway.fromResourceId(scope, "HubApim", APIM_ID,
                UserAssignedIdentity.fromAttributes(scope, "HubApimIdentity", APIM_IDENTITY_ID,
                        APIM_IDENTITY_PRINCIPAL_ID, APIM_IDENTITY_CLIENT_ID));
        return new Hub(network, openAiZones, workspace, apiManagement);
    }

    /** @return the subnet the platform's private endpoints go into */
    public ISubnet privateEndpointSubnet() { return network.requireSubnet(SubnetRole.PRIVATE_ENDPOINTS); }
}
