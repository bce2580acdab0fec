package io.github.aoaiplatform.openai;

import com.hashicorp.cdktf.ITerraformDependable;
import com.hashicorp.cdktf.TerraformResource;
import com.hashicorp.cdktf.providers.azurerm.cognitive_account.CognitiveAccount;
import com.hashicorp.cdktf.providers.azurerm.cognitive_account.CognitiveAccountCustomerManagedKey;
import com.hashicorp.cdktf.providers.azurerm.cognitive_account.CognitiveAccountIdentity;
import com.hashicorp.cdktf.providers.azurerm.cognitive_account.CognitiveAccountNetworkAcls;
import com.hashicorp.cdktf.providers.azurerm.cognitive_deployment.CognitiveDeployment;
import com.hashicorp.cdktf.providers.azurerm.cognitive_deployment.CognitiveDeploymentModel;
import com.hashicorp.cdktf.providers.azurerm.cognitive_deployment.CognitiveDeploymentSku;
import com.hashicorp.cdktf.providers.azurerm.role_assignment.RoleAssignment;
import io.github.aoaiplatform.core.AzureResourceId;
import io.github.aoaiplatform.core.IPrincipal;
import io.github.aoaiplatform.core.ImportedResources;
import io.github.aoaiplatform.core.PrivateEndpoint;
import io.github.aoaiplatform.core.PropsCheck;
import io.github.aoaiplatform.core.ResourceInterfaces;
import io.github.aoaiplatform.core.Tags;
import software.constructs.Construct;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An Azure OpenAI (or AI Services) account, private and Entra-only by default: custom subdomain, local (key) auth off,
 * public network access off, network ACL default deny, a system-assigned identity, and the uniform inputs of
 * {@link OpenAiAccountProps} (private endpoints, diagnostics, lock, role assignments, tags; the tags also reach the
 * private endpoints). Model deployments are added with {@link #addDeployment} and chained one after another (Azure
 * answers parallel deployment creates on one account with 409 RequestConflict); the first waits for the account's
 * {@link ContentFilter}s. Child ids: {@code Resource}, {@code PrivateEndpoint}, {@code Diagnostics}, {@code Lock},
 * {@code Deployment-<name>}.
 */
public final class OpenAiAccount extends Construct implements IOpenAiAccount {
    /** The Azure resource type of an account id. */
    public static final String RESOURCE_TYPE = "Microsoft.CognitiveServices/accounts";

    /** The private link group id of an account (its private endpoints' subresource). */
    public static final String PRIVATE_LINK_SUBRESOURCE = "account";

    /**
     * An account the app does not create, e.g. a PTU account owned by another team. Its endpoint is taken to be
     * {@code https://<name>.openai.azure.com/}, which holds for every account with a custom subdomain equal to its name.
     *
     * @param scope       the parent construct
     * @param id          the construct id
     * @param resourceId  the account's resource id
     * @param location    the account's region (an id does not say it)
     * @param deployments the deployments it serves that the gateway may route to
     * @return the account
     * @throws io.github.aoaiplatform.core.InvalidPropsException when the id is not an account id, or the region is unknown
     */
    public static IOpenAiAccount fromResourceId(Construct scope, String id, String resourceId, String location, List<String> deployments) {
        AzureResourceId parsed = ImportedResources.parse("OpenAiAccount.fromResourceId", resourceId, RESOURCE_TYPE);
        PropsCheck check = PropsCheck.of("OpenAiAccount.fromResourceId");
        if (check.require("location", location)) check.region("location", location);
        check.require("deployments", deployments);
        check.throwIfAny();
        return new ImportedOpenAiAccount(scope, id, resourceId, parsed.name(), location, deployments);
    }

    private final CognitiveAccount resource;
    // taken once: each get is a round trip to the JavaScript core, and the reference is the same however often taken
    private final String resourceId;
    private final String nameReference;
    private final String name;
    private final String location;
    private final List<DeploymentOptions> deploymentOptions = new ArrayList<>();
    private final List<CognitiveDeployment> deployments = new ArrayList<>();
    private final String defaultContentFilter;
    private final Map<String, String> contentFilterByDeployment = new LinkedHashMap<>();
    private final Set<String> contentFilterNames = new LinkedHashSet<>();
    private final List<TerraformResource> contentFilters = new ArrayList<>();
    private final Map<String, Blocklist> blocklists = new LinkedHashMap<>();

