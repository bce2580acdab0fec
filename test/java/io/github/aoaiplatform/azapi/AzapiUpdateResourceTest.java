package io.github.aoaiplatform.azapi;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.aoaiplatform.testing.Synth;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AzapiUpdateResourceTest {
    static final String TYPE = "Microsoft.ApiManagement/service/apis/diagnostics@2024-06-01-preview";

    @Test
    void rendersTypeResourceIdAndBodyOnTheAzapiProvider() {
        JsonNode tf = Synth.of(stack -> {
            var azapi = new AzapiProvider(stack, "Azapi");
            new AzapiUpdateResource(stack, "Update", azapi, new AzapiUpdateResource.Props(TYPE, "/subscriptions/x/diag",
                    Map.of("properties", Map.of("metrics", true)), null));
        });
        JsonNode r = Synth.single(tf, "azapi_update_resource");
        assertThat(r.path("type").asText()).isEqualTo(TYPE);
        assertThat(r.path("resource_id").asText()).isEqualTo("/subscriptions/x/diag");
        assertThat(r.path("body").path("properties").path("metrics").asBoolean()).isTrue();
        assertThat(r.path("provider").asText()).isEqualTo("azapi");
        assertThat(r.has("depends_on")).isFalse();
        assertThat(tf.path("terraform").path("required_providers").path("azapi").path("version").asText()).isEqualTo(AzapiProvider.VERSION);
    }

    @Test
    void failsOnABadTypeOrAnEmptyBody() {
        assertThatThrownBy(() -> new AzapiUpdateResource.Props("diagnostics", "id", Map.of("a", 1), null))
                .hasMessageContaining("must look like Microsoft.Provider/resource@yyyy-mm-dd");
        assertThatThrownBy(() -> new AzapiUpdateResource.Props(TYPE, "id", Map.of(), null)).hasMessageContaining("at least one property");
        assertThatThrownBy(() -> new AzapiUpdateResource.Props(TYPE, null, Map.of("a", 1), null)).hasMessageContaining("resourceId is required");
    }
}
