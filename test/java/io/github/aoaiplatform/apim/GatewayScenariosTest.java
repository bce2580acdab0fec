package io.github.aoaiplatform.apim;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.aoaiplatform.app.ConfigException;
import io.github.aoaiplatform.app.EnvironmentConfig;
import io.github.aoaiplatform.testing.SchemaConformance;
import io.github.aoaiplatform.testing.Synth;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import java.util.List;

import static io.github.aoaiplatform.apim.GatewayFixtures.all;
import static io.github.aoaiplatform.apim.GatewayFixtures.children;
import static io.github.aoaiplatform.apim.GatewayFixtures.json;
import static io.github.aoaiplatform.apim.GatewayFixtures.names;
import static io.github.aoaiplatform.apim.GatewayFixtures.parse;
import static io.github.aoaiplatform.apim.GatewayFixtures.policyXml;
import static io.github.aoaiplatform.apim.GatewayFixtures.section;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Whole scenarios expressed by configuration alone. */
class GatewayScenariosTest {
    static final String THREE_REGIONS = "[\"japaneast\", \"eastus\", \"swedencentral\"]";

    /** Seed-004 style: one deployment, round robin over three regional backends, at most three attempts per request. */
    @Test
    void roundRobinOverThreeBackendsWithAtMostThreeAttempts() {
        JsonNode tf = GatewayFixtures.synth(json(THREE_REGIONS, "[" + GatewayFixtures.GPT4O + "]", "{}"));
        assertThat(SchemaConformance.violations(tf)).isEmpty();
        assertThat(Synth.all(tf, "azurerm_api_management_backend")).hasSize(3);
        JsonNode pool = Synth.singleAzapi(tf, BackendPool.TYPE);
        JsonNode services = pool.path("body").path("properties").path("pool").path("services");
        assertThat(services).hasSize(3).allSatisfy(s -> {
            assertThat(s.path("priority").asInt()).isEqualTo(1);
            assertThat(s.path("weight").asInt()).isEqualTo(1);
        });
        Document d = parse(policyXml(tf));
        assertThat(all(d, "set-backend-service")).extracting(e -> e.getAttribute("backend-id")).contains("pool-gpt-4o");
        List<Element> retries = all(d, "retry");
        assertThat(retries).hasSize(1);
        assertThat(retries.get(0).getAttribute("count")).isEqualTo("2"); // 1 attempt + 2 retries = 3 attempts
        assertThat(retries.get(0).getAttribute("interval")).isEqualTo("0");
        Synth.all(tf, "azurerm_api_management_backend").values().forEach(b -> {
            JsonNode cb = b.path("circuit_breaker_rule");
            assertThat(cb.path("trip_duration").asText()).isEqualTo("PT1M");
            assertThat(cb.path("failure_condition").path("count").asInt()).isEqualTo(1); // the first 429 trips it
            assertThat(cb.path("accept_retry_after_enabled").asBoolean()).isTrue();
            assertThat(cb.path("failure_condition").path("status_code_range")).extracting(r -> r.path("min").asInt() + "-" + r.path("max").asInt())
                    .containsExactly("429-429", "500-599");
        });
    }

