package io.github.aoaiplatform.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.aoaiplatform.apim.DefaultPolicy;
import io.github.aoaiplatform.apim.DepartmentPolicy;
import io.github.aoaiplatform.chargeback.ChargebackQueries;
import io.github.aoaiplatform.openai.ContentFilter;
import io.github.aoaiplatform.testing.Synth;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The four isolation models of {@code stacks/multitenant.json}: each tenant gets exactly the resources of its model, and
 * the gateway (its product policy and the API's routing, read from the synthesized XML) admits it only to its own
 * deployments and sends those to its own backend.
 */
class TenancyTest {
    static final String STACK = "multitenant";
    static final JsonNode TF = Synth.environment(STACK);
    static final EnvironmentConfig CONFIG = Synth.config(STACK);

    @Test
    void theExampleHasATenantOfEveryModelAndABatchTenant() {
        assertThat(CONFIG.departments()).extracting(EnvironmentConfig.DepartmentConfig::isolation)
                .containsAll(EnvironmentConfig.DepartmentConfig.ISOLATIONS);
        assertThat(CONFIG.departments()).flatExtracting(EnvironmentConfig.DepartmentConfig::deployments)
                .extracting(EnvironmentConfig.DeploymentConfig::sku).contains("GlobalBatch");
    }

    @Test
    void aSharedTenantGetsAProductAndNothingElse() {
        assertThat(addressesMentioning("finance")).allMatch(a -> a.contains("Department-finance") || a.startsWith("azurerm_monitor_scheduled_query_rules_alert_v2."),
                "only its product, product API, policy, subscription and chargeback alerts");
    }

    @Test
    void aDedicatedDeploymentTenantGetsItsDeploymentAndFilterOnTheSharedAccountsOfItsRegions() {
        var deployments = Synth.all(TF, "azurerm_cognitive_deployment");
        assertThat(deployments.values()).filteredOn(d -> d.path("name").asText().equals("contoso-gpt-4o")).hasSize(1);
        var contoso = deployments.entrySet().stream().filter(e -> e.getValue().path("name").asText().equals("contoso-gpt-4o")).findFirst().orElseThrow();
        assertThat(contoso.getKey()).startsWith("OpenAi_japaneast_Account_");
        assertThat(contoso.getValue().path("rai_policy_name").asText()).isEqualTo("contoso-strict");
        assertThat(contoso.getValue().path("version_upgrade_option").asText()).isEqualTo("NoAutoUpgrade");
        assertThat(contoso.getValue().path("sku").path("capacity").asInt()).isEqualTo(50);
        assertThat(Synth.all(TF, "azapi_resource").values()).filteredOn(r -> r.path("type").asText().equals(ContentFilter.TYPE))
                .extracting(p -> p.path("name").asText()).contains("contoso-strict");
        assertThat(Synth.allResources(TF).keySet()).anyMatch(a -> a.contains("OpenAi_japaneast_Blocklist-contoso-terms"));
        assertThat(Synth.all(TF, "azurerm_cognitive_account").keySet()).noneMatch(a -> a.contains("contoso"));
        // the tenant's terms block only its own filter: the shared deployments' default filter does not attach them
        var filters = Synth.all(TF, "azapi_resource").values().stream().filter(r -> r.path("type").asText().equals(ContentFilter.TYPE)).toList();
        assertThat(filters).filteredOn(f -> f.path("name").asText().equals("contoso-strict")).isNotEmpty()
                .allSatisfy(f -> assertThat(f.path("body").path("properties").path("customBlocklists").toString()).contains("contoso-terms"));
        assertThat(filters).filteredOn(f -> f.path("name").asText().equals("platform-default")).isNotEmpty()
                .allSatisfy(f -> assertThat(f.path("body").path("properties").path("customBlocklists").toString()).doesNotContain("contoso-terms"));
    }

    @Test
    void aDedicatedAccountTenantGetsItsAccountsWithEndpointsDiagnosticsDeploymentsGrantsAndAPool() {
        var accounts = Synth.all(TF, "azurerm_cognitive_account").entrySet().stream()
                .filter(e -> e.getKey().startsWith("Tenant-fabrikam_")).toList();
        assertThat(accounts).extracting(e -> e.getValue().path("location").asText()).containsExactly("eastus", "swedencentral");
        for (var account : accounts) {
            String id = Synth.ref("azurerm_cognitive_account." + account.getKey(), "id");
            assertThat(account.getValue().path("name").asText()).contains("-fabrikam-");
            assertThat(account.getValue().path("public_network_access_enabled").asBoolean(true)).isFalse();
            assertThat(Synth.all(TF, "azurerm_private_endpoint").values()).filteredOn(pe ->
                    pe.path("private_service_connection").path("private_connection_resource_id").asText().equals(id)).hasSize(1);
            assertThat(Synth.all(TF, "azurerm_monitor_diagnostic_setting").values()).filteredOn(d ->
                    d.path("target_resource_id").asText().equals(id)).hasSize(1);
            assertThat(Synth.all(TF, "azurerm_role_assignment").values()).filteredOn(r -> r.path("scope").asText().equals(id))
                    .extracting(r -> r.path("role_definition_name").asText()).containsExactly("Cognitive Services OpenAI User");
            assertThat(Synth.all(TF, "azurerm_cognitive_deployment").values()).filteredOn(d ->
                    d.path("cognitive_account_id").asText().equals(id)).extracting(d -> d.path("name").asText()).containsExactly("fabrikam-gpt-4o");
        }
        assertThat(backendUrls()).containsKeys("aoai-fabrikam-eus", "aoai-fabrikam-sdc");
        assertThat(Synth.all(TF, "azapi_resource").values()).extracting(r -> r.path("name").asText()).contains("pool-fabrikam-gpt-4o");
    }

    @Test
    void aTenantProvidedAccountIsABackendByResourceIdWithNoResourceOrGrantCreatedInTheTenantsSubscription() {
        assertThat(backendUrls()).containsEntry("aoai-northwind-we", "https://oai-northwind.openai.azure.com/openai")
                .containsEntry("aoai-litware-jpe", "https://oai-litware.openai.azure.com/openai");
        String tenantSubscriptions = "/subscriptions/(11111111-1111-1111-1111-111111111111|33333333-3333-3333-3333-333333333333)/.*";
        Synth.allResources(TF).forEach((address, body) ->
                assertThat(body.toString()).as(address).doesNotContainPattern("\"(scope|cognitive_account_id|target_resource_id)\":\"" + tenantSubscriptions));
        assertThat(Synth.all(TF, "azurerm_cognitive_account").keySet()).noneMatch(a -> a.contains("northwind") || a.contains("litware"));
        for (var tenant : List.of(CONFIG.departments().get(3), CONFIG.departments().get(4))) {
            var endpoints = Synth.all(TF, "azurerm_private_endpoint").values().stream().filter(pe ->
                    pe.path("private_service_connection").path("private_connection_resource_id").asText().equals(tenant.account().resourceId())).toList();
            assertThat(endpoints).as("the gateway subnet denies Internet egress: %s is reached privately", tenant.name()).singleElement().satisfies(pe -> {
                var connection = pe.path("private_service_connection");
                assertThat(connection.path("is_manual_connection").asBoolean()).isTrue();
                assertThat(connection.path("request_message").asText()).contains(tenant.name());
                assertThat(connection.path("subresource_names")).extracting(JsonNode::asText).containsExactly("account");
                assertThat(pe.path("subnet_id").asText()).contains("PrivateEndpoints");
                assertThat(pe.path("private_dns_zone_group").path("private_dns_zone_ids").toString()).contains("privatelinkopenaiazurecom");
            });
        }
    }

    /** Which deployments each tenant's product admits, from its policy XML, and where the API sends them. */
    @Test
    void theGatewayAdmitsEachTenantOnlyToItsOwnDeploymentsAndRoutesThemToItsOwnBackend() {
        List<String> all = new ArrayList<>(ConfigProps.modelByDeployment(CONFIG).keySet());
        Map<String, List<String>> expected = new LinkedHashMap<>();
        expected.put("finance", List.of("gpt-4o-mini"));
        expected.put("contoso", List.of("contoso-gpt-4o"));
        expected.put("fabrikam", List.of("fabrikam-gpt-4o"));
        expected.put("northwind", List.of("northwind-gpt-4o"));
        expected.put("litware", List.of("litware-gpt-4o-mini"));
        expected.put("tailspin", List.of("tailspin-gpt-4o-mini", "tailspin-gpt-4o-batch"));
        assertThat(expected.keySet()).containsExactlyElementsOf(CONFIG.departments().stream().map(EnvironmentConfig.DepartmentConfig::name).toList());
        expected.forEach((tenant, own) -> {
            Document policy = productPolicy(tenant);
            List<String> admitted = all.stream().filter(d -> admits(policy, d)).toList();
            assertThat(admitted).as("deployments tenant %s can reach", tenant).containsExactlyInAnyOrderElementsOf(own);
            assertThat(admits(policy, "some-other-deployment")).as("%s: an unknown deployment", tenant).isFalse();
        });
        Document api = xml(Synth.single(TF, "azurerm_api_management_api_policy").path("xml_content").asText());
        assertThat(route(api, "contoso-gpt-4o")).isEqualTo("aoai-japaneast");
        assertThat(route(api, "fabrikam-gpt-4o")).isEqualTo("pool-fabrikam-gpt-4o");
        assertThat(route(api, "northwind-gpt-4o")).isEqualTo("aoai-northwind-we");
        assertThat(route(api, "litware-gpt-4o-mini")).isEqualTo("aoai-litware-jpe");
        assertThat(route(api, "tailspin-gpt-4o-batch")).isEqualTo("aoai-tailspin-eus");
    }

    @Test
    void withoutTenantsOfTheirOwnASharedDepartmentStillReachesEveryDeployment() {
        var research = Synth.config("dev").departments().stream().filter(d -> d.name().equals("research")).findFirst().orElseThrow();
        assertThat(ConfigProps.allowedDeployments(Synth.config("dev"), research)).isEmpty();
        var finance = CONFIG.departments().get(0);
        var unrestricted = new EnvironmentConfig.DepartmentConfig(finance.name(), null, finance.costCenter(), null, null, 1000, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null);
        assertThat(ConfigProps.allowedDeployments(CONFIG, unrestricted)).as("spelled out next to dedicated tenants")
                .containsExactly("gpt-4o", "gpt-4o-mini", "text-embedding-3-small");
    }

    @Test
    void aTenantInAnotherEntraTenantIsReachedAsAFederatedMultiTenantAppWithNoSecretAnywhere() {
        var app = Synth.single(TF, "azuread_application");
        assertThat(app.path("sign_in_audience").asText()).isEqualTo("AzureADMultipleOrgs");
        assertThat(app.has("password")).isFalse();
        var credential = Synth.single(TF, "azuread_application_federated_identity_credential");
        String identity = Synth.all(TF, "azurerm_user_assigned_identity").keySet().stream().filter(a -> a.startsWith("Gateway_Identity")).findFirst().orElseThrow();
        assertThat(credential.path("issuer").asText()).isEqualTo("https://login.microsoftonline.com/" + CONFIG.tenantId() + "/v2.0");
        assertThat(credential.path("subject").asText()).isEqualTo(Synth.ref("azurerm_user_assigned_identity." + identity, "principal_id"));
        assertThat(credential.path("audiences")).extracting(JsonNode::asText).containsExactly("api://AzureADTokenExchange");
        assertThat(credential.path("application_id").asText()).isEqualTo(Synth.ref("azuread_application." + Synth.all(TF, "azuread_application").keySet().iterator().next(), "id"));
        assertThat(TF.path("resource").fieldNames()).toIterable().noneMatch(t -> t.contains("password") || t.contains("certificate") || t.contains("secret"));
        assertThat(Synth.all(TF, "azurerm_api_management_named_value").values()).noneMatch(v -> v.path("secret").asBoolean(false));

        Document northwind = productPolicy("northwind");
        var lookup = elements(northwind, "cache-lookup-value").get(0);
        assertThat(lookup.getAttribute("key")).isEqualTo("backend-token:northwind");
        assertThat(lookup.getAttribute("variable-name")).isEqualTo(DefaultPolicy.BACKEND_TOKEN_VARIABLE);
        var assertion = elements(northwind, "authentication-managed-identity").get(0);
        assertThat(assertion.getAttribute("resource")).isEqualTo("api://AzureADTokenExchange");
        assertThat(assertion.getAttribute("client-id")).isEqualTo("{{uami-client-id}}");
        var exchange = elements(northwind, "send-request").get(0);
        assertThat(elements(exchange, "set-url").get(0).getTextContent())
                .isEqualTo("https://login.microsoftonline.com/22222222-2222-2222-2222-222222222222/oauth2/v2.0/token");
        assertThat(elements(exchange, "set-body").get(0).getTextContent()).contains("grant_type=client_credentials")
                .contains("client_id=" + Synth.ref("azuread_application." + Synth.all(TF, "azuread_application").keySet().iterator().next(), "client_id"))
                .contains("scope=https%3A%2F%2Fcognitiveservices.azure.com%2F.default")
                .contains("client_assertion_type=urn%3Aietf%3Aparams%3Aoauth%3Aclient-assertion-type%3Ajwt-bearer")
                .contains("client_assertion=\" + (string)context.Variables[\"" + assertion.getAttribute("output-token-variable-name") + "\"]");
        var store = elements(northwind, "cache-store-value").get(0);
        assertThat(store.getAttribute("key")).isEqualTo(lookup.getAttribute("key"));
        assertThat(Integer.parseInt(store.getAttribute("duration"))).isBetween(60, 3600 - 60);

        assertThat(elements(productPolicy("litware"), "send-request")).as("same Entra tenant: the gateway identity directly").isEmpty();
        Document api = xml(Synth.single(TF, "azurerm_api_management_api_policy").path("xml_content").asText());
        var uses = elements(api, "when").stream().filter(w -> w.getAttribute("condition").contains(DefaultPolicy.BACKEND_TOKEN_VARIABLE)).toList();
        assertThat(uses).hasSize(1);
        assertThat(elements(uses.get(0), "value").get(0).getTextContent()).contains(DefaultPolicy.BACKEND_TOKEN_VARIABLE);
    }

    @Test
    void withoutTenantsInOtherEntraTenantsThereIsNoApplicationAndTheApiAlwaysUsesTheGatewayIdentity() {
        for (String env : List.of("dev", "test", "prod")) {
            JsonNode tf = Synth.environment(env);
            assertThat(Synth.all(tf, "azuread_application_federated_identity_credential")).as(env).isEmpty();
            assertThat(Synth.single(tf, "azurerm_api_management_api_policy").path("xml_content").asText()).as(env)
                    .doesNotContain(DefaultPolicy.BACKEND_TOKEN_VARIABLE);
        }
    }

    /** Files and batch jobs belong to an account: only a tenant with its own reaches them, and only its own. */
    @Test
    void filesAndBatchesReachOnlyTheCallersOwnAccount() {
        Map<String, String> home = new LinkedHashMap<>();
        home.put("fabrikam", "aoai-fabrikam-eus");
        home.put("northwind", "aoai-northwind-we");
        home.put("litware", "aoai-litware-jpe");
        home.put("tailspin", "aoai-tailspin-eus");
        String accountOperation = "@(!(!(" + DepartmentPolicy.ACCOUNT_OPERATION_CONDITION + ")))";
        for (var d : CONFIG.departments()) {
            Document policy = productPolicy(d.name());
            var refused = elements(policy, "when").stream().filter(w -> w.getAttribute("condition").equals(accountOperation)).toList();
            var backend = elements(policy, "set-variable").stream()
                    .filter(v -> v.getAttribute("name").equals(DefaultPolicy.TENANT_BACKEND_VARIABLE)).map(v -> v.getAttribute("value")).toList();
            if (home.containsKey(d.name())) {
                assertThat(refused).as(d.name()).isEmpty();
                assertThat(backend).as(d.name()).containsExactly(home.get(d.name()));
                assertThat(elements(policy, "when").stream().map(w -> w.getAttribute("condition")))
                        .anyMatch(c -> c.startsWith("@(!(" + DepartmentPolicy.ACCOUNT_OPERATION_CONDITION + " || "));
            } else {
                assertThat(refused).as(d.name()).singleElement().satisfies(w ->
                        assertThat(((Element) elements(w, "set-status").get(0)).getAttribute("code")).isEqualTo("403"));
                assertThat(backend).as(d.name()).isEmpty();
            }
        }
        Document api = xml(Synth.single(TF, "azurerm_api_management_api_policy").path("xml_content").asText());
        home.forEach((tenant, backend) -> assertThat(route(api, "files", backend)).as(tenant).isEqualTo(backend));
        assertThat(route(api, "files")).as("a caller without an account of its own (refused by its product first)").isEqualTo("aoai-japaneast");
        var batch = Synth.all(TF, "azurerm_cognitive_deployment").entrySet().stream()
                .filter(e -> e.getValue().path("name").asText().equals("tailspin-gpt-4o-batch")).toList();
        assertThat(batch).singleElement().satisfies(e -> {
            assertThat(e.getKey()).startsWith("Tenant-tailspin_eastus_Account_");
            assertThat(e.getValue().path("sku").path("name").asText()).isEqualTo("GlobalBatch");
            assertThat(e.getValue().path("sku").path("capacity").asInt()).as("thousands of enqueued tokens").isEqualTo(500);
        });
    }

    @Test
    void dedicatedCapacityIsChargedAsAFixedMonthlyAmountOnTopOfTokens() {
        var searches = Synth.all(TF, "azurerm_log_analytics_saved_search").values();
        String departments = searches.stream().filter(s -> s.path("function_alias").asText().equals(ChargebackQueries.DEPARTMENTS))
                .findFirst().orElseThrow().path("query").asText();
        assertThat(departments).contains("MonthlyCapacityCharge: real")
                .contains("\"contoso\", \"Contoso\", \"T-CONTOSO\", real(null), long(null), \"Monthly\", real(300)")
                .contains("\"finance\", \"Finance\", \"CC-1001\", real(50), long(2000000), \"Monthly\", real(null)");
        String report = searches.stream().filter(s -> s.path("name").asText().equals("aoai-cost-per-department")).findFirst().orElseThrow()
                .path("query").asText();
        assertThat(report).contains("| union (" + ChargebackQueries.DEPARTMENTS + "() | where isnotnull(MonthlyCapacityCharge)")
                .contains("TotalCost = round(Cost + CapacityCharge, 2)").contains("BudgetUsedPercent = round(100.0 * TotalCost / MonthlyBudget, 1)");
        assertThat(ChargebackQueries.costAlert()).contains("+ coalesce(MonthlyCapacityCharge, real(0))");
    }

    private static Document productPolicy(String tenant) {
        return xml(Synth.all(TF, "azurerm_api_management_product_policy").entrySet().stream()
                .filter(e -> e.getKey().startsWith("Gateway_Department-" + tenant + "_")).findFirst().orElseThrow()
                .getValue().path("xml_content").asText());
    }

    // --- reading the synthesized policies ---

    private static final Pattern DEPLOYMENT_TERM = Pattern.compile(Pattern.quote(DefaultPolicy.DEPLOYMENT_EXPRESSION) + " == \"([^\"]+)\"");

    /** The deployments a condition names, checked to be exactly {@link DefaultPolicy#deploymentCondition} of them. */
    private static List<String> deploymentsIn(String condition) {
        List<String> names = new ArrayList<>();
        Matcher m = DEPLOYMENT_TERM.matcher(condition);
        while (m.find()) names.add(m.group(1));
        if (!names.isEmpty()) assertThat(condition).contains(DefaultPolicy.deploymentCondition(names));
        return names;
    }

    /** False when an inbound {@code when} that answers 403 fires for the deployment: {@code @(!(<deployment in list>))}. */
    private static boolean admits(Document policy, String deployment) {
        for (Element when : elements(policy, "when")) {
            String condition = when.getAttribute("condition");
            if (condition.equals("@(!(!(" + DepartmentPolicy.ACCOUNT_OPERATION_CONDITION + ")))")) continue;   // calls naming no deployment
            List<String> names = deploymentsIn(condition);
            if (names.isEmpty() || elements(when, "return-response").isEmpty()) continue;
            assertThat(condition).startsWith("@(!(").endsWith("))");
            assertThat(((Element) elements(when, "set-status").get(0)).getAttribute("code")).isEqualTo("403");
            if (!names.contains(deployment)) return false;
        }
        return true;
    }

    private static final Pattern TENANT_FALLBACK = Pattern.compile(Pattern.quote("@((string)context.Variables.GetValueOrDefault(\""
            + DefaultPolicy.TENANT_BACKEND_VARIABLE + "\", \"") + "([^\"]+)\"\\)\\)");

    /** As {@link #route(Document, String, String)} for a caller whose product names no backend of its own. */
    private static String route(Document api, String deployment) { return route(api, deployment, null); }

    /**
     * The backend the API's routing {@code choose} sends a deployment to: its first matching {@code when}, else
     * otherwise, whose expression picks the backend the caller's product named ({@code tenantBackend}) or the default.
     */
    private static String route(Document api, String deployment, String tenantBackend) {
        for (Element when : elements(api, "when")) {
            List<Element> set = elements(when, "set-backend-service");
            if (!set.isEmpty() && deploymentsIn(when.getAttribute("condition")).contains(deployment)) return set.get(0).getAttribute("backend-id");
        }
        String fallback = elements(api, "otherwise").stream().flatMap(o -> elements(o, "set-backend-service").stream())
                .map(e -> e.getAttribute("backend-id")).findFirst().orElseThrow();
        Matcher m = TENANT_FALLBACK.matcher(fallback);
        if (!m.matches()) return fallback;
        return tenantBackend != null ? tenantBackend : m.group(1);
    }

    private static Map<String, String> backendUrls() {
        return Synth.all(TF, "azurerm_api_management_backend").values().stream()
                .collect(Collectors.toMap(b -> b.path("name").asText(), b -> b.path("url").asText()));
    }

    private static List<String> addressesMentioning(String text) {
        return Synth.allResources(TF).keySet().stream().filter(a -> a.contains(text)).toList();
    }

    private static Document xml(String text) {
        try {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException("not XML: " + text, e);
        }
    }

    private static List<Element> elements(Node root, String name) {
        NodeList list = root instanceof Document d ? d.getElementsByTagName(name) : ((Element) root).getElementsByTagName(name);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < list.getLength(); i++) out.add((Element) list.item(i));
        return out;
    }
}
