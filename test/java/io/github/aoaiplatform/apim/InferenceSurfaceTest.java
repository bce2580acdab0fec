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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static io.github.aoaiplatform.apim.GatewayFixtures.all;
import static io.github.aoaiplatform.apim.GatewayFixtures.names;
import static io.github.aoaiplatform.apim.GatewayFixtures.parse;
import static io.github.aoaiplatform.apim.GatewayFixtures.policyXml;
import static io.github.aoaiplatform.apim.GatewayFixtures.section;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API surface on the synthesized JSON: the API imports the shipped OpenAPI document (API Management creates the
 * operations from it at apply time, so the document's operations are the API's operations), the document covers the
 * inference surface in both path forms, and every operation is governed by the one API policy, which resolves the
 * deployment once for the v1 form too.
 */
class InferenceSurfaceTest {
    static JsonNode document() { return Synth.parse(OpenAiApi.openApiDocument()); }

    /** method + " " + path to its operation, in document order. */
    static Map<String, JsonNode> operations(JsonNode doc) {
        Map<String, JsonNode> ops = new LinkedHashMap<>();
        doc.path("paths").fields().forEachRemaining(p -> p.getValue().fields()
                .forEachRemaining(m -> ops.put(m.getKey().toUpperCase() + " " + p.getKey(), m.getValue())));
        return ops;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.github.aoaiplatform.testing.Synth#environments")
    void theApiImportsTheShippedDocumentAndNoOperationHasItsOwnPolicy(String environment) {
        JsonNode tf = Synth.environment(environment);
        JsonNode api = Synth.single(tf, "azurerm_api_management_api");
        assertThat(api.path("import").path("content_format").asText()).isEqualTo("openapi+json");
        assertThat(Synth.parse(api.path("import").path("content_value").asText())).isEqualTo(document());
        assertThat(api.path("path").asText()).isEqualTo(OpenAiApi.PATH);
        // operations come only from the import; the API-level policy is the only one, so it governs every operation
        assertThat(Synth.all(tf, "azurerm_api_management_api_operation")).isEmpty();
        assertThat(Synth.all(tf, "azurerm_api_management_api_operation_policy")).isEmpty();
        assertThat(Synth.all(tf, "azurerm_api_management_api_policy")).hasSize(1);
    }

    @Test
    void theDocumentCoversTheInferenceSurfaceInBothPathForms() {
        Set<String> ops = operations(document()).keySet();
        String d = "/deployments/{deployment-id}";
        assertThat(ops).containsExactlyInAnyOrder(
                // dated form: the deployment in the path
                "POST " + d + "/chat/completions", "POST " + d + "/completions", "POST " + d + "/embeddings",
                "POST " + d + "/audio/transcriptions", "POST " + d + "/audio/translations", "POST " + d + "/audio/speech",
                "POST " + d + "/images/generations", "POST " + d + "/images/edits",
                // v1 form: the deployment is the body's model
                "POST /v1/chat/completions", "POST /v1/embeddings",
                "POST /v1/responses", "GET /v1/responses/{response_id}", "DELETE /v1/responses/{response_id}",
                "GET /v1/responses/{response_id}/input_items",
                "POST /v1/images/generations", "POST /v1/images/edits",
                "POST /v1/audio/transcriptions", "POST /v1/audio/translations", "POST /v1/audio/speech",
                "GET /v1/files", "POST /v1/files", "GET /v1/files/{file_id}", "DELETE /v1/files/{file_id}",
                "GET /v1/files/{file_id}/content",
                "GET /v1/batches", "POST /v1/batches", "GET /v1/batches/{batch_id}", "POST /v1/batches/{batch_id}/cancel");
    }

    @Test
    void everyOperationIsImportableAndRecordsWhereItComesFrom() {
        JsonNode doc = document();
        Map<String, JsonNode> sources = new LinkedHashMap<>();
        doc.path("info").path("x-source").forEach(s -> sources.put(s.path("id").asText(), s));
        assertThat(sources).isNotEmpty();
        assertThat(sources.values()).allSatisfy(s -> {
            assertThat(s.path("repository").asText()).matches("[A-Za-z0-9-]+/[A-Za-z0-9._-]+");
            assertThat(s.path("path").asText()).isNotBlank();
            assertThat(s.path("version").asText()).isNotBlank();
            assertThat(s.path("commit").asText()).matches("[0-9a-f]{40}");
        });
        // the latest GA dated document and the GA v1 document are the primary sources
        assertThat(sources.values()).anySatisfy(s -> assertThat(s.path("path").asText())
                .isEqualTo("specification/cognitiveservices/data-plane/AzureOpenAI/inference/stable/2024-10-21/inference.json"));
        assertThat(sources.values()).anySatisfy(s -> assertThat(s.path("path").asText())
                .isEqualTo("specification/ai/data-plane/OpenAI.v1/azure-v1-v1-generated.json"));
        Set<String> used = new TreeSet<>();
        Set<String> operationIds = new HashSet<>();
        JsonNode parameters = doc.path("components").path("parameters");
        operations(doc).forEach((op, o) -> {
            assertThat(sources).as(op).containsKey(o.path("x-source").asText());
            used.add(o.path("x-source").asText());
            // API Management names operations after their ids, case-insensitively
            assertThat(operationIds.add(o.path("operationId").asText().toLowerCase())).as("operation id of %s is unique", op).isTrue();
            // API Management needs every template parameter declared
            List<String> declared = new ArrayList<>();
            o.path("parameters").forEach(p -> {
                JsonNode parameter = parameters.path(p.path("$ref").asText().replace("#/components/parameters/", ""));
                assertThat(parameter.isMissingNode()).as(op + " " + p).isFalse();
                if (parameter.path("in").asText().equals("path")) declared.add(parameter.path("name").asText());
            });
            String path = op.substring(op.indexOf(' ') + 1);
            assertThat(declared).as(op).containsExactlyInAnyOrderElementsOf(
                    java.util.regex.Pattern.compile("\\{([^}]+)}").matcher(path).results().map(r -> r.group(1)).toList());
            // dated operations require api-version like Azure OpenAI does; v1 operations may leave it out
            boolean dated = path.startsWith("/deployments/{deployment-id}/");
            assertThat(dated || path.startsWith("/v1/")).as(op).isTrue();
            assertThat(o.path("parameters").toString()).as(op).contains(dated ? "#/components/parameters/apiVersion\"" : "apiVersionV1");
        });
        assertThat(used).containsExactlyInAnyOrderElementsOf(sources.keySet());
        assertThat(parameters.path("apiVersion").path("required").asBoolean()).isTrue();
        assertThat(parameters.path("apiVersionV1").path("required").asBoolean(true)).isFalse();
    }

    @Test
    void v1InferenceNamesTheDeploymentInTheBodyAndUploadsAreMultipart() {
        Map<String, JsonNode> ops = operations(document());
        // the v1 calls that run a model carry it in their body: JSON, or the model field of a multipart upload
        for (String op : List.of("POST /v1/chat/completions", "POST /v1/embeddings", "POST /v1/responses", "POST /v1/images/generations",
                "POST /v1/audio/speech"))
            assertThat(ops.get(op).path("requestBody").path("content").has("application/json")).as(op).isTrue();
        for (String op : List.of("POST /v1/audio/transcriptions", "POST /v1/audio/translations", "POST /v1/images/edits", "POST /v1/files"))
            assertThat(ops.get(op).path("requestBody").path("content").has("multipart/form-data")).as(op).isTrue();
        // streamed answers: chat completions and responses declare server-sent events
        for (String op : List.of("POST /v1/chat/completions", "POST /v1/responses", "POST /deployments/{deployment-id}/chat/completions"))
            assertThat(ops.get(op).path("responses").path("200").path("content").has("text/event-stream")).as(op).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.github.aoaiplatform.testing.Synth#environments")
    void routingLimitsAllowListsAndMetricsKeyOnTheOneResolvedDeployment(String environment) {
        JsonNode tf = Synth.environment(environment);
        EnvironmentConfig config = Synth.config(environment);
        Document policy = parse(policyXml(tf));
        List<Element> resolutions = all(policy, "set-variable").stream()
                .filter(v -> v.getAttribute("name").equals(DefaultPolicy.DEPLOYMENT_VARIABLE)).toList();
        assertThat(resolutions).hasSize(1);
        List<String> inbound = names(section(policy, "inbound"));
        // right after token validation and its scope-or-role check, before <base/>
        assertThat(inbound.indexOf("set-variable")).isEqualTo(inbound.indexOf("validate-azure-ad-token") + 2)
                .isLessThan(inbound.indexOf("base"));
        // the closed set is exactly the configured deployments
        String value = resolutions.get(0).getAttribute("value");
        var closedSet = java.util.regex.Pattern.compile("return new string\\[] \\{([^}]*)}\\.Contains\\(requested\\) \\? requested : \"other\";").matcher(value);
        assertThat(closedSet.find()).as(value).isTrue();
        assertThat(closedSet.group(1).split(", ")).containsExactlyInAnyOrderElementsOf(java.util.stream.Stream.concat(
                config.openAi().deployments().stream(), config.departments().stream().flatMap(t -> t.deployments().stream()))
                .map(d -> "\"" + d.name() + "\"").toList());
        // nothing else in the API policy reads the raw path parameter
        assertThat(policyXml(tf).split("MatchedParameters", -1)).hasSize(value.split("MatchedParameters", -1).length);
        Element deployment = all(policy, "dimension").stream().filter(e -> e.getAttribute("name").equals("Deployment")).findFirst().orElseThrow();
        assertThat(deployment.getAttribute("value")).isEqualTo("@(" + DefaultPolicy.DEPLOYMENT_EXPRESSION + ")");
        // department allow-lists read the same variable (product policies run at <base/>, after the resolution)
        Map<String, JsonNode> products = Synth.all(tf, "azurerm_api_management_product_policy");
        long restricted = config.departments().stream().filter(d -> !d.allowedModels().isEmpty() || !d.shared()).count();
        List<String> allowLists = products.values().stream().map(p -> p.path("xml_content").asText())
                .filter(x -> x.contains("ModelNotAllowed")).toList();
        assertThat(allowLists).hasSize((int) restricted);
        assertThat(allowLists).allSatisfy(x -> assertThat(x)
                .contains(DefaultPolicy.DEPLOYMENT_EXPRESSION.replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;"))
                .doesNotContain("MatchedParameters"));
    }
}
