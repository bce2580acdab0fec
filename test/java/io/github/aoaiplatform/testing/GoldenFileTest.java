package io.github.aoaiplatform.testing;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One golden file per stack (each environment and the state bootstrap). A changed resource address destroys and
 * recreates that resource in Azure, so the address list is compared first, with a readable diff. Regenerate deliberately with
 * {@code scripts/aoai test -Dgolden.update=true} and review the diff like a {@code terraform plan}.
 */
class GoldenFileTest {
    static final Path GOLDEN = Path.of("test/resources/golden");

    static List<String> stacks() { return Synth.stacks(); }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stacks")
    void matchesGolden(String stack) throws IOException {
        String actual = Synth.stackJson(stack);
        Path golden = GOLDEN.resolve(stack + ".tf.json");
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(GOLDEN);
            Files.writeString(golden, actual.endsWith("\n") ? actual : actual + "\n");
        }
        assertThat(golden).as("golden file missing: run scripts/aoai test -Dgolden.update=true and review it").exists();
        var expected = Synth.parse(Files.readString(golden));
        var got = Synth.parse(actual);
        assertThat(addresses(got)).as("resource addresses of %s (a change destroys/recreates resources)", stack)
                .containsExactlyElementsOf(addresses(expected));
        assertThat(got).as("synthesized %s differs from %s", stack, golden).isEqualTo(expected);
    }

    static Set<String> addresses(com.fasterxml.jackson.databind.JsonNode tf) {
        return new TreeSet<>(Synth.allResources(tf).keySet());
    }
}
