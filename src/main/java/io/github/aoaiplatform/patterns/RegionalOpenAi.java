package io.github.aoaiplatform.patterns;

import com.hashicorp.cdktf.TerraformProvider;
import io.github.aoaiplatform.core.Naming;
import io.github.aoaiplatform.openai.Blocklist;
import io.github.aoaiplatform.openai.ContentFilter;
import io.github.aoaiplatform.openai.OpenAiAccount;
import software.constructs.Construct;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One Azure OpenAI account per configured region, each with the configured content filters, blocklists and
 * model deployments. A plain construct per region is the namespace: {@code <region>/Account},
 * {@code <region>/ContentFilter-<name>}, {@code <region>/Blocklist-<name>}.
 */
public final class RegionalOpenAi extends Construct {

    /**
     * @param regions                 account regions, in order (first = primary). Required, at least one.
     * @param kind                    {@code OpenAI} or {@code AIServices}; Defaults to: OpenAI.
     * @param customerManagedKey      encrypt every account with this key; Defaults to: Microsoft-managed keys.
     * @param contentFilters          content filters created on every account before its first deployment; Defaults to: none.
     * @param blocklists              blocklists created on every account; Defaults to: none.
     * @param deployments             model deployments and the regions that get them. Defaults to: none.
     * @param naming                  resource naming. Required.
     * @param resourceGroupName       resource group for all accounts. Required.
     * @param privateEndpointSubnetId subnet for every account's private endpoint. Required.
     * @param privateEndpointLocation region of that subnet's VNet. Required.
     * @param dnsZoneIds              zone ids for the endpoints' DNS zone groups; Defaults to: none.
     * @param workspaceId             Log Analytics workspace for diagnostics. Required.
     * @param azapi                   azapi provider (blocklist terms). Required.
     * @param tags                    tags; Defaults to: none.
     */
    public record Props(List<String> regions, String kind, OpenAiAccount.CustomerManagedKey customerManagedKey,
                        List<ContentFilterSpec> contentFilters, List<BlocklistSpec> blocklists, List<DeploymentSpec> deployments,
                        Naming naming, String resourceGroupName, String privateEndpointSubnetId, String privateEndpointLocation,
                        List<String> dnsZoneIds, String workspaceId, TerraformProvider azapi, Map<String, String> tags) {
        public Props {
            regions = List.copyOf(Objects.requireNonNull(regions, "regions is required"));
            if (regions.isEmpty()) throw new IllegalArgumentException("regions must list at least one region");
            kind = Objects.requireNonNullElse(kind, "OpenAI");
            contentFilters = contentFilters == null ? List.of() : List.copyOf(contentFilters);
            blocklists = blocklists == null ? List.of() : List.copyOf(blocklists);
            deployments = deployments == null ? List.of() : List.copyOf(deployments);
            Objects.requireNonNull(naming, "naming is required");
            dnsZoneIds = dnsZoneIds == null ? List.of() : List.copyOf(dnsZoneIds);
            tags = tags == null ? Map.of() : Map.copyOf(tags);
        }
    }

    /**
     * A content filter created on every account.
     *
     * @param name              policy name. Required.
     * @param severityThreshold Low, Medium or High; Defaults to: Medium.
     * @param promptShields     block jailbreak attempts; Defaults to: true.
     * @param mode              Default, Deferred, Blocking or Asynchronous_filter; Defaults to: Default.
     */
    public record ContentFilterSpec(String name, String severityThreshold, Boolean promptShields, String mode) {}

    /**
     * A blocklist created on every account.
     *
     * @param name        blocklist name. Required.
     * @param description free text; Defaults to: none.
     * @param terms       terms to block. Required, at least one.
     */
    public record BlocklistSpec(String name, String description, List<String> terms) {
        public BlocklistSpec { terms = terms == null ? List.of() : List.copyOf(terms); }
    }

    /**
     * A model deployment and where it goes.
     *
     * @param options the deployment. Required.
     * @param regions regions whose account gets it; Defaults to: every region.
     */
    public record DeploymentSpec(OpenAiAccount.DeploymentOptions options, List<String> regions) {
        public DeploymentSpec {
            Objects.requireNonNull(options, "options is required");
            regions = regions == null ? List.of() : List.copyOf(regions);
        }
    }

    private final Map<String, OpenAiAccount> accounts = new LinkedHashMap<>();
    private final Map<String, List<String>> deploymentsByRegion = new LinkedHashMap<>();

    /**
     * Creates one account per region with its filters, blocklists and deployments.
     *
     * @param scope the parent construct
     * @param id    the construct id
     * @param props the accounts to create
     */
    public RegionalOpenAi(Construct scope, String id, Props props) {
        super(scope, id);
        for (String region : props.regions()) {
            Construct regional = new Construct(this, region);
            Naming.Abbreviation abbreviation = props.kind().equals("AIServices") ? Naming.Abbreviation.AI_SERVICES : Naming.Abbreviation.OPENAI;
            OpenAiAccount account = new OpenAiAccount(regional, "Account", new OpenAiAccount.Props(
                    props.naming().name(abbreviation, region), region, props.resourceGroupName(), props.kind(),
                    props.privateEndpointSubnetId(), props.privateEndpointLocation(), props.dnsZoneIds(),
                    props.workspaceId(), props.customerManagedKey(), false, false, props.tags()));
            for (var f : props.contentFilters()) {
                ContentFilter filter = new ContentFilter(regional, "ContentFilter-" + f.name(), new ContentFilter.Props(
                        f.name(), account.resourceId(), null, f.severityThreshold(), f.promptShields(), f.mode(), props.tags()));
                account.addDeploymentPrerequisite(filter.resource());
            }
            for (var b : props.blocklists())
                new Blocklist(regional, "Blocklist-" + b.name(), props.azapi(),
                        new Blocklist.Props(b.name(), account.resourceId(), b.description(), b.terms()));
            List<String> names = new ArrayList<>();
            for (var d : props.deployments()) {
                if (!d.regions().isEmpty() && !d.regions().contains(region)) continue;
                account.addDeployment(d.options());
                names.add(d.options().name());
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
