package io.github.aoaiplatform.openai;

import com.hashicorp.cdktf.TerraformProvider;
import com.hashicorp.cdktf.providers.azurerm.cognitive_account_rai_blocklist.CognitiveAccountRaiBlocklist;
import io.github.aoaiplatform.azapi.AzapiResource;
import io.github.aoaiplatform.azapi.AzapiResourceProps;
import software.constructs.Construct;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A custom blocklist on one account: the list through azurerm, its terms through azapi (azurerm 4.55 has no
 * blocklist item resource). Child ids: {@code Resource}, {@code Item<n>}.
 * Attaching a blocklist to a content-filter policy is not expressible in azurerm 4.55's
 * {@code azurerm_cognitive_account_rai_policy}; see the README's known gaps.
 */
public final class Blocklist extends Construct {
    public static final String ITEM_TYPE = "Microsoft.CognitiveServices/accounts/raiBlocklists/raiBlocklistItems@2024-10-01";

    /**
     * @param name        blocklist name.
     * @param accountId   the Azure OpenAI account.
     * @param description free text; Defaults to: none.
     * @param terms       exact-match terms to block (case-insensitive); at least one.
     */
    public record Props(String name, String accountId, String description, List<String> terms) {
        public Props {
            Objects.requireNonNull(name, "name is required");
            terms = List.copyOf(Objects.requireNonNull(terms, "terms is required"));
            if (terms.isEmpty()) throw new IllegalArgumentException("blocklist '" + name + "' needs at least one term");
        }
    }

    private final CognitiveAccountRaiBlocklist resource;

    public Blocklist(Construct scope, String id, TerraformProvider azapi, Props props) {
        super(scope, id);
        resource = CognitiveAccountRaiBlocklist.Builder.create(this, "Resource")
                .name(props.name()).cognitiveAccountId(props.accountId()).description(props.description()).build();
        for (int i = 0; i < props.terms().size(); i++) {
            new AzapiResource(this, "Item" + i, AzapiResourceProps.builder().provider(azapi).type(ITEM_TYPE).name("term-" + i)
                    .parentId(resource.getId()).body(Map.of("properties", Map.of("pattern", props.terms().get(i), "isRegex", false)))
                    .dependsOn(List.of(resource)).build());
        }
    }

    public String name() { return resource.getName(); }
}
