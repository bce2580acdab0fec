package io.github.aoaiplatform.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.hashicorp.cdktf.providers.azurerm.resource_group.ResourceGroup;
import io.github.aoaiplatform.testing.Synth;
import org.junit.jupiter.api.Test;
import software.constructs.Construct;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TagsTest {

    @Test
    void tagsReachEveryResourceUnderTheScopeAndAResourcesOwnTagsWin() {
        JsonNode tf = Synth.of(stack -> {
            Tags.of(stack).add("environment", "dev").add("owner", "platform");
            group(stack, "Plain", null);
            group(stack, "OwnOwner", Map.of("owner", "safety"));
            group(stack, "OwnEverything", Map.of("owner", "safety", "environment", "lab", "extra", "1"));
            Construct team = new Construct(stack, "Team");
            Tags.of(team).add("owner", "team");
            group(team, "InTeam", null);
        });
        assertThat(tags(tf, "Plain")).containsExactlyInAnyOrderEntriesOf(Map.of("environment", "dev", "owner", "platform"));
        assertThat(tags(tf, "OwnOwner")).as("its own tag wins; the others are added")
                .containsExactlyInAnyOrderEntriesOf(Map.of("environment", "dev", "owner", "safety"));
        assertThat(tags(tf, "OwnEverything")).as("own tags holding every key are left as they are")
                .containsExactlyInAnyOrderEntriesOf(Map.of("owner", "safety", "environment", "lab", "extra", "1"));
        assertThat(tags(tf, "InTeam")).as("the inner scope's tag wins over the stack's")
                .containsExactlyInAnyOrderEntriesOf(Map.of("environment", "dev", "owner", "team"));
    }

    @Test
    void failsOnAKeyAzureRejectsNamingTheField() {
        assertThatThrownBy(() -> Synth.of(stack -> Tags.of(stack).add("a/b", "x")))
                .hasMessageContaining("Tags.key").hasMessageContaining("'a/b'");
    }

    private static void group(Construct scope, String id, Map<String, String> own) {
        ResourceGroup.Builder.create(scope, id).name("rg-" + id.toLowerCase()).location("japaneast").tags(own).build();
    }

    private static Map<String, String> tags(JsonNode tf, String id) {
        JsonNode group = Synth.all(tf, "azurerm_resource_group").values().stream()
                .filter(g -> g.path("name").asText().equals("rg-" + id.toLowerCase())).findFirst().orElseThrow();
        Map<String, String> tags = new java.util.LinkedHashMap<>();
        group.path("tags").fields().forEachRemaining(e -> tags.put(e.getKey(), e.getValue().asText()));
        return tags;
    }
}
