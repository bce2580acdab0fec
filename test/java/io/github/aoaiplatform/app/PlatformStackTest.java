package io.github.aoaiplatform.app;

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
            // an endpoint to a resource another subscription owns (a tenant's account) waits for its owner, who is told why
            new Rule("PE_AUTO_APPROVED", "azurerm_private_endpoint", r -> !r.path("private_service_connection").path("is_manual_connection").asBoolean(true)
                    || (r.path("private_service_connection").path("private_connection_resource_id").asText().startsWith("/subscriptions/")
                        && !r.path("private_service_connection").path("request_message").asText().isBlank()),
                    "auto-approved, or a request to the owner of a resource this stack does not manage"),
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
        var config = Synth.config(environment);
        int dedicatedAccounts = config.departments().stream().filter(d -> d.isolation().equals(EnvironmentConfig.DepartmentConfig.DEDICATED_ACCOUNT))
                .mapToInt(d -> d.regions().size()).sum();
        assertThat(accounts).hasSize(config.openAi().regions().size() + dedicatedAccounts);
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
        var config = new io.github.aoaiplatform.app.EnvironmentConfig(base.description(), base.environmentName(), base.location(),
                base.tenantId(), base.subscriptionId(), base.nameSuffix(), base.tags(), base.backend(),
                new io.github.aoaiplatform.app.EnvironmentConfig.NetworkConfig(null, null, null,
                        new io.github.aoaiplatform.app.EnvironmentConfig.ExistingNetworkConfig(vnet,
                                new io.github.aoaiplatform.app.EnvironmentConfig.Subnets(vnet + "/subnets/apim", vnet + "/subnets/pe", null, null))),
                new io.github.aoaiplatform.app.EnvironmentConfig.DnsConfig(dns), base.monitoring(), base.openAi(), base.gateway(), base.identity(), base.departments(), base.chargeback(), base.locks());
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

    static String address(JsonNode tf, String type) {
        Map<String, JsonNode> all = Synth.all(tf, type);
        assertThat(all).as(type).hasSize(1);
        return type + "." + all.keySet().iterator().next();
    }

    /** The names of the zones (created here) that a private endpoint's zone group points at, in order. */
    static List<String> zoneNames(JsonNode tf, JsonNode privateEndpoint) {
        Map<String, JsonNode> zones = Synth.all(tf, "azurerm_private_dns_zone");
        List<String> names = new ArrayList<>();
        privateEndpoint.path("private_dns_zone_group").path("private_dns_zone_ids").forEach(z -> zones.forEach((zn, zb) -> {
            if (z.asText().equals(Synth.ref("azurerm_private_dns_zone." + zn, "id"))) names.add(zb.path("name").asText());
        }));
        return names;
    }

    /** The reference to the id of the created privateEndpoints subnet. */
    static String privateEndpointSubnetId(JsonNode tf) {
        var subnets = Synth.all(tf, "azurerm_subnet").keySet().stream().filter(k -> k.contains("PrivateEndpoints")).toList();
        assertThat(subnets).hasSize(1);
        return Synth.ref("azurerm_subnet." + subnets.get(0), "id");
    }

    static JsonNode privateEndpointOf(JsonNode tf, String targetId) {
        var pes = Synth.all(tf, "azurerm_private_endpoint").values().stream()
                .filter(pe -> pe.path("private_service_connection").path("private_connection_resource_id").asText().equals(targetId)).toList();
        assertThat(pes).as("private endpoint of " + targetId).hasSize(1);
        return pes.get(0);
    }

    @Test
    void prodReachesAzureMonitorOnlyThroughItsPrivateLinkScope() {
        JsonNode tf = Synth.environment("prod");
        assertThat(Synth.config("prod").monitoring().privateLinkScope()).isTrue();
        String scope = address(tf, "azurerm_monitor_private_link_scope");
        JsonNode ampls = Synth.single(tf, "azurerm_monitor_private_link_scope");
        assertThat(ampls.path("name").asText()).startsWith("ampls-aoai-prod-");
        assertThat(ampls.path("ingestion_access_mode").asText()).isEqualTo("PrivateOnly");
        assertThat(ampls.path("query_access_mode").asText()).isEqualTo("PrivateOnly");

        String workspace = address(tf, "azurerm_log_analytics_workspace");
        String appInsights = address(tf, "azurerm_application_insights");
        assertThat(Synth.all(tf, "azurerm_monitor_private_link_scoped_service").values())
                .allSatisfy(s -> assertThat(s.path("scope_name").asText()).isEqualTo(Synth.ref(scope, "name")))
                .extracting(s -> s.path("linked_resource_id").asText())
                .containsExactlyInAnyOrder(Synth.ref(workspace, "id"), Synth.ref(appInsights, "id"));

        JsonNode pe = privateEndpointOf(tf, Synth.ref(scope, "id"));
        assertThat(pe.path("private_service_connection").path("subresource_names")).extracting(JsonNode::asText).containsExactly("azuremonitor");
        assertThat(pe.path("subnet_id").asText()).isEqualTo(privateEndpointSubnetId(tf));
        assertThat(zoneNames(tf, pe)).containsExactly("privatelink.monitor.azure.com", "privatelink.oms.opinsights.azure.com",
                "privatelink.ods.opinsights.azure.com", "privatelink.agentsvc.azure-automation.net", "privatelink.blob.core.windows.net");

        // the scoped resources refuse ingestion and queries from the Internet
        for (String r : List.of(workspace, appInsights)) {
            JsonNode body = Synth.allResources(tf).get(r);
            assertThat(body.path("internet_ingestion_enabled").asBoolean(true)).as(r).isFalse();
            assertThat(body.path("internet_query_enabled").asBoolean(true)).as(r).isFalse();
        }
    }

    @Test
    void prodStreamsUsageToAPrivateEntraOnlyEventHubWrittenByTheGatewayIdentity() {
        JsonNode tf = Synth.environment("prod");
        assertThat(Synth.config("prod").monitoring().usageEventHub()).isTrue();
        String namespace = address(tf, "azurerm_eventhub_namespace");
        JsonNode ns = Synth.single(tf, "azurerm_eventhub_namespace");
        assertThat(ns.path("name").asText()).startsWith("evhns-aoai-prod-");
        assertThat(ns.path("sku").asText()).isEqualTo("Standard");
        assertThat(ns.path("capacity").asInt()).isEqualTo(1);
        assertThat(ns.path("public_network_access_enabled").asBoolean(true)).isFalse();
        assertThat(ns.path("local_authentication_enabled").asBoolean(true)).isFalse();
        assertThat(ns.path("minimum_tls_version").asText()).isEqualTo("1.2");
        String hub = address(tf, "azurerm_eventhub");
        JsonNode hubBody = Synth.single(tf, "azurerm_eventhub");
        assertThat(hubBody.path("name").asText()).isEqualTo("aoai-usage");
        assertThat(hubBody.path("partition_count").asInt()).isEqualTo(2);
        assertThat(hubBody.path("message_retention").asInt()).isEqualTo(7);
        assertThat(hubBody.path("namespace_id").asText()).isEqualTo(Synth.ref(namespace, "id"));

        JsonNode pe = privateEndpointOf(tf, Synth.ref(namespace, "id"));
        assertThat(pe.path("private_service_connection").path("subresource_names")).extracting(JsonNode::asText).containsExactly("namespace");
        assertThat(pe.path("subnet_id").asText()).isEqualTo(privateEndpointSubnetId(tf));
        assertThat(zoneNames(tf, pe)).containsExactly("privatelink.servicebus.windows.net");

        String identity = address(tf, "azurerm_user_assigned_identity");
        var senders = Synth.all(tf, "azurerm_role_assignment").entrySet().stream()
                .filter(e -> e.getValue().path("role_definition_name").asText().equals("Azure Event Hubs Data Sender")).toList();
        assertThat(senders).hasSize(1);
        JsonNode sender = senders.get(0).getValue();
        assertThat(sender.path("scope").asText()).isEqualTo(Synth.ref(hub, "id"));
        assertThat(sender.path("principal_id").asText()).isEqualTo(Synth.ref(identity, "principal_id"));

        var loggers = Synth.all(tf, "azurerm_api_management_logger").entrySet().stream().filter(e -> e.getValue().has("eventhub")).toList();
        assertThat(loggers).hasSize(1);
        String logger = "azurerm_api_management_logger." + loggers.get(0).getKey();
        JsonNode loggerBody = loggers.get(0).getValue();
        assertThat(loggerBody.path("api_management_name").asText()).isEqualTo(Synth.ref(address(tf, "azurerm_api_management"), "name"));
        assertThat(loggerBody.path("eventhub").path("name").asText()).isEqualTo(Synth.ref(hub, "name"));
        assertThat(loggerBody.path("eventhub").path("endpoint_uri").asText()).isEqualTo(Synth.ref(namespace, "name") + ".servicebus.windows.net");
        assertThat(loggerBody.path("eventhub").path("user_assigned_identity_client_id").asText()).isEqualTo(Synth.ref(identity, "client_id"));
        assertThat(loggerBody.path("eventhub").has("connection_string")).isFalse();
        assertThat(loggerBody.path("depends_on")).extracting(JsonNode::asText).containsExactly("azurerm_role_assignment." + senders.get(0).getKey());

        // the API policy counts the consumed tokens and logs one usage record per call through that logger
        org.w3c.dom.Document policy = xml(apiPolicyXml(tf));
        org.w3c.dom.Element limit = (org.w3c.dom.Element) policy.getElementsByTagName("azure-openai-token-limit").item(0);
        assertThat(limit.getAttribute("tokens-consumed-variable-name")).isEqualTo("tokens-consumed");
        org.w3c.dom.Element outbound = (org.w3c.dom.Element) policy.getElementsByTagName("outbound").item(0);
        var logs = outbound.getElementsByTagName("log-to-eventhub");
        assertThat(logs.getLength()).isEqualTo(1);
        org.w3c.dom.Element log = (org.w3c.dom.Element) logs.item(0);
        assertThat(log.getAttribute("logger-id")).isEqualTo(Synth.ref(logger, "name"));
        assertThat(log.getTextContent()).isEqualTo("@((string)context.Variables[\"" + io.github.aoaiplatform.apim.DefaultPolicy.USAGE_RECORD_VARIABLE + "\"])");
        var built = outbound.getElementsByTagName("set-variable");
        String record = java.util.stream.IntStream.range(0, built.getLength()).mapToObj(i -> (org.w3c.dom.Element) built.item(i))
                .filter(e -> e.getAttribute("name").equals(io.github.aoaiplatform.apim.DefaultPolicy.USAGE_RECORD_VARIABLE))
                .findFirst().orElseThrow().getAttribute("value");
        for (String field : io.github.aoaiplatform.apim.DefaultPolicy.USAGE_RECORD_FIELDS)
            assertThat(record).contains("new JProperty(\"" + field + "\", ");
        assertThat(record).contains("\"gpt-4o-mini\"").contains("\"pool-gpt-4o\"");
        assertThat(tf.path("output").path("usage_event_hub_id").path("value").asText()).isEqualTo(Synth.ref(hub, "id"));
    }

    @Test
    void withHubZonesThePrivateLinkScopeAndUsageEventHubRegisterInTheHubAndCreateNoZonesOfTheirOwn() {
        String zonePrefix = "/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/dns/providers/Microsoft.Network/privateDnsZones/";
        var hubZones = new java.util.LinkedHashMap<String, String>();
        List<String> observabilityZones = new ArrayList<>(io.github.aoaiplatform.dns.DnsZoneCatalogue.forMonitor());
        observabilityZones.add("privatelink.servicebus.windows.net");
        observabilityZones.forEach(z -> hubZones.put(z, zonePrefix + z));
        var base = Synth.config("dev");
        var m = base.monitoring();
        var config = new io.github.aoaiplatform.app.EnvironmentConfig(base.description(), base.environmentName(), base.location(),
                base.tenantId(), base.subscriptionId(), base.nameSuffix(), base.tags(), base.backend(), base.network(),
                new io.github.aoaiplatform.app.EnvironmentConfig.DnsConfig(hubZones),
                new io.github.aoaiplatform.app.EnvironmentConfig.MonitoringConfig(m.retentionDays(), m.dailyQuotaGb(), m.llmLogMaxBytes(), true, true,
                        m.promptLogRetentionDays(), m.promptLogReaders()),
                base.openAi(), base.gateway(), base.identity(), base.departments(), base.chargeback(), base.locks());
        JsonNode tf = Synth.platform(config);
        assertThat(Synth.all(tf, "azurerm_private_dns_zone").values()).extracting(z -> z.path("name").asText())
                .doesNotContainAnyElementsOf(observabilityZones);
        JsonNode ampls = privateEndpointOf(tf, Synth.ref(address(tf, "azurerm_monitor_private_link_scope"), "id"));
        assertThat(ampls.path("private_dns_zone_group").path("private_dns_zone_ids")).extracting(JsonNode::asText)
                .containsExactlyElementsOf(observabilityZones.subList(0, 5).stream().map(z -> zonePrefix + z).toList());
        JsonNode eventHub = privateEndpointOf(tf, Synth.ref(address(tf, "azurerm_eventhub_namespace"), "id"));
        assertThat(eventHub.path("private_dns_zone_group").path("private_dns_zone_ids")).extracting(JsonNode::asText)
                .containsExactly(zonePrefix + "privatelink.servicebus.windows.net");
        String usageLogger = Synth.all(tf, "azurerm_api_management_logger").entrySet().stream().filter(e -> e.getValue().has("eventhub"))
                .map(e -> "azurerm_api_management_logger." + e.getKey()).findFirst().orElseThrow();
        assertThat(apiPolicyXml(tf)).contains("<log-to-eventhub logger-id=\"" + Synth.ref(usageLogger, "name") + "\">");
    }

    static org.w3c.dom.Document xml(String text) {
        try {
            var f = javax.xml.parsers.DocumentBuilderFactory.newDefaultInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return f.newDocumentBuilder().parse(new org.xml.sax.InputSource(new java.io.StringReader(text)));
        } catch (Exception e) {
            throw new AssertionError("policy XML is not well-formed: " + e.getMessage(), e);
        }
    }

    /** The environments that leave both optional observability features off. */
    static List<String> environmentsWithoutObservabilityFeatures() {
        return Synth.environments().stream().filter(e -> {
            var m = Synth.config(e).monitoring();
            return !m.privateLinkScope() && !m.usageEventHub();
        }).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("environmentsWithoutObservabilityFeatures")
    void withTheObservabilityFeaturesOffNoneOfTheirResourcesExist(String environment) {
        JsonNode tf = Synth.environment(environment);
        for (String type : List.of("azurerm_monitor_private_link_scope", "azurerm_monitor_private_link_scoped_service",
                "azurerm_eventhub_namespace", "azurerm_eventhub"))
            assertThat(Synth.all(tf, type)).as(type).isEmpty();
        assertThat(Synth.all(tf, "azurerm_api_management_logger").values()).noneMatch(l -> l.has("eventhub"));
        assertThat(Synth.all(tf, "azurerm_role_assignment").values()).extracting(r -> r.path("role_definition_name").asText())
                .doesNotContain("Azure Event Hubs Data Sender");
        assertThat(Synth.all(tf, "azurerm_private_dns_zone").values()).extracting(z -> z.path("name").asText())
                .doesNotContainAnyElementsOf(io.github.aoaiplatform.dns.DnsZoneCatalogue.forMonitor())
                .doesNotContain("privatelink.servicebus.windows.net");
        // the usage record still reaches Application Insights (the per-user chargeback), only Event Hubs is left out
        assertThat(apiPolicyXml(tf)).doesNotContain("log-to-eventhub").contains("<trace source=\"aoai-usage\"");
        assertThat(Synth.single(tf, "azurerm_log_analytics_workspace").path("internet_query_enabled").asBoolean(false)).isTrue();
        assertThat(Synth.single(tf, "azurerm_application_insights").has("internet_ingestion_enabled")).isFalse();
        assertThat(tf.path("output").has("usage_event_hub_id")).isFalse();
    }

    @Test
    void devAndTestLeaveTheObservabilityFeaturesOff() {
        assertThat(environmentsWithoutObservabilityFeatures()).contains("dev", "test").doesNotContain("prod");
    }

    /** Resource types whose Azure resource supports diagnostic settings: each must have one to the workspace. */
    static final Set<String> SUPPORTS_DIAGNOSTICS = Set.of("azurerm_cognitive_account", "azurerm_api_management",
            "azurerm_virtual_network", "azurerm_network_security_group", "azurerm_log_analytics_workspace",
            "azurerm_application_insights", "azurerm_key_vault", "azurerm_eventhub_namespace", "azurerm_public_ip");
    /** Types with no diagnostic settings of their own (child/config resources, or no log/metric categories). */
    static final Set<String> NO_DIAGNOSTICS = Set.of("azurerm_resource_group", "azurerm_management_lock", "azurerm_subnet", "azurerm_network_security_rule",
            "azurerm_subnet_network_security_group_association", "azurerm_private_dns_zone", "azurerm_private_dns_zone_virtual_network_link",
            "azurerm_private_dns_a_record", "azurerm_private_endpoint", "azurerm_cognitive_deployment",
            "azurerm_cognitive_account_rai_blocklist", "azurerm_monitor_diagnostic_setting", "azurerm_role_assignment",
            "azurerm_user_assigned_identity", "azurerm_api_management_api", "azurerm_api_management_api_policy",
            "azurerm_api_management_backend", "azurerm_api_management_logger", "azurerm_api_management_named_value",
            "azurerm_api_management_api_diagnostic", "azuread_application", "azuread_application_federated_identity_credential", "azuread_application_identifier_uri",
            "azuread_service_principal", "azuread_application_pre_authorized", "azuread_app_role_assignment", "azapi_resource",
            "azapi_update_resource", "azurerm_api_management_product", "azurerm_api_management_product_api",
            "azurerm_api_management_product_policy", "azurerm_api_management_subscription", "azurerm_log_analytics_saved_search",
            "azurerm_application_insights_workbook", "azurerm_monitor_action_group", "azurerm_monitor_scheduled_query_rules_alert_v2",
            "azurerm_monitor_private_link_scope", "azurerm_monitor_private_link_scoped_service", "azurerm_eventhub",
            "azurerm_log_analytics_workspace_table", "azurerm_role_definition");

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
