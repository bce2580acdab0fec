package io.github.aoaiplatform.apim;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.aoaiplatform.testing.SchemaConformance;
import io.github.aoaiplatform.testing.Synth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApiGatewayTest {
    static List<String> environments() { return Synth.environments(); }

    static String address(JsonNode tf, String type) {
        return type + "." + Synth.all(tf, type).keySet().iterator().next();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("environments")
    void identityIsAttachedAndHoldsOnlyOpenAiUserOnEveryAccount(String environment) {
        JsonNode tf = Synth.environment(environment);
        String identity = address(tf, "azurerm_user_assigned_identity");
        JsonNode apim = Synth.single(tf, "azurerm_api_management");
        assertThat(apim.path("identity").path("type").asText()).isEqualTo("UserAssigned");
        assertThat(apim.path("identity").path("identity_ids")).extracting(JsonNode::asText).containsExactly(Synth.ref(identity, "id"));

        Set<String> accountIds = Synth.all(tf, "azurerm_cognitive_account").keySet().stream()
                .map(a -> Synth.ref("azurerm_cognitive_account." + a, "id")).collect(Collectors.toSet());
        // with monitoring.usageEventHub the identity also sends usage records, on that one Event Hub only
        // what the gateway identity holds (prompt-log readers hold their own grants on the workspace)
        var all = Synth.all(tf, "azurerm_role_assignment").values().stream()
                .filter(r -> r.path("principal_id").asText().equals(Synth.ref(identity, "principal_id"))).toList();
        var usageSenders = all.stream().filter(r -> r.path("role_definition_name").asText().equals("Azure Event Hubs Data Sender")).toList();
        assertThat(usageSenders).hasSize(Synth.config(environment).monitoring().usageEventHub() ? 1 : 0).allSatisfy(r -> {
            assertThat(r.path("scope").asText()).isEqualTo(Synth.ref(address(tf, "azurerm_eventhub"), "id"));
            assertThat(r.path("principal_id").asText()).isEqualTo(Synth.ref(identity, "principal_id"));
        });
        // the identity sends telemetry to Application Insights with its Entra ID token (local authentication is off)
        var metricsPublishers = all.stream().filter(r -> r.path("role_definition_name").asText().equals("Monitoring Metrics Publisher")).toList();
        assertThat(metricsPublishers).singleElement().satisfies(r -> {
            assertThat(r.path("scope").asText()).isEqualTo(Synth.ref(address(tf, "azurerm_application_insights"), "id"));
            assertThat(r.path("principal_id").asText()).isEqualTo(Synth.ref(identity, "principal_id"));
        });
        var assignments = all.stream().filter(r -> !usageSenders.contains(r) && !metricsPublishers.contains(r)).toList();
        assertThat(assignments).hasSize(accountIds.size()).allSatisfy(r -> {
            assertThat(r.path("role_definition_name").asText()).isEqualTo("Cognitive Services OpenAI User");
            assertThat(r.has("role_definition_id")).isFalse();
            assertThat(r.path("principal_id").asText()).isEqualTo(Synth.ref(identity, "principal_id"));
            assertThat(r.path("principal_type").asText()).isEqualTo("ServicePrincipal");
        });
        assertThat(assignments).extracting(r -> r.path("scope").asText()).containsExactlyInAnyOrderElementsOf(accountIds);

        JsonNode named = Synth.single(tf, "azurerm_api_management_named_value");
        assertThat(named.path("name").asText()).isEqualTo(ApiGateway.CLIENT_ID_NAMED_VALUE);
        assertThat(named.path("value").asText()).isEqualTo(Synth.ref(identity, "client_id"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("environments")
    void onlyTls12AndStrongCiphers(String environment) {
        JsonNode security = Synth.single(Synth.environment(environment), "azurerm_api_management").path("security");
        List<String> keys = new ArrayList<>();
        security.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).contains("frontend_tls10_enabled", "frontend_tls11_enabled", "frontend_ssl30_enabled",
                "backend_tls10_enabled", "backend_tls11_enabled", "backend_ssl30_enabled", "triple_des_ciphers_enabled",
                "tls_ecdhe_rsa_with_aes128_cbc_sha_ciphers_enabled", "tls_rsa_with_aes256_cbc_sha_ciphers_enabled");
        assertThat(keys).noneMatch(k -> k.startsWith("enable_"));
        security.fields().forEachRemaining(f -> assertThat(f.getValue().asBoolean(true)).as(f.getKey()).isFalse());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("environments")
    void diagnosticsAndAppInsightsLoggerGoToThePlatformWorkspace(String environment) {
        JsonNode tf = Synth.environment(environment);
        String apim = address(tf, "azurerm_api_management");
        String law = Synth.ref(address(tf, "azurerm_log_analytics_workspace"), "id");
        JsonNode diag = Synth.all(tf, "azurerm_monitor_diagnostic_setting").values().stream()
                .filter(d -> d.path("target_resource_id").asText().equals(Synth.ref(apim, "id"))).findFirst().orElseThrow();
        assertThat(diag.path("log_analytics_workspace_id").asText()).isEqualTo(law);
        assertThat(diag.path("log_analytics_destination_type").asText()).isEqualTo("Dedicated");
        assertThat(diag.path("enabled_log").get(0).path("category_group").asText()).isEqualTo("allLogs");

        String appi = address(tf, "azurerm_application_insights");
        JsonNode insights = Synth.single(tf, "azurerm_application_insights");
        assertThat(insights.path("workspace_id").asText()).isEqualTo(law);
        assertThat(insights.path("local_authentication_disabled").asBoolean()).as("no instrumentation-key ingestion").isTrue();
        // the Application Insights logger (with monitoring.usageEventHub there is also the usage Event Hub logger)
        assertThat(Synth.all(tf, "azurerm_api_management_logger").values()).noneMatch(l -> l.has("application_insights"));
        String loggerAddress = Synth.all(tf, "azapi_resource").entrySet().stream()
                .filter(e -> e.getValue().path("type").asText().equals(ApiGateway.LOGGER_TYPE)).map(e -> "azapi_resource." + e.getKey())
                .reduce((a, b) -> { throw new AssertionError("two Application Insights loggers: " + a + ", " + b); }).orElseThrow();
        JsonNode logger = Synth.allResources(tf).get(loggerAddress);
        assertThat(logger.path("parent_id").asText()).isEqualTo(Synth.ref(apim, "id"));
        assertApplicationInsightsLoggerSendsAsTheIdentity(logger, Synth.ref(appi, "id"), Synth.ref(appi, "connection_string"),
                Synth.ref(address(tf, "azurerm_user_assigned_identity"), "client_id"));
        assertThat(logger.path("depends_on")).extracting(JsonNode::asText).singleElement().asString()
                .as("the identity may publish before the logger sends").contains("MetricsPublisher");
        JsonNode apiDiagnostic = Synth.single(tf, "azurerm_api_management_api_diagnostic");
        assertThat(apiDiagnostic.path("identifier").asText()).isEqualTo("applicationinsights");
        assertThat(apiDiagnostic.path("api_management_logger_id").asText())
                .isEqualTo(Synth.ref(loggerAddress, "id"));
        assertThat(apiDiagnostic.has("frontend_request")).as("prompts are not logged by default").isFalse();
    }

    /** The property names of {@code LoggerContractProperties} in the API version {@link ApiGateway#LOGGER_TYPE} names
     *  (azure-rest-api-specs, Microsoft.ApiManagement stable/2024-05-01/definitions.json). */
    private static final List<String> LOGGER_PROPERTIES_2024_05_01 = List.of("loggerType", "description", "credentials", "isBuffered", "resourceId");

    static void assertApplicationInsightsLoggerSendsAsTheIdentity(JsonNode logger, String componentId, String connectionString, String clientId) {
        assertThat(ApiGateway.LOGGER_TYPE).endsWith("@2024-05-01");
        assertThat(logger.path("type").asText()).isEqualTo(ApiGateway.LOGGER_TYPE);
        assertThat(logger.path("name").asText()).isEqualTo(ApiGateway.LOGGER_NAME);
        assertThat(logger.has("schema_validation_enabled")).isFalse();
        assertThat(logger.path("body").fieldNames()).toIterable().containsExactly("properties");
        JsonNode props = logger.path("body").path("properties");
        assertThat(LOGGER_PROPERTIES_2024_05_01).containsAll(props::fieldNames);
        assertThat(props.path("loggerType").asText()).isEqualTo("applicationInsights");
        assertThat(props.path("resourceId").asText()).isEqualTo(componentId);
        assertThat(props.path("credentials").path("connectionString").asText()).isEqualTo(connectionString);
        assertThat(props.path("credentials").path("identityClientId").asText()).isEqualTo(clientId);
        assertThat(props.path("credentials").has("instrumentationKey")).isFalse();
    }

    @Test
    void developerIsInjectedInternallyWithRecordsInTheCreatedZones() {
        JsonNode tf = Synth.environment("dev");
        String apim = address(tf, "azurerm_api_management");
        JsonNode gw = Synth.single(tf, "azurerm_api_management");
        assertThat(gw.path("sku_name").asText()).isEqualTo("Developer_1");
        assertThat(gw.path("virtual_network_type").asText()).isEqualTo("Internal");
        assertThat(gw.path("virtual_network_configuration").path("subnet_id").asText())
                .isEqualTo(Synth.ref("azurerm_subnet." + Synth.all(tf, "azurerm_subnet").keySet().stream()
                        .filter(s -> s.contains("Gateway")).findFirst().orElseThrow(), "id"));
        assertThat(Synth.all(tf, "azurerm_private_endpoint").values())
                .noneMatch(pe -> pe.path("private_service_connection").path("private_connection_resource_id").asText().equals(Synth.ref(apim, "id")));
        var records = Synth.all(tf, "azurerm_private_dns_a_record").values();
        assertThat(records).hasSize(5).allSatisfy(r -> {
            assertThat(r.path("name").asText()).isEqualTo(gw.path("name").asText());
            assertThat(r.path("records")).extracting(JsonNode::asText)
                    .containsExactly("${element(" + apim + ".private_ip_addresses, 0)}");
        });
        Map<String, JsonNode> zones = Synth.all(tf, "azurerm_private_dns_zone");
        Set<String> zoneNames = records.stream().map(r -> zones.entrySet().stream()
                .filter(z -> r.path("zone_name").asText().equals(Synth.ref("azurerm_private_dns_zone." + z.getKey(), "name")))
                .map(z -> z.getValue().path("name").asText()).findFirst().orElseThrow()).collect(Collectors.toSet());
        assertThat(zoneNames).containsExactlyInAnyOrder("azure-api.net", "portal.azure-api.net", "developer.azure-api.net",
                "management.azure-api.net", "scm.azure-api.net");
    }

    @Test
    void noRecordsInTheHubsZones() {
        String zone = "/subscriptions/" + GatewayFixtures.TENANT + "/resourceGroups/dns/providers/Microsoft.Network/privateDnsZones/azure-api.net";
        String json = GatewayFixtures.json("[\"japaneast\"]", "[]", "{}")
                .replace("\"gateway\": {}", "\"gateway\": {}, \"dns\": {\"existingZoneIds\": {\"azure-api.net\": \"" + zone + "\"}}");
        JsonNode tf = GatewayFixtures.synth(json);
        assertThat(Synth.all(tf, "azurerm_private_dns_zone").values()).noneMatch(z -> z.path("name").asText().equals("azure-api.net"));
        assertThat(Synth.all(tf, "azurerm_private_dns_a_record")).hasSize(4);
        assertThat(Synth.all(tf, "azurerm_private_dns_a_record").values()).noneMatch(r -> r.path("zone_name").asText().contains("azure-api.net"));
    }

    @Test
    void premiumIsInjectedInternallyToo() {
        JsonNode gw = Synth.single(Synth.environment("prod"), "azurerm_api_management");
        assertThat(gw.path("sku_name").asText()).isEqualTo("Premium_1");
        assertThat(gw.path("virtual_network_type").asText()).isEqualTo("Internal");
    }

    @Test
    void standardV2IntegratesWithTheVnetAndIsReachedThroughAPrivateEndpoint() {
        JsonNode tf = Synth.environment("test");
        String apim = address(tf, "azurerm_api_management");
        JsonNode gw = Synth.single(tf, "azurerm_api_management");
        assertThat(gw.path("sku_name").asText()).isEqualTo("StandardV2_1");
        assertThat(gw.path("virtual_network_type").asText()).isEqualTo("External");
        assertThat(gw.path("virtual_network_configuration").path("subnet_id").asText()).contains("Gateway_Subnet");
        assertThat(Synth.all(tf, "azurerm_private_dns_a_record")).isEmpty();
        var pes = Synth.all(tf, "azurerm_private_endpoint").values().stream()
                .filter(pe -> pe.path("private_service_connection").path("private_connection_resource_id").asText().equals(Synth.ref(apim, "id"))).toList();
        assertThat(pes).hasSize(1);
        assertThat(pes.get(0).path("private_service_connection").path("subresource_names")).extracting(JsonNode::asText).containsExactly("Gateway");
        assertThat(pes.get(0).path("subnet_id").asText()).contains("PrivateEndpoints_Subnet");
        String zone = Synth.all(tf, "azurerm_private_dns_zone").entrySet().stream()
                .filter(z -> z.getValue().path("name").asText().equals("privatelink.azure-api.net")).map(Map.Entry::getKey).findFirst().orElseThrow();
        assertThat(pes.get(0).path("private_dns_zone_group").path("private_dns_zone_ids")).extracting(JsonNode::asText)
                .containsExactly(Synth.ref("azurerm_private_dns_zone." + zone, "id"));
    }

    @Test
    void publicNetworkAccessIsOnAtCreationAndCanBeSwitchedOffByConfig() {
        assertThat(Synth.single(Synth.environment("test"), "azurerm_api_management").path("public_network_access_enabled").asBoolean()).isTrue();
        JsonNode tf = GatewayFixtures.synth(GatewayFixtures.json("[\"japaneast\"]", "[]",
                "{\"sku\": \"StandardV2\", \"publicNetworkAccess\": false}"));
        assertThat(Synth.single(tf, "azurerm_api_management").path("public_network_access_enabled").asBoolean(true)).isFalse();
    }

    @Test
    void publisherComesFromConfig() {
        JsonNode tf = GatewayFixtures.synth(GatewayFixtures.json("[\"japaneast\"]", "[]",
                "{\"publisherName\": \"Contoso AI\", \"publisherEmail\": \"ai@contoso.com\"}"));
        JsonNode gw = Synth.single(tf, "azurerm_api_management");
        assertThat(gw.path("publisher_name").asText()).isEqualTo("Contoso AI");
        assertThat(gw.path("publisher_email").asText()).isEqualTo("ai@contoso.com");
        assertThat(Synth.single(Synth.environment("dev"), "azurerm_api_management").path("publisher_email").asText()).isEqualTo("platform@example.com");
    }

    @Test
    void standaloneGatewayConformsToTheSchema() {
        JsonNode tf = Synth.of(s -> new ApiGateway(s, "Gw", GatewayFixtures.apimProps(s, "PremiumV2").build()));
        assertThat(SchemaConformance.violations(tf)).isEmpty();
        assertThat(Synth.single(tf, "azurerm_api_management").path("sku_name").asText()).isEqualTo("PremiumV2_2");
        assertThat(Synth.all(tf, "azurerm_role_assignment")).as("the L2 grants nothing itself").isEmpty();
        assertThat(Synth.all(tf, "azurerm_application_insights")).as("the L2 creates no Application Insights").isEmpty();
        assertThat(Synth.all(tf, "azurerm_private_endpoint")).hasSize(1);
    }

    @Test
    void failsOnBadNameMissingPrivateEndpointAndPublicSkusNamingTheFields() {
        Synth.of(s -> {
            assertThatThrownBy(() -> GatewayFixtures.apimProps(s, "Developer").name("1bad_name").build())
                    .hasMessageContaining("ApiGatewayProps.name: '1bad_name'");
            assertThatThrownBy(() -> GatewayFixtures.apimProps(s, "StandardV2").privateEndpoints(List.of()).build())
                    .hasMessageContaining("ApiGatewayProps.privateEndpoints: is required for StandardV2");
            assertThatThrownBy(() -> GatewayFixtures.apimProps(s, "Developer").sku("Consumption").build())
                    .hasMessageContaining("ApiGatewayProps.sku: 'Consumption' cannot be private");
            assertThatThrownBy(() -> GatewayFixtures.apimProps(s, "Developer").units(2).build())
                    .hasMessageContaining("ApiGatewayProps.units: the Developer tier has exactly 1 unit");
            assertThatThrownBy(() -> GatewayFixtures.apimProps(s, "Premium").units(13).build())
                    .hasMessageContaining("ApiGatewayProps.units: must be between 1 and 12");
            assertThatThrownBy(() -> GatewayFixtures.apimProps(s, "Premium").publisherEmail("not-an-email").build())
                    .hasMessageContaining("ApiGatewayProps.publisherEmail: 'not-an-email' is not an e-mail address");
            assertThatThrownBy(() -> GatewayFixtures.apimProps(s, "Premium").publisherName("x".repeat(101)).build())
                    .hasMessageContaining("ApiGatewayProps.publisherName: must be at most 100 characters");
            assertThatThrownBy(() -> GatewayFixtures.apimProps(s, "Premium").identity(null).gatewaySubnet(null).build())
                    .hasMessageContaining("ApiGatewayProps.gatewaySubnet: is required").hasMessageContaining("ApiGatewayProps.identity: is required");
        });
    }

    @Test
    void fromResourceIdRejectsAnIdOfAnotherType() {
        Synth.of(s -> assertThatThrownBy(() -> ApiGateway.fromResourceId(s, "Apim",
                GatewayFixtures.IDS + "Microsoft.Network/virtualNetworks/vnet", GatewayFixtures.identity(s)))
                .hasMessageContaining("ApiGateway.fromResourceId.resourceId").hasMessageContaining("expected a Microsoft.ApiManagement/service id"));
    }

    @Test
    void propsCollectionsAreImmutableCopies() {
        Synth.of(s -> {
            Map<String, String> tags = new java.util.LinkedHashMap<>(Map.of("a", "1"));
            var props = GatewayFixtures.apimProps(s, "Premium").tags(tags).build();
            tags.put("b", "2");
            assertThat(props.tags()).containsOnlyKeys("a");
            assertThatThrownBy(() -> props.tags().put("c", "3")).isInstanceOf(UnsupportedOperationException.class);
        });
    }
}
