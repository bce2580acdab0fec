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

    /**
     * Starts a builder; at least one openid-config URL must still be set.
     *
     * @return a new builder
     */
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

        /**
         * Sets header-name: the request header that carries the token. Defaults to: {@code Authorization}.
         *
         * @param headerName the header name
         * @return this builder
         */
        public Builder headerName(String headerName) {
            this.headerName = headerName;
            return this;
        }

        /**
         * Sets failed-validation-httpcode: the status returned when validation fails. Defaults to: {@code 401}.
         * Must be 400–599.
         *
         * @param httpCode the HTTP status code
         * @return this builder
         */
        public Builder failedValidationHttpCode(int httpCode) {
            this.failedValidationHttpCode = httpCode;
            return this;
        }

        /**
         * Sets failed-validation-error-message: the error message returned when validation fails. Defaults to: unset
         * (APIM's message).
         *
         * @param message the message
         * @return this builder
         */
        public Builder failedValidationErrorMessage(String message) {
            this.failedValidationErrorMessage = message;
            return this;
        }

        /**
         * Sets require-expiration-time: whether the token must carry an expiration claim. Defaults to: unset
         * (APIM default {@code true}).
         *
         * @param require whether an expiration claim is required
         * @return this builder
         */
        public Builder requireExpirationTime(boolean require) {
            this.requireExpirationTime = require;
            return this;
        }

        /**
         * Sets require-scheme: the authorization scheme the header value must start with, e.g. {@code Bearer}.
         * Defaults to: unset.
         *
         * @param scheme the scheme name
         * @return this builder
         */
        public Builder requireScheme(String scheme) {
            this.requireScheme = scheme;
            return this;
        }

        /**
         * Sets require-signed-tokens: whether the token must be signed. Defaults to: unset (APIM default {@code true}).
         *
         * @param require whether unsigned tokens are rejected
         * @return this builder
         */
        public Builder requireSignedTokens(boolean require) {
            this.requireSignedTokens = require;
            return this;
        }

        /**
         * Sets clock-skew: the tolerated clock difference between issuer and gateway when checking expiry and
         * not-before times. Defaults to: unset (APIM default 0 seconds).
         *
         * @param seconds the skew in seconds; &ge; 0
         * @return this builder
         */
        public Builder clockSkewSeconds(int seconds) {
            this.clockSkewSeconds = seconds;
            return this;
        }

        /**
         * Sets output-token-variable-name: the context variable that receives the validated token as a {@code Jwt}.
         * Defaults to: unset.
         *
         * @param variableName letters, digits, '.', '_' and '-' only
         * @return this builder
         */
        public Builder outputTokenVariableName(String variableName) {
            this.outputTokenVariableName = variableName;
            return this;
        }

        /**
         * Sets the {@code <openid-config>} URLs that supply the issuer's signing keys, replacing earlier ones.
         * Required: at least one.
         *
         * @param urls https URLs, named values or expressions, e.g.
         *        {@code https://login.microsoftonline.com/{tenant}/v2.0/.well-known/openid-configuration}
         * @return this builder
         */
        public Builder openIdConfigUrls(String... urls) {
            this.openIdConfigUrls = Arrays.asList(Checks.requireNonNull(urls, ELEMENT, "openid-config"));
            return this;
        }

        /**
         * Sets the accepted values of the token's {@code aud} claim, replacing earlier ones. Defaults to: none.
         *
         * @param audiences the audiences, e.g. {@code api://my-api}
         * @return this builder
         */
        public Builder audiences(String... audiences) {
            this.audiences = Arrays.asList(Checks.requireNonNull(audiences, ELEMENT, "audiences"));
            return this;
        }

        /**
         * Sets the accepted values of the token's {@code iss} claim, replacing earlier ones. Defaults to: none.
         *
         * @param issuers the issuers, e.g. {@code https://login.microsoftonline.com/{tenant}/v2.0}
         * @return this builder
         */
        public Builder issuers(String... issuers) {
            this.issuers = Arrays.asList(Checks.requireNonNull(issuers, ELEMENT, "issuers"));
            return this;
        }

        /**
         * Sets required-claims: claims the token must carry, replacing earlier ones. Defaults to: none.
         *
         * @param claims the required claims
         * @return this builder
         */
        public Builder requiredClaims(RequiredClaim... claims) {
            this.requiredClaims = Arrays.asList(Checks.requireNonNull(claims, ELEMENT, "required-claims"));
            return this;
        }

        /**
         * Validates the settings and creates the policy.
         *
         * @return the immutable policy
         * @throws IllegalArgumentException if no openid-config URL is set, a URL is not https, a number is out of
         *         range, or a list has blank or duplicate entries
         */
        public ValidateJwt build() {
            return new ValidateJwt(this);
        }
    }
}
