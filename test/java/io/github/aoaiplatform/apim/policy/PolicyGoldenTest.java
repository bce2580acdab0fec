package io.github.aoaiplatform.apim.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Golden test for a representative API policy. The golden file is rewritten only with
 * {@code -Dgolden.update=true}; review its diff like any other code change.
 */
class PolicyGoldenTest {

    /** Relative to the project base directory (surefire's working directory). */
    static final Path GOLDEN = Path.of("test/resources/golden/policy/default-api-policy.xml");
    static final String REGENERATE = "regenerate deliberately with: mvn test -Dtest=PolicyGoldenTest -Dgolden.update=true"
            + " (or scripts/aoai test -Dgolden.update=true) and review the diff";

    /** Writes the golden file first when {@code golden.update=true}; every test reads it through here. */
    static String readGolden(String actual) throws IOException {
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(GOLDEN.getParent());
            Files.writeString(GOLDEN, actual, StandardCharsets.UTF_8);
        }
        assertThat(Files.exists(GOLDEN))
                .as("golden file %s is missing; %s", GOLDEN.toAbsolutePath(), REGENERATE)
                .isTrue();
        return Files.readString(GOLDEN, StandardCharsets.UTF_8).replace("\r\n", "\n");
    }

    @Test
    void defaultApiPolicyMatchesGolden() throws IOException {
        String actual = SamplePolicies.defaultApiPolicy().toXml();
        String expected = readGolden(actual);
        assertThat(actual).as("rendered policy differs from %s; if intended, %s", GOLDEN, REGENERATE).isEqualTo(expected);
    }

    @Test
    void goldenFileIsWellFormedAndHasTheRepresentativePolicies() throws IOException {
        var doc = PolicyXml.parse(readGolden(SamplePolicies.defaultApiPolicy().toXml()));
        assertThat(PolicyXml.childNames(doc.getDocumentElement()))
                .containsExactly("inbound", "backend", "outbound", "on-error");
        assertThat(PolicyXml.childNames(PolicyXml.element(doc, "/policies/inbound"))).containsExactly(
                "base", "validate-azure-ad-token", "cors", "azure-openai-token-limit", "azure-openai-emit-token-metric",
                "set-backend-service", "authentication-managed-identity", "set-header", "set-header");
        assertThat(PolicyXml.childNames(PolicyXml.element(doc, "/policies/backend"))).containsExactly("retry");
        assertThat(PolicyXml.childNames(PolicyXml.element(doc, "/policies/backend/retry"))).containsExactly("forward-request");
        assertThat(PolicyXml.childNames(PolicyXml.element(doc, "/policies/on-error"))).containsExactly("base", "choose");
    }
}
