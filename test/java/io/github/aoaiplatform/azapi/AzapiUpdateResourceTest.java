package io.github.aoaiplatform.azapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.Testing;
import io.github.aoaiplatform.core.InvalidPropsException;
import io.github.aoaiplatform.testing.Synth;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AzapiUpdateResourceTest {
    static final String TYPE = "Microsoft.ApiManagement/service/apis/diagnostics@2024-06-01-preview";
    static final String DIAGNOSTIC_ID = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/"
            + "Microsoft.ApiManagement/service/apim/apis/openai/diagnostics/azuremonitor";

    @Test
    void rendersTypeResourceIdAndBodyOnTheAzapiProvider() {
        JsonNode tf = Synth.of(stack -> {
            var azapi = new AzapiProvider(stack, "Azapi");
            new AzapiUpdateResource(stack, "Update", AzapiUpdateResourceProps.builder().provider(azapi).type(TYPE)
                    .resourceId(DIAGNOSTIC_ID).body(Map.of("properties", Map.of("metrics", true))).build());
        });
        JsonNode r = Synth.single(tf, "azapi_update_resource");
        assertThat(r.path("type").asText()).isEqualTo(TYPE);
        assertThat(r.path("resource_id").asText()).isEqualTo(DIAGNOSTIC_ID);
        assertThat(r.path("body").path("properties").path("metrics").asBoolean()).isTrue();
        assertThat(r.path("provider").asText()).isEqualTo("azapi");
        assertThat(r.has("depends_on")).isFalse();
        assertThat(tf.path("terraform").path("required_providers").path("azapi").path("version").asText()).isEqualTo(AzapiProvider.VERSION);
    }

    @Test
    void failsOnABadTypeAnEmptyBodyAndMissingFieldsNamingEveryField() {
        var azapi = new AzapiProvider(new TerraformStack(Testing.app(), "t"), "Azapi");
        assertThatThrownBy(() -> AzapiUpdateResourceProps.builder().provider(azapi).type("diagnostics").resourceId(DIAGNOSTIC_ID)
                .body(Map.of("a", 1)).build())
                .isInstanceOf(InvalidPropsException.class)
                .hasMessageContaining("AzapiUpdateResourceProps.type: 'diagnostics' must be an ARM type with API version");
        assertThatThrownBy(() -> AzapiUpdateResourceProps.builder().provider(azapi).type(TYPE).resourceId(DIAGNOSTIC_ID).body(Map.of()).build())
                .hasMessageContaining("AzapiUpdateResourceProps.body: must set at least one property");
        assertThatThrownBy(() -> AzapiUpdateResourceProps.builder().type(TYPE).body(Map.of("a", 1)).build())
                .hasMessageContaining("AzapiUpdateResourceProps.provider: is required")
                .hasMessageContaining("AzapiUpdateResourceProps.resourceId: is required");
    }

    @Test
    void failsWhenAnAzapiResourceMissesItsParentOrName() {
        assertThatThrownBy(() -> AzapiResourceProps.builder().type("Microsoft.Foo/bars@2024-01-01").body(Map.of()).build())
                .isInstanceOf(InvalidPropsException.class)
                .hasMessageContaining("AzapiResourceProps.provider: is required")
                .hasMessageContaining("AzapiResourceProps.name: is required")
                .hasMessageContaining("AzapiResourceProps.parentId: is required");
    }

    @Test
    void theBodyIsADeeplyImmutableCopyInItsOrder() {
        var azapi = new AzapiProvider(new TerraformStack(Testing.app(), "t"), "Azapi");
        List<Object> services = new ArrayList<>(List.of("a", "b"));
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("z", 1);
        properties.put("services", services);
        Map<String, Object> body = new LinkedHashMap<>(Map.of("properties", properties));
        var props = AzapiResourceProps.builder().provider(azapi).type("Microsoft.ApiManagement/service/backends@2024-06-01-preview")
                .name("pool").parentId(DIAGNOSTIC_ID).body(body).build();
        services.add("c");
        properties.put("added", true);
        @SuppressWarnings("unchecked")
        Map<String, Object> copied = (Map<String, Object>) props.body().get("properties");
        assertThat(copied.keySet()).containsExactly("z", "services");
        assertThat(copied.get("services")).isEqualTo(List.of("a", "b"));
        assertThatThrownBy(() -> copied.put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
        assertThat(props.schemaValidation()).isTrue();
        assertThat(props.dependsOn()).isEmpty();
    }
}
