package com.contoso.landingzone;

import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.providers.azurerm.provider.AzurermProvider;
import com.hashicorp.cdktf.providers.azurerm.provider.AzurermProviderFeatures;
import io.github.aoaiplatform.apim.Department;
import io.github.aoaiplatform.apim.DepartmentPolicyProps;
import io.github.aoaiplatform.apim.DepartmentProps;
import io.github.aoaiplatform.apim.OpenAiApi;
import io.github.aoaiplatform.apim.OpenAiApiProps;
import io.github.aoaiplatform.apim.OpenAiBackend;
import io.github.aoaiplatform.azapi.AzapiProvider;
import io.github.aoaiplatform.core.DiagnosticSettings;
import io.github.aoaiplatform.core.IResourceGroup;
import io.github.aoaiplatform.core.PrivateEndpointOptions;
import io.github.aoaiplatform.core.ResourceGroup;
import io.github.aoaiplatform.core.Tags;
import io.github.aoaiplatform.openai.DeploymentOptions;
import io.github.aoaiplatform.openai.OpenAiAccount;
import io.github.aoaiplatform.openai.OpenAiAccountProps;
import software.constructs.Construct;

import java.util.List;
import java.util.Map;

/**
 * The landing zone's Azure OpenAI: two regional accounts (private endpoints in the hub, diagnostics to the hub's
 * workspace) behind the Azure OpenAI API on the hub's API Management, and one department. The hub is imported
 * ({@link Hub}); the accounts go into the landing zone's existing resource group.
 */
public final class LandingZoneStack extends TerraformStack {
    static final String RESOURCE_GROUP = "rg-ai-landing-zone";
    static final String TENANT_ID = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    static final String API_APP_ID = "c5a1e2f3-4b6d-4e8f-9a0b-1c2d3e4f5a6b";
    static final String LEGAL_GROUP_ID = "e7d6c5b4-a3f2-4e1d-8c0b-9a8f7e6d5c4b";
    static final String CHAT_DEPLOYMENT = "gpt-4o";

    private final OpenAiApi api;

    /**
     * Creates the stack.
     *
     * @param scope the app
     * @param id    the stack name
     */
    public LandingZoneStack(Construct scope, String id) {
        super(scope, id);
        AzurermProvider.Builder.create(this, "Azurerm")
                .features(List.of(AzurermProviderFeatures.builder().build()))
                .build();
        AzapiProvider azapi = new AzapiProvider(this, "Azapi");
        Tags.of(this).add("workload", "azure-openai").add("cost-center", "CC-4001").add("owner", "ai-platform@contoso.com");

        Hub hub = Hub.importInto(this);
        IResourceGroup resourceGroup = ResourceGroup.fromName(this, "ResourceGroup", RESOURCE_GROUP, Hub.HUB_REGION);

        OpenAiAccount eastUs = account(hub, resourceGroup, "AccountEastUs", "oai-contoso-lz-eus", "eastus");
        OpenAiAccount swedenCentral = account(hub, resourceGroup, "AccountSwedenCentral", "oai-contoso-lz-swc", "swedencentral");
        for (OpenAiAccount account : List.of(eastUs, swedenCentral)) {
            account.addDeployment(DeploymentOptions.builder().name(CHAT_DEPLOYMENT).model("gpt-4o").version("2024-11-20")
                    .capacity(50).build());
            account.grantInvoke(hub.apiManagement().identity());
        }
        // Embeddings only in the primary region: the API routes them to that account alone, gpt-4o to a pool of both.
        eastUs.addDeployment(DeploymentOptions.builder().name("text-embedding-3-small").model("text-embedding-3-small")
                .version("1").sku("Standard").capacity(20).build());

        api = new OpenAiApi(this, "OpenAiApi", OpenAiApiProps.builder()
                .apiManagement(hub.apiManagement())
                .backends(List.of(OpenAiBackend.of(eastUs), OpenAiBackend.of(swedenCentral)))  // keyed by region
                .models(Map.of(CHAT_DEPLOYMENT, "gpt-4o", "text-embedding-3-small", "text-embedding-3-small"))
                .subscriptionRequired(true).departmentRequired(true)                          // departments need both
                .tenantId(TENANT_ID).audienceAppId(API_APP_ID)
                .tokensPerMinutePerUser(20_000)
                .azapi(azapi)
                .build());

        new Department(this, "Department-legal", DepartmentProps.builder()
                .api(api).displayName("Legal").costCenter("CC-4001")
                .policy(DepartmentPolicyProps.builder().name("legal").groupIds(List.of(LEGAL_GROUP_ID))
                        .allowedDeployments(List.of(CHAT_DEPLOYMENT))
                        .tokensPerMinute(50_000).tokenQuota(10_000_000L).tokensPerMinutePerUser(5_000).build())
                .build());
    }

    /** A private, Entra-only account with its endpoint in the hub's subnet and zones. */
    private OpenAiAccount account(Hub hub, IResourceGroup resourceGroup, String id, String name, String location) {
        return new OpenAiAccount(this, id, OpenAiAccountProps.builder()
                .name(name).resourceGroup(resourceGroup).location(location)
                .privateEndpoints(List.of(PrivateEndpointOptions.in(hub.privateEndpointSubnet(), hub.openAiZones())))
                .diagnostics(DiagnosticSettings.toWorkspace(hub.workspace()))
                .build());
    }

    /** @return the Azure OpenAI API, to attach more departments to */
    public OpenAiApi api() { return api; }
}
