package io.github.aoaiplatform.patterns;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.aoaiplatform.azapi.AzapiProvider;
import io.github.aoaiplatform.core.InvalidPropsException;
import io.github.aoaiplatform.core.Naming;
import io.github.aoaiplatform.openai.BlocklistOptions;
import io.github.aoaiplatform.openai.ContentFilter;
import io.github.aoaiplatform.openai.ContentFilterOptions;
import io.github.aoaiplatform.openai.DeploymentOptions;
import io.github.aoaiplatform.openai.IOpenAiAccount;
import io.github.aoaiplatform.openai.OpenAiFixtures;
import io.github.aoaiplatform.testing.SchemaConformance;
import io.github.aoaiplatform.testing.Synth;
import org.junit.jupiter.api.Test;
import software.constructs.Construct;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RegionalOpenAiTest {
    private static final Naming NAMING = new Naming("aoai", "dev", "k3f9");
    private static final DeploymentOptions CHAT = DeploymentOptions.builder().name("chat").model("gpt-4o").version("2024-11-20")
            .capacity(30).contentFilter("strict").build();
    private static final DeploymentOptions PTU_CHAT = DeploymentOptions.builder().name("chat-ptu").model("gpt-4o").version("2024-11-20")
            .sku("ProvisionedManaged").capacity(50).build();

    private static RegionalOpenAiProps.Builder props(Construct s) {
        var hub = OpenAiFixtures.hub(s);
        return RegionalOpenAiProps.builder()
                .accounts(List.of(RegionalAccountOptions.in("japaneast"), RegionalAccountOptions.in("eastus")))
                .contentFilters(List.of(ContentFilterOptions.builder().name("strict").build()))
                .deployments(List.of(RegionalDeploymentOptions.everywhere(CHAT)))
                .naming(NAMING).resourceGroup(hub.resourceGroup())
                .privateEndpoints(List.of(hub.endpoint())).diagnostics(hub.diagnostics())
                .azapi(new AzapiProvider(s, "Azapi"));
    }

    @Test
    void oneAccountPerRegionKeepsTheAddressesOfTheStack() {
        List<IOpenAiAccount> accounts = new ArrayList<>();
        JsonNode tf = Synth.of(s -> accounts.addAll(new RegionalOpenAi(s, "OpenAi", props(s).blocklists(List.of(
                BlocklistOptions.builder().name("codenames").terms(List.of("bluebird")).build()))
                .allowedFqdns(List.of("api.contoso.com")).build()).accounts()));
        assertThat(SchemaConformance.violations(tf)).isEmpty();
        assertThat(Synth.all(tf, "azurerm_cognitive_account").keySet())
                .allMatch(a -> a.startsWith("OpenAi_japaneast_Account_") || a.startsWith("OpenAi_eastus_Account_")).hasSize(2);
        assertThat(Synth.all(tf, "azapi_resource").keySet()).filteredOn(a -> a.contains("ContentFilter"))
                .allMatch(a -> a.matches("OpenAi_(japaneast|eastus)_ContentFilter-strict_.*")).hasSize(2);
        assertThat(Synth.all(tf, "azurerm_cognitive_account").values())
                .allSatisfy(a -> assertThat(a.path("fqdns")).extracting(JsonNode::asText).containsExactly("api.contoso.com"));
        assertThat(Synth.all(tf, "azurerm_cognitive_account_rai_blocklist").keySet())
                .allMatch(a -> a.matches("OpenAi_(japaneast|eastus)_Blocklist-codenames_.*")).hasSize(2);
        assertThat(Synth.all(tf, "azurerm_cognitive_account").values()).extracting(a -> a.path("name").asText())
                .containsExactlyInAnyOrder("oai-aoai-dev-jpe-k3f9", "oai-aoai-dev-eus-k3f9");
        assertThat(accounts).extracting(IOpenAiAccount::location).containsExactly("japaneast", "eastus");
        assertThat(accounts).allSatisfy(a -> assertThat(a.deploymentNames()).containsExactly("chat"));
    }

    @Test
    void aProvisionedAccountNextToAPayAsYouGoOneInOneRegion() {
        JsonNode tf = Synth.of(s -> {
            RegionalOpenAi openAi = new RegionalOpenAi(s, "OpenAi", props(s)
                    .accounts(List.of(RegionalAccountOptions.in("japaneast"),
                            RegionalAccountOptions.builder().region("japaneast").id("Ptu").qualifier("ptu").build(),
                            RegionalAccountOptions.in("eastus")))
                    .deployments(List.of(
                            RegionalDeploymentOptions.builder().deployment(CHAT).accounts(List.of("Account")).build(),
                            RegionalDeploymentOptions.builder().deployment(PTU_CHAT).accounts(List.of("Ptu")).build()))
                    .build());
            assertThat(openAi.accountsIn("japaneast")).extracting(IOpenAiAccount::deploymentNames)
                    .containsExactly(List.of("chat"), List.of("chat-ptu"));
            assertThat(openAi.accountsIn("eastus")).extracting(IOpenAiAccount::deploymentNames).containsExactly(List.of("chat"));
            assertThat(openAi.regions()).containsExactly("japaneast", "eastus");
        });
        assertThat(SchemaConformance.violations(tf)).isEmpty();
        Map<String, String> nameByAddress = Synth.all(tf, "azurerm_cognitive_account").entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().path("name").asText()));
        assertThat(nameByAddress).hasSize(3).anySatisfy((address, name) -> {
            assertThat(address).startsWith("OpenAi_japaneast_Ptu_");
            assertThat(name).isEqualTo("oai-aoai-dev-ptu-jpe-k3f9");
        });
        var filters = Synth.all(tf, "azapi_resource").entrySet().stream().filter(e -> e.getValue().path("type").asText().equals(ContentFilter.TYPE))
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().path("name").asText()));
        assertThat(filters.keySet()).anyMatch(a -> a.startsWith("OpenAi_japaneast_Ptu-ContentFilter-strict_"))
                .as("only the account with a deployment that names no filter gets the platform default")
                .anyMatch(a -> a.startsWith("OpenAi_japaneast_Ptu-ContentFilter-platform-default_")).hasSize(4);
        assertThat(Synth.all(tf, "azurerm_cognitive_deployment").values()).filteredOn(d -> d.path("name").asText().equals("chat-ptu"))
                .singleElement().satisfies(d -> assertThat(d.path("rai_policy_name").asText()).isEqualTo(ContentFilterOptions.PLATFORM_DEFAULT));
        assertThat(Synth.all(tf, "azurerm_private_endpoint").values()).extracting(pe -> pe.path("name").asText())
                .containsExactlyInAnyOrder("pep-oai-aoai-dev-jpe-k3f9", "pep-oai-aoai-dev-ptu-jpe-k3f9", "pep-oai-aoai-dev-eus-k3f9");
    }

    @Test
    void propsListsAreImmutableCopies() {
        Synth.of(s -> {
            List<RegionalAccountOptions> accounts = new ArrayList<>(List.of(RegionalAccountOptions.in("japaneast")));
            RegionalOpenAiProps p = props(s).accounts(accounts).build();
            accounts.add(RegionalAccountOptions.in("eastus"));
            assertThat(p.accounts()).extracting(RegionalAccountOptions::region).containsExactly("japaneast");
            assertThatThrownBy(() -> p.deployments().clear()).isInstanceOf(UnsupportedOperationException.class);
        });
    }

    @Test
    void failsOnEveryProblemAcrossTheListsAtOnce() {
        Synth.of(s -> assertThatThrownBy(() -> props(s)
                .accounts(List.of(RegionalAccountOptions.in("japaneast"), RegionalAccountOptions.in("japaneast")))
                .contentFilters(List.of())
                .blocklists(List.of(BlocklistOptions.builder().name("b").terms(List.of("x")).build()))
                .deployments(List.of(RegionalDeploymentOptions.everywhere(CHAT),
                        RegionalDeploymentOptions.builder().deployment(PTU_CHAT).regions(List.of("westeurope")).accounts(List.of("Ptu")).build(),
                        RegionalDeploymentOptions.everywhere(CHAT)))
                .privateEndpoints(List.of())
                .defaultContentFilter("lenient")
                .azapi(null)
                .build())
                .isInstanceOf(InvalidPropsException.class)
                .satisfies(e -> assertThat(((InvalidPropsException) e).problems()).extracting(InvalidPropsException.Problem::field)
                        .containsExactly("accounts[1]", "defaultContentFilter", "deployments[2].name", "deployments[0].deployment.contentFilter",
                                "deployments[1].regions[0]", "deployments[1].accounts[0]", "deployments[2].deployment.contentFilter",
                                "privateEndpoints", "azapi"))
                .hasMessageContaining("RegionalOpenAiProps.deployments[0].deployment.contentFilter: 'strict' is not defined"));
    }

    @Test
    void failsOnAFilterThatAttachesAnUndefinedBlocklist() {
        Synth.of(s -> assertThatThrownBy(() -> props(s)
                .contentFilters(List.of(ContentFilterOptions.builder().name("strict").blocklists(List.of("codenames")).build())).build())
                .hasMessageContaining("RegionalOpenAiProps.contentFilters[0].blocklists[0]: 'codenames' is not defined; add it to blocklists"));
    }

    @Test
    void thePlatformDefaultFilterAttachesEveryBlocklist() {
        JsonNode tf = Synth.of(s -> new RegionalOpenAi(s, "OpenAi", props(s)
                .accounts(List.of(RegionalAccountOptions.in("japaneast")))
                .blocklists(List.of(BlocklistOptions.builder().name("codenames").terms(List.of("bluebird")).build(),
                        BlocklistOptions.builder().name("people").terms(List.of("j. doe")).build()))
                .deployments(List.of(RegionalDeploymentOptions.everywhere(PTU_CHAT))).build()));
        JsonNode filter = Synth.all(tf, "azapi_resource").values().stream()
                .filter(r -> r.path("name").asText().equals(ContentFilterOptions.PLATFORM_DEFAULT)).findFirst().orElseThrow();
        assertThat(filter.path("body").path("properties").path("customBlocklists")).extracting(b -> b.path("blocklistName").asText() + "/" + b.path("source").asText())
                .containsExactly("codenames/Prompt", "codenames/Completion", "people/Prompt", "people/Completion");
        assertThat(filter.path("body").path("properties").path("contentFilters")).filteredOn(f -> f.has("severityThreshold"))
                .allSatisfy(f -> assertThat(f.path("severityThreshold").asText()).isEqualTo("Medium"));
        assertThat(filter.path("depends_on")).hasSize(2);
    }

    @Test
    void thePlatformDefaultFilterAttachesOnlyTheBlocklistsItIsGiven() {
        JsonNode tf = Synth.of(s -> new RegionalOpenAi(s, "OpenAi", props(s)
                .accounts(List.of(RegionalAccountOptions.in("japaneast")))
                .blocklists(List.of(BlocklistOptions.builder().name("codenames").terms(List.of("bluebird")).build(),
                        BlocklistOptions.builder().name("tenant-terms").terms(List.of("acme")).build()))
                .defaultFilterBlocklists(List.of("codenames"))
                .deployments(List.of(RegionalDeploymentOptions.everywhere(PTU_CHAT))).build()));
        JsonNode filter = Synth.all(tf, "azapi_resource").values().stream()
                .filter(r -> r.path("name").asText().equals(ContentFilterOptions.PLATFORM_DEFAULT)).findFirst().orElseThrow();
        assertThat(filter.path("body").path("properties").path("customBlocklists")).extracting(b -> b.path("blocklistName").asText())
                .containsExactly("codenames", "codenames");
    }

    @Test
    void failsOnADefaultFilterBlocklistThatIsNotDefined() {
        Synth.of(s -> assertThatThrownBy(() -> props(s).defaultFilterBlocklists(List.of("nope")).build())
                .hasMessageContaining("RegionalOpenAiProps.defaultFilterBlocklists[0]: 'nope' is not defined; add it to blocklists"));
    }

    @Test
    void failsOnAnEndpointNameThatWouldRepeatOnEveryAccount() {
        Synth.of(s -> {
            var builder = props(s);
            var subnet = io.github.aoaiplatform.network.Subnet.fromResourceId(s, "Other", OpenAiFixtures.SUBNET_ID, "japaneast");
            assertThatThrownBy(() -> builder.privateEndpoints(List.of(io.github.aoaiplatform.core.PrivateEndpointOptions.builder()
                    .subnet(subnet).name("pep-openai").staticIp("10.0.1.10").build())).build())
                    .hasMessageContaining("RegionalOpenAiProps.privateEndpoints[0].name: must be left to its default")
                    .hasMessageContaining("RegionalOpenAiProps.privateEndpoints[0].staticIp");
        });
    }

    @Test
    void failsOnABadAccountId() {
        assertThatThrownBy(() -> RegionalAccountOptions.builder().region("japan-east").id("ptu account").build())
                .hasMessageContaining("RegionalAccountOptions.region: unknown Azure region 'japan-east'")
                .hasMessageContaining("RegionalAccountOptions.id: 'ptu account' must be a PascalCase word");
    }
}
