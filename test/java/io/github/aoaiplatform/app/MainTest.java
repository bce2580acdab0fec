package io.github.aoaiplatform.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.aoaiplatform.app.EnvironmentConfig;
import io.github.aoaiplatform.testing.Synth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MainTest {
    @TempDir Path tmp;

    private Path stacksWith(String... namesFromRepo) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("stacks"));
        for (String n : namesFromRepo) Files.copy(Synth.STACKS.resolve(n + ".json"), dir.resolve(n + ".json"));
        Files.createDirectories(dir.resolve("pricing"));
        Files.copy(Synth.STACKS.resolve(EnvironmentConfig.ChargebackConfig.DEFAULT_PRICE_TABLE), dir.resolve(EnvironmentConfig.ChargebackConfig.DEFAULT_PRICE_TABLE));
        return dir;
    }

    @Test
    void synthesizesOneStackPerFileIntoStacksFolder() throws IOException {
        Path dir = stacksWith("dev", "prod");
        Files.createDirectories(dir.resolve("data"));
        Files.writeString(dir.resolve("data/ignored.json"), "{\"not\": \"a stack\"}");
        Path out = tmp.resolve("out");
        List<String> names = Main.synth(dir, List.of(), out.toString());
        assertThat(names).containsExactly("dev", "prod");
        JsonNode dev = Synth.parse(Files.readString(out.resolve("stacks/dev/cdk.tf.json")));
        assertThat(dev.path("terraform").path("required_providers").path("azurerm").path("version").asText()).isEqualTo("4.55.0");
        assertThat(dev.path("terraform").path("required_providers").path("azapi").path("source").asText()).isEqualTo("Azure/azapi");
        assertThat(dev.path("terraform").path("required_providers").path("azuread").path("version").asText()).isNotBlank();
        assertThat(out.resolve("stacks/prod/cdk.tf.json")).exists();
    }

    @Test
    void failsOnABrokenFileAndWritesNothingForAnyStack() throws IOException {
        Path dir = stacksWith("dev");
        Files.writeString(dir.resolve("zzz.json"), Files.readString(dir.resolve("dev.json"))
                .replace("\"environmentName\": \"dev\"", "\"environmentName\": \"zzz\", \"typo\": 1"));
        Files.writeString(dir.resolve("qa.json"), Files.readString(dir.resolve("dev.json"))
                .replace("\"environmentName\": \"dev\"", "\"environmentName\": \"qa\"")
                .replaceFirst("\"tenantId\": \"[^\"]+\"", "\"tenantId\": \"nope\""));
        Path out = tmp.resolve("out");
        assertThatThrownBy(() -> Main.synth(dir, List.of(), out.toString()))
                .hasMessageContaining("zzz.json").hasMessageContaining("typo: unknown key")
                .hasMessageContaining("qa.json").hasMessageContaining("tenantId: 'nope' is not a GUID");
        assertThat(out).doesNotExist();
    }

    @Test
    void thePriceTableBesideTheStacksIsNeverTakenForAStack() throws IOException {
        Path dir = stacksWith("dev");
        assertThat(Main.stackFiles(dir)).extracting(p -> p.getFileName().toString()).containsExactly("dev.json");
        assertThat(Main.stackFiles(Synth.STACKS)).extracting(p -> p.getFileName().toString()).doesNotContain("azure-openai.json");
        assertThat(Main.synth(dir, List.of(), tmp.resolve("out").toString())).containsExactly("dev");
    }

    @Test
    void failsOnABadPriceTableNamingFileAndFieldAndWritesNothing() throws IOException {
        Path dir = stacksWith("dev", "test");
        Path table = dir.resolve(EnvironmentConfig.ChargebackConfig.DEFAULT_PRICE_TABLE);
        Files.writeString(table, Files.readString(table).replace("\"gpt-4o-mini\": {", "\"gpt-4o-mega\": {")
                .replaceFirst("\"outputPer1K\": 0.01", "\"outputPer1K\": -0.01"));
        Path out = tmp.resolve("out");
        assertThatThrownBy(() -> Main.synth(dir, List.of(), out.toString()))
                .hasMessageContaining("dev.json").hasMessageContaining("test.json")
                .hasMessageContaining("chargeback.priceTable (pricing/azure-openai.json).models.gpt-4o-mega: unknown model 'gpt-4o-mega'")
                .hasMessageContaining("models.gpt-4o.outputPer1K: -0.01 is negative");
        assertThat(out).doesNotExist();
    }

    @Test
    void synthesizesOnlyTheSelectedStacks() throws IOException {
        Path dir = stacksWith("dev", "test");
        Path out = tmp.resolve("out");
        assertThat(Main.synth(dir, List.of("test"), out.toString())).containsExactly("test");
        try (Stream<Path> s = Files.list(out.resolve("stacks"))) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactly("test");
        }
        assertThatThrownBy(() -> Main.synth(dir, List.of("nope"), out.toString())).hasMessageContaining("nope.json: no such stack file");
    }

    @Test
    void failedSynthMarksTheOlderOutputOfItsStacksStaleSoThatTerraformRefusesItAndKeepsLocalState() throws IOException {
        Path dir = stacksWith("dev", "test");
        Path out = tmp.resolve("out");
        Main.synth(dir, List.of(), out.toString());
        Path devState = Files.writeString(out.resolve("stacks/dev/terraform.dev.tfstate"), "{\"version\": 4}");   // local backend
        Files.createDirectories(out.resolve("stacks/other"));          // not a stack of this folder: left alone
        Files.writeString(out.resolve("stacks/other/cdk.tf.json"), "{}");
        Files.writeString(dir.resolve("test.json"), Files.readString(dir.resolve("test.json")).replace("\"location\"", "\"locaton\""));

        assertThatThrownBy(() -> Main.synth(dir, List.of("test"), out.toString()))
                .hasMessageContaining("locaton: unknown key")
                .hasMessageContaining("marked the older output [" + out.resolve("stacks/test") + "] stale");
        assertStale(out.resolve("stacks/test"));
        assertThat(Synth.parse(Files.readString(out.resolve("stacks/dev/cdk.tf.json"))).has("resource"))
                .as("dev was not selected, so not this run's output").isTrue();

        assertThatThrownBy(() -> Main.synth(dir, List.of(), out.toString()))
                .hasMessageContaining("marked the older output [" + out.resolve("stacks/dev") + ", " + out.resolve("stacks/test") + "] stale");
        assertStale(out.resolve("stacks/dev"));
        assertThat(devState).as("a local backend's state is never deleted").hasContent("{\"version\": 4}");
        assertThat(out.resolve("stacks/other/cdk.tf.json")).hasContent("{}");

        assertThatThrownBy(() -> Main.synth(dir, List.of("../other"), out.toString())).hasMessageContaining("no such stack file");
        assertThat(out.resolve("stacks/other/cdk.tf.json")).as("a typed name is never a path to touch").hasContent("{}");

        Files.writeString(dir.resolve("test.json"), Files.readString(dir.resolve("test.json")).replace("\"locaton\"", "\"location\""));
        Main.synth(dir, List.of(), out.toString());
        assertThat(Synth.parse(Files.readString(out.resolve("stacks/test/cdk.tf.json"))).has("resource")).isTrue();
        assertThat(out.resolve("stacks/test/" + StackDiagram.FILE_NAME)).exists();
    }

    /** Terraform rejects this configuration before init, plan or apply do anything (required_version never matches). */
    private static void assertStale(Path stack) throws IOException {
        JsonNode tf = Synth.parse(Files.readString(stack.resolve("cdk.tf.json")));
        assertThat(tf.path("terraform").path("required_version").asText()).isEqualTo("= 0.0.0-stale-the-last-synth-failed");
        assertThat(tf.has("resource")).isFalse();
        assertThat(tf.path("//").asText()).startsWith("STALE: the last synth of this stack failed");
        assertThat(stack.resolve(StackDiagram.FILE_NAME)).doesNotExist();
    }
}
