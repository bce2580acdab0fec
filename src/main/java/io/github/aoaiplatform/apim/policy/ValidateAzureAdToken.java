package io.github.aoaiplatform.apim.policy;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * {@code <validate-azure-ad-token>}: validates a Microsoft Entra ID token (inbound only).
 *
 * <p>tenant-id is required (GUID, named value {@code {{…}}} or policy expression). At least one of
 * client application ids or audiences is required. header-name defaults to: {@code Authorization};
 * failed-validation-httpcode defaults to: {@code 401} (both always rendered).
 */
public final class ValidateAzureAdToken extends PolicyElement {

    static final String ELEMENT = "validate-azure-ad-token";

    private final String tenantId;
    private final String headerName;
    private final int failedValidationHttpCode;
    private final String failedValidationErrorMessage;
    private final String outputTokenVariableName;
    private final List<String> clientApplicationIds;
    private final List<String> backendApplicationIds;
    private final List<String> audiences;
    private final List<RequiredClaim> requiredClaims;

    private ValidateAzureAdToken(Builder b) {
        this.tenantId = Checks.guidOrNamedValueOrExpression(b.tenantId, ELEMENT, "tenant-id");
        this.headerName = Checks.requireText(b.headerName, ELEMENT, "header-name", "set the header carrying the bearer token");
        this.failedValidationHttpCode = Checks.requireRange(b.failedValidationHttpCode, 400, 599, ELEMENT,
                "failed-validation-httpcode", "");
        this.failedValidationErrorMessage = Checks.optionalText(b.failedValidationErrorMessage, ELEMENT,
                "failed-validation-error-message");
        this.outputTokenVariableName = b.outputTokenVariableName == null ? null
                : Checks.variableName(b.outputTokenVariableName, ELEMENT, "output-token-variable-name");
        this.clientApplicationIds = Checks.textList(b.clientApplicationIds, ELEMENT, "client-application-ids");
        for (String id : clientApplicationIds) {
            Checks.guidOrNamedValueOrExpression(id, ELEMENT, "client-application-ids");
        }
        this.backendApplicationIds = Checks.textList(b.backendApplicationIds, ELEMENT, "backend-application-ids");
        for (String id : backendApplicationIds) {
            Checks.guidOrNamedValueOrExpression(id, ELEMENT, "backend-application-ids");
        }
        this.audiences = Checks.textList(b.audiences, ELEMENT, "audiences", false);
        this.requiredClaims = Checks.nonNullList(b.requiredClaims, ELEMENT, "required-claims");
        if (clientApplicationIds.isEmpty() && audiences.isEmpty()) {
            throw Checks.invalid(ELEMENT, "client-application-ids", "and 'audiences' are both empty; at least one is required",
                    "call clientApplicationIds(...) and/or audiences(...)");
        }
    }

    /**
     * Starts a builder; {@code tenantId} is a GUID, a named value like {@code {{tenant-id}}} or an expression.
     *
     * @param tenantId the Microsoft Entra tenant that must have issued the token
     * @return a new builder
     */
    public static Builder builder(String tenantId) {
        return new Builder(tenantId);
    }

    @Override
    public String elementName() {
        return ELEMENT;
    }

    /**
     * The tenant-id attribute.
     *
     * @return the tenant GUID, named value or expression
     */
    public String tenantId() {
        return tenantId;
    }

    /**
     * The client application ids allowed to call.
     *
     * @return the immutable list of ids; may be empty when audiences are set
     */
    public List<String> clientApplicationIds() {
        return clientApplicationIds;
    }

    /**
     * The accepted audiences.
     *
     * @return the immutable list of audiences; may be empty when client application ids are set
     */
    public List<String> audiences() {
        return audiences;
    }

    @Override
    Set<PolicySection> allowedSections() {
        return PolicySection.INBOUND_ONLY;
    }

