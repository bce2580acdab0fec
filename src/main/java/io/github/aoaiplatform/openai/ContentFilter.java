package io.github.aoaiplatform.openai;

import com.hashicorp.cdktf.providers.azurerm.cognitive_account_rai_policy.CognitiveAccountRaiPolicy;
import com.hashicorp.cdktf.providers.azurerm.cognitive_account_rai_policy.CognitiveAccountRaiPolicyContentFilter;
import software.constructs.Construct;

import java.util.ArrayList;
import java.util.List;

/**
 * A content-filter (RAI) policy on one account, attachable per deployment by name. The four harm categories are
 * filtered and blocked on prompts and completions at the given severity; prompt shields (jailbreak) are on.
 * On an {@link OpenAiAccount}, the account's first deployment waits for the policy, and a deployment naming a policy the
 * account does not have fails at synth. Child id: {@code Resource}.
 */
public final class ContentFilter extends Construct {
    private static final List<String> CATEGORIES = List.of("Hate", "Sexual", "Violence", "SelfHarm");

    /**
     * @param policyName a content-filter policy name
     * @return true for Azure's built-in policies ({@code Microsoft.*}), which exist on every account
     */
    public static boolean isBuiltIn(String policyName) { return policyName != null && policyName.startsWith("Microsoft."); }

    private final CognitiveAccountRaiPolicy resource;

    /**
     * Creates the policy on its account.
     *
     * @param scope the parent construct
     * @param id    the construct id
     * @param props the policy's inputs
     */
    public ContentFilter(Construct scope, String id, ContentFilterProps props) {
        super(scope, id);
        ContentFilterOptions f = props.filter();
        List<CognitiveAccountRaiPolicyContentFilter> filters = new ArrayList<>();
        for (String source : List.of("Prompt", "Completion"))
            for (String category : CATEGORIES)
                filters.add(CognitiveAccountRaiPolicyContentFilter.builder().name(category).source(source)
                        .filterEnabled(true).blockEnabled(true).severityThreshold(f.severityThreshold()).build());
        if (f.promptShields())
            filters.add(CognitiveAccountRaiPolicyContentFilter.builder().name("Jailbreak").source("Prompt")
                    .filterEnabled(true).blockEnabled(true).severityThreshold("High").build());
        resource = CognitiveAccountRaiPolicy.Builder.create(this, "Resource")
                .name(f.name())
                .cognitiveAccountId(props.account().resourceId())
                .basePolicyName(f.basePolicy())
                .mode(f.mode())
                .contentFilter(filters)
                .tags(props.tags())
                .build();
        if (props.account() instanceof OpenAiAccount account) account.addContentFilter(f.name(), resource);
    }

    /** @return the policy's name, what deployments name */
    public String name() { return resource.getName(); }
}