    /** Seed-001 style: three accounts behind one gateway, each reachable only by the gateway's identity. */
    @Test
    void threeAccountsBehindOneGateway() {
        JsonNode tf = GatewayFixtures.synth(json(THREE_REGIONS,
                "[" + GatewayFixtures.GPT4O + ", " + GatewayFixtures.EMBEDDING_PRIMARY_ONLY + "]", "{\"corsOrigins\": [\"*\"]}"));
        assertThat(SchemaConformance.violations(tf)).isEmpty();
        assertThat(Synth.all(tf, "azurerm_cognitive_account")).hasSize(3);
        assertThat(Synth.all(tf, "azurerm_role_assignment").values()).hasSize(4)
                .filteredOn(r -> r.path("role_definition_name").asText().equals("Cognitive Services OpenAI User")).hasSize(3);
        var backends = Synth.all(tf, "azurerm_api_management_backend").values();
        assertThat(backends).extracting(b -> b.path("name").asText()).containsExactlyInAnyOrder("aoai-japaneast", "aoai-eastus", "aoai-swedencentral");
        assertThat(backends).allSatisfy(b -> {
            assertThat(b.path("protocol").asText()).isEqualTo("http");
            assertThat(b.path("url").asText()).matches("\\$\\{azurerm_cognitive_account\\.[A-Za-z0-9_-]+\\.endpoint}openai");
        });
        // only the deployment served by several accounts gets a pool; the embedding model goes to its one backend
        assertThat(Synth.all(tf, "azapi_resource").values()).filteredOn(r -> r.path("type").asText().equals(BackendPool.TYPE))
                .extracting(r -> r.path("name").asText()).containsExactly("pool-gpt-4o");
        Document d = parse(policyXml(tf));
        assertThat(all(d, "set-backend-service")).extracting(e -> e.getAttribute("backend-id")).containsExactly("pool-gpt-4o", "aoai-japaneast", "pool-gpt-4o");
        JsonNode api = Synth.single(tf, "azurerm_api_management_api");
        assertThat(api.path("path").asText()).isEqualTo("openai");
        assertThat(api.path("protocols")).extracting(JsonNode::asText).containsExactly("https");
        assertThat(api.has("service_url")).isFalse();
        assertThat(api.path("import").path("content_format").asText()).isEqualTo("openapi+json");
        assertThat(tf.path("output").fieldNames()).toIterable()
                .contains("gateway_url", "openai_api_path", "gateway_identity_client_id", "gateway_identity_principal_id");
        String apim = "azurerm_api_management." + Synth.all(tf, "azurerm_api_management").keySet().iterator().next();
        assertThat(tf.path("output").path("gateway_url").path("value").asText()).isEqualTo(Synth.ref(apim, "gateway_url"));
    }

    @Test
    void importedOperationsMatchTheAzureOpenAiPaths() {
        JsonNode tf = GatewayFixtures.synth(json("[\"japaneast\"]", "[]", "{}"));
        JsonNode openApi = Synth.parse(Synth.single(tf, "azurerm_api_management_api").path("import").path("content_value").asText());
        assertThat(openApi.path("openapi").asText()).startsWith("3.0");
        assertThat(openApi.has("servers")).isFalse();
        assertThat(openApi.path("paths").fieldNames()).toIterable().contains(
                "/deployments/{deployment-id}/chat/completions", "/deployments/{deployment-id}/completions", "/deployments/{deployment-id}/embeddings");
        // the dated form: every operation has the deployment-id path and required api-version query parameters of Azure OpenAI
        openApi.path("paths").fields().forEachRemaining(path -> {
            if (!path.getKey().startsWith("/deployments/")) return;
            JsonNode post = path.getValue().path("post");
            assertThat(post.path("operationId").asText()).isNotBlank();
            List<String> params = new java.util.ArrayList<>();
            post.path("parameters").forEach(p -> params.add(p.path("$ref").asText()));
            assertThat(params).containsExactly("#/components/parameters/deploymentId", "#/components/parameters/apiVersion");
        });
        JsonNode apiVersion = openApi.path("components").path("parameters").path("apiVersion");
        assertThat(apiVersion.path("name").asText()).isEqualTo("api-version");
        assertThat(apiVersion.path("in").asText()).isEqualTo("query");
        assertThat(apiVersion.path("required").asBoolean()).isTrue();
        assertThat(openApi.path("components").path("parameters").path("deploymentId").path("name").asText()).isEqualTo("deployment-id");
    }

    @Test
    void corsAllowsTheSubscriptionKeyExactlyWhenTheApiRequiresKeys() {
        for (boolean keys : new boolean[] {true, false}) {
            Document d = parse(policyXml(GatewayFixtures.synth(json("[\"japaneast\"]", "[]",
                    "{\"corsOrigins\": [\"https://chat.contoso.com\"], \"subscriptionRequired\": " + keys + "}"))));
            assertThat(all(all(d, "allowed-headers").get(0), "header")).extracting(Element::getTextContent)
                    .contains("Authorization").matches(h -> h.contains(DefaultPolicy.SUBSCRIPTION_KEY_HEADER) == keys);
        }
    }

