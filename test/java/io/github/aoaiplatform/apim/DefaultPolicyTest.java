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
    static final List<String> INBOUND_ORDER = List.of("cors", "validate-azure-ad-token", "choose", "set-variable", "base", "set-variable",
            "choose", "azure-openai-token-limit",
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
        assertThat(names(section(d, "outbound"))).containsExactly("base", "set-variable", "emit-metric");
        assertThat(names(section(d, "on-error"))).containsExactly("base", "choose");
    }

    @Test
    void withoutCorsOriginsTokenValidationComesFirstAndProductPoliciesRightAfterIt() {
        Document d = doc(props(List.of(), Map.of()));
        List<String> inbound = names(section(d, "inbound"));
        assertThat(inbound).doesNotContain("cors");
        // <base/> (where the department/product policies run) only after the token is validated and the deployment resolved
        assertThat(inbound.subList(0, 4)).containsExactly("validate-azure-ad-token", "choose", "set-variable", "base");
        // no routes: a plain set-backend-service to the default backend, and no retry
        assertThat(inbound.subList(7, inbound.size())).contains("set-backend-service").doesNotContain("choose");
        assertThat(all(d, "retry")).isEmpty();
        assertThat(section(d, "backend")).singleElement().satisfies(DefaultPolicyTest::forwardsStreamsUnbuffered);
    }

    @Test
    void corsLetsBrowserSdksSendTheirHeadersAndReadRetryAfterAndTheRemainingTokens() {
        Element cors = all(doc(props(List.of("https://chat.contoso.com"), Map.of())), "cors").get(0);
        List<String> allowed = all(all(cors, "allowed-headers").get(0), "header").stream().map(Element::getTextContent).toList();
        assertThat(allowed).contains("Authorization", "Content-Type", "x-ms-client-request-id", "x-stainless-retry-count",
                "x-stainless-package-version").doesNotContain("api-key", DefaultPolicy.SUBSCRIPTION_KEY_HEADER);
        assertThat(all(all(cors, "expose-headers").get(0), "header")).extracting(Element::getTextContent)
                .containsExactly("Retry-After", DefaultPolicy.REMAINING_TOKENS_HEADER, DepartmentPolicy.REMAINING_QUOTA_HEADER);
        assertThat(all(cors, "allowed-methods").get(0).getAttribute("preflight-result-max-age")).isEqualTo("600");
        // every method the API's operations use (DELETE: stored responses, files)
        assertThat(all(all(cors, "allowed-methods").get(0), "method")).extracting(Element::getTextContent)
                .containsExactly("GET", "POST", "DELETE", "OPTIONS");

        Element withKeys = all(doc(base().corsOrigins(List.of("*")).subscriptionRequired(true).build()), "cors").get(0);
        assertThat(all(all(withKeys, "allowed-headers").get(0), "header")).extracting(Element::getTextContent)
                .contains(DefaultPolicy.SUBSCRIPTION_KEY_HEADER);
    }

    /**
     * A forwarding choose: streamed calls ({@code stream} true) go out with buffer-response false, all others with the
     * APIM default (buffered); the request body is buffered for retries either way.
     */
    static void forwardsStreamsUnbuffered(Element choose) {
        assertThat(choose.getTagName()).isEqualTo("choose");
        List<Element> branches = children(choose);
        assertThat(names(branches)).containsExactly("when", "otherwise");
        assertThat(branches.get(0).getAttribute("condition")).isEqualTo("@(" + DefaultPolicy.STREAMING + ")");
        Element streamed = children(branches.get(0)).get(0);
        assertThat(streamed.getTagName()).isEqualTo("forward-request");
        assertThat(streamed.getAttribute("buffer-response")).isEqualTo("false");
        assertThat(streamed.getAttribute("buffer-request-body")).isEqualTo("true");
        Element buffered = children(branches.get(1)).get(0);
        assertThat(buffered.getTagName()).isEqualTo("forward-request");
        assertThat(buffered.hasAttribute("buffer-response")).isFalse();
        assertThat(buffered.getAttribute("buffer-request-body")).isEqualTo("true");
    }

    @Test
    void streamedCompletionsAreDetectedAndAskedToReportUsageInTheirFinalChunk() {
        List<Element> inbound = section(doc(base().build()), "inbound");
        int base = names(inbound).indexOf("base");
        Element stream = inbound.get(base + 1);
        assertThat(stream.getTagName()).isEqualTo("set-variable");
        assertThat(stream.getAttribute("name")).isEqualTo(DefaultPolicy.STREAM_VARIABLE);
        // JSON bodies only, never throwing: a body that does not parse is simply not streamed
        assertThat(stream.getAttribute("value")).contains("Contains(\"json\")").contains("[\"stream\"]")
                .contains("JTokenType.Boolean").contains("catch (Exception)").contains("preserveContent: true");
        Element when = children(inbound.get(base + 2)).get(0);
        assertThat(when.getAttribute("condition"))
                .isEqualTo("@(" + DefaultPolicy.STREAMING + " && context.Request.Url.Path.EndsWith(\"/completions\"))");
        assertThat(names(children(when))).containsExactly("set-body");
        assertThat(children(when).get(0).getTextContent()).contains("body[\"stream_options\"] as JObject ?? new JObject()")
                .contains("options[\"include_usage\"] = true").contains("body.ToString(Newtonsoft.Json.Formatting.None)");
        // before the token limit, which counts the usage the final chunk then reports
        assertThat(names(inbound).indexOf("azure-openai-token-limit")).isGreaterThan(base + 2);
        // the flag is read type-safely wherever it is used
        assertThat(DefaultPolicy.STREAMING).isEqualTo("(context.Variables.ContainsKey(\"stream\") && context.Variables[\"stream\"] is bool"
                + " && (bool)context.Variables[\"stream\"])");
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
    void theTokenMustCarryAnAcceptedScopeOrAppRoleElse403() {
        Document d = doc(base().build());
        List<String> inbound = names(section(d, "inbound"));
        assertThat(inbound.subList(0, 4)).containsExactly("validate-azure-ad-token", "choose", "set-variable", "base");
        Element when = children(section(d, "inbound").get(1)).get(0);
        assertThat(when.getAttribute("condition")).isEqualTo("@(!("
                + "(" + DefaultPolicy.JWT + "?.Claims.GetValueOrDefault(\"scp\", \"\") ?? \"\").Split(' ').Intersect(new string[] {\"chat\"}).Any()"
                + " || (" + DefaultPolicy.JWT + "?.Claims.GetValueOrDefault(\"roles\", \"\") ?? \"\").Split(',').Intersect(new string[] {\"Chat.Invoke\"}).Any()))");
        assertThat(all(when, "set-status").get(0).getAttribute("code")).isEqualTo("403");
        assertThat(all(when, "set-body").get(0).getTextContent()).contains(DefaultPolicy.SCOPE_OR_ROLE_MISSING);

        // configurable: scopes only (roles off), several roles
        String scopesOnly = children(section(doc(base().acceptedScopes(List.of("chat", "embed")).acceptedRoles(List.of()).build()), "inbound").get(1))
                .get(0).getAttribute("condition");
        assertThat(scopesOnly).contains("new string[] {\"chat\", \"embed\"}").doesNotContain("roles");
        String roles = children(section(doc(base().acceptedRoles(List.of("Chat.Invoke", "Chat.Batch")).build()), "inbound").get(1))
                .get(0).getAttribute("condition");
        assertThat(roles).contains("\"roles\"").contains("new string[] {\"Chat.Invoke\", \"Chat.Batch\"}");
    }

    @Test
    void failsWhenNoScopeAndNoRoleIsAcceptedOrAValueIsMalformed() {
        assertThatThrownBy(() -> base().acceptedScopes(List.of()).acceptedRoles(List.of()).build())
                .hasMessageContaining("DefaultPolicy.Props.acceptedScopes: and acceptedRoles are both empty");
        assertThatThrownBy(() -> base().acceptedRoles(List.of("Chat\"Invoke")).build())
                .hasMessageContaining("DefaultPolicy.Props.acceptedRoles[0]: 'Chat\"Invoke' must be a letter");
    }

    @Test
    void withDepartmentsRequiredACallThatNoDepartmentPolicyMarkedGets403RightAfterTheProductPolicies() {
        assertThat(names(section(doc(base().build()), "inbound"))).containsExactly("validate-azure-ad-token", "choose", "set-variable",
                "base", "set-variable", "choose", "azure-openai-token-limit", "azure-openai-emit-token-metric", "set-backend-service", "authentication-managed-identity",
                "set-header", "set-header");
        Document d = doc(base().subscriptionRequired(true).departmentRequired(true).build());
        List<Element> inbound = section(d, "inbound");
        assertThat(names(inbound).subList(0, 5)).containsExactly("validate-azure-ad-token", "choose", "set-variable", "base", "choose");
        Element when = children(inbound.get(4)).get(0);
        assertThat(when.getAttribute("condition")).isEqualTo("@(!(context.Variables.ContainsKey(\"department\")))");
        assertThat(all(when, "set-status").get(0).getAttribute("code")).isEqualTo("403");
        assertThat(all(when, "set-body").get(0).getTextContent()).contains(DefaultPolicy.NO_DEPARTMENT);
    }

    @Test
    void theTokenIsReadNullSafelySoAMissingTokenNeverThrows() {
        assertThat(DefaultPolicy.JWT).isEqualTo("(context.Variables.ContainsKey(\"jwt\") ? context.Variables[\"jwt\"] as Jwt : null)");
        assertThat(DefaultPolicy.USER).isEqualTo("(" + DefaultPolicy.JWT + "?.Claims.GetValueOrDefault(\"oid\", \"anonymous\") ?? \"anonymous\")");
        assertThat(DefaultPolicy.APP).contains(DefaultPolicy.JWT + "?.Claims.GetValueOrDefault(\"azp\"").endsWith("?? \"unknown\")");
        assertThat(policyXmlOf(base().build())).doesNotContain("(Jwt)");
    }

    static String policyXmlOf(DefaultPolicy.Props p) { return DefaultPolicy.document(p).toXml(); }

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
        Element choose = section(d, "inbound").stream().filter(e -> e.getTagName().equals("choose"))
                .filter(e -> !all(e, "set-backend-service").isEmpty()).findFirst().orElseThrow();
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
        assertThat(variables).extracting(e -> e.getAttribute("name"))
                .containsExactly(DefaultPolicy.DEPLOYMENT_VARIABLE, DefaultPolicy.STREAM_VARIABLE, DefaultPolicy.USAGE_VARIABLE);
        Element resolution = variables.get(0);
        assertThat(resolution.getAttribute("name")).isEqualTo(DefaultPolicy.DEPLOYMENT_VARIABLE);
        // after the token is validated (no body is read for an unauthenticated call), before <base/> where the department
        // allow-lists run
        int at = inbound.indexOf(resolution);
        assertThat(names(inbound).subList(0, at)).containsExactly("validate-azure-ad-token", "choose"); // then the scope check
        assertThat(names(inbound).get(at + 1)).isEqualTo("base");
        // the raw path parameter is read there only: routing, retries and metrics read the variable
        String xml = DefaultPolicy.document(p).toXml();
        assertThat(xml.split("MatchedParameters", -1)).hasSize(resolution.getAttribute("value").split("MatchedParameters", -1).length);
        Element routing = inbound.stream().filter(e -> e.getTagName().equals("choose"))
                .filter(e -> !all(e, "set-backend-service").isEmpty()).findFirst().orElseThrow();
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
    void eachPoolRetriesPoolSizeMinusOneTimesReselectingThePoolOnEveryAttemptAndSingleBackendsAreNotRetried() {
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
        assertThat(names(branches)).containsExactly("when", "when", "when", "otherwise");
        Map<String, String> countByPool = new LinkedHashMap<>();
        for (Element branch : branches.subList(0, 3)) {
            Element retry = children(branch).get(0);
            assertThat(retry.getTagName()).isEqualTo("retry");
            assertThat(retry.getAttribute("interval")).isEqualTo("0");
            assertThat(retry.getAttribute("first-fast-retry")).isEqualTo("true");
            // a transport failure leaves no response: the condition tests for null before reading the status
            assertThat(retry.getAttribute("condition"))
                    .isEqualTo("@(context.Response == null || context.Response.StatusCode == 429 || context.Response.StatusCode >= 500)");
            // every attempt selects a pool member again, then forwards the buffered body
            assertThat(names(children(retry))).containsExactly("set-backend-service", "choose");
            forwardsStreamsUnbuffered(children(retry).get(1));
            String pool = children(retry).get(0).getAttribute("backend-id");
            assertThat(branch.getAttribute("condition")).contains("\"" + pool.substring("pool-".length()) + "\"");
            countByPool.put(pool, retry.getAttribute("count"));
        }
        assertThat(countByPool).containsExactly(Map.entry("pool-two", "1"), Map.entry("pool-three", "2"), Map.entry("pool-three-too", "2"));
        assertThat(children(branches.get(3))).singleElement().satisfies(DefaultPolicyTest::forwardsStreamsUnbuffered);
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
        variants.add(json("[\"japaneast\", \"eastus\"]", "[" + GatewayFixtures.GPT4O + "]", "{\"subscriptionRequired\": true, \"corsOrigins\": [\"*\"]}"));
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
        assertThat(names(section(d, "outbound"))).containsExactly("base", "set-variable", "emit-metric", "log-to-eventhub");
        Element log = section(d, "outbound").get(3);
        assertThat(log.getAttribute("logger-id")).isEqualTo("usage-eventhub");
        // rejected calls are recorded too: on-error before its answer, and every return-response of the gateway
        assertThat(names(section(d, "on-error"))).containsExactly("base", "log-to-eventhub", "choose");
        for (Element when : section(d, "inbound").stream().flatMap(e -> all(e, "when").stream()).toList())
            if (!all(when, "return-response").isEmpty())
                assertThat(names(children(when))).as(when.getAttribute("condition")).containsExactly("log-to-eventhub", "return-response");
        // inbound keeps its elements and order; backend is unchanged
        Document without = doc(withUsageLogger(null));
        for (String section : List.of("backend"))
            assertThat(names(section(d, section))).as(section).containsExactlyElementsOf(names(section(without, section)));
        assertThat(all(without, "azure-openai-token-limit").get(0).hasAttribute("tokens-consumed-variable-name")).isFalse();
    }

    /** The fields of a usage record expression, by name: {@code new JProperty("name", value)} on one line each. */
    static Map<String, String> recordFields(String record) {
        Map<String, String> fields = new LinkedHashMap<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^ {8}new JProperty\\(\"(\\w+)\", (.*?)\\),?\\)?(\\.ToString.*)?$").matcher(record);
        while (m.find()) fields.put(m.group(1), m.group(2));
        return fields;
    }

    @Test
    void theUsageRecordIsOneEscapedJsonObjectWithEveryFieldReadTypeSafely() {
        String record = section(doc(withUsageLogger("usage-eventhub")), "outbound").get(3).getTextContent();
        String d = DefaultPolicy.DEPLOYMENT_EXPRESSION;
        assertThat(record).startsWith("@{").endsWith(").ToString(Newtonsoft.Json.Formatting.None);\n}");
        assertThat(DefaultPolicy.USAGE_RECORD_FIELDS).containsExactly("timestamp", "requestId", "department", "subscriptionId", "user",
                "app", "deployment", "model", "backend", "stream", "promptTokens", "completionTokens", "cachedPromptTokens", "totalTokens",
                "statusCode", "reason");
        Map<String, String> fields = recordFields(record);
        assertThat(fields.keySet()).containsExactlyElementsOf(DefaultPolicy.USAGE_RECORD_FIELDS);
        assertThat(fields).containsEntry("timestamp", "DateTime.UtcNow.ToString(\"o\")")
                .containsEntry("requestId", "context.RequestId.ToString()")
                .containsEntry("department", "context.Product?.Id ?? \"none\"")
                .containsEntry("subscriptionId", "context.Subscription?.Id")
                .containsEntry("user", DefaultPolicy.USER)
                .containsEntry("app", DefaultPolicy.APP)
                .containsEntry("deployment", d)
                .containsEntry("model", "(" + d + " == \"chat\") ? \"gpt-4o\" : (" + d + " == \"embed\") ? \"text-embedding-3-small\" : \"unknown\"")
                .containsEntry("backend", "(" + d + " == \"chat\") ? \"pool-chat\" : (" + d + " == \"embed\") ? \"aoai-eastus\" : \"aoai-japaneast\"")
                .containsEntry("stream", DefaultPolicy.STREAMING)
                // prompt, completion and cached prompt tokens separately, from the response's usage (Responses API names too)
                .containsEntry("promptTokens", "(long?)(usage?[\"prompt_tokens\"] ?? usage?[\"input_tokens\"])")
                .containsEntry("completionTokens", "(long?)(usage?[\"completion_tokens\"] ?? usage?[\"output_tokens\"])")
                .containsEntry("cachedPromptTokens", "(long?)(usage?[\"prompt_tokens_details\"]?[\"cached_tokens\"]"
                        + " ?? usage?[\"input_tokens_details\"]?[\"cached_tokens\"])")
                // never GetValueOrDefault<int>: a variable of another runtime type must not throw in outbound
                .containsEntry("totalTokens", "long.TryParse(Convert.ToString(context.Variables.GetValueOrDefault<object>(\"tokens-consumed\", null)),"
                        + " out consumed) ? consumed : 0L")
                .containsEntry("statusCode", "context.Response.StatusCode")
                .containsEntry("reason", "(string)null");
        assertThat(record).contains("context.Variables.GetValueOrDefault<object>(\"usage\", null) as string")
                .doesNotContain("GetValueOrDefault<int>");
        // the model value is the metric dimension's value, so records and metrics agree
        Element metric = all(doc(withUsageLogger("usage-eventhub")), "azure-openai-emit-token-metric").get(0);
        for (String dim : List.of("Model")) {
            String value = children(metric).stream().filter(e -> e.getAttribute("name").equals(dim)).findFirst().orElseThrow().getAttribute("value");
            assertThat(record).contains(value.substring(2, value.length() - 1));
        }
        assertBalanced(record);
    }

    @Test
    void outboundKeepsTheResponseUsageOfUnstreamedCallsAndEmitsItsCachedPromptTokens() {
        List<Element> outbound = section(doc(withUsageLogger(null)), "outbound");
        assertThat(names(outbound)).containsExactly("base", "set-variable", "emit-metric");
        Element usage = outbound.get(1);
        assertThat(usage.getAttribute("name")).isEqualTo(DefaultPolicy.USAGE_VARIABLE);
        // a streamed body is never read (that would buffer the stream); errors and non-JSON bodies give no usage
        assertThat(usage.getAttribute("value")).startsWith("@{").contains("if (" + DefaultPolicy.STREAMING + " || context.Response == null")
                .contains("StatusCode >= 300").contains("Contains(\"json\")").contains("[\"usage\"] as JObject").contains("catch (Exception)");
        Element cached = outbound.get(2);
        assertThat(cached.getAttribute("name")).isEqualTo(DefaultPolicy.CACHED_PROMPT_TOKENS_METRIC);
        assertThat(cached.getAttribute("namespace")).isEqualTo(DefaultPolicy.METRIC_NAMESPACE);
        assertThat(cached.getAttribute("value")).contains("prompt_tokens_details").contains("?? 0L");
        assertBalanced(cached.getAttribute("value"));
        // the token metrics' dimensions, so the chargeback joins them row by row
        Element tokens = all(doc(withUsageLogger(null)), "azure-openai-emit-token-metric").get(0);
        assertThat(children(cached)).extracting(e -> e.getAttribute("name") + "=" + e.getAttribute("value"))
                .containsExactlyElementsOf(children(tokens).stream().map(e -> e.getAttribute("name") + "=" + e.getAttribute("value")).toList());
    }

    @Test
    void rejectedCallsAreRecordedWithTheStatusTheyGetAndTheReason() {
        Document d = doc(withUsageLogger("usage-eventhub"));
        Map<String, String> onError = recordFields(section(d, "on-error").get(1).getTextContent());
        assertThat(onError).containsEntry("statusCode", io.github.aoaiplatform.apim.policy.GenericErrors.STATUS_EXPRESSION)
                .containsEntry("reason", "context.LastError == null ? null : context.LastError.Source + \": \" + context.LastError.Reason");
        assertThat(io.github.aoaiplatform.apim.policy.GenericErrors.STATUS_EXPRESSION).startsWith("(context.Response != null && (")
                .contains("? context.Response.StatusCode : ").contains("? 503 : 500)");
        // the gateway's own 403 (scope or role missing) is recorded before it answers
        Element scope = children(section(d, "inbound").get(1)).get(0);
        Map<String, String> rejected = recordFields(children(scope).get(0).getTextContent());
        assertThat(rejected).containsEntry("statusCode", "403").containsEntry("reason", "\"" + DefaultPolicy.SCOPE_OR_ROLE_MISSING + "\"");
        assertBalanced(children(scope).get(0).getTextContent());
    }

    @Test
    void withoutRoutesTheRecordNamesTheDefaultBackendAndAnUnknownModel() {
        var p = base().usageLoggerId("l").build();
        Map<String, String> fields = recordFields(section(doc(p), "outbound").get(3).getTextContent());
        assertThat(fields).containsEntry("model", "\"unknown\"").containsEntry("backend", "\"aoai-japaneast\"");
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
    void withoutAUsageLoggerNoRecordIsWritten() {
        var routes = new LinkedHashMap<String, DefaultPolicy.Route>();
        routes.put("chat", new DefaultPolicy.Route("pool-chat", 2, "gpt-4o"));
        var nine = base().corsOrigins(List.of("*")).tokensPerMinutePerUser(5000).routes(routes).build();
        var ten = base().corsOrigins(List.of("*")).tokensPerMinutePerUser(5000).routes(routes).usageLoggerId(null).build();
        assertThat(nine).isEqualTo(ten);
        String xml = DefaultPolicy.document(nine).toXml();
        assertThat(xml).isEqualTo(DefaultPolicy.document(ten).toXml()).doesNotContain("log-to-eventhub").doesNotContain("tokens-consumed");
        assertThat(names(section(parse(xml), "on-error"))).containsExactly("base", "choose");
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
