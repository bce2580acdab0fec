package io.github.aoaiplatform.azapi;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.aoaiplatform.core.Tags;
import io.github.aoaiplatform.testing.Synth;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AzapiResourceTest {
    static final String ACCOUNT_ID = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/"
            + "Microsoft.CognitiveServices/accounts/oai-x";

    @Test
    void platformTagsReachOnlyResourcesWhoseTypeHasTags() {
        Map<String, String> own = new HashMap<>(Map.of("owner", "safety"));
        JsonNode tf = Synth.of(stack -> {
            Tags.of(stack).add("environment", "dev");
            var azapi = new AzapiProvider(stack, "Azapi");
            new AzapiResource(stack, "Tagged", AzapiResourceProps.builder().provider(azapi)
                    .type("Microsoft.CognitiveServices/accounts/raiPolicies@2024-10-01").name("strict").parentId(ACCOUNT_ID)
                    .body(Map.of("properties", Map.of("basePolicyName", "Microsoft.DefaultV2"))).tags(own).build());
            new AzapiResource(stack, "Untagged", AzapiResourceProps.builder().provider(azapi)
                    .type("Microsoft.ApiManagement/service/loggers@2024-05-01").name("appinsights").parentId(ACCOUNT_ID)
                    .body(Map.of("properties", Map.of("loggerType", "applicationInsights"))).build());
        });
        own.put("owner", "changed later");
        var resources = Synth.all(tf, "azapi_resource");
        JsonNode tagged = resources.entrySet().stream().filter(e -> e.getKey().startsWith("Tagged")).findFirst().orElseThrow().getValue();
        JsonNode untagged = resources.entrySet().stream().filter(e -> e.getKey().startsWith("Untagged")).findFirst().orElseThrow().getValue();
        assertThat(tagged.path("tags").path("environment").asText()).isEqualTo("dev");
        assertThat(tagged.path("tags").path("owner").asText()).as("its own tags, copied").isEqualTo("safety");
        assertThat(tagged.path("body").has("tags")).isFalse();
        assertThat(untagged.has("tags")).as("child types without tags are left alone").isFalse();
    }
}