    /** The scope-or-role check of a stack's policy: the condition of the choose right after token validation. */
    static String scopeOrRoleCondition(JsonNode tf) {
        List<Element> inbound = section(parse(policyXml(tf)), "inbound");
        int validation = names(inbound).indexOf("validate-azure-ad-token");
        return children(inbound.get(validation + 1)).get(0).getAttribute("condition");
    }

    @Test
    void tokensNeedTheScopeOrAnAppRoleByDefaultAndTheAcceptedOnesComeFromConfig() {
        String byo = scopeOrRoleCondition(GatewayFixtures.synth(json("[\"japaneast\"]", "[]", "{}")));
        assertThat(byo).contains("\"scp\"").contains("{\"chat\"}").contains("\"roles\"").contains("{\"Chat.Invoke\"}");
        String configured = scopeOrRoleCondition(GatewayFixtures.synth(json("[\"japaneast\"]", "[]", "{}")
                .replace("\"identity\": {", "\"identity\": {\"acceptedScopes\": [\"chat\", \"embed\"], \"acceptedRoles\": [],")));
        assertThat(configured).contains("{\"chat\", \"embed\"}").doesNotContain("roles");
        // a registered app: its app roles
        String registered = scopeOrRoleCondition(Synth.environment("prod"));
        EnvironmentConfig prod = Synth.config("prod");
        List<String> roles = prod.identity().application() != null && !prod.identity().application().appRoles().isEmpty()
                ? prod.identity().application().appRoles().stream().map(r -> r.value()).toList() : List.of("Chat.Invoke");
        roles.forEach(r -> assertThat(registered).contains("\"" + r + "\""));
    }

