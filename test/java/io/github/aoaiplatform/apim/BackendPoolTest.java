package io.github.aoaiplatform.apim;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.aoaiplatform.azapi.AzapiProvider;
import io.github.aoaiplatform.testing.Synth;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BackendPoolTest {
    static JsonNode synth(BackendPool.Props props) {
        return Synth.of(s -> new BackendPool(s, "Pool", new AzapiProvider(s, "Azapi"), props));
    }

    @Test
    void isAnAzapiPoolBackendWithPriorityAndWeightPerMember() {
        JsonNode pool = Synth.single(synth(new BackendPool.Props("pool-gpt-4o", "apim-id", "gpt-4o", List.of(
                new BackendPool.Member("backend-a", 1, 3),
                new BackendPool.Member("backend-b", 2, null),
                new BackendPool.Member("backend-c", null, null)))), "azapi_resource");
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
    void failsOnOutOfRangePriorityOrWeightAndBadMembers() {
        assertThatThrownBy(() -> new BackendPool.Member("b", 101, 1)).hasMessageContaining("priority must be between 0 and 100, got 101");
        assertThatThrownBy(() -> new BackendPool.Member("b", -1, 1)).hasMessageContaining("priority must be between 0 and 100");
        assertThatThrownBy(() -> new BackendPool.Member("b", 1, 0)).hasMessageContaining("weight must be between 1 and 100, got 0");
        assertThatThrownBy(() -> new BackendPool.Member("b", 1, 101)).hasMessageContaining("weight must be between 1 and 100");
        assertThatThrownBy(() -> new BackendPool.Props("p", "apim", null, List.of())).hasMessageContaining("needs 1-30 members, got 0");
        assertThatThrownBy(() -> new BackendPool.Props("p", "apim", null, List.of(new BackendPool.Member("b", 1, 1), new BackendPool.Member("b", 2, 2))))
                .hasMessageContaining("lists backend b twice");
        assertThatThrownBy(() -> new BackendPool.Props("bad name", "apim", null, List.of(new BackendPool.Member("b", 1, 1))))
                .hasMessageContaining("'bad name'");
    }
}
