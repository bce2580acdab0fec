package io.github.aoaiplatform.openai;

import com.hashicorp.cdktf.ITerraformDependable;
import io.github.aoaiplatform.azapi.AzapiResource;
import io.github.aoaiplatform.azapi.AzapiResourceProps;
import io.github.aoaiplatform.core.PropsCheck;
import software.constructs.Construct;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A content-filter (RAI) policy on one account, attachable per deployment by name. The four harm categories are
 * filtered and blocked on prompts and completions at the given severity; prompt shields (jailbreak) are on; every
 * blocklist named in {@link ContentFilterOptions#blocklists()} blocks on prompts and completions. A typed azapi
 * {@code Microsoft.CognitiveServices/accounts/raiPolicies} resource ({@link #TYPE}), because azurerm 4.55's
 * {@code azurerm_cognitive_account_rai_policy} cannot attach blocklists.
 * On an {@link OpenAiAccount}, the policy waits for its blocklists, the account's first deployment waits for the
 * policy, and a deployment naming a policy the account does not have fails at synth. Child id: {@code Resource}.
 */
public final class ContentFilter extends Construct {
    /** The ARM type (with API version) of the policy; its body follows that version's {@code RaiPolicyProperties}. */
    public static final String TYPE = "Microsoft.CognitiveServices/accounts/raiPolicies@2024-10-01";
    /** The harm categories filtered on both prompts and completions. */
    public static final List<String> CATEGORIES = List.of("Hate", "Sexual", "Violence", "SelfHarm");
    /** The sides of a call a filter or blocklist applies to. */
    public static final List<String> SOURCES = List.of("Prompt", "Completion");

    /**
     * @param policyName a content-filter policy name
     * @return true for Azure's built-in policies ({@code Microsoft.*}), which exist on every account
     */
    public static boolean isBuiltIn(String policyName) { return policyName != null && policyName.startsWith("Microsoft."); }

    private final AzapiResource resource;
    private final String name;

    /**
     * Creates the policy on its account.
     *
     * @param scope the parent construct
     * @param id    the construct id
     * @param props the policy's inputs
     * @throws io.github.aoaiplatform.core.InvalidPropsException when the filter names a blocklist that an
     *                                                          {@link OpenAiAccount} does not have (yet)
     */
    public ContentFilter(Construct scope, String id, ContentFilterProps props) {
        super(scope, id);
        ContentFilterOptions f = props.filter();
        this.name = f.name();
        List<ITerraformDependable> blocklists = new ArrayList<>();
        if (props.account() instanceof OpenAiAccount account) {
            PropsCheck check = PropsCheck.of("ContentFilterOptions");
            for (int i = 0; i < f.blocklists().size(); i++) {
                Blocklist blocklist = account.blocklist(f.blocklists().get(i));
                if (blocklist != null) blocklists.add(blocklist.resource());
                else check.add("blocklists[" + i + "]", "'" + f.blocklists().get(i) + "' is not a blocklist on account '"
                        + account.plainName() + "'; create the Blocklist on the account before the filter that attaches it");
            }
            check.throwIfAny();
        }
        resource = new AzapiResource(this, "Resource", AzapiResourceProps.builder().provider(props.azapi()).type(TYPE)
                .name(f.name()).parentId(props.account().resourceId()).body(body(f))
                .dependsOn(blocklists).tags(props.tags())
                .build());
        if (props.account() instanceof OpenAiAccount account) account.addContentFilter(f.name(), resource);
    }

    /** The {@code raiPolicies} body of {@link #TYPE}: its {@code RaiPolicyProperties}. */
    static Map<String, Object> body(ContentFilterOptions f) {
        List<Map<String, Object>> filters = new ArrayList<>();
        for (String source : SOURCES)
            for (String category : CATEGORIES)
                filters.add(Map.of("name", category, "source", source, "enabled", true, "blocking", true,
                        "severityThreshold", f.severityThreshold()));
        if (f.promptShields())
            filters.add(Map.of("name", "Jailbreak", "source", "Prompt", "enabled", true, "blocking", true));
        List<Map<String, Object>> customBlocklists = new ArrayList<>();
        for (String blocklist : f.blocklists())
            for (String source : SOURCES)
                customBlocklists.add(Map.of("blocklistName", blocklist, "source", source, "blocking", true));
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("basePolicyName", f.basePolicy());
        properties.put("mode", f.mode());
        properties.put("contentFilters", filters);
        properties.put("customBlocklists", customBlocklists);
        return Map.of("properties", properties);
    }

    /** @return the policy's name, what deployments name */
    public String name() { return name; }

    /** @return the azapi resource of the policy */
    public AzapiResource resource() { return resource; }
}