    @Test
    void failsWhenIdentityAcceptsNoScopeAndNoRole() {
        String broken = json("[\"japaneast\"]", "[]", "{}")
                .replace("\"identity\": {", "\"identity\": {\"acceptedScopes\": [], \"acceptedRoles\": [\"bad role\"],");
        assertThatThrownBy(() -> GatewayFixtures.config(broken)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("identity.acceptedRoles[0]: 'bad role' must be a letter");
        String none = json("[\"japaneast\"]", "[]", "{}").replace("\"identity\": {", "\"identity\": {\"acceptedScopes\": [], \"acceptedRoles\": [],");
        assertThatThrownBy(() -> GatewayFixtures.config(none)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("identity.acceptedScopes: and acceptedRoles are both empty");
    }

    @Test
    void everyEnvironmentWithDepartmentsRejectsSubscriptionsOfNoDepartment() {
        for (String env : Synth.environments()) {
            EnvironmentConfig config = Synth.config(env);
            List<Element> inbound = section(parse(policyXml(Synth.environment(env))), "inbound");
            int base = names(inbound).indexOf("base");
            boolean rejects = base + 1 < inbound.size() && inbound.get(base + 1).getTagName().equals("choose")
                    && children(inbound.get(base + 1)).get(0).getAttribute("condition").contains("ContainsKey(\"department\")");
            assertThat(rejects).as(env).isEqualTo(!config.departments().isEmpty());
        }
    }

    @Test
    void corsAllowsEveryMethodOfTheApisOperations() {
        JsonNode openApi = Synth.parse(OpenAiApi.openApiDocument());
        java.util.Set<String> used = new java.util.TreeSet<>();
        openApi.path("paths").forEach(path -> path.fieldNames().forEachRemaining(m -> {
            if (List.of("get", "post", "put", "patch", "delete").contains(m)) used.add(m.toUpperCase(java.util.Locale.ROOT));
        }));
        assertThat(used).isNotEmpty();
        assertThat(DefaultPolicy.CORS_ALLOWED_METHODS).containsAll(used).contains("OPTIONS");
    }

    @Test
    void circuitBreakerTripCountComesFromConfig() {
        JsonNode tf = GatewayFixtures.synth(json(THREE_REGIONS, "[" + GatewayFixtures.GPT4O + "]", "{\"circuitBreakerTripCount\": 3}"));
        assertThat(Synth.all(tf, "azurerm_api_management_backend").values())
                .extracting(b -> b.path("circuit_breaker_rule").path("failure_condition").path("count").asInt()).containsOnly(3);
    }

    @Test
    void priorityAndWeightComeFromConfig() {
        JsonNode tf = GatewayFixtures.synth(json(THREE_REGIONS, "[" + GatewayFixtures.GPT4O + "]",
                "{\"backends\": {\"japaneast\": {\"weight\": 3}, \"eastus\": {\"weight\": 1}, \"swedencentral\": {\"priority\": 2}}}"));
        JsonNode services = Synth.singleAzapi(tf, BackendPool.TYPE).path("body").path("properties").path("pool").path("services");
        assertThat(services).extracting(s -> s.path("priority").asInt() + "/" + s.path("weight").asInt()).containsExactly("1/3", "1/1", "2/1");
    }

    @Test
    void singleRegionHasNoPoolAndNoRetry() {
        JsonNode tf = GatewayFixtures.synth(json("[\"japaneast\"]", "[" + GatewayFixtures.GPT4O + "]", "{\"subscriptionRequired\": true}"));
        assertThat(Synth.all(tf, "azapi_resource").values()).noneMatch(r -> r.path("type").asText().equals(BackendPool.TYPE));
        Document d = parse(policyXml(tf));
        assertThat(all(d, "retry")).isEmpty();
        assertThat(section(d, "backend")).singleElement().satisfies(DefaultPolicyTest::forwardsStreamsUnbuffered);
        assertThat(children(all(d, "inbound").get(0))).extracting(Element::getTagName).contains("set-backend-service");
        assertThat(Synth.single(tf, "azurerm_api_management_api").path("subscription_required").asBoolean()).isTrue();
    }

    @Test
    void gatewayDefaultsAreDocumentedAndApplied() {
        var config = GatewayFixtures.config(json("[\"japaneast\"]", "[]", "{}"));
        var g = config.gateway();
        assertThat(g.sku()).isEqualTo("Developer");
        assertThat(g.units()).isEqualTo(1);
        assertThat(g.publisherName()).isEqualTo("AI Platform Team");
        assertThat(g.publisherEmail()).isEqualTo("platform@example.com");
        assertThat(g.subscriptionRequired()).isNull();
        assertThat(config.apiSubscriptionRequired()).isFalse();   // no departments: the Entra token alone
        assertThat(g.tokensPerMinutePerUser()).isEqualTo(10_000);
        assertThat(g.publicNetworkAccess()).isTrue();
        assertThat(g.backends()).isEmpty();
        assertThat(g.backend("japaneast").priority()).isEqualTo(1);
        assertThat(g.backend("japaneast").weight()).isEqualTo(1);
    }

    @Test
    void failsOnBadGatewaySettingsWithEveryProblemNamed() {
        String broken = json("[\"japaneast\", \"eastus\"]", "[]", """
                {"publisherEmail": "not-an-email", "publisherName": "", "tokensPerMinutePerUser": 0, "circuitBreakerTripCount": 0,
                 "backends": {"westeurope": {"priority": 1}, "eastus": {"priority": 101, "weight": 0}}}""");
        assertThatThrownBy(() -> GatewayFixtures.config(broken)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("gateway.publisherEmail: 'not-an-email' is not an e-mail address")
                .hasMessageContaining("gateway.publisherName: is required")
                .hasMessageContaining("gateway.tokensPerMinutePerUser: must be > 0, got 0")
                .hasMessageContaining("gateway.circuitBreakerTripCount: must be between 1 and 100, got 0")
                .hasMessageContaining("gateway.backends.westeurope: 'westeurope' is not in openAi.regions")
                .hasMessageContaining("gateway.backends.eastus.priority: must be between 0 and 100")
                .hasMessageContaining("gateway.backends.eastus.weight: must be between 1 and 100");
    }

    @Test
    void failsOnUnknownKeysAndWrongTypesUnderBackends() {
        String broken = json("[\"japaneast\"]", "[]", "{\"backends\": {\"japaneast\": {\"priority\": \"high\", \"share\": 2}}}");
        assertThatThrownBy(() -> GatewayFixtures.config(broken))
                .hasMessageContaining("gateway.backends.japaneast.priority: expected a whole number")
                .hasMessageContaining("gateway.backends.japaneast.share: unknown key");
    }
}
