package io.github.aoaiplatform.openai;

import com.hashicorp.cdktf.TerraformProvider;
import io.github.aoaiplatform.config.EnvironmentConfig;
import io.github.aoaiplatform.core.Naming;
import software.constructs.Construct;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One Azure OpenAI account per configured region, each with the configured content filters, blocklists and
 * model deployments. A plain construct per region is the namespace: {@code <region>/Account},
 * {@code <region>/ContentFilter-<name>}, {@code <region>/Blocklist-<name>}.
 */
public final class RegionalOpenAi extends Construct {

    /**
     * @param config                  the environment's Azure OpenAI settings.
     * @param naming                  resource naming.
     * @param resourceGroupName       resource group for all accounts.
     * @param privateEndpointSubnetId subnet for every account's private endpoint.
     * @param privateEndpointLocation region of that subnet's VNet.
     * @param dnsZoneIds              zone ids for the endpoints' DNS zone groups.
     * @param workspaceId             Log Analytics workspace for diagnostics.
     * @param azapi                   azapi provider (blocklist terms).
     * @param tags                    tags.
     */
    public record Props(EnvironmentConfig.OpenAiConfig config, Naming naming, String resourceGroupName,
                        String privateEndpointSubnetId, String privateEndpointLocation, List<String> dnsZoneIds,
                        String workspaceId, TerraformProvider azapi, Map<String, String> tags) {}

    private final Map<String, OpenAiAccount> accounts = new LinkedHashMap<>();
    private final Map<String, List<String>> deploymentsByRegion = new LinkedHashMap<>();

    public RegionalOpenAi(Construct scope, String id, Props props) {
        super(scope, id);
        var config = props.config();
        var cmkConfig = config.customerManagedKey();
        var cmk = cmkConfig == null ? null
                : new OpenAiAccount.CustomerManagedKey(cmkConfig.keyVaultKeyId(), cmkConfig.identityId(), cmkConfig.identityClientId());
        for (String region : config.regions()) {
            Construct regional = new Construct(this, region);
            Naming.Abbreviation abbreviation = config.kind().equals("AIServices") ? Naming.Abbreviation.AI_SERVICES : Naming.Abbreviation.OPENAI;
            OpenAiAccount account = new OpenAiAccount(regional, "Account", new OpenAiAccount.Props(
                    props.naming().name(abbreviation, region), region, props.resourceGroupName(), config.kind(),
                    props.privateEndpointSubnetId(), props.privateEndpointLocation(), props.dnsZoneIds(),
                    props.workspaceId(), cmk, false, false, props.tags()));
            for (var f : config.contentFilters()) {
                ContentFilter filter = new ContentFilter(regional, "ContentFilter-" + f.name(), new ContentFilter.Props(
                        f.name(), account.resourceId(), null, f.severityThreshold(), f.promptShields(), f.mode(), props.tags()));
                account.addDeploymentPrerequisite(filter.resource());
            }
            for (var b : config.blocklists())
                new Blocklist(regional, "Blocklist-" + b.name(), props.azapi(),
                        new Blocklist.Props(b.name(), account.resourceId(), b.description(), b.terms()));
            List<String> names = new ArrayList<>();
            for (var d : config.deployments()) {
                if (!d.regions().isEmpty() && !d.regions().contains(region)) continue;
                account.addDeployment(new OpenAiAccount.DeploymentOptions(d.name(), d.model(), d.version(), d.sku(),
                        d.capacityThousandsTpm() != null ? d.capacityThousandsTpm() : config.capacityThousandsTpm(),
                        d.versionUpgrade(), d.contentFilter()));
                names.add(d.name());
            }
            accounts.put(region, account);
            deploymentsByRegion.put(region, List.copyOf(names));
        }
    }

    /** Accounts by region, in configured order (first = primary). */
    public Map<String, OpenAiAccount> accounts() { return Map.copyOf(accounts); }
    public List<String> regions() { return List.copyOf(accounts.keySet()); }
    /** Deployment names per region. */
    public Map<String, List<String>> deploymentsByRegion() { return Map.copyOf(deploymentsByRegion); }
}
