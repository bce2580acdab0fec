package io.github.aoaiplatform.openai;

import com.hashicorp.cdktf.ITerraformDependable;
import com.hashicorp.cdktf.providers.azurerm.cognitive_account.CognitiveAccount;
import com.hashicorp.cdktf.providers.azurerm.cognitive_account.CognitiveAccountCustomerManagedKey;
import com.hashicorp.cdktf.providers.azurerm.cognitive_account.CognitiveAccountIdentity;
import com.hashicorp.cdktf.providers.azurerm.cognitive_account.CognitiveAccountNetworkAcls;
import com.hashicorp.cdktf.providers.azurerm.cognitive_deployment.CognitiveDeployment;
import com.hashicorp.cdktf.providers.azurerm.cognitive_deployment.CognitiveDeploymentModel;
import com.hashicorp.cdktf.providers.azurerm.cognitive_deployment.CognitiveDeploymentSku;
import io.github.aoaiplatform.core.Diagnostics;
import io.github.aoaiplatform.core.IdReferences;
import io.github.aoaiplatform.core.PrivateEndpoint;
import io.github.aoaiplatform.core.PrivateEndpointProps;
import com.hashicorp.cdktf.providers.azurerm.role_assignment.RoleAssignment;
import io.github.aoaiplatform.core.IPrincipal;
import io.github.aoaiplatform.core.ResourceInterfaces;
import software.constructs.Construct;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An Azure OpenAI account, private and Entra-only by default: custom subdomain, local (key) auth off, public
 * network access off, network ACL default deny, a managed identity, diagnostics (all logs and metrics) to the
 * platform workspace, and a private endpoint whose DNS zone group points at the OpenAI zones.
 * Model deployments are added with {@link #addDeployment} and chained one after another (Azure answers
 * parallel deployment creates on one account with 409 RequestConflict).
 * Child ids: {@code Resource}, {@code PrivateEndpoint}, {@code Diagnostics}, {@code Deployment-<name>}.
 */
public final class OpenAiAccount extends Construct implements IOpenAiAccount {
    private static final Pattern SUBDOMAIN = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?");

    /** A customer-managed key: Key Vault key id and the user-assigned identity that can read it. */
    public record CustomerManagedKey(String keyVaultKeyId, String identityId, String identityClientId) {}

    /**
     * @param name                 account name, also the custom subdomain ({@code <name>.openai.azure.com}).
     * @param location             region.
     * @param resourceGroupName    resource group.
     * @param kind                 {@code OpenAI} or {@code AIServices}; Defaults to: OpenAI.
     * @param privateEndpointSubnetId subnet for the private endpoint. Required (the account is private-only).
     * @param privateEndpointLocation region of the VNet the endpoint goes into; Defaults to: the account's region.
     * @param dnsZoneIds           zone ids for the endpoint's DNS zone group; Defaults to: none (DNS managed elsewhere).
     * @param workspaceId          Log Analytics workspace for diagnostics. Required.
     * @param customerManagedKey   encrypt with a customer-managed key (user-assigned identity); Defaults to: Microsoft-managed keys.
     * @param publicNetworkAccess  allow public network access; Defaults to: false.
     * @param localAuth            allow API keys; Defaults to: false (Entra ID only).
     * @param tags                 tags.
     */
    public record Props(String name, String location, String resourceGroupName, String kind,
                        String privateEndpointSubnetId, String privateEndpointLocation, List<String> dnsZoneIds,
                        String workspaceId, CustomerManagedKey customerManagedKey, Boolean publicNetworkAccess,
                        Boolean localAuth, Map<String, String> tags) {
        public Props {
            Objects.requireNonNull(name, "name is required");
            if (!SUBDOMAIN.matcher(name).matches())
                throw new IllegalArgumentException("OpenAI account name '" + name + "' must be 2-64 lower-case letters, digits or hyphens (it is the custom subdomain)");
            kind = Objects.requireNonNullElse(kind, "OpenAI");
            if (!kind.equals("OpenAI") && !kind.equals("AIServices"))
                throw new IllegalArgumentException("kind '" + kind + "' must be OpenAI or AIServices");
            Objects.requireNonNull(privateEndpointSubnetId, "privateEndpointSubnetId is required: the account is private-only");
            Objects.requireNonNull(workspaceId, "workspaceId is required: diagnostics go to the platform workspace");
            privateEndpointLocation = Objects.requireNonNullElse(privateEndpointLocation, location);
            dnsZoneIds = dnsZoneIds == null ? List.of() : List.copyOf(dnsZoneIds);
            publicNetworkAccess = Objects.requireNonNullElse(publicNetworkAccess, false);
            localAuth = Objects.requireNonNullElse(localAuth, false);
            tags = tags == null ? Map.of() : Map.copyOf(tags);
        }
    }

