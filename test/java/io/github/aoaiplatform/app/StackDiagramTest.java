package io.github.aoaiplatform.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.aoaiplatform.testing.Synth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The picture of each stack names what it builds, and the committed copy under {@code docs/diagrams/} (linked from the
 * README) is the one the current code draws. Refresh the copies with {@code scripts/aoai test -Dgolden.update=true}.
 */
class StackDiagramTest {
    static final Path COMMITTED = Path.of("docs/diagrams");

    static List<String> stacks() { return Synth.stacks(); }
    static List<String> environments() { return Synth.environments(); }

    private static String picture(String stack) { return StackDiagram.render(stack, Synth.parse(Synth.stackJson(stack))); }

    private static List<String> names(JsonNode tf, String type) {
        List<String> out = new ArrayList<>();
        Synth.all(tf, type).values().forEach(r -> out.add(r.path("name").asText()));
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("environments")
    void namesEveryAccountBackendPoolPrivateEndpointAndDnsZone(String environment) {
        JsonNode tf = Synth.environment(environment);
        String picture = picture(environment);
        List<String> pools = Synth.all(tf, "azapi_resource").values().stream()
                .filter(r -> r.path("body").path("properties").path("type").asText().equals("Pool"))
                .map(r -> r.path("name").asText()).toList();
        assertThat(pools).isNotEmpty();
        assertThat(names(tf, "azurerm_cognitive_account")).isNotEmpty().allSatisfy(n -> assertThat(picture).contains("Azure OpenAI " + n));
        assertThat(names(tf, "azurerm_api_management_backend")).isNotEmpty().allSatisfy(n -> assertThat(picture).contains("backend " + n));
        assertThat(pools).allSatisfy(n -> assertThat(picture).contains("pool " + n));
        assertThat(names(tf, "azurerm_private_endpoint")).allSatisfy(n -> assertThat(picture).contains("private endpoint " + n));
        assertThat(names(tf, "azurerm_private_dns_zone")).allSatisfy(n -> assertThat(picture).contains("[\"" + n + "\"]"));
        assertThat(names(tf, "azurerm_virtual_network")).allSatisfy(n -> assertThat(picture).contains("VNet " + n));
        assertThat(names(tf, "azurerm_subnet")).allSatisfy(n -> assertThat(picture).contains("subnet " + n));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("environments")
    void drawsTheRequestPathFromClientThroughPoolsAndBackendsToEachAccountsPrivateEndpoint(String environment) {
        JsonNode tf = Synth.environment(environment);
        String picture = picture(environment);
        String apim = node("azurerm_api_management", Synth.all(tf, "azurerm_api_management").keySet().iterator().next());
        assertThat(picture).contains("client -->|\"HTTPS\"| " + apim);
        Synth.all(tf, "azapi_resource").forEach((name, pool) -> {
            if (!pool.path("body").path("properties").path("type").asText().equals("Pool")) return;
            assertThat(picture).contains(apim + " --> " + node("azapi_resource", name));
            for (JsonNode service : pool.path("body").path("properties").path("pool").path("services"))
                assertThat(picture).contains(node("azapi_resource", name) + " --> " + node("azurerm_api_management_backend", referenced(service.path("id").asText())));
        });
        Synth.all(tf, "azurerm_api_management_backend").forEach((backend, body) -> {
            var external = Pattern.compile("https://([a-z0-9-]+)\\.openai\\.azure\\.com/openai").matcher(body.path("url").asText());
            if (external.matches()) {      // a tenant's own account, by id: through the endpoint the tenant approves
                String pe = Synth.all(tf, "azurerm_private_endpoint").entrySet().stream()
                        .filter(e -> e.getValue().path("private_service_connection").path("private_connection_resource_id").asText()
                                .endsWith("/accounts/" + external.group(1))).map(e -> e.getKey()).findFirst().orElseThrow();
                assertThat(picture).contains(node("azurerm_api_management_backend", backend) + " --> " + node("azurerm_private_endpoint", pe))
                        .contains(node("azurerm_private_endpoint", pe) + " -->|\"private link, approved by its owner\"|");
                return;
            }
            String account = referenced(body.path("url").asText());
            String pe = Synth.all(tf, "azurerm_private_endpoint").entrySet().stream()
                    .filter(e -> e.getValue().path("private_service_connection").path("private_connection_resource_id").asText().contains(account + "."))
                    .map(e -> e.getKey()).findFirst().orElseThrow();
            assertThat(picture).contains(node("azurerm_api_management_backend", backend) + " --> " + node("azurerm_private_endpoint", pe))
                    .contains(node("azurerm_private_endpoint", pe) + " -->|\"private link\"| " + node("azurerm_cognitive_account", account));
        });
    }

    @Test
    void groupsAccountsByRegionAndPutsPrivateEndpointsInTheirSubnet() {
        String picture = picture("prod");
        for (String region : Synth.config("prod").openAi().regions())
            assertThat(section(picture, "subgraph region_n_" + region)).contains("Azure OpenAI oai-aoai-prod-");
        assertThat(section(picture, "subnet snet-aoai-prod-privateendpoints")).contains("private endpoint pep-oai-aoai-prod-eus-");
        assertThat(section(picture, "subnet snet-aoai-prod-gateway")).contains("gateway apim-aoai-prod-").contains("pool pool-gpt-4o");
    }

    @Test
    void theStateBootstrapShowsItsPrivateAccountExistingSubnetAndZoneAndTheGitHubTrust() {
        String picture = picture("state");
        assertThat(picture).contains("Storage account sttfstateaoaishared<br/>public access off")
                .contains("existing subnet snet-private-endpoints").contains("privatelink.blob.core.windows.net (existing)")
                .contains("github -->|\"environment:prod\"| " + node("azurerm_user_assigned_identity", "Deploy-prod"))
                .doesNotContain("client");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stacks")
    void theCommittedPictureIsCurrent(String stack) throws IOException {
        String picture = picture(stack);
        Path committed = COMMITTED.resolve(stack + ".md");
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(COMMITTED);
            Files.writeString(committed, picture);
        }
        assertThat(committed).as("run scripts/aoai test -Dgolden.update=true and commit docs/diagrams").exists();
        assertThat(Files.readString(committed)).as("docs/diagrams/%s.md is stale: run scripts/aoai test -Dgolden.update=true", stack).isEqualTo(picture);
    }

    @Test
    void mermaidNodeIdsAreOnlyLettersDigitsAndUnderscores() {
        for (String stack : stacks()) {
            var ids = Pattern.compile("^\\s*(?:subgraph )?([^\\s\\[(]+)[\\[(]", Pattern.MULTILINE).matcher(picture(stack));
            while (ids.find()) assertThat(ids.group(1)).as(stack).matches("[A-Za-z0-9_]+");
        }
    }

    private static String node(String type, String name) { return ("n_" + type + "_" + name).replaceAll("[^A-Za-z0-9_]", "_"); }

    private static String referenced(String expression) {
        var m = Pattern.compile("\\$\\{[a-z0-9_]+\\.([A-Za-z0-9_-]+)\\.").matcher(expression);
        assertThat(m.find()).as(expression).isTrue();
        return m.group(1);
    }

    /** The lines of the subgraph whose header contains {@code header}, up to its matching end. */
    private static String section(String picture, String header) {
        List<String> lines = picture.lines().toList();
        int start = -1;
        for (int i = 0; i < lines.size(); i++) if (lines.get(i).contains(header)) { start = i; break; }
        assertThat(start).as("no subgraph with %s", header).isNotNegative();
        int depth = 0;
        StringBuilder out = new StringBuilder();
        for (int i = start; i < lines.size(); i++) {
            String l = lines.get(i).trim();
            out.append(l).append('\n');
            if (l.startsWith("subgraph ")) depth++;
            if (l.equals("end") && --depth == 0) break;
        }
        return out.toString();
    }
}
