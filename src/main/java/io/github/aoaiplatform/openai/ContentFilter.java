package io.github.aoaiplatform.openai;

import com.hashicorp.cdktf.providers.azurerm.cognitive_account_rai_policy.CognitiveAccountRaiPolicy;
import com.hashicorp.cdktf.providers.azurerm.cognitive_account_rai_policy.CognitiveAccountRaiPolicyContentFilter;
import software.constructs.Construct;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A content-filter (RAI) policy on one account, attachable per deployment by name. The four harm categories are
 * filtered and blocked on prompts and completions at the given severity; prompt shields (jailbreak) are on.
 * Child id: {@code Resource}.
 */
public final class ContentFilter extends Construct {
    public static final Set<String> SEVERITIES = Set.of("Low", "Medium", "High");
    public static final Set<String> MODES = Set.of("Default", "Deferred", "Blocking", "Asynchronous_filter");
    private static final List<String> CATEGORIES = List.of("Hate", "Sexual", "Violence", "SelfHarm");

    /**
     * @param name              policy name (referenced by deployments).
     * @param accountId         the Azure OpenAI account.
     * @param basePolicy        base policy; Defaults to: Microsoft.DefaultV2.
     * @param severityThreshold lowest severity that is blocked (Low blocks most); Defaults to: Medium.
     * @param promptShields     block jailbreak attempts in prompts; Defaults to: true.
     * @param mode              streaming mode; Defaults to: Default (filter before returning each chunk).
     * @param tags              tags.
     */
    public record Props(String name, String accountId, String basePolicy, String severityThreshold, Boolean promptShields,
                        String mode, Map<String, String> tags) {
        public Props {
            Objects.requireNonNull(name, "name is required");
            basePolicy = Objects.requireNonNullElse(basePolicy, "Microsoft.DefaultV2");
            severityThreshold = Objects.requireNonNullElse(severityThreshold, "Medium");
            promptShields = Objects.requireNonNullElse(promptShields, true);
            mode = Objects.requireNonNullElse(mode, "Default");
            if (!SEVERITIES.contains(severityThreshold)) throw new IllegalArgumentException("severityThreshold '" + severityThreshold + "' must be one of " + SEVERITIES);
            if (!MODES.contains(mode)) throw new IllegalArgumentException("mode '" + mode + "' must be one of " + MODES);
            tags = tags == null ? Map.of() : Map.copyOf(tags);
        }
    }

    private final CognitiveAccountRaiPolicy resource;

    public ContentFilter(Construct scope, String id, Props props) {
        super(scope, id);
        List<CognitiveAccountRaiPolicyContentFilter> filters = new ArrayList<>();
        for (String source : List.of("Prompt", "Completion"))
            for (String category : CATEGORIES)
                filters.add(CognitiveAccountRaiPolicyContentFilter.builder().name(category).source(source)
                        .filterEnabled(true).blockEnabled(true).severityThreshold(props.severityThreshold()).build());
        if (props.promptShields())
            filters.add(CognitiveAccountRaiPolicyContentFilter.builder().name("Jailbreak").source("Prompt")
                    .filterEnabled(true).blockEnabled(true).severityThreshold("High").build());
        resource = CognitiveAccountRaiPolicy.Builder.create(this, "Resource")
                .name(props.name())
                .cognitiveAccountId(props.accountId())
                .basePolicyName(props.basePolicy())
                .mode(props.mode())
                .contentFilter(filters)
                .tags(props.tags())
                .build();
    }

    public String name() { return resource.getName(); }
    public CognitiveAccountRaiPolicy resource() { return resource; }
}
