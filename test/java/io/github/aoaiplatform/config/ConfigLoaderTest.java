package io.github.aoaiplatform.config;

import io.github.aoaiplatform.testing.Synth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigLoaderTest {
    static final String VALID = """
        {
          "environmentName": "dev",
          "location": "japaneast",
          "tenantId": "11111111-2222-3333-4444-555555555555",
          "openAi": { "regions": ["japaneast", "eastus"], "capacityThousandsTpm": 30 },
          "gateway": { "corsOrigins": ["*"] },
          "identity": { "audienceAppId": "66666666-7777-8888-9999-000000000000", "scopeName": "chat" }
        }""";

    static List<String> environments() { return Synth.environments(); }

    @ParameterizedTest(name = "{0}")
    @MethodSource("environments")
    void everyShippedStackFileIsValid(String environment) {
        EnvironmentConfig c = Synth.config(environment);
        assertThat(c.environmentName()).isEqualTo(environment);
        assertThat(c.openAi().regions()).isNotEmpty();
    }

    @Test
    void appliesDocumentedDefaults() {
        EnvironmentConfig c = ConfigLoader.parse(VALID.replace(", \"capacityThousandsTpm\": 30", "")
                .replace(", \"scopeName\": \"chat\"", ""), "t", "dev");
        assertThat(c.openAi().capacityThousandsTpm()).isEqualTo(30);
        assertThat(c.identity().scopeName()).isEqualTo("chat");
        assertThat(c.backend().type()).isEqualTo("local");
        assertThat(c.openAi().purgeOnDestroy()).isFalse();
        assertThat(c.effectiveNameSuffix()).matches("[a-z0-9]{4}").isEqualTo(c.effectiveNameSuffix());
    }

    @Test
    void expressesTheBookSampleParameters() {
        EnvironmentConfig c = ConfigLoader.parse(VALID, "t", "dev");
        assertThat(c.environmentName()).isEqualTo("dev");
        assertThat(c.location()).isEqualTo("japaneast");
        assertThat(c.openAi().regions()).containsExactly("japaneast", "eastus");
        assertThat(c.gateway().corsOrigins()).containsExactly("*");
        assertThat(c.identity().audienceAppId()).isEqualTo("66666666-7777-8888-9999-000000000000");
        assertThat(c.identity().scopeName()).isEqualTo("chat");
        assertThat(c.tenantId()).isEqualTo("11111111-2222-3333-4444-555555555555");
        assertThat(c.openAi().capacityThousandsTpm()).isEqualTo(30);
    }

    @Test
    void failsWithEveryProblemNamedAtOnce() {
        String broken = VALID
                .replace("\"location\": \"japaneast\"", "\"location\": \"japaneast\", \"colour\": \"blue\"")
                .replace("11111111-2222-3333-4444-555555555555", "not-a-guid")
                .replace("[\"japaneast\", \"eastus\"]", "[]")
                .replace("\"capacityThousandsTpm\": 30", "\"capacityThousandsTpm\": 0");
        // unknown keys are reported first (binding is skipped); fix them and the value problems all come together
        assertThatThrownBy(() -> ConfigLoader.parse(broken, "stacks/dev.json", "dev"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("stacks/dev.json")
                .hasMessageContaining("colour: unknown key");
        String values = broken.replace(", \"colour\": \"blue\"", "");
        assertThatThrownBy(() -> ConfigLoader.parse(values, "stacks/dev.json", "dev"))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).problems()).extracting(Problems.Problem::path)
                        .containsExactly("tenantId", "openAi.regions", "openAi.capacityThousandsTpm"))
                .hasMessageContaining("3 problems")
                .hasMessageContaining("tenantId: 'not-a-guid' is not a GUID")
                .hasMessageContaining("openAi.regions: must list at least one region")
                .hasMessageContaining("openAi.capacityThousandsTpm: must be greater than 0");
    }

    @Test
    void failsOnUnknownKeysAtEveryDepthTogether() {
        String broken = VALID.replace("\"scopeName\": \"chat\"", "\"scopeName\": \"chat\", \"scope\": \"x\"")
                .replace("\"corsOrigins\"", "\"origins\": [], \"corsOrigins\"");
        assertThatThrownBy(() -> ConfigLoader.parse(broken, "s", "dev"))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).problems()).extracting(Problems.Problem::path)
                        .containsExactlyInAnyOrder("gateway.origins", "identity.scope"))
                .hasMessageContaining("use one of: audienceAppId, scopeName");
    }

    @Test
    void failsOnWrongJsonTypesWithPaths() {
        String broken = VALID.replace("\"capacityThousandsTpm\": 30", "\"capacityThousandsTpm\": \"thirty\"")
                .replace("[\"*\"]", "\"*\"");
        assertThatThrownBy(() -> ConfigLoader.parse(broken, "s", "dev"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("openAi.capacityThousandsTpm: expected a whole number, got 'thirty'")
                .hasMessageContaining("gateway.corsOrigins: expected a list");
    }

    @Test
    void failsOnUnknownRegionDuplicateRegionAndBadOrigin() {
        String broken = VALID.replace("[\"japaneast\", \"eastus\"]", "[\"japaneast\", \"japan-east\", \"japaneast\"]")
                .replace("[\"*\"]", "[\"https://app.contoso.com/path\"]");
        assertThatThrownBy(() -> ConfigLoader.parse(broken, "s", "dev"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("openAi.regions[1]: unknown Azure region 'japan-east'")
                .hasMessageContaining("openAi.regions[2]: 'japaneast' is listed twice")
                .hasMessageContaining("gateway.corsOrigins[0]: 'https://app.contoso.com/path' is not an origin");
    }

    @Test
    void failsWhenEnvironmentNameDiffersFromFileName() {
        assertThatThrownBy(() -> ConfigLoader.parse(VALID, "stacks/test.json", "test"))
                .hasMessageContaining("environmentName: 'dev' must equal the file name 'test'");
    }

    @Test
    void failsOnIncompleteRemoteBackendAndMissingSections() {
        String broken = """
            {"environmentName": "dev", "location": "japaneast", "tenantId": "11111111-2222-3333-4444-555555555555",
             "backend": {"type": "azurerm", "storageAccountName": "Bad_Name"}}""";
        assertThatThrownBy(() -> ConfigLoader.parse(broken, "s", "dev"))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).problems()).extracting(Problems.Problem::path)
                        .contains("backend.resourceGroupName", "backend.storageAccountName", "openAi", "identity"));
    }

    @Test
    void failsOnMalformedJson() {
        assertThatThrownBy(() -> ConfigLoader.parse("{\"environmentName\": ", "s", "dev"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("not valid JSON");
    }
}
