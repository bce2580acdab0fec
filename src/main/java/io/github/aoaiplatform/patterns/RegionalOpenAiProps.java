package io.github.aoaiplatform.patterns;

import com.hashicorp.cdktf.TerraformProvider;
import io.github.aoaiplatform.core.DiagnosticSettings;
import io.github.aoaiplatform.core.IResourceGroup;
import io.github.aoaiplatform.core.Lock;
import io.github.aoaiplatform.core.Naming;
import io.github.aoaiplatform.core.PrivateEndpointOptions;
import io.github.aoaiplatform.core.PropsCheck;
import io.github.aoaiplatform.openai.BlocklistOptions;
import io.github.aoaiplatform.openai.ContentFilter;
import io.github.aoaiplatform.openai.ContentFilterOptions;
import io.github.aoaiplatform.openai.CustomerManagedKeyOptions;
import io.github.aoaiplatform.openai.OpenAiAccountProps;

import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The inputs of a {@link RegionalOpenAi}.
 *
 * @param accounts           the accounts, in order (the first is the primary). Required, at least one; each region and
 *                           id pair once.
 * @param kind               {@code OpenAI} or {@code AIServices}, for every account; Defaults to: {@code OpenAI}.
 * @param customerManagedKey encrypt every account with this key; Defaults to: none (Microsoft-managed keys).
 * @param contentFilters     content filters created on every account before its first deployment, each name once;
 *                           Defaults to: none.
 * @param blocklists         blocklists created on every account, each name once; Defaults to: none.
 * @param deployments        model deployments and the accounts that get them, each name once; a deployment's content
 *                           filter must be one of {@code contentFilters} or built in; Defaults to: none.
 * @param naming             how accounts are named. Required.
 * @param resourceGroup      the resource group of every account. Required.
 * @param privateEndpoints   the private endpoints of every account, without names or static IPs when there are several
 *                           accounts. Required, at least one (the accounts are private).
 * @param diagnostics        where every account's logs and metrics go, or why none. Required.
 * @param lock               a lock on every account; Defaults to: none.
 * @param azapi              the azapi provider, which creates content filters and blocklist terms. Required when there
 *                           are content filters or blocklists, or a deployment gets the platform default filter.
 * @param tags               tags on every account, endpoint and filter; Defaults to: none.
 * @param allowedFqdns       the host names every account may reach outbound ({@link OpenAiAccountProps#allowedFqdns()});
 *                           Defaults to: none (no outbound access).
 * @param defaultContentFilter the filter of every deployment that names none: a {@code contentFilters} name, a built-in
 *                           {@code Microsoft.*} policy, or {@value ContentFilterOptions#PLATFORM_DEFAULT}; Defaults to:
 *                           {@value ContentFilterOptions#PLATFORM_DEFAULT}, which (unless {@code contentFilters} defines
 *                           it) is {@link ContentFilterOptions#platformDefault} with {@code defaultFilterBlocklists},
 *                           created on each account that has a deployment using it.
 * @param defaultFilterBlocklists the blocklists the platform default filter attaches, each one of {@code blocklists};
 *                           Defaults to: every blocklist (set it when some blocklists belong to one tenant's filters only).
 */
public record RegionalOpenAiProps(List<RegionalAccountOptions> accounts, String kind, CustomerManagedKeyOptions customerManagedKey,
                                  List<ContentFilterOptions> contentFilters, List<BlocklistOptions> blocklists,
                                  List<RegionalDeploymentOptions> deployments, Naming naming, IResourceGroup resourceGroup,
                                  List<PrivateEndpointOptions> privateEndpoints, DiagnosticSettings diagnostics, Lock lock,
                                  TerraformProvider azapi, Map<String, String> tags, List<String> allowedFqdns,
                                  String defaultContentFilter, List<String> defaultFilterBlocklists) {
    /**
     * Validates every field, including what spans the lists, and fills defaults.
     *
     * @param accounts see {@link #accounts()}
     * @param kind see {@link #kind()}
     * @param customerManagedKey see {@link #customerManagedKey()}
     * @param contentFilters see {@link #contentFilters()}
     * @param blocklists see {@link #blocklists()}
     * @param deployments see {@link #deployments()}
     * @param naming see {@link #naming()}
     * @param resourceGroup see {@link #resourceGroup()}
     * @param privateEndpoints see {@link #privateEndpoints()}
     * @param diagnostics see {@link #diagnostics()}
     * @param lock see {@link #lock()}
     * @param azapi see {@link #azapi()}
     * @param tags see {@link #tags()}
     * @param allowedFqdns see {@link #allowedFqdns()}
     * @param defaultContentFilter see {@link #defaultContentFilter()}
     * @param defaultFilterBlocklists see {@link #defaultFilterBlocklists()}
     * @throws io.github.aoaiplatform.core.InvalidPropsException naming every invalid field
     */
    public RegionalOpenAiProps {
        accounts = accounts == null ? List.of() : List.copyOf(accounts);
        kind = kind == null ? "OpenAI" : kind;
        contentFilters = contentFilters == null ? List.of() : List.copyOf(contentFilters);
        blocklists = blocklists == null ? List.of() : List.copyOf(blocklists);
        deployments = deployments == null ? List.of() : List.copyOf(deployments);
        privateEndpoints = privateEndpoints == null ? List.of() : List.copyOf(privateEndpoints);
        tags = tags == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(tags));
        allowedFqdns = allowedFqdns == null ? List.of() : List.copyOf(allowedFqdns);
        defaultContentFilter = defaultContentFilter == null ? ContentFilterOptions.PLATFORM_DEFAULT : defaultContentFilter;
        defaultFilterBlocklists = defaultFilterBlocklists == null ? blocklists.stream().map(BlocklistOptions::name).toList()
                : List.copyOf(defaultFilterBlocklists);
        PropsCheck check = PropsCheck.of("RegionalOpenAiProps");
        check.require("accounts", accounts);
        Set<String> accountKeys = new HashSet<>();
        for (int i = 0; i < accounts.size(); i++)
            check.check(accountKeys.add(accounts.get(i).region() + "/" + accounts.get(i).id()), "accounts[" + i + "]",
                    "'" + accounts.get(i).id() + "' is listed twice in " + accounts.get(i).region() + "; give the second account another id");
        check.check(OpenAiAccountProps.KINDS.contains(kind), "kind", "'" + kind + "' must be one of " + OpenAiAccountProps.KINDS);
        Set<String> filterNames = uniqueNames(check, "contentFilters", contentFilters.stream().map(ContentFilterOptions::name).toList());
        Set<String> blocklistNames = uniqueNames(check, "blocklists", blocklists.stream().map(BlocklistOptions::name).toList());
        checkContentSafetyReferences(check, filterNames, blocklistNames,
                contentFilters.stream().map(ContentFilterOptions::blocklists).toList(), defaultContentFilter);
        for (int b = 0; b < defaultFilterBlocklists.size(); b++)
            check.check(blocklistNames.contains(defaultFilterBlocklists.get(b)), "defaultFilterBlocklists[" + b + "]",
                    "'" + defaultFilterBlocklists.get(b) + "' is not defined; add it to blocklists");
        uniqueNames(check, "deployments", deployments.stream().map(d -> d.deployment().name()).toList());
        List<String> regions = accounts.stream().map(RegionalAccountOptions::region).distinct().toList();
        List<String> accountIds = accounts.stream().map(RegionalAccountOptions::id).distinct().toList();
        for (int i = 0; i < deployments.size(); i++) {
            RegionalDeploymentOptions d = deployments.get(i);
            String path = "deployments[" + i + "]";
            for (int r = 0; r < d.regions().size(); r++)
                check.check(regions.contains(d.regions().get(r)), path + ".regions[" + r + "]",
                        "'" + d.regions().get(r) + "' has no account " + regions + "; add an account there or remove the region here");
            for (int a = 0; a < d.accounts().size(); a++)
                check.check(accountIds.contains(d.accounts().get(a)), path + ".accounts[" + a + "]",
                        "'" + d.accounts().get(a) + "' is not an account id " + accountIds);
            String filter = d.deployment().contentFilter();
            check.check(filter == null || ContentFilter.isBuiltIn(filter) || filterNames.contains(filter), path + ".deployment.contentFilter",
                    "'" + filter + "' is not defined; add it to contentFilters or use Microsoft.DefaultV2");
        }
        check.require("naming", naming);
        check.require("resourceGroup", resourceGroup);
        check.check(!privateEndpoints.isEmpty(), "privateEndpoints", "must list at least one private endpoint: the accounts are private-only");
        for (int i = 0; accounts.size() > 1 && i < privateEndpoints.size(); i++) {
            // every account gets these endpoints, so what must be unique per endpoint cannot be given
            check.check(privateEndpoints.get(i).name() == null, "privateEndpoints[" + i + "].name",
                    "must be left to its default (pep-<account name>) when there are several accounts");
            check.check(privateEndpoints.get(i).staticIp() == null, "privateEndpoints[" + i + "].staticIp",
                    "must be left dynamic when there are several accounts");
        }
        check.require("diagnostics", diagnostics);
        boolean platformDefaultUsed = defaultContentFilter.equals(ContentFilterOptions.PLATFORM_DEFAULT)
                && deployments.stream().anyMatch(d -> d.deployment().contentFilter() == null);
        check.check(azapi != null || (contentFilters.isEmpty() && blocklists.isEmpty() && !platformDefaultUsed), "azapi",
                "is required to create content filters and blocklist terms");
        check.throwIfAny();
    }

    /**
     * The references between the content-safety lists, in this record's field names: every blocklist a filter attaches
     * ({@code contentFilters[i].blocklists[b]}) is defined, and {@code defaultContentFilter} is a defined filter, a
     * built-in {@code Microsoft.*} policy or {@value ContentFilterOptions#PLATFORM_DEFAULT}. Stack-file validation
     * applies the same rule to its lists.
     *
     * @param check                where problems go
     * @param filterNames          the defined filters' names
     * @param blocklistNames       the defined blocklists' names
     * @param attachedBlocklists   each filter's attached blocklist names, in filter order
     * @param defaultContentFilter the default filter, or null when not set
     */
    public static void checkContentSafetyReferences(PropsCheck check, Set<String> filterNames, Set<String> blocklistNames,
                                                    List<List<String>> attachedBlocklists, String defaultContentFilter) {
        for (int i = 0; i < attachedBlocklists.size(); i++)
            for (int b = 0; b < attachedBlocklists.get(i).size(); b++)
                check.check(blocklistNames.contains(attachedBlocklists.get(i).get(b)), "contentFilters[" + i + "].blocklists[" + b + "]",
                        "'" + attachedBlocklists.get(i).get(b) + "' is not defined; add it to blocklists");
        check.check(defaultContentFilter == null || ContentFilter.isBuiltIn(defaultContentFilter) || filterNames.contains(defaultContentFilter)
                        || defaultContentFilter.equals(ContentFilterOptions.PLATFORM_DEFAULT), "defaultContentFilter",
                "'" + defaultContentFilter + "' is not defined; add it to contentFilters, use a built-in Microsoft.* policy or "
                        + ContentFilterOptions.PLATFORM_DEFAULT);
    }

    /**
     * Each name of a list once: a repeated one is a problem at {@code field[i].name}; null names are left to their own
     * rule. Stack-file validation applies it to its lists too.
     *
     * @param check where problems go
     * @param field the list's field, e.g. {@code contentFilters}
     * @param names the names, in list order
     * @return the distinct names
     */
    public static Set<String> uniqueNames(PropsCheck check, String field, List<String> names) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < names.size(); i++)
            check.check(names.get(i) == null || seen.add(names.get(i)), field + "[" + i + "].name",
                    "'" + names.get(i) + "' is used twice; names must be unique");
        return seen;
    }

    /** @return a builder for {@link RegionalOpenAiProps}; required fields are checked by {@link Builder#build()} */
    public static Builder builder() { return new Builder(); }

    /** Builds {@link RegionalOpenAiProps}: one setter per component, defaults and validation in the record. */
    public static final class Builder {
        private List<RegionalAccountOptions> accounts;
        private String kind;
        private CustomerManagedKeyOptions customerManagedKey;
        private List<ContentFilterOptions> contentFilters;
        private List<BlocklistOptions> blocklists;
        private List<RegionalDeploymentOptions> deployments;
        private Naming naming;
        private IResourceGroup resourceGroup;
        private List<PrivateEndpointOptions> privateEndpoints;
        private DiagnosticSettings diagnostics;
        private Lock lock;
        private TerraformProvider azapi;
        private Map<String, String> tags;
        private List<String> allowedFqdns;
        private String defaultContentFilter;
        private List<String> defaultFilterBlocklists;

        private Builder() {}

        /**
         * Sets {@link RegionalOpenAiProps#accounts()}.
         *
         * @param accounts the value
         * @return this builder
         */
        public Builder accounts(List<RegionalAccountOptions> accounts) { this.accounts = accounts; return this; }

        /**
         * Sets {@link RegionalOpenAiProps#kind()}.
         *
         * @param kind the value
         * @return this builder
         */
        public Builder kind(String kind) { this.kind = kind; return this; }

        /**
         * Sets {@link RegionalOpenAiProps#customerManagedKey()}.
         *
         * @param customerManagedKey the value
         * @return this builder
         */
        public Builder customerManagedKey(CustomerManagedKeyOptions customerManagedKey) { this.customerManagedKey = customerManagedKey; return this; }

        /**
         * Sets {@link RegionalOpenAiProps#contentFilters()}.
         *
         * @param contentFilters the value
         * @return this builder
         */
        public Builder contentFilters(List<ContentFilterOptions> contentFilters) { this.contentFilters = contentFilters; return this; }

        /**
         * Sets {@link RegionalOpenAiProps#blocklists()}.
         *
         * @param blocklists the value
         * @return this builder
         */
        public Builder blocklists(List<BlocklistOptions> blocklists) { this.blocklists = blocklists; return this; }

        /**
         * Sets {@link RegionalOpenAiProps#deployments()}.
         *
         * @param deployments the value
         * @return this builder
         */
        public Builder deployments(List<RegionalDeploymentOptions> deployments) { this.deployments = deployments; return this; }

        /**
         * Sets {@link RegionalOpenAiProps#naming()}.
         *
         * @param naming the value
         * @return this builder
         */
        public Builder naming(Naming naming) { this.naming = naming; return this; }

        /**
         * Sets {@link RegionalOpenAiProps#resourceGroup()}.
         *
         * @param resourceGroup the value
         * @return this builder
         */
        public Builder resourceGroup(IResourceGroup resourceGroup) { this.resourceGroup = resourceGroup; return this; }

        /**
         * Sets {@link RegionalOpenAiProps#privateEndpoints()}.
         *
         * @param privateEndpoints the value
         * @return this builder
         */
        public Builder privateEndpoints(List<PrivateEndpointOptions> privateEndpoints) { this.privateEndpoints = privateEndpoints; return this; }

        /**
         * Sets {@link RegionalOpenAiProps#diagnostics()}.
         *
         * @param diagnostics the value
         * @return this builder
         */
        public Builder diagnostics(DiagnosticSettings diagnostics) { this.diagnostics = diagnostics; return this; }

        /**
         * Sets {@link RegionalOpenAiProps#lock()}.
         *
         * @param lock the value
         * @return this builder
         */
        public Builder lock(Lock lock) { this.lock = lock; return this; }

        /**
         * Sets {@link RegionalOpenAiProps#azapi()}.
         *
         * @param azapi the value
         * @return this builder
         */
        public Builder azapi(TerraformProvider azapi) { this.azapi = azapi; return this; }

        /**
         * Sets {@link RegionalOpenAiProps#tags()}.
         *
         * @param tags the value
         * @return this builder
         */
        public Builder tags(Map<String, String> tags) { this.tags = tags; return this; }

        /**
         * Sets {@link RegionalOpenAiProps#allowedFqdns()}.
         *
         * @param allowedFqdns the value
         * @return this builder
         */
        public Builder allowedFqdns(List<String> allowedFqdns) { this.allowedFqdns = allowedFqdns; return this; }

        /**
         * Sets {@link RegionalOpenAiProps#defaultContentFilter()}.
         *
         * @param defaultContentFilter the value
         * @return this builder
         */
        public Builder defaultContentFilter(String defaultContentFilter) { this.defaultContentFilter = defaultContentFilter; return this; }

        /**
         * Sets {@link RegionalOpenAiProps#defaultFilterBlocklists()}.
         *
         * @param defaultFilterBlocklists the value
         * @return this builder
         */
        public Builder defaultFilterBlocklists(List<String> defaultFilterBlocklists) { this.defaultFilterBlocklists = defaultFilterBlocklists; return this; }

        /**
         * @return the validated, immutable props
         * @throws io.github.aoaiplatform.core.InvalidPropsException naming every invalid field
         */
        public RegionalOpenAiProps build() { return new RegionalOpenAiProps(accounts, kind, customerManagedKey, contentFilters, blocklists, deployments, naming, resourceGroup, privateEndpoints, diagnostics, lock, azapi, tags, allowedFqdns, defaultContentFilter, defaultFilterBlocklists); }
    }
}
