package io.github.aoaiplatform.chargeback;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.aoaiplatform.apim.DefaultPolicy;
import io.github.aoaiplatform.apim.DepartmentPolicy;
import io.github.aoaiplatform.apim.DiagnosticMetrics;
import io.github.aoaiplatform.apim.policy.TokenQuotaPeriod;
import io.github.aoaiplatform.app.EnvironmentConfig;
import io.github.aoaiplatform.chargeback.PriceTable;
import io.github.aoaiplatform.testing.Synth;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads the synthesized products, policies, queries and alerts of every environment and proves the chargeback contract:
 * every department has a product, limits and a cost query and alerts; the token metrics' dimensions are bounded and
 * exactly what the reports read; the price table reaches the workspace unchanged.
 */
class ChargebackTest {
    static List<String> environments() { return Synth.environments(); }

    static Document xml(String text) {
        try {
            var f = DocumentBuilderFactory.newDefaultInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return f.newDocumentBuilder().parse(new InputSource(new StringReader(text)));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static List<Element> elements(Document d, String tag) {
        List<Element> out = new ArrayList<>();
        var l = d.getElementsByTagName(tag);
        for (int i = 0; i < l.getLength(); i++) out.add((Element) l.item(i));
        return out;
    }

    /** The one resource of a type whose attribute equals a value, as address -> body. */
    static Map.Entry<String, JsonNode> by(JsonNode tf, String type, String attribute, String value) {
        var matches = Synth.all(tf, type).entrySet().stream().filter(e -> e.getValue().path(attribute).asText().equals(value)).toList();
        assertThat(matches).as(type + " with " + attribute + " = " + value).hasSize(1);
        return Map.entry(type + "." + matches.get(0).getKey(), matches.get(0).getValue());
    }

    static String function(JsonNode tf, String alias) {
        return by(tf, "azurerm_log_analytics_saved_search", "function_alias", alias).getValue().path("query").asText();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("environments")
    void everyDepartmentIsAProductWithTheApiItsSubscriptionsAndItsLimits(String environment) {
        JsonNode tf = Synth.environment(environment);
        EnvironmentConfig config = Synth.config(environment);
        assertThat(config.departments()).as("every shipped environment defines departments").isNotEmpty();
        assertThat(Synth.all(tf, "azurerm_api_management_product")).hasSize(config.departments().size());
        String apiName = Synth.ref("azurerm_api_management_api." + Synth.all(tf, "azurerm_api_management_api").keySet().iterator().next(), "name");
        Map<String, String> modelByDeployment = new LinkedHashMap<>();
        config.openAi().deployments().forEach(d -> modelByDeployment.put(d.name(), d.model()));
        // a subscription names its product by resource id: the service's id and the product reference, as azurerm writes it
        String gatewayId = Synth.ref("azurerm_api_management." + Synth.all(tf, "azurerm_api_management").keySet().iterator().next(), "id");
        for (var dep : config.departments()) {
            var product = by(tf, "azurerm_api_management_product", "product_id", dep.name());
            assertThat(product.getValue().path("subscription_required").asBoolean()).isTrue();
            assertThat(product.getValue().path("approval_required").asBoolean()).isTrue();
            assertThat(product.getValue().path("subscriptions_limit").asInt()).isEqualTo(dep.subscriptions().size());
            assertThat(product.getValue().path("description").asText()).contains(dep.costCenter());
            String productIdRef = Synth.ref(product.getKey(), "product_id");
            assertThat(by(tf, "azurerm_api_management_product_api", "product_id", productIdRef).getValue().path("api_name").asText()).isEqualTo(apiName);
            var subs = Synth.all(tf, "azurerm_api_management_subscription").values().stream()
                    .filter(s -> s.path("product_id").asText().equals(gatewayId + "/products/" + productIdRef)).toList();
            assertThat(subs).extracting(s -> s.path("subscription_id").asText())
                    .containsExactlyInAnyOrderElementsOf(dep.subscriptions().stream().map(s -> dep.name() + "-" + s).toList());
            assertThat(subs).allSatisfy(s -> {
                assertThat(s.path("state").asText()).isEqualTo("active");
                assertThat(s.path("allow_tracing").asBoolean(true)).isFalse();
            });

            Document policy = xml(by(tf, "azurerm_api_management_product_policy", "product_id", productIdRef).getValue().path("xml_content").asText());
            List<Element> limits = elements(policy, "azure-openai-token-limit");
            Element department = limits.get(0);
            assertThat(department.getAttribute("counter-key")).isEqualTo(DepartmentPolicy.COUNTER_PREFIX + dep.name());
            assertThat(department.getAttribute("tokens-per-minute")).isEqualTo(String.valueOf(dep.tokensPerMinute()));
            if (dep.tokenQuota() != null) {
                assertThat(department.getAttribute("token-quota")).isEqualTo(String.valueOf(dep.tokenQuota()));
                assertThat(department.getAttribute("token-quota-period")).isEqualTo(dep.tokenQuotaPeriod());
            }
            if (dep.tokensPerMinutePerUser() != null) {
                assertThat(limits).hasSize(2);
                assertThat(limits.get(1).getAttribute("counter-key")).contains(DepartmentPolicy.COUNTER_PREFIX + dep.name() + ":").contains("\"oid\"");
                assertThat(limits.get(1).getAttribute("tokens-per-minute")).isEqualTo(String.valueOf(dep.tokensPerMinutePerUser()));
            } else {
                assertThat(limits).hasSize(1);
            }
            List<Element> rate = elements(policy, "rate-limit-by-key");
            if (dep.requestsPerMinute() != null) assertThat(rate).singleElement().satisfies(r -> assertThat(r.getAttribute("calls")).isEqualTo(String.valueOf(dep.requestsPerMinute())));
            else assertThat(rate).isEmpty();
            String conditions = String.join("\n", elements(policy, "when").stream().map(w -> w.getAttribute("condition")).toList());
            for (String deployment : modelByDeployment.keySet()) {
                boolean allowed = dep.allowedModels().isEmpty() || dep.allowedModels().contains(modelByDeployment.get(deployment));
                boolean listed = conditions.contains("== \"" + deployment + "\"");
                assertThat(listed).as(dep.name() + " may call " + deployment).isEqualTo(!dep.allowedModels().isEmpty() && allowed);
            }
            for (String group : dep.groupIds()) assertThat(conditions).contains("\"" + group + "\"");
            for (String app : dep.clientAppIds()) assertThat(conditions).contains("\"" + app + "\"");
        }
        // membership by group needs the groups claim: the app registration the stack creates emits it exactly then
        if (config.identity().application() != null) {
            boolean byGroup = config.departments().stream().anyMatch(d -> !d.groupIds().isEmpty());
            JsonNode api = Synth.all(tf, "azuread_application").values().stream()
                    .filter(a -> a.path("display_name").asText().equals(config.identity().application().displayName())).findFirst().orElseThrow();
            assertThat(api.path("group_membership_claims").toString()).isEqualTo(byGroup ? "[\"SecurityGroup\"]" : "");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("environments")
    void perUserCostComesFromTheUsageRecordsTheGatewayTracesEveryFieldReadByName(String environment) {
        JsonNode tf = Synth.environment(environment);
        String records = function(tf, ChargebackQueries.RECORDS);
        // the records the API policy traces: marked with the same custom property, one column per record field
        assertThat(records).startsWith("AppTraces\n| where Properties[\"" + DefaultPolicy.USAGE_TRACE_MARKER + "\"] == \"usage\"\n");
        Matcher read = Pattern.compile("r\\.(\\w+)\\)").matcher(records);
        List<String> fields = new ArrayList<>();
        while (read.find()) fields.add(read.group(1));
        assertThat(fields).containsExactlyElementsOf(DefaultPolicy.USAGE_RECORD_FIELDS.stream().filter(f -> !f.equals("timestamp")
                && !f.equals("subscriptionId") && !f.equals("backend")).toList());
        Document api = xml(Synth.single(tf, "azurerm_api_management_api_policy").path("xml_content").asText());
        assertThat(elements(api, "trace")).isNotEmpty().allSatisfy(t ->
                assertThat(((Element) t.getElementsByTagName("metadata").item(0)).getAttribute("name")).isEqualTo(DefaultPolicy.USAGE_TRACE_MARKER));
        // the API's diagnostic sends information traces to Application Insights (whose table AppTraces is in the workspace)
        assertThat(Synth.single(tf, "azurerm_api_management_api_diagnostic").path("verbosity").asText()).isEqualTo("information");

        String perUser = by(tf, "azurerm_log_analytics_saved_search", "display_name", "Cost per user (month to date)").getValue().path("query").asText();
        assertThat(perUser).startsWith(ChargebackQueries.RECORDS + "()").contains("by Department, User, Currency")
                // a streamed call's record has only its total: priced at the output rate (an upper bound)
                .contains("CompletionTokens = iff(Split, coalesce(CompletionTokens, 0), TotalTokens)")
                .contains("Cost = (PromptTokens - CachedPromptTokens) / 1000.0 * InputPer1K + CachedPromptTokens / 1000.0 * CachedInputPer1K"
                        + " + CompletionTokens / 1000.0 * OutputPer1K");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("environments")
    void everyDepartmentHasItsCostCenterInTheCostQueryAndItsAlerts(String environment) {
        JsonNode tf = Synth.environment(environment);
        EnvironmentConfig config = Synth.config(environment);
        String workspace = Synth.ref("azurerm_log_analytics_workspace." + Synth.all(tf, "azurerm_log_analytics_workspace").keySet().iterator().next(), "id");
        String departments = function(tf, ChargebackQueries.DEPARTMENTS);
        String cost = function(tf, ChargebackQueries.COST);
        assertThat(cost).startsWith(ChargebackQueries.USAGE + "()").contains(ChargebackQueries.PRICES + "()").contains(ChargebackQueries.DEPARTMENTS + "()")
                .contains("Cost = (PromptTokens - CachedPromptTokens) / 1000.0 * InputPer1K + CachedPromptTokens / 1000.0 * CachedInputPer1K"
                        + " + CompletionTokens / 1000.0 * OutputPer1K");
        // cached prompt tokens come from the gateway's own metric, emitted with the token metrics' dimensions
        String usage = function(tf, ChargebackQueries.USAGE);
        assertThat(usage).contains("\"" + DefaultPolicy.CACHED_PROMPT_TOKENS_METRIC + "\"")
                .contains("CachedPromptTokens = sumif(Sum, Name == \"Cached Prompt Tokens\")");
        Element cachedMetric = elements(xml(Synth.single(tf, "azurerm_api_management_api_policy").path("xml_content").asText()), "emit-metric")
                .get(0);
        assertThat(cachedMetric.getAttribute("name")).isEqualTo(DefaultPolicy.CACHED_PROMPT_TOKENS_METRIC);
        assertThat(cachedMetric.getAttribute("namespace")).isEqualTo(DefaultPolicy.METRIC_NAMESPACE);
        String perDepartment = by(tf, "azurerm_log_analytics_saved_search", "name", "aoai-cost-per-department").getValue().path("query").asText();
        assertThat(perDepartment).startsWith(ChargebackQueries.COST + "()").contains("by Department, CostCenter");
        for (var dep : config.departments()) {
            // the alerts' thresholds are the departments' rows: budget, quota, period and alert percent
            String row = departments.lines().filter(l -> l.startsWith("    \"" + dep.name() + "\", ")).findFirst().orElseThrow();
            assertThat(row).startsWith("    \"" + dep.name() + "\", \"" + dep.displayName() + "\", \"" + dep.costCenter() + "\", "
                            + (dep.monthlyBudget() == null ? "real(null)" : ChargebackQueries.real(dep.monthlyBudget())) + ", "
                            + (dep.tokenQuota() == null ? "long(null)" : "long(" + dep.tokenQuota() + ")") + ", \"" + dep.tokenQuotaPeriod() + "\", ")
                    .matches(".*, " + dep.alertPercent() + ",?");
        }
        // one rule per alert kind, whatever the number of departments, firing once per department
        var alerts = Synth.all(tf, "azurerm_monitor_scheduled_query_rules_alert_v2").values();
        boolean anyBudget = config.departments().stream().anyMatch(d -> d.monthlyBudget() != null);
        boolean anyDailyQuota = config.departments().stream().anyMatch(d -> d.tokenQuota() != null && !d.tokenQuotaPeriod().equals(TokenQuotaPeriod.HOURLY.xmlValue()));
        boolean anyHourlyQuota = config.departments().stream().anyMatch(d -> d.tokenQuota() != null && d.tokenQuotaPeriod().equals(TokenQuotaPeriod.HOURLY.xmlValue()));
        assertThat(alerts.stream().map(a -> a.path("criteria").get(0).path("query").asText()).toList()).containsExactlyInAnyOrderElementsOf(
                Stream.of(anyBudget ? ChargebackQueries.costAlert() : null, anyDailyQuota ? ChargebackQueries.quotaAlert("P1D") : null,
                        anyHourlyQuota ? ChargebackQueries.quotaAlert("PT1H") : null).filter(Objects::nonNull).toList());
        assertThat(alerts).allSatisfy(a -> {
            JsonNode criteria = a.path("criteria").get(0);
            assertThat(criteria.path("time_aggregation_method").asText()).isEqualTo("Count");
            assertThat(criteria.path("operator").asText()).isEqualTo("GreaterThan");
            assertThat(criteria.path("threshold").asDouble()).isZero();
            assertThat(criteria.has("metric_measure_column")).isFalse();
            assertThat(criteria.path("dimension")).singleElement().satisfies(d -> {
                assertThat(d.path("name").asText()).isEqualTo("Department");
                assertThat(d.path("operator").asText()).isEqualTo("Include");
                assertThat(d.path("values")).extracting(JsonNode::asText).containsExactly("*");
            });
            assertThat(a.path("scopes").get(0).asText()).isEqualTo(workspace);
            assertThat(a.path("skip_query_validation").asBoolean()).isTrue();
            assertThat(a.path("evaluation_frequency").asText()).isEqualTo("PT1H");
            assertThat(a.path("window_duration").asText()).isEqualTo(criteria.path("query").asText().contains("\"Hourly\"") ? "PT1H" : "P1D");
        });
        var groups = Synth.all(tf, "azurerm_monitor_action_group");
        if (config.chargeback().alertEmails().isEmpty()) {
            assertThat(groups).isEmpty();
            assertThat(alerts).allSatisfy(a -> assertThat(a.has("action")).isFalse());
        } else {
            String group = Synth.ref("azurerm_monitor_action_group." + groups.keySet().iterator().next(), "id");
            assertThat(groups.values().iterator().next().path("email_receiver")).extracting(r -> r.path("email_address").asText())
                    .containsExactlyElementsOf(config.chargeback().alertEmails());
            assertThat(alerts).isNotEmpty().allSatisfy(a -> assertThat(a.path("action").path("action_groups").get(0).asText()).isEqualTo(group));
        }
    }

    static final Pattern PROPERTY = Pattern.compile("Properties\\[\"([^\"]+)\"]");

    @ParameterizedTest(name = "{0}")
    @MethodSource("environments")
    void tokenMetricsHaveBoundedStableDimensionsThatTheUsageQueryReadsExactly(String environment) {
        JsonNode tf = Synth.environment(environment);
        Document api = xml(Synth.single(tf, "azurerm_api_management_api_policy").path("xml_content").asText());
        List<Element> metrics = elements(api, "azure-openai-emit-token-metric");
        assertThat(metrics).hasSize(1);
        var dimensionNodes = metrics.get(0).getElementsByTagName("dimension");
        List<String> dimensions = new ArrayList<>();
        for (int i = 0; i < dimensionNodes.getLength(); i++) dimensions.add(((Element) dimensionNodes.item(i)).getAttribute("name"));
        assertThat(dimensions).hasSizeLessThanOrEqualTo(10)
                .containsExactly("API ID", "Department", "Model", "Deployment");
        Set<String> read = new TreeSet<>();
        Matcher m = PROPERTY.matcher(function(tf, ChargebackQueries.USAGE));
        while (m.find()) read.add(m.group(1));
        assertThat(read).containsExactlyInAnyOrder("Department", "Model", "Deployment");
        // the metrics only reach App Insights with the diagnostic's metrics flag, set through azapi
        String diagnostic = "azurerm_api_management_api_diagnostic." + Synth.all(tf, "azurerm_api_management_api_diagnostic").keySet().iterator().next();
        JsonNode update = Synth.single(tf, "azapi_update_resource");
        assertThat(update.path("type").asText()).isEqualTo(DiagnosticMetrics.TYPE);
        assertThat(update.path("resource_id").asText()).isEqualTo(Synth.ref(diagnostic, "id"));
        assertThat(update.path("body").path("properties").path("metrics").asBoolean()).isTrue();
        assertThat(update.path("depends_on")).extracting(JsonNode::asText).contains(diagnostic);
        // model values are the configured ones only (bounded series)
        List<Element> tokenDimensions = new ArrayList<>();
        for (int i = 0; i < dimensionNodes.getLength(); i++) tokenDimensions.add((Element) dimensionNodes.item(i));
        String model = tokenDimensions.stream().filter(e -> e.getAttribute("name").equals("Model")).findFirst().orElseThrow().getAttribute("value");
        Synth.config(environment).openAi().deployments().forEach(d -> assertThat(model).contains("? \"" + d.model() + "\""));
        // every dimension value is a closed, configured set: the API, the products, the routes' models, the resolved deployment
        assertThat(tokenDimensions).extracting(e -> e.getAttribute("value"))
                .containsExactly("", "@(context.Product?.Id ?? \"none\")", model, "@(" + DefaultPolicy.DEPLOYMENT_EXPRESSION + ")");
        assertThat(DefaultPolicy.METRIC_DIMENSIONS).containsExactlyElementsOf(dimensions);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("environments")
    void thePriceTableReachesTheWorkspaceAndTheWorkbookShowsEveryReport(String environment) throws Exception {
        JsonNode tf = Synth.environment(environment);
        PriceTable table = Synth.prices(Synth.config(environment));
        String prices = function(tf, ChargebackQueries.PRICES);
        table.models().forEach((model, p) -> assertThat(prices).contains("\"" + model + "\", " + ChargebackQueries.real(p.inputPer1K()) + ", "
                + ChargebackQueries.real(p.cachedInputPer1K()) + ", " + ChargebackQueries.real(p.outputPer1K())));
        assertThat(prices).contains("Currency = \"" + table.currency() + "\"").contains("PriceTableVersion = \"" + table.version() + "\"");
        JsonNode workbook = Synth.single(tf, "azurerm_application_insights_workbook");
        assertThat(UUID.fromString(workbook.path("name").asText()).toString()).isEqualTo(workbook.path("name").asText());
        assertThat(workbook.path("source_id").asText()).startsWith("${lower(azurerm_log_analytics_workspace.");
        JsonNode data = Synth.MAPPER.readTree(workbook.path("data_json").asText());
        assertThat(data.path("version").asText()).isEqualTo("Notebook/1.0");
        List<String> queries = new ArrayList<>();
        data.path("items").forEach(i -> {
            if (i.path("type").asInt() != 3) return;
            queries.add(i.path("content").path("query").asText());
            assertThat(i.path("content").path("timeContext").path("durationMs").asLong()).isEqualTo(Chargeback.WORKBOOK_TIME_RANGE_MS);
        });
        assertThat(queries).containsExactlyElementsOf(ChargebackQueries.reports().stream().map(ChargebackQueries.Report::query).toList());
        for (var r : ChargebackQueries.reports())
            assertThat(by(tf, "azurerm_log_analytics_saved_search", "name", "aoai-" + r.id()).getValue().path("category").asText())
                    .isEqualTo(Chargeback.CATEGORY);
    }
}