    /**
     * A model deployment.
     *
     * @param name                 deployment name (what clients put in the URL).
     * @param model                model name from {@link ModelCatalogue}.
     * @param version              model version.
     * @param sku                  deployment SKU; Defaults to: GlobalStandard.
     * @param capacity             thousands of TPM (PTUs for provisioned SKUs); must be > 0.
     * @param versionUpgrade       {@code OnceNewDefaultVersionAvailable}, {@code OnceCurrentVersionExpired} or
     *                             {@code NoAutoUpgrade}; Defaults to: OnceCurrentVersionExpired.
     * @param contentFilter        RAI policy name; Defaults to: the account's default (Microsoft.DefaultV2).
     */
    public record DeploymentOptions(String name, String model, String version, String sku, int capacity,
                                    String versionUpgrade, String contentFilter) {
        public static final List<String> UPGRADE_OPTIONS = List.of("OnceNewDefaultVersionAvailable", "OnceCurrentVersionExpired", "NoAutoUpgrade");

        public DeploymentOptions {
            Objects.requireNonNull(name, "name is required");
            sku = Objects.requireNonNullElse(sku, "GlobalStandard");
            versionUpgrade = Objects.requireNonNullElse(versionUpgrade, "OnceCurrentVersionExpired");
            if (capacity <= 0) throw new IllegalArgumentException("deployment '" + name + "': capacity must be greater than 0, got " + capacity);
            String problem = ModelCatalogue.check(model, version, sku);
            if (problem != null) throw new IllegalArgumentException("deployment '" + name + "': " + problem);
            if (!UPGRADE_OPTIONS.contains(versionUpgrade))
                throw new IllegalArgumentException("deployment '" + name + "': versionUpgrade must be one of " + UPGRADE_OPTIONS);
        }
    }

    /** The Azure resource type of an account id. */
    public static final String RESOURCE_TYPE = "Microsoft.CognitiveServices/accounts";

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
        var parsed = io.github.aoaiplatform.core.ImportedResources.parse("OpenAiAccount.fromResourceId", resourceId, RESOURCE_TYPE);
        var check = io.github.aoaiplatform.core.PropsCheck.of("OpenAiAccount.fromResourceId");
        if (check.require("location", location)) check.region("location", location);
        check.require("deployments", deployments);
        check.throwIfAny();
        return new ImportedOpenAiAccount(scope, id, resourceId, parsed.name(), location, deployments);
    }

    private final CognitiveAccount resource;
    private final String location;
    private final List<CognitiveDeployment> deployments = new ArrayList<>();
    private final List<String> deploymentNames = new ArrayList<>();
    private final List<ITerraformDependable> deploymentPrerequisites = new ArrayList<>();

    public OpenAiAccount(Construct scope, String id, Props props) {
        super(scope, id);
        this.location = props.location();
        var cmk = props.customerManagedKey();
        var builder = CognitiveAccount.Builder.create(this, "Resource")
                .name(props.name())
                .location(props.location())
                .resourceGroupName(props.resourceGroupName())
                .kind(props.kind())
                .skuName("S0")
                .customSubdomainName(props.name())
                .localAuthEnabled(props.localAuth())
                .publicNetworkAccessEnabled(props.publicNetworkAccess())
                .networkAcls(CognitiveAccountNetworkAcls.builder().defaultAction("Deny").bypass("None").build())
                .identity(cmk == null
                        ? CognitiveAccountIdentity.builder().type("SystemAssigned").build()
                        : CognitiveAccountIdentity.builder().type("SystemAssigned, UserAssigned").identityIds(List.of(cmk.identityId())).build())
                .tags(props.tags());
        if (cmk != null)
            builder.customerManagedKey(CognitiveAccountCustomerManagedKey.builder()
                    .keyVaultKeyId(cmk.keyVaultKeyId()).identityClientId(cmk.identityClientId()).build());
        resource = builder.build();

        new PrivateEndpoint(this, "PrivateEndpoint", PrivateEndpointProps.builder()
                .name("pep-" + props.name()).location(props.privateEndpointLocation()).resourceGroupName(props.resourceGroupName())
                .subnet(IdReferences.subnet(this, "PrivateEndpointSubnet", props.privateEndpointSubnetId(), props.privateEndpointLocation()))
                .targetResourceId(resource.getId()).subresource("account")
                .dnsZones(IdReferences.privateDnsZones(this, "PrivateEndpointZone", props.dnsZoneIds())).tags(props.tags()).build());
        Diagnostics.toWorkspace(this, resource.getId(), props.workspaceId(), false);
    }

    /** Something (e.g. a content filter) that must exist before the first deployment. */
    public void addDeploymentPrerequisite(ITerraformDependable dependable) { deploymentPrerequisites.add(dependable); }

    /** Adds a model deployment, created after the previous one (serial, never parallel). */
    public CognitiveDeployment addDeployment(DeploymentOptions options) {
        List<ITerraformDependable> dependsOn = new ArrayList<>();
        if (deployments.isEmpty()) dependsOn.addAll(deploymentPrerequisites);
        else dependsOn.add(deployments.get(deployments.size() - 1));
        var deployment = CognitiveDeployment.Builder.create(this, "Deployment-" + options.name())
                .name(options.name())
                .cognitiveAccountId(resource.getId())
                .model(CognitiveDeploymentModel.builder().format("OpenAI").name(options.model()).version(options.version()).build())
                .sku(CognitiveDeploymentSku.builder().name(options.sku()).capacity(options.capacity()).build())
                .versionUpgradeOption(options.versionUpgrade())
                .raiPolicyName(options.contentFilter())
                .dependsOn(dependsOn.isEmpty() ? null : dependsOn)
                .build();
        deployments.add(deployment);
        deploymentNames.add(options.name());
        return deployment;
    }

    @Override public String resourceId() { return resource.getId(); }
    @Override public String name() { return resource.getName(); }
    @Override public String location() { return location; }
    @Override public String endpoint() { return resource.getEndpoint(); }
    @Override public List<String> deploymentNames() { return List.copyOf(deploymentNames); }
    @Override public RoleAssignment grantInvoke(IPrincipal grantee) {
        return ResourceInterfaces.grant(this, resource.getId(), INVOKE_ROLE, "OpenAiUser", grantee, "Calls Azure OpenAI with Entra ID");
    }
    public String principalId() { return resource.getIdentity().getPrincipalId(); }
    public CognitiveAccount resource() { return resource; }
    public List<CognitiveDeployment> deployments() { return List.copyOf(deployments); }
}