    @Override
    XmlNode toNode() {
        XmlNode.Builder node = XmlNode.element(ELEMENT)
                .attr("tenant-id", tenantId)
                .attr("header-name", headerName)
                .attr("failed-validation-httpcode", failedValidationHttpCode)
                .attr("failed-validation-error-message", failedValidationErrorMessage)
                .attr("output-token-variable-name", outputTokenVariableName);
        if (!clientApplicationIds.isEmpty()) {
            node.child(XmlNode.element("client-application-ids").textChildren("application-id", clientApplicationIds).build());
        }
        if (!backendApplicationIds.isEmpty()) {
            node.child(XmlNode.element("backend-application-ids").textChildren("application-id", backendApplicationIds).build());
        }
        if (!audiences.isEmpty()) {
            node.child(XmlNode.element("audiences").textChildren("audience", audiences).build());
        }
        if (!requiredClaims.isEmpty()) {
            node.child(RequiredClaim.requiredClaimsNode(requiredClaims));
        }
        return node.build();
    }

    /** Builder; list setters replace previous values. */
    public static final class Builder {
        private final String tenantId;
        private String headerName = "Authorization";
        private int failedValidationHttpCode = 401;
        private String failedValidationErrorMessage;
        private String outputTokenVariableName;
        private List<String> clientApplicationIds = List.of();
        private List<String> backendApplicationIds = List.of();
        private List<String> audiences = List.of();
        private List<RequiredClaim> requiredClaims = List.of();

        private Builder(String tenantId) {
            this.tenantId = tenantId;
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
         * Sets client-application-ids: the client applications whose tokens are accepted, replacing earlier ones.
         * Defaults to: none (then audiences are required).
         *
         * @param ids client app ids (GUID, named value or expression)
         * @return this builder
         */
        public Builder clientApplicationIds(String... ids) {
            this.clientApplicationIds = Arrays.asList(Checks.requireNonNull(ids, ELEMENT, "client-application-ids"));
            return this;
        }

        /**
         * Sets client-application-ids: the client applications whose tokens are accepted, replacing earlier ones.
         * Defaults to: none (then audiences are required).
         *
         * @param ids client app ids (GUID, named value or expression)
         * @return this builder
         */
        public Builder clientApplicationIds(List<String> ids) {
            this.clientApplicationIds = ids;
            return this;
        }

        /**
         * Sets backend-application-ids: the backend applications the token may be issued for, replacing earlier
         * ones. Defaults to: none.
         *
         * @param ids backend app ids (GUID, named value or expression)
         * @return this builder
         */
        public Builder backendApplicationIds(String... ids) {
            this.backendApplicationIds = Arrays.asList(Checks.requireNonNull(ids, ELEMENT, "backend-application-ids"));
            return this;
        }

        /**
         * Sets backend-application-ids: the backend applications the token may be issued for, replacing earlier
         * ones. Defaults to: none.
         *
         * @param ids backend app ids (GUID, named value or expression)
         * @return this builder
         */
        public Builder backendApplicationIds(List<String> ids) {
            this.backendApplicationIds = ids;
            return this;
        }

        /**
         * Sets audiences: the accepted values of the token's {@code aud} claim, replacing earlier ones.
         * Defaults to: none (then client application ids are required).
         *
         * @param audiences the audiences, e.g. {@code api://my-api}
         * @return this builder
         */
        public Builder audiences(String... audiences) {
            this.audiences = Arrays.asList(Checks.requireNonNull(audiences, ELEMENT, "audiences"));
            return this;
        }

        /**
         * Sets audiences: the accepted values of the token's {@code aud} claim, replacing earlier ones.
         * Defaults to: none (then client application ids are required).
         *
         * @param audiences the audiences, e.g. {@code api://my-api}
         * @return this builder
         */
        public Builder audiences(List<String> audiences) {
            this.audiences = audiences;
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
         * Sets required-claims: claims the token must carry, replacing earlier ones. Defaults to: none.
         *
         * @param claims the required claims
         * @return this builder
         */
        public Builder requiredClaims(List<RequiredClaim> claims) {
            this.requiredClaims = claims;
            return this;
        }

        /**
         * Validates the settings and creates the policy.
         *
         * @return the immutable policy
         * @throws IllegalArgumentException if an id is not a GUID, named value or expression, a list has blank or
         *         duplicate entries, or neither client application ids nor audiences are set
         */
        public ValidateAzureAdToken build() {
            return new ValidateAzureAdToken(this);
        }
    }
}
