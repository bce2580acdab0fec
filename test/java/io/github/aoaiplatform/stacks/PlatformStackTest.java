package io.github.aoaiplatform.stacks;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.aoaiplatform.testing.Synth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/** Whole-environment behaviour: secure defaults as Checkov-style rules, composition, wiring. */
class PlatformStackTest {
    static List<String> environments() { return Synth.environments(); }

    record Rule(String id, String type, Predicate<JsonNode> ok, String why) {}

    static final List<Rule> RULES = List.of(
            new Rule("CKV_AZURE_134", "azurerm_cognitive_account", r -> !r.path("public_network_access_enabled").asBoolean(true), "private only"),
            new Rule("CKV_AZURE_236", "azurerm_cognitive_account", r -> !r.path("local_auth_enabled").asBoolean(true), "Entra ID auth only"),
            new Rule("AOAI_ACL", "azurerm_cognitive_account", r -> r.path("network_acls").path("default_action").asText().equals("Deny"), "network ACL default deny"),
            new Rule("AOAI_IDENTITY", "azurerm_cognitive_account", r -> r.path("identity").path("type").asText().contains("SystemAssigned"), "managed identity"),
            new Rule("LAW_LOCAL_AUTH", "azurerm_log_analytics_workspace", r -> !r.path("local_authentication_enabled").asBoolean(true), "no shared keys"),
            new Rule("PE_AUTO_APPROVED", "azurerm_private_endpoint", r -> !r.path("private_service_connection").path("is_manual_connection").asBoolean(true), "auto-approved"),
            new Rule("SUBNET_NSG_PE_POLICIES", "azurerm_subnet", r -> r.path("private_endpoint_network_policies").asText().equals("Enabled"), "NSGs apply to PEs"));

