package io.github.aoaiplatform.openai;

import com.hashicorp.cdktf.providers.azurerm.cognitive_account_rai_blocklist.CognitiveAccountRaiBlocklist;
import io.github.aoaiplatform.azapi.AzapiResource;
import io.github.aoaiplatform.azapi.AzapiResourceProps;
import software.constructs.Construct;

import java.util.List;
import java.util.Map;

/**
 * A custom blocklist on one account: the list through azurerm, its terms through azapi (azurerm 4.55 has no
 * blocklist item resource). Child ids: {@code Resource}, {@code Item<n>}.
 * A {@link ContentFilter} attaches it by name ({@link ContentFilterOptions#blocklists()}); on an {@link OpenAiAccount}
 * the filter must be created after the blocklist, and waits for it.
 */
public final class Blocklist extends Construct {
    /** The ARM type (with API version) of one blocklist term. */
    public static final String ITEM_TYPE = "Microsoft.CognitiveServices/accounts/raiBlocklists/raiBlocklistItems@2024-10-01";

    private final CognitiveAccountRaiBlocklist resource;

    /**
     * Creates the blocklist and its terms.
     *
     * @param scope the parent construct
     * @param id    the construct id
     * @param props the blocklist's inputs
     */
    public Blocklist(Construct scope, String id, BlocklistProps props) {
        super(scope, id);
        BlocklistOptions b = props.blocklist();
        resource = CognitiveAccountRaiBlocklist.Builder.create(this, "Resource")
                .name(b.name()).cognitiveAccountId(props.account().resourceId()).description(b.description()).build();
        for (int i = 0; i < b.terms().size(); i++) {
            new AzapiResource(this, "Item" + i, AzapiResourceProps.builder().provider(props.azapi()).type(ITEM_TYPE).name("term-" + i)
                    .parentId(resource.getId()).body(Map.of("properties", Map.of("pattern", b.terms().get(i), "isRegex", false)))
                    .dependsOn(List.of(resource)).build());
        }
        if (props.account() instanceof OpenAiAccount account) account.addBlocklist(b.name(), this);
    }

    /** @return the azurerm blocklist resource (what a filter that attaches the list waits for) */
    public CognitiveAccountRaiBlocklist resource() { return resource; }

    /** @return the blocklist's name */
    public String name() { return resource.getName(); }
}
