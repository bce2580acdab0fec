package io.github.aoaiplatform.apim.policy;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * {@code <validate-jwt>}: validates a JWT against an OpenID Connect configuration (inbound only).
 *
 * <p>At least one openid-config URL (https, named value or expression) is required. header-name defaults to:
 * {@code Authorization}; failed-validation-httpcode defaults to: {@code 401} (both always rendered);
 * require-scheme defaults to: unset. Other attributes are omitted unless set.
 */
public final class ValidateJwt extends PolicyElement {

    static final String ELEMENT = "validate-jwt";

    private final String headerName;
    private final int failedValidationHttpCode;
    private final String failedValidationErrorMessage;
    private final Boolean requireExpirationTime;
    private final String requireScheme;
    private final Boolean requireSignedTokens;
    private final Integer clockSkewSeconds;
    private final String outputTokenVariableName;
    private final List<String> openIdConfigUrls;
    private final List<String> audiences;
    private final List<String> issuers;
    private final List<RequiredClaim> requiredClaims;

    private ValidateJwt(Builder b) {
        this.headerName = Checks.requireText(b.headerName, ELEMENT, "header-name", "set the header carrying the token");
        this.failedValidationHttpCode = Checks.requireRange(b.failedValidationHttpCode, 400, 599, ELEMENT,
                "failed-validation-httpcode", "");
        this.failedValidationErrorMessage = Checks.optionalText(b.failedValidationErrorMessage, ELEMENT,
                "failed-validation-error-message");
        this.requireExpirationTime = b.requireExpirationTime;
        this.requireScheme = Checks.optionalText(b.requireScheme, ELEMENT, "require-scheme");
        this.requireSignedTokens = b.requireSignedTokens;
        this.clockSkewSeconds = b.clockSkewSeconds == null ? null
                : Checks.requireRange(b.clockSkewSeconds, 0, Integer.MAX_VALUE, ELEMENT, "clock-skew", " seconds");
        this.outputTokenVariableName = b.outputTokenVariableName == null ? null
                : Checks.variableName(b.outputTokenVariableName, ELEMENT, "output-token-variable-name");
        this.openIdConfigUrls = Checks.textList(b.openIdConfigUrls, ELEMENT, "openid-config");
        if (openIdConfigUrls.isEmpty()) {
            throw Checks.invalid(ELEMENT, "openid-config", "requires at least one url",
                    "call openIdConfigUrls(\"https://login.microsoftonline.com/<tenant>/v2.0/.well-known/openid-configuration\")");
        }
        for (String url : openIdConfigUrls) {
            Checks.urlOrNamedValueOrExpression(url, ELEMENT, "openid-config", true);
        }
        this.audiences = Checks.textList(b.audiences, ELEMENT, "audiences", false);
        this.issuers = Checks.textList(b.issuers, ELEMENT, "issuers", false);
        this.requiredClaims = Checks.nonNullList(b.requiredClaims, ELEMENT, "required-claims");
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String elementName() {
        return ELEMENT;
    }

    @Override
    Set<PolicySection> allowedSections() {
        return PolicySection.INBOUND_ONLY;
    }

    @Override
    XmlNode toNode() {
        XmlNode.Builder node = XmlNode.element(ELEMENT)
                .attr("header-name", headerName)
                .attr("failed-validation-httpcode", failedValidationHttpCode)
                .attr("failed-validation-error-message", failedValidationErrorMessage)
                .attr("require-expiration-time", requireExpirationTime)
                .attr("require-scheme", requireScheme)
                .attr("require-signed-tokens", requireSignedTokens)
                .attr("clock-skew", clockSkewSeconds)
                .attr("output-token-variable-name", outputTokenVariableName);
        for (String url : openIdConfigUrls) {
            node.child(XmlNode.element("openid-config").attr("url", url).build());
        }
        if (!audiences.isEmpty()) {
            node.child(XmlNode.element("audiences").textChildren("audience", audiences).build());
        }
        if (!issuers.isEmpty()) {
            node.child(XmlNode.element("issuers").textChildren("issuer", issuers).build());
        }
        if (!requiredClaims.isEmpty()) {
            node.child(RequiredClaim.requiredClaimsNode(requiredClaims));
        }
        return node.build();
    }

    /** Builder; list setters replace previous values. */
    public static final class Builder {
        private String headerName = "Authorization";
        private int failedValidationHttpCode = 401;
        private String failedValidationErrorMessage;
        private Boolean requireExpirationTime;
        private String requireScheme;
        private Boolean requireSignedTokens;
        private Integer clockSkewSeconds;
        private String outputTokenVariableName;
        private List<String> openIdConfigUrls = List.of();
        private List<String> audiences = List.of();
        private List<String> issuers = List.of();
        private List<RequiredClaim> requiredClaims = List.of();

        private Builder() {
        }

        /** Defaults to: {@code Authorization}. */
        public Builder headerName(String headerName) {
            this.headerName = headerName;
            return this;
        }

        /** Defaults to: {@code 401}. */
        public Builder failedValidationHttpCode(int httpCode) {
            this.failedValidationHttpCode = httpCode;
            return this;
        }

        public Builder failedValidationErrorMessage(String message) {
            this.failedValidationErrorMessage = message;
            return this;
        }

        public Builder requireExpirationTime(boolean require) {
            this.requireExpirationTime = require;
            return this;
        }

        /** E.g. {@code Bearer}. Defaults to: unset. */
        public Builder requireScheme(String scheme) {
            this.requireScheme = scheme;
            return this;
        }

        public Builder requireSignedTokens(boolean require) {
            this.requireSignedTokens = require;
            return this;
        }

        public Builder clockSkewSeconds(int seconds) {
            this.clockSkewSeconds = seconds;
            return this;
        }

        public Builder outputTokenVariableName(String variableName) {
            this.outputTokenVariableName = variableName;
            return this;
        }

        public Builder openIdConfigUrls(String... urls) {
            this.openIdConfigUrls = Arrays.asList(Checks.requireNonNull(urls, ELEMENT, "openid-config"));
            return this;
        }

        public Builder audiences(String... audiences) {
            this.audiences = Arrays.asList(Checks.requireNonNull(audiences, ELEMENT, "audiences"));
            return this;
        }

        public Builder issuers(String... issuers) {
            this.issuers = Arrays.asList(Checks.requireNonNull(issuers, ELEMENT, "issuers"));
            return this;
        }

        public Builder requiredClaims(RequiredClaim... claims) {
            this.requiredClaims = Arrays.asList(Checks.requireNonNull(claims, ELEMENT, "required-claims"));
            return this;
        }

        public ValidateJwt build() {
            return new ValidateJwt(this);
        }
    }
}
