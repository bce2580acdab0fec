package io.github.aoaiplatform.app;

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
          "network": { "addressSpace": "10.0.0.0/22", "subnets": { "gateway": "10.0.0.0/27", "privateEndpoints": "10.0.1.0/28" } },
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
        // the optional observability features are off unless asked for
        assertThat(c.monitoring().privateLinkScope()).isFalse();
        assertThat(c.monitoring().usageEventHub()).isFalse();
    }

    @Test
    void readsTheObservabilityToggles() {
        EnvironmentConfig c = ConfigLoader.parse(VALID.replace("\"gateway\": {",
                "\"monitoring\": { \"privateLinkScope\": true, \"usageEventHub\": true }, \"gateway\": {"), "t", "dev");
        assertThat(c.monitoring().privateLinkScope()).isTrue();
        assertThat(c.monitoring().usageEventHub()).isTrue();
        assertThat(c.monitoring().retentionDays()).isEqualTo(90);
    }

    @Test
    void failsOnObservabilityTogglesThatAreNotBooleans() {
        String broken = VALID.replace("\"gateway\": {",
                "\"monitoring\": { \"privateLinkScope\": \"yes\", \"usageEventHub\": 1 }, \"gateway\": {");
        assertThatThrownBy(() -> ConfigLoader.parse(broken, "s", "dev"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("monitoring.privateLinkScope: expected true or false")
                .hasMessageContaining("monitoring.usageEventHub: expected true or false");
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
                .hasMessageContaining("use one of: acceptedRoles, acceptedScopes, application, audienceAppId, scopeName");
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
                .hasMessageContaining("gateway.corsOrigins[0]: 'https://app.contoso.com/path' must be * or an origin scheme://host[:port] without a path");
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
                        .contains("backend.resourceGroupName", "backend.storageAccountName", "network", "openAi", "identity"));
    }

    @Test
    void failsOnMalformedJson() {
        assertThatThrownBy(() -> ConfigLoader.parse("{\"environmentName\": ", "s", "dev"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("not valid JSON");
    }

    @Test
    void failsOnBadNetworkWithEveryProblem() {
        String broken = VALID.replace("\"addressSpace\": \"10.0.0.0/22\"", "\"addressSpace\": \"10.0.0.0/33\"")
                .replace("\"gateway\": \"10.0.0.0/27\"", "\"gateway\": \"10.0.1.0/29\"")
                .replace("\"privateEndpoints\": \"10.0.1.0/28\"", "\"privateEndpoints\": \"10.0.1.0/28\", \"app\": \"10.9.0.1/27\"");
        assertThatThrownBy(() -> ConfigLoader.parse(broken, "s", "dev"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("network.addressSpace: '10.0.0.0/33' has a prefix over /32")
                .hasMessageContaining("network.subnets.gateway: 10.0.1.0/29 is too small for the gateway subnet; use a /27 or larger")
                .hasMessageContaining("network.subnets.gateway: 10.0.1.0/29 overlaps subnets.privateEndpoints 10.0.1.0/28")
                .hasMessageContaining("network.subnets.app: '10.9.0.1/27' has host bits set; use 10.9.0.0/27");
    }

    @Test
    void failsOnSubnetOutsideTheVnetAndMissingRequiredSubnet() {
        String broken = VALID.replace("\"gateway\": \"10.0.0.0/27\", ", "")
                .replace("\"privateEndpoints\": \"10.0.1.0/28\"", "\"privateEndpoints\": \"10.1.0.0/28\"");
        assertThatThrownBy(() -> ConfigLoader.parse(broken, "s", "dev"))
                .hasMessageContaining("network.subnets.gateway: is required")
                .hasMessageContaining("network.subnets.privateEndpoints: 10.1.0.0/28 is not inside addressSpace 10.0.0.0/22");
    }

    @Test
    void failsOnBadBringYourOwnNetworkIds() {
        String broken = VALID.replaceFirst("\"network\": \\{.*?\\} \\},", """
            "network": { "existing": { "virtualNetworkId": "/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/hub/providers/Microsoft.Network/virtualNetworks/spoke",
              "subnetIds": { "gateway": "/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/hub/providers/Microsoft.Network/virtualNetworks/other/subnets/apim",
                             "privateEndpoints": "not-an-id" } } },""");
        assertThatThrownBy(() -> ConfigLoader.parse(broken, "s", "dev"))
                .hasMessageContaining("network.existing.subnetIds.gateway: the subnet is not in virtualNetworkId")
                .hasMessageContaining("network.existing.subnetIds.privateEndpoints: 'not-an-id' is not an Azure resource id");
    }

    @Test
    void failsOnBadDeploymentsFiltersAndDnsIds() {
        String broken = VALID.replace("\"capacityThousandsTpm\": 30 }", """
            "capacityThousandsTpm": 30,
              "contentFilters": [{"name": "strict", "severityThreshold": "Extreme"}],
              "deployments": [
                {"name": "chat", "model": "gpt-7", "version": "1"},
                {"name": "chat", "model": "gpt-4o", "version": "2024-11-20", "capacityThousandsTpm": 0, "regions": ["westeurope"], "contentFilter": "lenient"},
                {"name": "emb", "model": "text-embedding-3-small", "version": "1", "sku": "GlobalBatch"}
              ] },
            "dns": {"existingZoneIds": {"privatelink.openai.azure.com": "/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/dns/providers/Microsoft.Network/privateDnsZones/privatelink.blob.core.windows.net",
                                        "example.com": "x"}}""");
        assertThatThrownBy(() -> ConfigLoader.parse(broken, "s", "dev"))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).problems()).extracting(Problems.Problem::path).contains(
                        "openAi.contentFilters[0].severityThreshold", "openAi.deployments[0].model", "openAi.deployments[1].name",
                        "openAi.deployments[1].capacityThousandsTpm", "openAi.deployments[1].regions[0]",
                        "openAi.deployments[1].contentFilter", "openAi.deployments[2].sku",
                        "dns.existingZoneIds.privatelink.openai.azure.com", "dns.existingZoneIds.example.com"))
                .hasMessageContaining("unknown model 'gpt-7'")
                .hasMessageContaining("'westeurope' is not in openAi.regions")
                .hasMessageContaining("'lenient' is not defined");
    }

    @Test
    void failsOnContentSafetyAndOutboundKeysThatNameNothing() {
        String broken = VALID.replace("\"capacityThousandsTpm\": 30 }", """
            "capacityThousandsTpm": 30,
              "contentFilters": [{"name": "strict", "blocklists": ["codenames", "people"]}],
              "blocklists": [{"name": "codenames", "terms": ["bluebird"]}],
              "defaultContentFilter": "lenient",
              "allowedFqdns": ["https://api.contoso.com/v1"] }""");
        assertThatThrownBy(() -> ConfigLoader.parse(broken, "s", "dev"))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).problems()).extracting(Problems.Problem::path).containsExactlyInAnyOrder(
                        "openAi.contentFilters[0].blocklists[1]", "openAi.defaultContentFilter", "openAi.allowedFqdns[0]"))
                .hasMessageContaining("openAi.contentFilters[0].blocklists[1]: 'people' is not defined; add it to blocklists")
                .hasMessageContaining("'lenient' is not defined");
    }

    @Test
    void failsOnAContentFilterOrBlocklistNamedTwiceNamingTheSecond() {
        String broken = VALID.replace("\"capacityThousandsTpm\": 30 }", """
            "capacityThousandsTpm": 30,
              "contentFilters": [{"name": "strict", "blocklists": ["codenames"]}, {"name": "strict", "blocklists": ["codenames"]}],
              "blocklists": [{"name": "codenames", "terms": ["bluebird"]}, {"name": "codenames", "terms": ["kestrel"]}] }""");
        assertThatThrownBy(() -> ConfigLoader.parse(broken, "s", "dev"))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).problems()).extracting(Problems.Problem::path).containsExactlyInAnyOrder(
                        "openAi.contentFilters[1].name", "openAi.blocklists[1].name"))
                .hasMessageContaining("openAi.contentFilters[1].name: 'strict' is used twice; names must be unique")
                .hasMessageContaining("openAi.blocklists[1].name: 'codenames' is used twice; names must be unique");
    }

    @Test
    void failsOnAPromptLogRetentionOutOfRangeAndAReaderThatIsNoGroupId() {
        String broken = VALID.replace("\"openAi\":", """
            "monitoring": {"promptLogRetentionDays": 1000, "promptLogReaders": ["prompt-readers"]},
              "openAi":""");
        assertThatThrownBy(() -> ConfigLoader.parse(broken, "s", "dev"))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).problems()).extracting(Problems.Problem::path).containsExactlyInAnyOrder(
                        "monitoring.promptLogRetentionDays", "monitoring.promptLogReaders[0]"))
                .hasMessageContaining("must be between 4 and 730, got 1000");
    }

    @Test
    void failsWithTheLibraryPropsRulesReportedAtConfigPaths() {
        String broken = VALID.replace("\"capacityThousandsTpm\": 30 }", """
            "capacityThousandsTpm": 30,
              "customerManagedKey": {"keyVaultKeyId": "kv-x/keys/aoai", "identityId": "/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/r/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-cmk", "identityClientId": "66666666-7777-8888-9999-000000000000"},
              "blocklists": [{"name": "codenames", "terms": ["ok", " "]}],
              "deployments": [{"name": "chat bot", "model": "gpt-4o", "version": "2024-11-20", "versionUpgrade": "Sometimes"}] }""");
        assertThatThrownBy(() -> ConfigLoader.parse(broken, "s", "dev"))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).problems()).extracting(Problems.Problem::path).containsExactly(
                        "openAi.customerManagedKey.keyVaultKeyId", "openAi.blocklists[0].terms[1]",
                        "openAi.deployments[0].name", "openAi.deployments[0].versionUpgrade"))
                .hasMessageContaining("openAi.customerManagedKey.keyVaultKeyId: 'kv-x/keys/aoai' must be a key id")
                .hasMessageContaining("openAi.deployments[0].name: 'chat bot' must be 1-64 letters, digits, . _ -");
    }

    @Test
    void failsOnPublicOnlyGatewaySku() {
        String broken = VALID.replace("\"corsOrigins\": [\"*\"]", "\"corsOrigins\": [\"*\"], \"sku\": \"Consumption\"");
        assertThatThrownBy(() -> ConfigLoader.parse(broken, "s", "dev"))
                .hasMessageContaining("gateway.sku: 'Consumption' cannot be private");
    }

    @Test
    void failsOnBothIdentitySourcesAndBadClientApps() {
        String broken = VALID.replace("\"scopeName\": \"chat\"", """
            "scopeName": "chat", "application": {"appRoles": [{"value": "Chat.Invoke"}, {"value": "Chat.Invoke"}],
              "spaClients": [{"name": "web", "redirectUris": ["http://chat.contoso.example"]}],
              "daemonClients": [{"name": "batch", "role": "Admin"}]}""");
        assertThatThrownBy(() -> ConfigLoader.parse(broken, "s", "dev"))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).problems()).extracting(Problems.Problem::path).containsExactly(
                        "identity.audienceAppId", "identity.application.appRoles[1].value",
                        "identity.application.spaClients[0].redirectUris", "identity.application.daemonClients[0].role"))
                .hasMessageContaining("cannot be combined with identity.application");
    }
}
