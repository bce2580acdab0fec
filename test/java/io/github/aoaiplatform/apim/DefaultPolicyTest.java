package io.github.aoaiplatform.apim;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.aoaiplatform.app.EnvironmentConfig;
import io.github.aoaiplatform.testing.Synth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.github.aoaiplatform.apim.GatewayFixtures.all;
import static io.github.aoaiplatform.apim.GatewayFixtures.children;
import static io.github.aoaiplatform.apim.GatewayFixtures.json;
import static io.github.aoaiplatform.apim.GatewayFixtures.names;
import static io.github.aoaiplatform.apim.GatewayFixtures.parse;
import static io.github.aoaiplatform.apim.GatewayFixtures.policyXml;
import static io.github.aoaiplatform.apim.GatewayFixtures.section;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DefaultPolicyTest {
    static final List<String> INBOUND_ORDER = List.of("cors", "validate-azure-ad-token", "set-variable", "base", "azure-openai-token-limit",
            "azure-openai-emit-token-metric", "choose", "authentication-managed-identity", "set-header", "set-header");

    static DefaultPolicy.Props props(List<String> cors, Map<String, DefaultPolicy.Route> routes) {
        return base().corsOrigins(cors).tokensPerMinutePerUser(5000).routes(routes).build();
    }

    static DefaultPolicy.Props.Builder base() {
        return DefaultPolicy.Props.builder().tenantId(GatewayFixtures.TENANT).audienceAppId(GatewayFixtures.APP)
                .tokensPerMinutePerUser(1).defaultBackendId("aoai-japaneast").identityClientId("{{uami-client-id}}");
    }

    static Document doc(DefaultPolicy.Props p) { return parse(DefaultPolicy.document(p).toXml()); }

    @Test
    void inboundRunsCorsThenTokenValidationThenLimitsMetricsRoutingAndManagedIdentity() {
        Document d = doc(props(List.of("https://chat.contoso.com"), Map.of("gpt-4o", new DefaultPolicy.Route("pool-gpt-4o", 2, null))));
        assertThat(names(section(d, "inbound"))).containsExactlyElementsOf(INBOUND_ORDER);
        assertThat(names(section(d, "outbound"))).containsExactly("base");
        assertThat(names(section(d, "on-error"))).containsExactly("base", "choose");
    }

    @Test
    void withoutCorsOriginsTokenValidationComesFirstAndProductPoliciesRightAfterIt() {
        Document d = doc(props(List.of(), Map.of()));
        List<String> inbound = names(section(d, "inbound"));
        assertThat(inbound).doesNotContain("cors");
        // <base/> (where the department/product policies run) only after the token is validated and the deployment resolved
        assertThat(inbound.subList(0, 3)).containsExactly("validate-azure-ad-token", "set-variable", "base");
        // no routes: a plain set-backend-service to the default backend, and no retry
        assertThat(inbound).contains("set-backend-service").doesNotContain("choose");
        assertThat(names(section(d, "backend"))).containsExactly("forward-request");
    }

    @Test
    void tokenValidationChecksTenantAndBothAudienceFormsAndKeepsTheToken() {
        Element v = all(doc(props(List.of(), Map.of())), "validate-azure-ad-token").get(0);
        assertThat(v.getAttribute("tenant-id")).isEqualTo(GatewayFixtures.TENANT);
        assertThat(v.getAttribute("header-name")).isEqualTo("Authorization");
        assertThat(v.getAttribute("failed-validation-httpcode")).isEqualTo("401");
        assertThat(v.getAttribute("output-token-variable-name")).isEqualTo(DefaultPolicy.JWT_VARIABLE);
        assertThat(all(parse(DefaultPolicy.document(props(List.of(), Map.of())).toXml()), "audience"))
                .extracting(Element::getTextContent).containsExactly("api://" + GatewayFixtures.APP, GatewayFixtures.APP);
        assertThat(v.getElementsByTagName("required-claims").getLength()).isZero();
    }

    @Test
    void requireScopeAddsTheScpClaim() {
        var p = base().scopeName("chat").requireScope(true).defaultBackendId("b").build();
        Element claim = all(doc(p), "claim").get(0);
        assertThat(claim.getAttribute("name")).isEqualTo("scp");
        assertThat(claim.getAttribute("match")).isEqualTo("any");
        assertThat(claim.getAttribute("separator")).isEqualTo(" ");
        assertThat(claim.getTextContent().trim()).isEqualTo("chat");
        assertThatThrownBy(() -> io.github.aoaiplatform.apim.policy.RequiredClaim.of("scp",
                io.github.aoaiplatform.apim.policy.RequiredClaim.Match.ANY, "", List.of("chat")))
                .hasMessageContaining("'separator' must not be empty");
    }

    @Test
    void tokenLimitAndMetricsArePerCaller() {
        Document d = doc(props(List.of(), Map.of()));
        Element limit = all(d, "azure-openai-token-limit").get(0);
        assertThat(limit.getAttribute("counter-key")).isEqualTo(DefaultPolicy.USER_EXPRESSION).contains("\"oid\"");
        assertThat(limit.getAttribute("tokens-per-minute")).isEqualTo("5000");
        assertThat(limit.getAttribute("estimate-prompt-tokens")).isEqualTo("false");
        assertThat(limit.getAttribute("remaining-tokens-header-name")).isEqualTo(DefaultPolicy.REMAINING_TOKENS_HEADER);
        Element metric = all(d, "azure-openai-emit-token-metric").get(0);
        assertThat(metric.getAttribute("namespace")).isEqualTo("aoai-platform");
        List<Element> dims = children(metric);
        assertThat(dims).hasSizeLessThanOrEqualTo(10);
        // the chargeback dimensions, stable: reports and saved queries group by exactly these names
        assertThat(dims).extracting(e -> e.getAttribute("name"))
                .containsExactly("API ID", "Department", "Model", "Deployment")
                .containsExactlyElementsOf(DefaultPolicy.METRIC_DIMENSIONS);
        assertThat(dims).filteredOn(e -> e.getAttribute("name").equals("Deployment"))
                .extracting(e -> e.getAttribute("value")).containsExactly("@(" + DefaultPolicy.DEPLOYMENT_EXPRESSION + ")");
        assertThat(dims).filteredOn(e -> e.getAttribute("name").equals("Department"))
                .extracting(e -> e.getAttribute("value")).containsExactly("@(context.Product?.Id ?? \"none\")");
        // no routes: model unknown (a literal, so the series stay bounded)
        assertThat(dims).filteredOn(e -> e.getAttribute("name").equals("Model")).extracting(e -> e.getAttribute("value")).containsExactly("unknown");
        // no caller-chosen value reaches a dimension: no user or app id, no raw URL parameter
        assertThat(dims).extracting(e -> e.getAttribute("value")).noneMatch(v -> v.contains("Claims") || v.contains("MatchedParameters")
                || v.contains("Request.Url"));
    }

    @Test
    void modelDimensionMapsEachRoutedDeploymentToConfiguredValuesOnlyAndThereIsNoBackendDimension() {
        var routes = new LinkedHashMap<String, DefaultPolicy.Route>();
        routes.put("chat", new DefaultPolicy.Route("pool-chat", 2, "gpt-4o"));
        routes.put("chat-mini", new DefaultPolicy.Route("aoai-eastus", 1, "gpt-4o-mini"));
        routes.put("chat-2", new DefaultPolicy.Route("pool-chat-2", 2, "gpt-4o"));
        Element metric = all(doc(props(List.of(), routes)), "azure-openai-emit-token-metric").get(0);
        String d = DefaultPolicy.DEPLOYMENT_EXPRESSION;
        assertThat(children(metric)).filteredOn(e -> e.getAttribute("name").equals("Model")).extracting(e -> e.getAttribute("value"))
                .containsExactly("@((" + d + " == \"chat\" || " + d + " == \"chat-2\") ? \"gpt-4o\" : (" + d + " == \"chat-mini\") ? \"gpt-4o-mini\" : \"unknown\")");
        // a route's backend is a pool for pooled deployments, not the member that served the call, and the member is only
        // chosen when the request is forwarded: no Backend dimension (the usage record carries the backend)
        assertThat(children(metric)).extracting(e -> e.getAttribute("name")).doesNotContain("Backend", io.github.aoaiplatform.apim.policy.MetricDimension.BACKEND_ID);
    }

    @Test
    void routesEachDeploymentToItsPoolOrBackendAndUnknownOnesToThePrimary() {
        var routes = new LinkedHashMap<String, DefaultPolicy.Route>();
        routes.put("gpt-4o", new DefaultPolicy.Route("pool-gpt-4o", 3, null));
        routes.put("embedding", new DefaultPolicy.Route("aoai-eastus", 1, null));
        routes.put("mini", new DefaultPolicy.Route("aoai-japaneast", 1, null));
        Document d = doc(props(List.of(), routes));
        Element choose = section(d, "inbound").stream().filter(e -> e.getTagName().equals("choose")).findFirst().orElseThrow();
        List<Element> branches = children(choose);
        assertThat(names(branches)).containsExactly("when", "when", "otherwise");
        assertThat(branches.get(0).getAttribute("condition")).isEqualTo("@(" + DefaultPolicy.DEPLOYMENT_EXPRESSION + " == \"gpt-4o\")");
        assertThat(((Element) branches.get(0).getElementsByTagName("set-backend-service").item(0)).getAttribute("backend-id")).isEqualTo("pool-gpt-4o");
        assertThat(((Element) branches.get(1).getElementsByTagName("set-backend-service").item(0)).getAttribute("backend-id")).isEqualTo("aoai-eastus");
        assertThat(((Element) branches.get(2).getElementsByTagName("set-backend-service").item(0)).getAttribute("backend-id")).isEqualTo("aoai-japaneast");
    }

    static Map<String, DefaultPolicy.Route> chatAndEmbed() {
        var routes = new LinkedHashMap<String, DefaultPolicy.Route>();
        routes.put("chat", new DefaultPolicy.Route("pool-chat", 2, "gpt-4o"));
        routes.put("embed", new DefaultPolicy.Route("aoai-eastus", 1, "text-embedding-3-small"));
        return routes;
    }

    @Test
    void theDeploymentIsResolvedOnceAfterTokenValidationAndEverythingElseKeysOnIt() {
        var p = props(List.of(), chatAndEmbed());
        Document d = doc(p);
        List<Element> inbound = section(d, "inbound");
        List<Element> variables = all(d, "set-variable");
        assertThat(variables).hasSize(1);
        Element resolution = variables.get(0);
        assertThat(resolution.getAttribute("name")).isEqualTo(DefaultPolicy.DEPLOYMENT_VARIABLE);
        // after the token is validated (no body is read for an unauthenticated call), before <base/> where the department
        // allow-lists run
        int at = inbound.indexOf(resolution);
        assertThat(names(inbound).get(at - 1)).isEqualTo("validate-azure-ad-token");
        assertThat(names(inbound).get(at + 1)).isEqualTo("base");
        // the raw path parameter is read there only: routing, retries and metrics read the variable
        String xml = DefaultPolicy.document(p).toXml();
        assertThat(xml.split("MatchedParameters", -1)).hasSize(resolution.getAttribute("value").split("MatchedParameters", -1).length);
        Element routing = inbound.stream().filter(e -> e.getTagName().equals("choose")).findFirst().orElseThrow();
        Element retries = section(d, "backend").get(0);
        for (Element choice : List.of(routing, retries))
            assertThat(children(choice)).filteredOn(e -> e.getTagName().equals("when")).isNotEmpty()
                    .allSatisfy(w -> assertThat(w.getAttribute("condition")).startsWith("@(" + DefaultPolicy.DEPLOYMENT_EXPRESSION + " == \""));
        assertThat(DefaultPolicy.DEPLOYMENT_EXPRESSION).isEqualTo("context.Variables.GetValueOrDefault<string>(\"deployment\", \"none\")");
        assertThat(DefaultPolicy.deploymentCondition(List.of("chat"))).isEqualTo(DefaultPolicy.DEPLOYMENT_EXPRESSION + " == \"chat\"");
    }

    @Test
    void theResolutionReadsThePathThenTheBodysModelAndMapsAnythingElseToOtherOrNone() {
        String value = DefaultPolicy.deploymentResolution(props(List.of(), chatAndEmbed())).value();
        assertThat(value).startsWith("@{").endsWith("}")
                .contains("context.Request.MatchedParameters[\"deployment-id\"]")
                .contains("context.Request.Body?.As<JObject>(preserveContent: true)?[\"model\"]")
                .contains("Regex.Match(context.Request.Body?.As<string>(preserveContent: true) ?? \"\", " + DefaultPolicy.MULTIPART_MODEL_FIELD + ")")
                .contains("if (string.IsNullOrEmpty(requested)) { return \"none\"; }")
                .endsWith("return new string[] {\"chat\", \"embed\"}.Contains(requested) ? requested : \"other\"; }");
        // the path parameter wins; the body is read only when the path names no deployment, JSON before multipart
        assertThat(value.indexOf("MatchedParameters")).isLessThan(value.indexOf("As<JObject>"));
        assertThat(value.indexOf("As<JObject>")).isLessThan(value.indexOf("As<string>"));
        assertThat(value).contains("if (requested == null && type.Contains(\"json\"))")
                .contains("if (requested == null && type.Contains(\"multipart/form-data\"))");
        assertBalanced(value);
        // without routes every named deployment is "other"
        assertThat(DefaultPolicy.deploymentResolution(props(List.of(), Map.of())).value())
                .endsWith("return new string[] {}.Contains(requested) ? requested : \"other\"; }");
    }

    /** The C# regular string literal {@code literal} as the string it denotes. */
    static String csharpString(String literal) {
        assertThat(literal).startsWith("\"").endsWith("\"");
        return literal.substring(1, literal.length() - 1).replace("\\\"", "\"").replace("\\r", "\r").replace("\\n", "\n");
    }

    @Test
    void theMultipartModelFieldIsTheValueAfterThePartHeaders() {
        java.util.regex.Pattern field = java.util.regex.Pattern.compile(csharpString(DefaultPolicy.MULTIPART_MODEL_FIELD));
        String audio = "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.wav\"\r\nContent-Type: audio/wav\r\n\r\nRIFF\r\n"
                + "--b\r\nContent-Disposition: form-data; name=\"model\"\r\n\r\nwhisper\r\n--b--\r\n";
        var m = field.matcher(audio);
        assertThat(m.find()).isTrue();
        assertThat(m.group(1)).isEqualTo("whisper");
        String withPartType = "--b\r\nContent-Disposition: form-data; name=\"model\"\r\nContent-Type: text/plain\r\n\r\ngpt-image-1\r\n--b--";
        var typed = field.matcher(withPartType);
        assertThat(typed.find()).isTrue();
        assertThat(typed.group(1)).isEqualTo("gpt-image-1");
        assertThat(field.matcher("--b\r\nContent-Disposition: form-data; name=\"models\"\r\n\r\nx\r\n--b--").find()).isFalse();
    }

    @Test
    void retryCountIsPoolSizeMinusOnePerDeploymentAndSingleBackendsAreNotRetried() {
        var routes = new LinkedHashMap<String, DefaultPolicy.Route>();
        routes.put("two", new DefaultPolicy.Route("pool-two", 2, null));
        routes.put("three", new DefaultPolicy.Route("pool-three", 3, null));
        routes.put("three-too", new DefaultPolicy.Route("pool-three-too", 3, null));
        routes.put("single", new DefaultPolicy.Route("aoai-eastus", 1, null));
        var p = props(List.of(), routes);
        assertThat(DefaultPolicy.retryCounts(p)).containsExactlyInAnyOrderEntriesOf(Map.of("two", 1, "three", 2, "three-too", 2, "single", 0));
        Document d = doc(p);
        List<Element> backend = section(d, "backend");
        assertThat(names(backend)).containsExactly("choose");
        List<Element> branches = children(backend.get(0));
        assertThat(names(branches)).containsExactly("when", "when", "otherwise");
        Element retry3 = children(branches.get(0)).get(0);
        assertThat(branches.get(0).getAttribute("condition")).contains("\"three\"").contains("\"three-too\"").doesNotContain("\"two\"");
        assertThat(retry3.getAttribute("count")).isEqualTo("2");
        Element retry2 = children(branches.get(1)).get(0);
        assertThat(branches.get(1).getAttribute("condition")).contains("\"two\"").doesNotContain("three");
        assertThat(retry2.getAttribute("count")).isEqualTo("1");
        for (Element retry : List.of(retry2, retry3)) {
            assertThat(retry.getAttribute("interval")).isEqualTo("0");
            assertThat(retry.getAttribute("first-fast-retry")).isEqualTo("true");
            assertThat(retry.getAttribute("condition")).contains("429").contains(">= 500");
            assertThat(names(children(retry))).containsExactly("forward-request");
            assertThat(children(retry).get(0).getAttribute("buffer-request-body")).isEqualTo("true");
        }
        assertThat(names(children(branches.get(2)))).containsExactly("forward-request");
    }

    @Test
    void callsAzureOpenAiWithTheManagedIdentityAndNeverWithAKey() {
        Document d = doc(props(List.of(), Map.of()));
        Element msi = all(d, "authentication-managed-identity").get(0);
        assertThat(msi.getAttribute("resource")).isEqualTo("https://cognitiveservices.azure.com");
        assertThat(msi.getAttribute("client-id")).isEqualTo("{{uami-client-id}}");
        assertThat(msi.getAttribute("output-token-variable-name")).isEqualTo(DefaultPolicy.MSI_TOKEN_VARIABLE);
        List<Element> headers = all(d, "set-header");
        Element auth = headers.stream().filter(h -> h.getAttribute("name").equals("Authorization")).findFirst().orElseThrow();
        assertThat(auth.getAttribute("exists-action")).isEqualTo("override");
        assertThat(auth.getTextContent()).contains("\"Bearer \"").contains(DefaultPolicy.MSI_TOKEN_VARIABLE);
        // the only api-key header handling removes a client-sent key; nothing ever sets one
        assertThat(headers).filteredOn(h -> h.getAttribute("name").equalsIgnoreCase("api-key"))
                .allSatisfy(h -> {
                    assertThat(h.getAttribute("exists-action")).isEqualTo("delete");
                    assertThat(children(h)).isEmpty();
                });
        assertThat(DefaultPolicy.document(props(List.of(), Map.of())).toXml()).doesNotContain("{{api-key").doesNotContain("Ocp-Apim-Subscription-Key");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.github.aoaiplatform.testing.Synth#environments")
    void everyEnvironmentUsesEntraOnlyEndToEnd(String environment) {
        JsonNode tf = Synth.environment(environment);
        assertThat(Synth.all(tf, "azurerm_cognitive_account").values()).allSatisfy(a -> assertThat(a.path("local_auth_enabled").asBoolean(true)).isFalse());
        assertThat(Synth.all(tf, "azurerm_api_management_backend").values()).allSatisfy(b -> assertThat(b.has("credentials")).isFalse());
        assertThat(Synth.all(tf, "azurerm_api_management_named_value").values()).extracting(n -> n.path("name").asText())
                .containsExactly(ApiGateway.CLIENT_ID_NAMED_VALUE);
        // with departments the subscription key says which department pays; the Entra token is still required on top
        EnvironmentConfig config = Synth.config(environment);
        assertThat(Synth.single(tf, "azurerm_api_management_api").path("subscription_required").asBoolean())
                .isEqualTo(!config.departments().isEmpty()).isEqualTo(config.apiSubscriptionRequired());
    }

    /** Config variants: every one must produce exactly one API policy that validates tokens first (after cors). */
    static Stream<String> configVariants() {
        List<String> variants = new ArrayList<>();
        for (String env : Synth.environments()) variants.add("env:" + env);
        variants.add(json("[\"japaneast\"]", "[]", "{}"));
        variants.add(json("[\"japaneast\"]", "[]", "{\"corsOrigins\": []}"));
        variants.add(json("[\"japaneast\", \"eastus\"]", "[" + GatewayFixtures.GPT4O + "]", "{\"subscriptionRequired\": true, \"requireScope\": true, \"corsOrigins\": [\"*\"]}"));
        variants.add(json("[\"japaneast\", \"eastus\", \"swedencentral\"]", "[" + GatewayFixtures.GPT4O + ", " + GatewayFixtures.EMBEDDING_PRIMARY_ONLY + "]",
                "{\"sku\": \"PremiumV2\", \"units\": 2, \"tokensPerMinutePerUser\": 1}"));
        variants.add(json("[\"eastus\"]", "[" + GatewayFixtures.GPT4O + "]", "{\"sku\": \"StandardV2\", \"backends\": {\"eastus\": {\"priority\": 0, \"weight\": 100}}}"));
        return variants.stream();
    }

    @ParameterizedTest(name = "variant {index}")
    @MethodSource("configVariants")
    void noConfigurationProducesAnApiWithoutTokenValidation(String variant) {
        EnvironmentConfig config = variant.startsWith("env:") ? Synth.config(variant.substring(4)) : GatewayFixtures.config(variant);
        JsonNode tf = variant.startsWith("env:") ? Synth.environment(variant.substring(4)) : Synth.platform(config);
        assertThat(Synth.all(tf, "azurerm_api_management_api")).hasSize(1);
        assertThat(Synth.all(tf, "azurerm_api_management_api_policy")).hasSize(1);
        assertThat(Synth.all(tf, "azurerm_api_management_policy")).isEmpty();
        assertThat(Synth.all(tf, "azurerm_api_management_api_operation_policy")).isEmpty();
        Document d = parse(policyXml(tf));
        List<String> inbound = names(section(d, "inbound")).stream().filter(n -> !n.equals("base") && !n.equals("cors")).toList();
        assertThat(inbound.get(0)).isEqualTo("validate-azure-ad-token");
        assertThat(names(section(d, "inbound")).indexOf("validate-azure-ad-token"))
                .isEqualTo(config.gateway().corsOrigins().isEmpty() ? 0 : 1);
        // product (department) policies run at <base/>, which must come after the validation
        assertThat(names(section(d, "inbound")).indexOf("base")).isGreaterThan(names(section(d, "inbound")).indexOf("validate-azure-ad-token"));
        List<Element> validations = all(d, "validate-azure-ad-token");
        assertThat(validations).hasSize(1);
        assertThat(validations.get(0).getAttribute("tenant-id")).isEqualTo(config.tenantId());
        String audience = config.identity().application() != null
                ? "${azuread_application.ApiApplication_D34B5210.client_id}"   // the app the stack registers
                : config.identity().audienceAppId();
        assertThat(all(d, "audience")).extracting(Element::getTextContent).contains("api://" + audience);
    }

    @Test
    void thePolicyModelOffersNoWayToSwitchValidationOff() {
        assertThat(java.util.Arrays.stream(DefaultPolicy.Props.class.getRecordComponents()).map(c -> c.getName().toLowerCase()))
                .noneMatch(n -> n.contains("validat") || n.contains("anonymous") || n.contains("skip") || n.contains("disable"));
        assertThatThrownBy(() -> base().tenantId(null).build()).hasMessageContaining("DefaultPolicy.Props.tenantId: is required");
        assertThatThrownBy(() -> base().audienceAppId(null).build()).hasMessageContaining("DefaultPolicy.Props.audienceAppId: is required");
    }

    static DefaultPolicy.Props withUsageLogger(String loggerId) {
        var routes = new LinkedHashMap<String, DefaultPolicy.Route>();
        routes.put("chat", new DefaultPolicy.Route("pool-chat", 2, "gpt-4o"));
        routes.put("embed", new DefaultPolicy.Route("aoai-eastus", 1, "text-embedding-3-small"));
        return base().tokensPerMinutePerUser(5000).routes(routes).usageLoggerId(loggerId).build();
    }

    @Test
    void aUsageLoggerKeepsTheConsumedTokensAndLogsOneRecordPerCallInOutbound() {
        Document d = doc(withUsageLogger("usage-eventhub"));
        assertThat(all(d, "azure-openai-token-limit").get(0).getAttribute("tokens-consumed-variable-name")).isEqualTo("tokens-consumed");
        assertThat(names(section(d, "outbound"))).containsExactly("base", "log-to-eventhub");
        Element log = section(d, "outbound").get(1);
        assertThat(log.getAttribute("logger-id")).isEqualTo("usage-eventhub");
        // inbound keeps its elements and order; backend and on-error are unchanged
        Document without = doc(withUsageLogger(null));
        for (String section : List.of("inbound", "backend", "on-error"))
            assertThat(names(section(d, section))).as(section).containsExactlyElementsOf(names(section(without, section)));
        assertThat(all(without, "azure-openai-token-limit").get(0).hasAttribute("tokens-consumed-variable-name")).isFalse();
    }

    @Test
    void theUsageRecordIsOneEscapedJsonObjectWithEveryField() {
        String record = all(doc(withUsageLogger("usage-eventhub")), "log-to-eventhub").get(0).getTextContent();
        String d = DefaultPolicy.DEPLOYMENT_EXPRESSION;
        assertThat(record).startsWith("@(new JObject(").endsWith(").ToString(Newtonsoft.Json.Formatting.None))");
        for (String field : DefaultPolicy.USAGE_RECORD_FIELDS) assertThat(record).contains("new JProperty(\"" + field + "\", ");
        assertThat(DefaultPolicy.USAGE_RECORD_FIELDS).containsExactly("timestamp", "requestId", "department", "subscriptionId", "user",
                "app", "deployment", "model", "backend", "totalTokens", "statusCode");
        assertThat(record)
                .contains("new JProperty(\"timestamp\", DateTime.UtcNow.ToString(\"o\"))")
                .contains("new JProperty(\"requestId\", context.RequestId.ToString())")
                .contains("new JProperty(\"department\", context.Product?.Id ?? \"none\")")
                .contains("new JProperty(\"subscriptionId\", context.Subscription?.Id)")
                .contains("new JProperty(\"user\", ((Jwt)context.Variables[\"jwt\"]).Claims.GetValueOrDefault(\"oid\", \"anonymous\"))")
                .contains("new JProperty(\"app\", ((Jwt)context.Variables[\"jwt\"]).Claims.GetValueOrDefault(\"azp\", ")
                .contains("new JProperty(\"deployment\", " + d + ")")
                .contains("new JProperty(\"model\", (" + d + " == \"chat\") ? \"gpt-4o\" : (" + d + " == \"embed\") ? \"text-embedding-3-small\" : \"unknown\")")
                .contains("new JProperty(\"backend\", (" + d + " == \"chat\") ? \"pool-chat\" : (" + d + " == \"embed\") ? \"aoai-eastus\" : \"aoai-japaneast\")")
                .contains("new JProperty(\"totalTokens\", context.Variables.GetValueOrDefault<int>(\"tokens-consumed\", 0))")
                .contains("new JProperty(\"statusCode\", context.Response.StatusCode)");
        // the model value is the metric dimension's value, so records and metrics agree
        Element metric = all(doc(withUsageLogger("usage-eventhub")), "azure-openai-emit-token-metric").get(0);
        for (String dim : List.of("Model")) {
            String value = children(metric).stream().filter(e -> e.getAttribute("name").equals(dim)).findFirst().orElseThrow().getAttribute("value");
            assertThat(record).contains(value.substring(2, value.length() - 1));
        }
        assertBalanced(record);
    }

    @Test
    void withoutRoutesTheRecordNamesTheDefaultBackendAndAnUnknownModel() {
        var p = base().usageLoggerId("l").build();
        String record = all(doc(p), "log-to-eventhub").get(0).getTextContent();
        assertThat(record).contains("new JProperty(\"model\", \"unknown\")").contains("new JProperty(\"backend\", \"aoai-japaneast\")");
        assertBalanced(record);
    }

    /** Parentheses balance outside string literals (a cheap guard against a malformed C# expression). */
    static void assertBalanced(String expression) {
        int depth = 0;
        boolean inString = false;
        for (int i = 0; i < expression.length(); i++) {
            char c = expression.charAt(i);
            if (c == '"' && expression.charAt(i - 1) != '\\') inString = !inString;
            else if (!inString && c == '(') depth++;
            else if (!inString && c == ')') assertThat(--depth).as("closing parenthesis at %d", i).isNotNegative();
        }
        assertThat(inString).as("unterminated string").isFalse();
        assertThat(depth).as("unclosed parentheses").isZero();
    }

    @Test
    void withoutAUsageLoggerThePolicyIsExactlyAsBefore() {
        var routes = new LinkedHashMap<String, DefaultPolicy.Route>();
        routes.put("chat", new DefaultPolicy.Route("pool-chat", 2, "gpt-4o"));
        var nine = base().corsOrigins(List.of("*")).tokensPerMinutePerUser(5000).routes(routes).build();
        var ten = base().corsOrigins(List.of("*")).tokensPerMinutePerUser(5000).routes(routes).usageLoggerId(null).build();
        assertThat(nine).isEqualTo(ten);
        String xml = DefaultPolicy.document(nine).toXml();
        assertThat(xml).isEqualTo(DefaultPolicy.document(ten).toXml()).doesNotContain("log-to-eventhub").doesNotContain("tokens-consumed");
        assertThat(names(section(parse(xml), "outbound"))).containsExactly("base");
    }

    @Test
    void failsOnABlankUsageLoggerId() {
        assertThatThrownBy(() -> withUsageLogger(" ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("DefaultPolicy.Props.usageLoggerId: must name an API Management Event Hub logger");
    }

    @Test
    void failsOnBadDeploymentNamesAndRouteSizes() {
        assertThatThrownBy(() -> props(List.of(), Map.of("bad\"name", new DefaultPolicy.Route("b", 1, null)))).hasMessageContaining("DefaultPolicy.Props.routes: 'bad\"name'");
        assertThatThrownBy(() -> new DefaultPolicy.Route("b", 0, null)).hasMessageContaining("DefaultPolicy.Route.backendCount: must be between 1 and 51");
    }
}