    @ParameterizedTest(name = "{0}")
    @MethodSource("environments")
    void compliesWithTheSecurityRules(String environment) {
        JsonNode tf = Synth.environment(environment);
        List<String> violations = new ArrayList<>();
        for (Rule r : RULES)
            Synth.all(tf, r.type()).forEach((name, body) -> {
                if (!r.ok().test(body)) violations.add(r.id() + " " + r.type() + "." + name + ": " + r.why());
            });
        assertThat(violations).isEmpty();
        assertThat(Synth.all(tf, "azurerm_cognitive_account")).isNotEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("environments")
    void everyAccountHasAPrivateEndpointWithTheOpenAiZonesAndDiagnostics(String environment) {
        JsonNode tf = Synth.environment(environment);
        var accounts = Synth.all(tf, "azurerm_cognitive_account");
        assertThat(accounts).hasSize(Synth.config(environment).openAi().regions().size());
        Map<String, JsonNode> zones = Synth.all(tf, "azurerm_private_dns_zone");
        for (String address : accounts.keySet()) {
            String id = Synth.ref("azurerm_cognitive_account." + address, "id");
            var pes = Synth.all(tf, "azurerm_private_endpoint").values().stream()
                    .filter(pe -> pe.path("private_service_connection").path("private_connection_resource_id").asText().equals(id)).toList();
            assertThat(pes).as("private endpoint of " + address).hasSize(1);
            List<String> zoneNames = new ArrayList<>();
            pes.get(0).path("private_dns_zone_group").path("private_dns_zone_ids").forEach(z -> zones.forEach((zn, zb) -> {
                if (z.asText().equals(Synth.ref("azurerm_private_dns_zone." + zn, "id"))) zoneNames.add(zb.path("name").asText());
            }));
            assertThat(zoneNames).containsExactly("privatelink.openai.azure.com", "privatelink.cognitiveservices.azure.com");
            assertThat(Synth.all(tf, "azurerm_monitor_diagnostic_setting").values())
                    .filteredOn(d -> d.path("target_resource_id").asText().equals(id)).hasSize(1);
        }
    }

    @Test
    void devIsAPrivateTwoRegionPlatform() {
        JsonNode tf = Synth.environment("dev");
        assertThat(Synth.all(tf, "azurerm_cognitive_account").values()).extracting(a -> a.path("location").asText())
                .containsExactlyInAnyOrder("japaneast", "eastus");
        // gpt-4o and gpt-4o-mini in both regions, the embedding model only in the primary region
        assertThat(Synth.all(tf, "azurerm_cognitive_deployment")).hasSize(5);
        assertThat(Synth.all(tf, "azurerm_cognitive_deployment").values())
                .filteredOn(d -> d.path("name").asText().equals("gpt-4o-mini"))
                .allSatisfy(d -> assertThat(d.path("sku").path("capacity").asInt()).isEqualTo(60));
        assertThat(Synth.all(tf, "azurerm_virtual_network")).hasSize(1);
        assertThat(Synth.all(tf, "azurerm_private_endpoint").values())
                .allSatisfy(pe -> assertThat(pe.path("location").asText()).isEqualTo("japaneast"));
        assertThat(Set.copyOf(Synth.all(tf, "azurerm_private_dns_zone").values().stream().map(z -> z.path("name").asText()).toList()))
                .contains("privatelink.openai.azure.com", "privatelink.cognitiveservices.azure.com", "azure-api.net");
    }

    @Test
    void bringYourOwnNetworkAndHubDnsCreateNoNetworkOrZones() {
        String sub = "11111111-2222-3333-4444-555555555555";
        String vnet = "/subscriptions/" + sub + "/resourceGroups/spoke/providers/Microsoft.Network/virtualNetworks/vnet-spoke";
        String zonePrefix = "/subscriptions/" + sub + "/resourceGroups/dns/providers/Microsoft.Network/privateDnsZones/";
        var base = Synth.config("dev");
        var dns = new java.util.LinkedHashMap<String, String>();
        for (String z : List.of("privatelink.openai.azure.com", "privatelink.cognitiveservices.azure.com", "azure-api.net",
                "portal.azure-api.net", "developer.azure-api.net", "management.azure-api.net", "scm.azure-api.net"))
            dns.put(z, zonePrefix + z);
        var config = new io.github.aoaiplatform.config.EnvironmentConfig(base.description(), base.environmentName(), base.location(),
                base.tenantId(), base.subscriptionId(), base.nameSuffix(), base.tags(), base.backend(),
                new io.github.aoaiplatform.config.EnvironmentConfig.NetworkConfig(null, null, null,
                        new io.github.aoaiplatform.config.EnvironmentConfig.ExistingNetworkConfig(vnet,
                                new io.github.aoaiplatform.config.EnvironmentConfig.Subnets(vnet + "/subnets/apim", vnet + "/subnets/pe", null, null))),
                new io.github.aoaiplatform.config.EnvironmentConfig.DnsConfig(dns), base.monitoring(), base.openAi(), base.gateway(), base.identity(), base.departments(), base.chargeback());
        JsonNode tf = Synth.platform(config);
        assertThat(Synth.all(tf, "azurerm_virtual_network")).isEmpty();
        assertThat(Synth.all(tf, "azurerm_subnet")).isEmpty();
        assertThat(Synth.all(tf, "azurerm_private_dns_zone")).isEmpty();
        assertThat(Synth.all(tf, "azurerm_private_endpoint").values()).allSatisfy(pe -> {
            assertThat(pe.path("subnet_id").asText()).isEqualTo(vnet + "/subnets/pe");
            assertThat(pe.path("private_dns_zone_group").path("private_dns_zone_ids")).extracting(JsonNode::asText)
                    .containsExactly(zonePrefix + "privatelink.openai.azure.com", zonePrefix + "privatelink.cognitiveservices.azure.com");
        });
    }

    static String apiPolicyXml(JsonNode tf) {
        return Synth.single(tf, "azurerm_api_management_api_policy").path("xml_content").asText();
    }

    @Test
    void tokenValidationUsesTheRegisteredApplicationWhenTheLibraryCreatesIt() {
        JsonNode tf = Synth.environment("test");
        var apps = Synth.all(tf, "azuread_application");
        String api = apps.entrySet().stream().filter(e -> e.getValue().has("api")).map(Map.Entry::getKey).findFirst().orElseThrow();
        String clientId = Synth.ref("azuread_application." + api, "client_id");
        assertThat(apiPolicyXml(tf)).contains("<audience>api://" + clientId + "</audience>", "<audience>" + clientId + "</audience>");
        assertThat(apps).hasSize(3);   // the API, the SPA and the daemon
        assertThat(Synth.single(tf, "azuread_application_identifier_uri")
                .path("identifier_uri").asText()).isEqualTo("api://" + clientId);
    }

    @Test
    void tokenValidationUsesTheConfiguredAppIdWhenBroughtByTheDirectoryTeam() {
        JsonNode tf = Synth.environment("prod");
        assertThat(Synth.all(tf, "azuread_application")).isEmpty();
        String appId = Synth.config("prod").identity().audienceAppId();
        assertThat(apiPolicyXml(tf)).contains("<audience>api://" + appId + "</audience>");
    }

    /** Resource types whose Azure resource supports diagnostic settings: each must have one to the workspace. */
    static final Set<String> SUPPORTS_DIAGNOSTICS = Set.of("azurerm_cognitive_account", "azurerm_api_management",
            "azurerm_virtual_network", "azurerm_network_security_group", "azurerm_log_analytics_workspace",
            "azurerm_application_insights", "azurerm_key_vault", "azurerm_eventhub_namespace", "azurerm_public_ip");
    /** Types with no diagnostic settings of their own (child/config resources, or no log/metric categories). */
    static final Set<String> NO_DIAGNOSTICS = Set.of("azurerm_resource_group", "azurerm_subnet", "azurerm_network_security_rule",
            "azurerm_subnet_network_security_group_association", "azurerm_private_dns_zone", "azurerm_private_dns_zone_virtual_network_link",
            "azurerm_private_dns_a_record", "azurerm_private_endpoint", "azurerm_cognitive_deployment", "azurerm_cognitive_account_rai_policy",
            "azurerm_cognitive_account_rai_blocklist", "azurerm_monitor_diagnostic_setting", "azurerm_role_assignment",
            "azurerm_user_assigned_identity", "azurerm_api_management_api", "azurerm_api_management_api_policy",
            "azurerm_api_management_backend", "azurerm_api_management_logger", "azurerm_api_management_named_value",
            "azurerm_api_management_api_diagnostic", "azuread_application", "azuread_application_identifier_uri",
            "azuread_service_principal", "azuread_application_pre_authorized", "azuread_app_role_assignment", "azapi_resource",
            "azapi_update_resource", "azurerm_api_management_product", "azurerm_api_management_product_api",
            "azurerm_api_management_product_policy", "azurerm_api_management_subscription", "azurerm_log_analytics_saved_search",
            "azurerm_application_insights_workbook", "azurerm_monitor_action_group", "azurerm_monitor_scheduled_query_rules_alert_v2");

    @ParameterizedTest(name = "{0}")
    @MethodSource("environments")
    void everyResourceThatSupportsDiagnosticsSendsThemToTheWorkspace(String environment) {
        JsonNode tf = Synth.environment(environment);
        String workspace = Synth.ref("azurerm_log_analytics_workspace." + Synth.all(tf, "azurerm_log_analytics_workspace").keySet().iterator().next(), "id");
        Map<String, JsonNode> diagnostics = new java.util.HashMap<>();
        Synth.all(tf, "azurerm_monitor_diagnostic_setting").values().forEach(d -> diagnostics.put(d.path("target_resource_id").asText(), d));
        List<String> problems = new ArrayList<>();
        tf.path("resource").fields().forEachRemaining(type -> {
            String t = type.getKey();
            if (!SUPPORTS_DIAGNOSTICS.contains(t) && !NO_DIAGNOSTICS.contains(t)) {
                problems.add(t + ": unclassified; add it to SUPPORTS_DIAGNOSTICS (and give it a diagnostic setting) or NO_DIAGNOSTICS");
                return;
            }
            if (!SUPPORTS_DIAGNOSTICS.contains(t)) return;
            type.getValue().fieldNames().forEachRemaining(name -> {
                JsonNode d = diagnostics.get(Synth.ref(t + "." + name, "id"));
                if (d == null) problems.add(t + "." + name + ": no diagnostic setting");
                else if (!d.path("log_analytics_workspace_id").asText().equals(workspace)) problems.add(t + "." + name + ": diagnostics not sent to the platform workspace");
            });
        });
        assertThat(problems).isEmpty();
    }
}
