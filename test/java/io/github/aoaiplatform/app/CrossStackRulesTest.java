package io.github.aoaiplatform.app;

import com.hashicorp.cdktf.App;
import io.github.aoaiplatform.testing.Synth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Stacks that would share a Terraform state or a globally unique name are refused before anything is written. */
class CrossStackRulesTest {
    @TempDir Path tmp;

    /** test.json plus qa.json, a copy of test under another name whose backend gets {@code backend}'s extra keys. */
    private Path testAndQa(String qaBackendExtra) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("stacks"));
        String test = Files.readString(Synth.STACKS.resolve("test.json"));
        Files.writeString(dir.resolve("test.json"), test);
        Files.writeString(dir.resolve("qa.json"), test.replace("\"environmentName\": \"test\"", "\"environmentName\": \"qa\"")
                .replace("\"containerName\": \"tfstate\"", "\"containerName\": \"tfstate\"" + qaBackendExtra));
        Files.createDirectories(dir.resolve("pricing"));
        Files.copy(Synth.STACKS.resolve(EnvironmentConfig.ChargebackConfig.DEFAULT_PRICE_TABLE), dir.resolve(EnvironmentConfig.ChargebackConfig.DEFAULT_PRICE_TABLE));
        return dir;
    }

    @Test
    void failsWhenTwoStackFilesNameOneStateNamingBothFilesAndTheField() throws IOException {
        Path dir = testAndQa(", \"key\": \"aoai-platform/test.tfstate\"");
        Path out = tmp.resolve("out");
        assertThatThrownBy(() -> Main.synth(dir, List.of(), out.toString()))
                .hasMessageContaining(dir.resolve("qa.json") + " and " + dir.resolve("test.json") + ": backend.key: both keep their Terraform state in "
                        + "blob 'aoai-platform/test.tfstate' of container 'tfstate' in storage account 'sttfstateaoaishared'")
                .hasMessageContaining("give " + dir.resolve("test.json") + " its own backend.key");
        assertThat(out).doesNotExist();
    }

    @Test
    void failsWhenOnlyOneOfTheTwoIsSelected() throws IOException {
        Path dir = testAndQa(", \"key\": \"aoai-platform/test.tfstate\"");
        Path out = tmp.resolve("out");
        assertThatThrownBy(() -> Main.synth(dir, List.of("qa"), out.toString()))
                .hasMessageContaining("test.json").hasMessageContaining("backend.key: both keep their Terraform state");
        assertThat(out).doesNotExist();
    }

    @Test
    void stacksWithTheirOwnStateSynthesize() throws IOException {
        Path dir = testAndQa("");
        assertThat(Main.synth(dir, List.of(), tmp.resolve("out").toString())).containsExactly("qa", "test");
    }

    @Test
    void anAbsoluteLocalPathIsSharedStateARelativeOneNever() {
        EnvironmentConfig.BackendConfig absolute = new EnvironmentConfig.BackendConfig("local", "/srv/state/shared.tfstate", null, null, null, null, null);
        EnvironmentConfig.BackendConfig relative = new EnvironmentConfig.BackendConfig("local", "shared.tfstate", null, null, null, null, null);
        assertThat(absolute.stateLocation("dev")).isEqualTo("local file '/srv/state/shared.tfstate'");
        assertThat(relative.stateLocation("dev")).as("inside each stack's own output folder").isNull();
        assertThat(new EnvironmentConfig.BackendConfig("azurerm", null, "rg", "st", null, null, null).stateLocation("dev"))
                .isEqualTo("blob 'aoai-platform/dev.tfstate' of container 'tfstate' in storage account 'st'");
    }

    @Test
    void failsWhenTwoStacksWouldCreateTheSameGloballyUniqueNames() {
        // The file-name rule keeps environment names (and so the derived names) apart in one folder; the check
        // itself is proven on two stacks built from one environment under two stack names.
        App app = App.Builder.create().outdir(tmp.resolve("out").toString()).build();
        EnvironmentConfig prod = Synth.config("prod");
        Map<String, Map<String, String>> names = new LinkedHashMap<>();
        names.put("prod", new PlatformStack(app, "prod", prod, Synth.prices(prod)).globallyUniqueNames());
        names.put("prod2", new PlatformStack(app, "prod2", prod, Synth.prices(prod)).globallyUniqueNames());

        assertThat(names.get("prod")).containsValues("API Management service name", "Azure OpenAI custom subdomain", "Event Hubs namespace name");
        List<String> errors = CrossStackRules.sharedGlobalNames(Path.of("stacks"), names);
        assertThat(errors).hasSize(names.get("prod").size());
        String apim = names.get("prod").entrySet().stream().filter(e -> e.getValue().equals("API Management service name"))
                .findFirst().orElseThrow().getKey();
        assertThat(errors).contains(Path.of("stacks", "prod.json") + " and " + Path.of("stacks", "prod2.json")
                + ": nameSuffix: both would create the API Management service name '" + apim
                + "', which must be globally unique; set a different nameSuffix in " + Path.of("stacks", "prod2.json"));
    }
}
