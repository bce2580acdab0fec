package io.github.aoaiplatform.apim;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.aoaiplatform.azapi.AzapiProvider;
import io.github.aoaiplatform.testing.Synth;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BackendPoolTest {
    static BackendPoolMember member(String backendId, Integer priority, Integer weight) {
        return BackendPoolMember.builder().backendId(backendId).priority(priority).weight(weight).build();
    }

    static JsonNode synth(String name, String apimId, String description, List<BackendPoolMember> members) {
        return Synth.of(s -> new BackendPool(s, "Pool", BackendPoolProps.builder().name(name).apiManagementId(apimId)
                .description(description).members(members).azapi(new AzapiProvider(s, "Azapi")).build()));
    }

    @Test
    void isAnAzapiPoolBackendWithPriorityAndWeightPerMember() {
        JsonNode pool = Synth.single(synth("pool-gpt-4o", "apim-id", "gpt-4o", List.of(
                member("backend-a", 1, 3),
                member("backend-b", 2, null),
                member("backend-c", null, null))), "azapi_resource");
        assertThat(pool.path("type").asText()).isEqualTo("Microsoft.ApiManagement/service/backends@2024-06-01-preview");
        assertThat(pool.path("name").asText()).isEqualTo("pool-gpt-4o");
        assertThat(pool.path("parent_id").asText()).isEqualTo("apim-id");
        assertThat(pool.path("provider").asText()).isEqualTo("azapi");
        JsonNode properties = pool.path("body").path("properties");
        assertThat(properties.path("type").asText()).isEqualTo("Pool");
        assertThat(properties.path("description").asText()).isEqualTo("gpt-4o");
        JsonNode services = properties.path("pool").path("services");
        assertThat(services).hasSize(3);
        assertThat(services).extracting(s -> s.path("id").asText()).containsExactly("backend-a", "backend-b", "backend-c");
        assertThat(services).extracting(s -> s.path("priority").asInt()).containsExactly(1, 2, 1);
        assertThat(services).extracting(s -> s.path("weight").asInt()).containsExactly(3, 1, 1);
        assertThat(pool.has("schema_validation_enabled")).isFalse();
    }

    @Test
    void membersReferenceTheBackendResourcesById() {
        JsonNode tf = GatewayFixtures.synth(GatewayFixtures.json("[\"japaneast\", \"eastus\"]", "[" + GatewayFixtures.GPT4O + "]", "{}"));
        JsonNode pool = Synth.singleAzapi(tf, BackendPool.TYPE);
        String apim = "azurerm_api_management." + Synth.all(tf, "azurerm_api_management").keySet().iterator().next();
        assertThat(pool.path("parent_id").asText()).isEqualTo(Synth.ref(apim, "id"));
        var backends = Synth.all(tf, "azurerm_api_management_backend").keySet();
        String japaneast = backends.stream().filter(b -> b.contains("japaneast")).findFirst().orElseThrow();
        String eastus = backends.stream().filter(b -> b.contains("Backend-eastus")).findFirst().orElseThrow();
        assertThat(pool.path("body").path("properties").path("pool").path("services")).extracting(s -> s.path("id").asText())
                .containsExactly(Synth.ref("azurerm_api_management_backend." + japaneast, "id"),
                        Synth.ref("azurerm_api_management_backend." + eastus, "id"));
    }

    @Test
    void failsOnOutOfRangePriorityOrWeightAndBadMembersNamingTheFields() {
        assertThatThrownBy(() -> member("b", 101, 1)).hasMessageContaining("BackendPoolMember.priority: must be between 0 and 100, got 101");
        assertThatThrownBy(() -> member("b", -1, 1)).hasMessageContaining("BackendPoolMember.priority: must be between 0 and 100");
        assertThatThrownBy(() -> member("b", 1, 0)).hasMessageContaining("BackendPoolMember.weight: must be between 1 and 100, got 0");
        assertThatThrownBy(() -> member("b", 1, 101)).hasMessageContaining("BackendPoolMember.weight: must be between 1 and 100");
        assertThatThrownBy(() -> BackendPoolProps.builder().name("p").apiManagementId("apim").members(List.of()).build())
                .hasMessageContaining("BackendPoolProps.members: needs 1-30 member backends, got 0")
                .hasMessageContaining("BackendPoolProps.azapi: is required");
        assertThatThrownBy(() -> BackendPoolProps.builder().name("p").apiManagementId("apim").members(List.of(member("b", 1, 1), member("b", 2, 2))).build())
                .hasMessageContaining("BackendPoolProps.members[1].backendId: backend b is listed twice");
        assertThatThrownBy(() -> BackendPoolProps.builder().name("bad name").apiManagementId("apim").members(List.of(member("b", 1, 1))).build())
                .hasMessageContaining("BackendPoolProps.name: 'bad name'");
    }
}
