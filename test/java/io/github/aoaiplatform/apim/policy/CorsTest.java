package io.github.aoaiplatform.apim.policy;

import static io.github.aoaiplatform.apim.policy.PolicyXml.attr;
import static io.github.aoaiplatform.apim.policy.PolicyXml.childNames;
import static io.github.aoaiplatform.apim.policy.PolicyXml.element;
import static io.github.aoaiplatform.apim.policy.PolicyXml.inbound;
import static io.github.aoaiplatform.apim.policy.PolicyXml.texts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;

class CorsTest {

    static final String CORS = "/policies/inbound/cors";

    @Test
    void rendersDefaults() {
        Document doc = inbound(Cors.builder().allowedOrigins("https://app.contoso.com").build());
        assertThat(attr(doc, CORS, "allow-credentials")).isEqualTo("false");
        assertThat(element(doc, CORS).hasAttribute("terminate-unmatched-request")).isFalse();
        assertThat(childNames(element(doc, CORS))).containsExactly("allowed-origins", "allowed-methods", "allowed-headers");
        assertThat(texts(doc, CORS + "/allowed-origins/origin")).containsExactly("https://app.contoso.com");
        assertThat(texts(doc, CORS + "/allowed-methods/method")).containsExactly("GET", "POST", "OPTIONS");
        assertThat(element(doc, CORS + "/allowed-methods").hasAttribute("preflight-result-max-age")).isFalse();
        assertThat(texts(doc, CORS + "/allowed-headers/header")).containsExactly("Authorization", "Content-Type");
    }

    @Test
    void rendersConfiguredValues() {
        Document doc = inbound(Cors.builder()
                .allowCredentials(true)
                .terminateUnmatchedRequest(false)
                .allowedOrigins("https://a.contoso.com", "http://localhost:3000", "{{spa-origin}}")
                .allowedMethods("GET", "PUT")
                .preflightResultMaxAge(600)
                .allowedHeaders("*")
                .exposeHeaders("x-request-id", "Retry-After")
                .build());
        assertThat(attr(doc, CORS, "allow-credentials")).isEqualTo("true");
        assertThat(attr(doc, CORS, "terminate-unmatched-request")).isEqualTo("false");
        assertThat(texts(doc, CORS + "/allowed-origins/origin"))
                .containsExactly("https://a.contoso.com", "http://localhost:3000", "{{spa-origin}}");
        assertThat(texts(doc, CORS + "/allowed-methods/method")).containsExactly("GET", "PUT");
        assertThat(attr(doc, CORS + "/allowed-methods", "preflight-result-max-age")).isEqualTo("600");
        assertThat(texts(doc, CORS + "/allowed-headers/header")).containsExactly("*");
        assertThat(texts(doc, CORS + "/expose-headers/header")).containsExactly("x-request-id", "Retry-After");
    }

    @Test
    void wildcardOriginAllowedWithoutCredentials() {
        Document doc = inbound(Cors.builder().allowedOrigins("*").build());
        assertThat(texts(doc, CORS + "/allowed-origins/origin")).containsExactly("*");
    }

    @Test
    void emptyAllowedHeadersOmitsElement() {
        Document doc = inbound(Cors.builder().allowedOrigins("*").allowedHeaders().build());
        assertThat(childNames(element(doc, CORS))).containsExactly("allowed-origins", "allowed-methods");
    }

    @Test
    void failsOnWildcardOriginWithCredentials() {
        assertThatThrownBy(() -> Cors.builder().allowCredentials(true).allowedOrigins("https://a.contoso.com", "*").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'allow-credentials'")
                .hasMessageContaining("\"*\"");
    }

    @Test
    void failsWithoutOrigins() {
        assertThatThrownBy(() -> Cors.builder().build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'allowed-origins'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://app.contoso.com/", "https://app.contoso.com/path", "app.contoso.com", "ftp://x.com"})
    void failsOnOriginThatIsNotSchemeHostPort(String origin) {
        assertThatThrownBy(() -> Cors.builder().allowedOrigins(origin).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'allowed-origins'")
                .hasMessageContaining(origin);
    }

    @Test
    void failsOnNegativePreflightMaxAge() {
        assertThatThrownBy(() -> Cors.builder().allowedOrigins("*").preflightResultMaxAge(-1).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'preflight-result-max-age'");
    }

    @Test
    void failsOnHeaderNameWithSpace() {
        assertThatThrownBy(() -> Cors.builder().allowedOrigins("*").allowedHeaders("Content Type").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'allowed-headers'");
    }

    @Test
    void failsWithoutMethods() {
        assertThatThrownBy(() -> Cors.builder().allowedOrigins("*").allowedMethods().build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'allowed-methods'");
    }
}
