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

    /** Starts a builder; {@code tenantId} is a GUID, a named value like {@code {{tenant-id}}} or an expression. */
    public static Builder builder(String tenantId) {
        return new Builder(tenantId);
    }

    @Override
    public String elementName() {
        return ELEMENT;
    }

    public String tenantId() {
        return tenantId;
    }

    public List<String> clientApplicationIds() {
        return clientApplicationIds;
    }

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

        /** Defaults to: {@code Authorization}. */
        public Builder headerName(String headerName) {
            this.headerName = headerName;
            return this;
        }

        /** Defaults to: {@code 401}. Must be 400–599. */
        public Builder failedValidationHttpCode(int httpCode) {
            this.failedValidationHttpCode = httpCode;
            return this;
        }

        /** Defaults to: unset (APIM's message). */
        public Builder failedValidationErrorMessage(String message) {
            this.failedValidationErrorMessage = message;
            return this;
        }

        /** Defaults to: unset. */
        public Builder outputTokenVariableName(String variableName) {
            this.outputTokenVariableName = variableName;
            return this;
        }

        /** Client app ids (GUID, named value or expression). */
        public Builder clientApplicationIds(String... ids) {
            this.clientApplicationIds = Arrays.asList(Checks.requireNonNull(ids, ELEMENT, "client-application-ids"));
            return this;
        }

        public Builder clientApplicationIds(List<String> ids) {
            this.clientApplicationIds = ids;
            return this;
        }

        public Builder backendApplicationIds(String... ids) {
            this.backendApplicationIds = Arrays.asList(Checks.requireNonNull(ids, ELEMENT, "backend-application-ids"));
            return this;
        }

        public Builder backendApplicationIds(List<String> ids) {
            this.backendApplicationIds = ids;
            return this;
        }

        public Builder audiences(String... audiences) {
            this.audiences = Arrays.asList(Checks.requireNonNull(audiences, ELEMENT, "audiences"));
            return this;
        }

        public Builder audiences(List<String> audiences) {
            this.audiences = audiences;
            return this;
        }

        public Builder requiredClaims(RequiredClaim... claims) {
            this.requiredClaims = Arrays.asList(Checks.requireNonNull(claims, ELEMENT, "required-claims"));
            return this;
        }

        public Builder requiredClaims(List<RequiredClaim> claims) {
            this.requiredClaims = claims;
            return this;
        }

        public ValidateAzureAdToken build() {
            return new ValidateAzureAdToken(this);
        }
    }
}
