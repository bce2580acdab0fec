package io.github.aoaiplatform.apim.policy;

import static io.github.aoaiplatform.apim.policy.PolicyXml.attr;
import static io.github.aoaiplatform.apim.policy.PolicyXml.childNames;
import static io.github.aoaiplatform.apim.policy.PolicyXml.element;
import static io.github.aoaiplatform.apim.policy.PolicyXml.inbound;
import static io.github.aoaiplatform.apim.policy.PolicyXml.texts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class TokenValidationTest {

    static final String TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    static final String APP = "11111111-2222-3333-4444-555555555555";
    static final String AZ = "/policies/inbound/validate-azure-ad-token";

    @Test
    void rendersAzureAdTokenWithDefaultsAndChildrenInOrder() {
        ValidateAzureAdToken policy = ValidateAzureAdToken.builder(TENANT)
                .clientApplicationIds(APP, "{{other-client}}")
                .backendApplicationIds("{{backend-app-id}}")
                .audiences("api://aoai")
                .requiredClaims(RequiredClaim.anyOf("roles", "AOAI.User", "AOAI.Admin"), RequiredClaim.allOf("scp", "read"))
                .build();
        String xml = PolicyDocument.builder().inbound(policy).build().toXml();
        Document doc = PolicyXml.parse(xml);
        assertThat(attr(doc, AZ, "tenant-id")).isEqualTo(TENANT);
        assertThat(attr(doc, AZ, "header-name")).isEqualTo("Authorization");
        assertThat(attr(doc, AZ, "failed-validation-httpcode")).isEqualTo("401");
        assertThat(element(doc, AZ).hasAttribute("failed-validation-error-message")).isFalse();
        assertThat(element(doc, AZ).hasAttribute("output-token-variable-name")).isFalse();
        assertThat(PolicyXml.attributeOrder(xml, "validate-azure-ad-token"))
                .containsExactly("tenant-id", "header-name", "failed-validation-httpcode");
        assertThat(childNames(element(doc, AZ)))
                .containsExactly("client-application-ids", "backend-application-ids", "audiences", "required-claims");
        assertThat(texts(doc, AZ + "/client-application-ids/application-id")).containsExactly(APP, "{{other-client}}");
        assertThat(texts(doc, AZ + "/backend-application-ids/application-id")).containsExactly("{{backend-app-id}}");
        assertThat(texts(doc, AZ + "/audiences/audience")).containsExactly("api://aoai");
        assertThat(attr(doc, AZ + "/required-claims/claim[1]", "name")).isEqualTo("roles");
        assertThat(attr(doc, AZ + "/required-claims/claim[1]", "match")).isEqualTo("any");
        assertThat(texts(doc, AZ + "/required-claims/claim[1]/value")).containsExactly("AOAI.User", "AOAI.Admin");
        assertThat(attr(doc, AZ + "/required-claims/claim[2]", "match")).isEqualTo("all");
    }

    @Test
    void rendersOptionalAttributesWhenSet() {
        Document doc = inbound(ValidateAzureAdToken.builder("{{tenant-id}}")
                .headerName("X-Token")
                .failedValidationHttpCode(403)
                .failedValidationErrorMessage("Nope & \"no\"")
                .outputTokenVariableName("jwt")
                .audiences("api://aoai")
                .build());
        assertThat(attr(doc, AZ, "tenant-id")).isEqualTo("{{tenant-id}}");
        assertThat(attr(doc, AZ, "header-name")).isEqualTo("X-Token");
        assertThat(attr(doc, AZ, "failed-validation-httpcode")).isEqualTo("403");
        assertThat(attr(doc, AZ, "failed-validation-error-message")).isEqualTo("Nope & \"no\"");
        assertThat(attr(doc, AZ, "output-token-variable-name")).isEqualTo("jwt");
        assertThat(childNames(element(doc, AZ))).containsExactly("audiences");
    }

    @Test
    void acceptsExpressionTenant() {
        String expression = "@((string)context.Variables[\"tenant\"])";
        Document doc = inbound(ValidateAzureAdToken.builder(expression).clientApplicationIds(APP).build());
        assertThat(attr(doc, AZ, "tenant-id")).isEqualTo(expression);
    }

    @Test
    void failsWithoutAudienceOrClientApp() {
        assertThatThrownBy(() -> ValidateAzureAdToken.builder(TENANT).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'client-application-ids'")
                .hasMessageContaining("'audiences'");
    }

    @Test
    void failsOnTenantIdThatIsNeitherGuidNorNamedValue() {
        assertThatThrownBy(() -> ValidateAzureAdToken.builder("contoso").audiences("api://x").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'tenant-id'")
                .hasMessageContaining("contoso");
    }

    @Test
    void failsOnMissingTenantId() {
        assertThatThrownBy(() -> ValidateAzureAdToken.builder(" ").audiences("api://x").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'tenant-id'");
    }

    @Test
    void failsOnClientApplicationIdThatIsNotAGuid() {
        assertThatThrownBy(() -> ValidateAzureAdToken.builder(TENANT).clientApplicationIds("my-app").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'client-application-ids'");
    }

    @Test
    void failsOnDuplicateAudience() {
        assertThatThrownBy(() -> ValidateAzureAdToken.builder(TENANT).audiences("api://x", "api://x").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'audiences'");
    }

    @Test
    void claimValuesAndAudiencesAreCaseSensitive() {
        Document doc = inbound(ValidateAzureAdToken.builder(TENANT)
                .audiences("api://x", "API://X")
                .requiredClaims(RequiredClaim.anyOf("roles", "Admin", "admin"))
                .build());
        assertThat(texts(doc, AZ + "/audiences/audience")).containsExactly("api://x", "API://X");
        assertThat(texts(doc, AZ + "/required-claims/claim/value")).containsExactly("Admin", "admin");
    }

    @Test
    void failsOnFailedValidationHttpCodeOutOfRange() {
        assertThatThrownBy(() -> ValidateAzureAdToken.builder(TENANT).audiences("api://x").failedValidationHttpCode(200).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'failed-validation-httpcode'");
    }

    @Test
    void failsOnClaimWithoutValues() {
        assertThatThrownBy(() -> RequiredClaim.anyOf("roles"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'value'")
                .hasMessageContaining("roles");
    }

    @Test
    void rendersValidateJwt() {
        String xml = PolicyDocument.builder().inbound(ValidateJwt.builder()
                .requireScheme("Bearer")
                .requireExpirationTime(true)
                .clockSkewSeconds(30)
                .openIdConfigUrls("https://login.microsoftonline.com/{{tenant}}/v2.0/.well-known/openid-configuration")
                .audiences("api://aoai")
                .issuers("https://sts.windows.net/" + TENANT + "/")
                .requiredClaims(RequiredClaim.of("roles", RequiredClaim.Match.ANY, ",", java.util.List.of("A", "B")))
                .build()).build().toXml();
        Document doc = PolicyXml.parse(xml);
        String jwt = "/policies/inbound/validate-jwt";
        assertThat(PolicyXml.attributeOrder(xml, "validate-jwt"))
                .containsExactly("header-name", "failed-validation-httpcode", "require-expiration-time", "require-scheme",
                        "clock-skew");
        assertThat(attr(doc, jwt, "header-name")).isEqualTo("Authorization");
        assertThat(attr(doc, jwt, "require-scheme")).isEqualTo("Bearer");
        assertThat(attr(doc, jwt, "require-expiration-time")).isEqualTo("true");
        assertThat(childNames(element(doc, jwt))).containsExactly("openid-config", "audiences", "issuers", "required-claims");
        assertThat(attr(doc, jwt + "/openid-config", "url")).startsWith("https://login.microsoftonline.com/");
        assertThat(texts(doc, jwt + "/issuers/issuer")).containsExactly("https://sts.windows.net/" + TENANT + "/");
        assertThat(attr(doc, jwt + "/required-claims/claim", "separator")).isEqualTo(",");
    }

    @Test
    void failsOnValidateJwtWithoutOpenIdConfig() {
        assertThatThrownBy(() -> ValidateJwt.builder().audiences("api://x").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'openid-config'");
    }

    @Test
    void failsOnValidateJwtWithPlainHttpOpenIdConfig() {
        assertThatThrownBy(() -> ValidateJwt.builder().openIdConfigUrls("http://insecure.example.com/.well-known").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'openid-config'")
                .hasMessageContaining("https");
    }
}
