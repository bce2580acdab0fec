package io.github.aoaiplatform.app;

import com.hashicorp.cdktf.AzurermBackend;
import com.hashicorp.cdktf.AzurermBackendConfig;
import com.hashicorp.cdktf.LocalBackend;
import com.hashicorp.cdktf.LocalBackendConfig;
import com.hashicorp.cdktf.TerraformOutput;
import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.providers.azuread.app_role_assignment.AppRoleAssignment;
import com.hashicorp.cdktf.providers.azuread.data_azuread_service_principal.DataAzureadServicePrincipal;
import com.hashicorp.cdktf.providers.azuread.provider.AzureadProvider;
import com.hashicorp.cdktf.providers.azurerm.federated_identity_credential.FederatedIdentityCredential;
import com.hashicorp.cdktf.providers.azurerm.management_lock.ManagementLock;
import com.hashicorp.cdktf.providers.azurerm.provider.AzurermProvider;
import com.hashicorp.cdktf.providers.azurerm.provider.AzurermProviderFeatures;
import com.hashicorp.cdktf.providers.azurerm.resource_group.ResourceGroup;
import com.hashicorp.cdktf.providers.azurerm.role_assignment.RoleAssignment;
import com.hashicorp.cdktf.providers.azurerm.role_definition.RoleDefinition;
import com.hashicorp.cdktf.providers.azurerm.role_definition.RoleDefinitionPermissions;
import com.hashicorp.cdktf.providers.azurerm.storage_account.StorageAccount;
import com.hashicorp.cdktf.providers.azurerm.storage_account.StorageAccountBlobProperties;
import com.hashicorp.cdktf.providers.azurerm.storage_account.StorageAccountBlobPropertiesContainerDeleteRetentionPolicy;
import com.hashicorp.cdktf.providers.azurerm.storage_account.StorageAccountBlobPropertiesDeleteRetentionPolicy;
import com.hashicorp.cdktf.providers.azurerm.storage_container.StorageContainer;
import com.hashicorp.cdktf.providers.azurerm.user_assigned_identity.UserAssignedIdentity;
import io.github.aoaiplatform.app.EnvironmentConfig;
import io.github.aoaiplatform.app.StateConfig;
import io.github.aoaiplatform.core.PrivateEndpoint;
import io.github.aoaiplatform.core.PrivateEndpointProps;
import io.github.aoaiplatform.dns.PrivateDnsZone;
import io.github.aoaiplatform.network.Subnet;
import io.github.aoaiplatform.openai.IOpenAiAccount;
import io.github.aoaiplatform.monitoring.IApplicationInsights;
import io.github.aoaiplatform.monitoring.LogAnalytics;
import io.github.aoaiplatform.monitoring.UsageEventHub;
import software.constructs.Construct;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The one-time remote state bootstrap ({@code stacks/bootstrap/state.json}, stack {@code state}): the storage account
 * holding every environment's Terraform state, reachable only through a private endpoint and only with Entra ID
 * (shared keys off), with blob versioning, soft delete and a CanNotDelete lock; and per environment the two GitHub
 * OIDC identities the workflows log in with. Applied by a person with Owner (or User Access Administrator) rights;
 * its own state is local ({@code terraform.state.tfstate}) for the first apply, then, with {@code backend: azurerm},
 * in the account it created.
 *
 * <ul>
 *   <li>{@code id-aoai-<env>-plan}: trusted for pull requests and {@code main} (plans, drift checks); the custom role
 *       {@value #PLAN_ROLE} (read, plus the few secret reads a refresh makes) on the environment's subscription and
 *       Storage Blob Data Reader on the state container (plans run with {@code -lock=false}).</li>
 *   <li>{@code id-aoai-<env>-deploy}: trusted only for the GitHub environment {@code <env>} (required reviewers);
 *       Contributor, Role Based Access Control Administrator limited to the roles the platform grants, and Storage Blob
 *       Data Contributor on the state container; Microsoft Graph Application.ReadWrite.OwnedBy when the environment
 *       registers its Entra app.</li>
 * </ul>
 */
public final class StateBootstrapStack extends TerraformStack {
    static final String GITHUB_ISSUER = "https://token.actions.githubusercontent.com";
    static final String AZURE_AD_AUDIENCE = "api://AzureADTokenExchange";
    static final String MICROSOFT_GRAPH_APP_ID = "00000003-0000-0000-c000-000000000000";
    static final String GRAPH_APP_ROLE = "Application.ReadWrite.OwnedBy";
    static final String PLAN_ROLE = "aoai-platform plan reader";
    /**
     * Reader, plus the list-secret actions azurerm calls when it refreshes the platform's resources (APIM subscription
     * keys and named values, Event Hub namespace keys, workspace shared keys): without them every plan fails.
     */
    static final List<String> PLAN_ROLE_ACTIONS = List.of("*/read",
            "Microsoft.ApiManagement/service/subscriptions/listSecrets/action",
            "Microsoft.ApiManagement/service/namedValues/listValue/action",
            "Microsoft.EventHub/namespaces/authorizationRules/listkeys/action",
            "Microsoft.OperationalInsights/workspaces/sharedKeys/action");
    /**
     * The built-in roles the platform's stacks assign (role definition GUIDs), the only ones the deploy identity may grant
     * or revoke, with the query-only role of an environment that has prompt-log readers ({@link #onlyPlatformRoles}).
     */
    static final Map<String, String> ASSIGNABLE_ROLES = Map.of(
            IOpenAiAccount.INVOKE_ROLE, "5e0bd9bd-7b93-4f28-af87-19fc36ad61bd",
            UsageEventHub.SENDER_ROLE, "2b629674-e913-4c01-ae53-ef4638d8f975",
            IApplicationInsights.METRICS_PUBLISHER_ROLE, "3913510d-42f4-4e42-8a64-420c390055eb",
            LogAnalytics.TABLE_READER_ROLE, "acdd72a7-3385-48ef-bd42-f606fba81ae7");
    static final String ROLE_DEFINITION_WRITER = "aoai-platform role definition writer";
    /** What an environment with prompt-log readers needs to define the workspace's query-only role. */
    static final List<String> ROLE_DEFINITION_WRITER_ACTIONS = List.of("Microsoft.Authorization/roleDefinitions/read",
            "Microsoft.Authorization/roleDefinitions/write", "Microsoft.Authorization/roleDefinitions/delete");

    private final Map<String, UserAssignedIdentity> deployIdentities = new TreeMap<>();
    private final Map<String, UserAssignedIdentity> planIdentities = new TreeMap<>();

    /**
     * Builds the bootstrap stack.
     *
     * @param scope        the app
     * @param id           the stack name
     * @param state        the bootstrap config. Required.
     * @param environments the environment stacks it serves, by name. Required.
     */
    public StateBootstrapStack(Construct scope, String id, StateConfig state, Map<String, EnvironmentConfig> environments) {
        super(scope, id);
        Map<String, String> tags = ConfigProps.platformTags("shared", state.tags());
        AzurermProvider.Builder.create(this, "Azurerm")
                .features(List.of(AzurermProviderFeatures.builder().build()))
                .subscriptionId(state.subscriptionId())
                .storageUseAzuread(true)               // shared keys are off: data-plane calls use Entra ID
                .build();
        AzureadProvider.Builder.create(this, "Azuread").tenantId(state.tenantId()).build();
        if (state.backend().equals("azurerm")) {
            new AzurermBackend(this, AzurermBackendConfig.builder()
                    .resourceGroupName(state.resourceGroupName()).storageAccountName(state.storageAccountName())
                    .containerName(state.containerName()).key(StateConfig.STATE_KEY).useAzureadAuth(true).build());
        } else {
            new LocalBackend(this, LocalBackendConfig.builder().path("terraform." + StateConfig.STACK_NAME + ".tfstate").build());
        }

        var rg = ResourceGroup.Builder.create(this, "ResourceGroup")
                .name(state.resourceGroupName()).location(state.location()).tags(tags).build();
        var account = StorageAccount.Builder.create(this, "StateAccount")
                .name(state.storageAccountName())
                .resourceGroupName(rg.getName())
                .location(state.location())
                .accountKind("StorageV2")
                .accountTier("Standard")
                .accountReplicationType(state.replication())
                .sharedAccessKeyEnabled(false)
                .defaultToOauthAuthentication(true)
                .publicNetworkAccessEnabled(false)
                .allowNestedItemsToBePublic(false)
                .crossTenantReplicationEnabled(false)
                .infrastructureEncryptionEnabled(true)
                .httpsTrafficOnlyEnabled(true)
                .minTlsVersion("TLS1_2")
                .blobProperties(StorageAccountBlobProperties.builder()
                        .versioningEnabled(true)
                        .deleteRetentionPolicy(StorageAccountBlobPropertiesDeleteRetentionPolicy.builder()
                                .days(state.softDeleteDays()).build())
                        .containerDeleteRetentionPolicy(StorageAccountBlobPropertiesContainerDeleteRetentionPolicy.builder()
                                .days(state.softDeleteDays()).build())
                        .build())
                .tags(tags)
                .build();
        // storage_account_id (not the name) creates the container through Azure Resource Manager, which works
        // while the account's data plane is private.
        StorageContainer.Builder.create(this, "StateContainer")
                .name(state.containerName())
                .storageAccountId(account.getId())
                .containerAccessType("private")
                .build();
        new PrivateEndpoint(this, "StatePrivateEndpoint", PrivateEndpointProps.builder()
                .name("pep-" + state.storageAccountName() + "-blob").location(state.location()).resourceGroupName(rg.getName())
                .subnet(Subnet.fromResourceId(this, "RunnerSubnet", state.privateEndpoint().subnetId(), state.location()))
                .targetResourceId(account.getId()).subresource("blob")
                .dnsZones(List.of(PrivateDnsZone.fromResourceId(this, "BlobDnsZone", state.privateEndpoint().blobDnsZoneId())))
                .tags(tags).build());
        ManagementLock.Builder.create(this, "StateAccountLock")
                .name("lock-" + state.storageAccountName())
                .scope(account.getId())
                .lockLevel("CanNotDelete")
                .notes("Holds the Terraform state of every aoai-platform environment; remove only to retire the platform.")
                .build();

        String containerScope = account.getId() + "/blobServices/default/containers/" + state.containerName();
        String repo = state.github().repository();
        Map<String, String> subscriptions = new TreeMap<>();
        environments.forEach((env, config) -> subscriptions.put(env,
                "/subscriptions/" + (config.subscriptionId() != null ? config.subscriptionId() : state.subscriptionId())));
        var planRole = RoleDefinition.Builder.create(this, "PlanRole")
                .name(PLAN_ROLE)
                .scope("/subscriptions/" + state.subscriptionId())
                .description("Plans and drift checks of aoai-platform: read, plus the secret reads a Terraform refresh makes.")
                .permissions(List.of(RoleDefinitionPermissions.builder().actions(PLAN_ROLE_ACTIONS).build()))
                .assignableScopes(List.copyOf(planRoleScopes(state, subscriptions)))
                .build();
        DataAzureadServicePrincipal graph = null;
        RoleDefinition roleDefinitionWriter = null;
        for (var e : new TreeMap<>(environments).entrySet()) {
            String env = e.getKey();
            String subscription = subscriptions.get(env);

            var plan = identity("Plan-" + env, "id-aoai-" + env + "-plan", rg, state, tags);
            credential(plan, "PullRequests", "github-pull-requests", "repo:" + repo + ":pull_request");
            credential(plan, "Main", "github-main", "repo:" + repo + ":ref:refs/heads/main");
            RoleAssignment.Builder.create(plan, "Reader")
                    .scope(subscription).roleDefinitionId(planRole.getRoleDefinitionResourceId())
                    .principalId(plan.getPrincipalId()).principalType("ServicePrincipal").build();
            assign(plan, "StateReader", "Storage Blob Data Reader", containerScope, null);
            planIdentities.put(env, plan);

            var deploy = identity("Deploy-" + env, "id-aoai-" + env + "-deploy", rg, state, tags);
            credential(deploy, "Environment", "github-environment-" + env, "repo:" + repo + ":environment:" + env);
            assign(deploy, "Contributor", "Contributor", subscription, null);
            boolean promptLogReaders = !e.getValue().monitoring().promptLogReaders().isEmpty();
            assign(deploy, "RoleAdministrator", "Role Based Access Control Administrator", subscription,
                    onlyPlatformRoles(promptLogReaders ? List.of(LogAnalytics.queryOnlyRoleGuid(PlatformStack.workspaceName(e.getValue()))) : List.of()));
            if (promptLogReaders) {     // the workspace defines a query-only role for its prompt-log readers
                if (roleDefinitionWriter == null) roleDefinitionWriter = RoleDefinition.Builder.create(this, "RoleDefinitionWriterRole")
                        .name(ROLE_DEFINITION_WRITER)
                        .scope("/subscriptions/" + state.subscriptionId())
                        .description("Defines the query-only role of an aoai-platform workspace (its readers get table-level access).")
                        .permissions(List.of(RoleDefinitionPermissions.builder().actions(ROLE_DEFINITION_WRITER_ACTIONS).build()))
                        .assignableScopes(List.copyOf(planRoleScopes(state, subscriptions)))
                        .build();
                RoleAssignment.Builder.create(deploy, "RoleDefinitionWriter")
                        .scope(subscription).roleDefinitionId(roleDefinitionWriter.getRoleDefinitionResourceId())
                        .principalId(deploy.getPrincipalId()).principalType("ServicePrincipal").build();
            }
            assign(deploy, "StateWriter", "Storage Blob Data Contributor", containerScope, null);
            if (e.getValue().identity() != null && e.getValue().identity().application() != null) {
                if (graph == null) graph = DataAzureadServicePrincipal.Builder.create(this, "MicrosoftGraph").clientId(MICROSOFT_GRAPH_APP_ID).build();
                AppRoleAssignment.Builder.create(deploy, "GraphApplicationOwner")
                        .appRoleId(graph.getAppRoleIds().lookup(GRAPH_APP_ROLE))
                        .principalObjectId(deploy.getPrincipalId())
                        .resourceObjectId(graph.getObjectId())
                        .build();
            }
            deployIdentities.put(env, deploy);
        }
        githubVariables(state);
    }

    private static TreeSet<String> planRoleScopes(StateConfig state, Map<String, String> subscriptions) {
        var scopes = new TreeSet<>(subscriptions.values());
        scopes.add("/subscriptions/" + state.subscriptionId());   // where the definition lives
        return scopes;
    }

    private UserAssignedIdentity identity(String id, String name, ResourceGroup rg, StateConfig state, Map<String, String> tags) {
        return UserAssignedIdentity.Builder.create(this, id)
                .name(name).resourceGroupName(rg.getName()).location(state.location()).tags(tags).build();
    }

    private static void credential(UserAssignedIdentity identity, String id, String name, String subject) {
        FederatedIdentityCredential.Builder.create(identity, "Federated-" + id)
                .name(name)
                .resourceGroupName(identity.getResourceGroupName())
                .parentId(identity.getId())
                .issuer(GITHUB_ISSUER)
                .audience(List.of(AZURE_AD_AUDIENCE))
                .subject(subject)
                .build();
    }

    private static void assign(UserAssignedIdentity identity, String id, String role, String scope, String condition) {
        var b = RoleAssignment.Builder.create(identity, id)
                .scope(scope).roleDefinitionName(role)
                .principalId(identity.getPrincipalId()).principalType("ServicePrincipal");
        if (condition != null) b.condition(condition).conditionVersion("2.0");
        b.build();
    }

    /**
     * An ABAC condition: role assignments may be written or deleted only for the roles the platform grants.
     *
     * @param customRoles GUIDs of the environment's own roles it also grants
     */
    static String onlyPlatformRoles(List<String> customRoles) {
        List<String> guids = new ArrayList<>(new TreeMap<>(ASSIGNABLE_ROLES).values());
        guids.addAll(customRoles);
        String ids = String.join(", ", guids);
        return "((!(ActionMatches{'Microsoft.Authorization/roleAssignments/write'})) OR "
                + "(@Request[Microsoft.Authorization/roleAssignments:RoleDefinitionId] ForAnyOfAnyValues:GuidEquals {" + ids + "}))"
                + " AND ((!(ActionMatches{'Microsoft.Authorization/roleAssignments/delete'})) OR "
                + "(@Resource[Microsoft.Authorization/roleAssignments:RoleDefinitionId] ForAnyOfAnyValues:GuidEquals {" + ids + "}))";
    }

    /** What to store as GitHub variables (README, "One-time Azure setup"): the client ids per environment. */
    private void githubVariables(StateConfig state) {
        Map<String, String> planIds = new LinkedHashMap<>();
        planIdentities.forEach((env, identity) -> planIds.put(env, identity.getClientId()));
        TerraformOutput.Builder.create(this, "github_plan_client_ids")
                .description("repository variable AZURE_PLAN_CLIENT_IDS (JSON: environment -> client id of its plan identity)")
                .value(planIds).build();
        Map<String, String> deployIds = new LinkedHashMap<>();
        deployIdentities.forEach((env, identity) -> deployIds.put(env, identity.getClientId()));
        TerraformOutput.Builder.create(this, "github_deploy_client_ids")
                .description("environment variable AZURE_CLIENT_ID of each GitHub environment")
                .value(deployIds).build();
    }
}
