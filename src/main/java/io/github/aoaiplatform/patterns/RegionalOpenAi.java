package io.github.aoaiplatform.patterns;

import io.github.aoaiplatform.core.Naming;
import io.github.aoaiplatform.openai.Blocklist;
import io.github.aoaiplatform.openai.BlocklistOptions;
import io.github.aoaiplatform.openai.BlocklistProps;
import io.github.aoaiplatform.openai.ContentFilter;
import io.github.aoaiplatform.openai.ContentFilterOptions;
import io.github.aoaiplatform.openai.ContentFilterProps;
import io.github.aoaiplatform.openai.IOpenAiAccount;
import io.github.aoaiplatform.openai.OpenAiAccount;
import io.github.aoaiplatform.openai.OpenAiAccountProps;
import software.constructs.Construct;
import software.constructs.IConstruct;

import java.util.ArrayList;
import java.util.List;

/**
 * Azure OpenAI accounts across regions, each with the same content filters and blocklists and its share of the model
 * deployments; every deployment names a filter ({@link RegionalOpenAiProps#defaultContentFilter()} when it names none,
 * created on the accounts that need it as {@code ContentFilter-platform-default}). A plain construct per region is the
 * namespace. The region's default account keeps the ids
 * {@code <region>/Account}, {@code <region>/ContentFilter-<name>} and {@code <region>/Blocklist-<name>}; another account
 * in the region, with id {@code <id>}, has {@code <region>/<id>}, {@code <region>/<id>-ContentFilter-<name>} and
 * {@code <region>/<id>-Blocklist-<name>}.
 */
public final class RegionalOpenAi extends Construct {
    private final List<IOpenAiAccount> accounts = new ArrayList<>();

    /**
     * Creates every account with its filters, blocklists and deployments.
     *
     * @param scope the parent construct
     * @param id    the construct id
     * @param props the accounts to create
     */
    public RegionalOpenAi(Construct scope, String id, RegionalOpenAiProps props) {
        super(scope, id);
        Naming.Abbreviation abbreviation = props.kind().equals("AIServices") ? Naming.Abbreviation.AI_SERVICES : Naming.Abbreviation.OPENAI;
        for (RegionalAccountOptions options : props.accounts()) {
            IConstruct existing = getNode().tryFindChild(options.region());
            Construct regional = existing != null ? (Construct) existing : new Construct(this, options.region());
            OpenAiAccount account = new OpenAiAccount(regional, options.id(), OpenAiAccountProps.builder()
                    .name(options.qualifier() == null ? props.naming().name(abbreviation, options.region())
                            : props.naming().name(abbreviation, options.region(), options.qualifier()))
                    .resourceGroup(props.resourceGroup())
                    .location(options.region())
                    .kind(props.kind())
                    .privateEndpoints(props.privateEndpoints())
                    .diagnostics(props.diagnostics())
                    .customerManagedKey(props.customerManagedKey())
                    .lock(props.lock())
                    .tags(props.tags())
                    .allowedFqdns(props.allowedFqdns())
                    .defaultContentFilter(props.defaultContentFilter())
                    .build());
            String prefix = options.id().equals(RegionalAccountOptions.DEFAULT_ID) ? "" : options.id() + "-";
            for (BlocklistOptions blocklist : props.blocklists())  // before the filters that attach them
                new Blocklist(regional, prefix + "Blocklist-" + blocklist.name(), BlocklistProps.builder()
                        .account(account).blocklist(blocklist).azapi(props.azapi()).build());
            for (ContentFilterOptions filter : filtersOf(props, options))
                new ContentFilter(regional, prefix + "ContentFilter-" + filter.name(), ContentFilterProps.builder()
                        .account(account).filter(filter).tags(props.tags()).azapi(props.azapi()).build());
            for (RegionalDeploymentOptions deployment : props.deployments())
                if (deployment.targets(options)) account.addDeployment(deployment.deployment());
            accounts.add(account);
        }
    }

    /**
     * The filters of one account: {@code contentFilters}, plus the platform default filter when a deployment of the
     * account names no filter, the default is {@value ContentFilterOptions#PLATFORM_DEFAULT} and no configured filter
     * has that name.
     */
    private static List<ContentFilterOptions> filtersOf(RegionalOpenAiProps props, RegionalAccountOptions account) {
        List<ContentFilterOptions> filters = new ArrayList<>(props.contentFilters());
        boolean usesPlatformDefault = props.defaultContentFilter().equals(ContentFilterOptions.PLATFORM_DEFAULT)
                && props.contentFilters().stream().noneMatch(f -> f.name().equals(ContentFilterOptions.PLATFORM_DEFAULT))
                && props.deployments().stream().anyMatch(d -> d.targets(account) && d.deployment().contentFilter() == null);
        if (usesPlatformDefault)
            filters.add(ContentFilterOptions.platformDefault(props.defaultFilterBlocklists()));
        return filters;
    }

    /** @return every account, in the order of {@link RegionalOpenAiProps#accounts()} (the first is the primary) */
    public List<IOpenAiAccount> accounts() { return List.copyOf(accounts); }

    /**
     * @param region a region
     * @return the region's accounts, in order; empty when the region has none
     */
    public List<IOpenAiAccount> accountsIn(String region) {
        return accounts.stream().filter(a -> a.location().equals(region)).toList();
    }

    /** @return the regions that have accounts, in order of their first account */
    public List<String> regions() { return accounts.stream().map(IOpenAiAccount::location).distinct().toList(); }
}