    /**
     * Creates the account with its private endpoints, diagnostics, lock and role assignments.
     *
     * @param scope the parent construct
     * @param id    the construct id
     * @param props the account's inputs
     */
    public OpenAiAccount(Construct scope, String id, OpenAiAccountProps props) {
        super(scope, id);
        this.name = props.name();
        this.location = props.location();
        this.defaultContentFilter = props.defaultContentFilter();
        var identities = props.identities();
        var builder = CognitiveAccount.Builder.create(this, "Resource")
                .name(props.name())
                .location(props.location())
                .resourceGroupName(props.resourceGroup().name())
                .kind(props.kind())
                .skuName("S0")
                .customSubdomainName(props.name())
                .localAuthEnabled(props.localAuth())
                .publicNetworkAccessEnabled(props.publicNetworkAccess())
                .networkAcls(CognitiveAccountNetworkAcls.builder().defaultAction("Deny").bypass("None").build())
                .outboundNetworkAccessRestricted(true)
                .fqdns(props.allowedFqdns().isEmpty() ? null : props.allowedFqdns())
                .tags(props.tags());
        if (identities.azureType() != null)
            builder.identity(CognitiveAccountIdentity.builder().type(identities.azureType())
                    .identityIds(identities.userAssigned().isEmpty() ? null : identities.userAssignedIds()).build());
        var key = props.customerManagedKey();
        if (key != null)
            builder.customerManagedKey(CognitiveAccountCustomerManagedKey.builder()
                    .keyVaultKeyId(key.keyVaultKeyId()).identityClientId(key.identity().clientId()).build());
        resource = builder.build();
        resourceId = resource.getId();
        nameReference = resource.getName();

        ResourceInterfaces.privateEndpoints(this, resourceId, props.name(), PRIVATE_LINK_SUBRESOURCE,
                props.resourceGroup().name(), props.privateEndpoints(), props.lock(), props.tags(), null);
        ResourceInterfaces.diagnostics(this, resourceId, props.diagnostics(), true);
        ResourceInterfaces.lock(this, resourceId, props.name(), props.lock());
        ResourceInterfaces.roleAssignments(this, resourceId, props.roleAssignments());
        getNode().addValidation(this::undefinedContentFilters);
    }

    /**
     * Adds a model deployment, created after the previous one (serial, never parallel), with its content filter or the
     * account's default ({@link OpenAiAccountProps#defaultContentFilter()}): every deployment names its filter.
     *
     * @param options the deployment
     * @throws io.github.aoaiplatform.core.InvalidPropsException when the account already has a deployment of that name
     */
    public void addDeployment(DeploymentOptions options) {
        PropsCheck check = PropsCheck.of("DeploymentOptions");
        check.check(deploymentNames().stream().noneMatch(options.name()::equals), "name",
                "'" + options.name() + "' is already deployed on account '" + name + "'; deployment names must be unique per account");
        check.throwIfAny();
        String contentFilter = options.contentFilter() != null ? options.contentFilter() : defaultContentFilter;
        List<ITerraformDependable> dependsOn = new ArrayList<>(deployments.isEmpty() ? contentFilters : List.of(deployments.get(deployments.size() - 1)));
        deployments.add(CognitiveDeployment.Builder.create(this, "Deployment-" + options.name())
                .name(options.name())
                .cognitiveAccountId(resourceId)
                .model(CognitiveDeploymentModel.builder().format("OpenAI").name(options.model()).version(options.version()).build())
                .sku(CognitiveDeploymentSku.builder().name(options.sku()).capacity(options.capacity()).build())
                .versionUpgradeOption(options.versionUpgrade())
                .raiPolicyName(contentFilter)
                .dependsOn(dependsOn.isEmpty() ? null : dependsOn)
                .build());
        deploymentOptions.add(options);
        contentFilterByDeployment.put(options.name(), contentFilter);
    }

    /** A content filter on this account: deployments may name it, and the first deployment waits for it. */
    void addContentFilter(String filterName, TerraformResource policy) {
        contentFilterNames.add(filterName);
        contentFilters.add(policy);
        if (!deployments.isEmpty()) {
            CognitiveDeployment first = deployments.get(0);
            List<String> dependsOn = new ArrayList<>(first.getDependsOn() == null ? List.of() : first.getDependsOn());
            dependsOn.add(policy.getTerraformResourceType() + "." + policy.getFriendlyUniqueId());  // the address, as depends_on wants it
            first.setDependsOn(dependsOn);
        }
    }

    /** A blocklist on this account, which content filters created afterwards may attach by name. */
    void addBlocklist(String blocklistName, Blocklist blocklist) { blocklists.put(blocklistName, blocklist); }

    /** @return the blocklist of that name on this account, or null */
    Blocklist blocklist(String blocklistName) { return blocklists.get(blocklistName); }

    /** @return the name the account was created with (for messages; {@link #name()} is a Terraform reference) */
    String plainName() { return name; }

    private List<String> undefinedContentFilters() {
        return contentFilterByDeployment.entrySet().stream()
                .filter(d -> !ContentFilter.isBuiltIn(d.getValue()) && !contentFilterNames.contains(d.getValue()))
                .map(d -> "DeploymentOptions.contentFilter: deployment '" + d.getKey() + "' names content filter '" + d.getValue()
                        + "', which account '" + name + "' does not have; create a ContentFilter on this account or use a built-in Microsoft.* policy")
                .toList();
    }

    @Override public String resourceId() { return resourceId; }
    @Override public String name() { return nameReference; }

    /**
     * The account's custom subdomain, its DNS name under {@code openai.azure.com}, which must be unique across Azure.
     *
     * @return the literal name (not a Terraform reference)
     */
    public String customSubdomainName() { return name; }
    @Override public String location() { return location; }
    @Override public String endpoint() { return resource.getEndpoint(); }
    @Override public List<String> deploymentNames() { return deploymentOptions.stream().map(DeploymentOptions::name).toList(); }

    /** @return the deployments added so far, in creation order */
    public List<DeploymentOptions> deployments() { return List.copyOf(deploymentOptions); }

    @Override public RoleAssignment grantInvoke(IPrincipal grantee, String description) {
        return ResourceInterfaces.grant(this, resourceId, INVOKE_ROLE, "OpenAiUser", grantee, description);
    }
}
