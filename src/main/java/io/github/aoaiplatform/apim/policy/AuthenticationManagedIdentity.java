package io.github.aoaiplatform.apim.policy;

import java.util.Set;

/**
 * {@code <authentication-managed-identity>} (inbound only): acquires a token for resource with the gateway's
 * managed identity. resource defaults to: {@value #COGNITIVE_SERVICES_RESOURCE}; client-id (user-assigned
 * identity GUID or named value) defaults to: unset (system-assigned); output-token-variable-name defaults to:
 * unset (APIM then sets the Authorization header itself); ignore-error defaults to: unset.
 */
public final class AuthenticationManagedIdentity extends PolicyElement {

    static final String ELEMENT = "authentication-managed-identity";
    /** Token audience for Azure OpenAI / Azure AI services. */
    public static final String COGNITIVE_SERVICES_RESOURCE = "https://cognitiveservices.azure.com";

    private final String resource;
    private final String clientId;
    private final String outputTokenVariableName;
    private final Boolean ignoreError;

    private AuthenticationManagedIdentity(Builder b) {
        this.resource = Checks.requireText(b.resource, ELEMENT, "resource", "use e.g. " + COGNITIVE_SERVICES_RESOURCE);
        if (b.clientId != null && !Checks.isGuid(b.clientId) && !Checks.isNamedValue(b.clientId)) {
            throw Checks.invalid(ELEMENT, "client-id", "must be a user-assigned identity client id (GUID) or a named value"
                    + " like {{uami-client-id}} but was \"" + b.clientId + "\"", "pass the identity's client id, not its name");
        }
        this.clientId = b.clientId;
        this.outputTokenVariableName = b.outputTokenVariableName == null ? null
                : Checks.variableName(b.outputTokenVariableName, ELEMENT, "output-token-variable-name");
        this.ignoreError = b.ignoreError;
    }

    /**
     * Starts a builder with the defaults listed above.
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

    /**
     * The output-token-variable-name, or {@code null} when unset.
     *
     * @return the context variable receiving the token, or {@code null}
     */
    public String outputTokenVariableName() {
        return outputTokenVariableName;
    }

    @Override
    Set<PolicySection> allowedSections() {
        return PolicySection.INBOUND_ONLY;
    }

    @Override
    XmlNode toNode() {
        return XmlNode.element(ELEMENT)
                .attr("resource", resource)
                .attr("client-id", clientId)
                .attr("output-token-variable-name", outputTokenVariableName)
                .attr("ignore-error", ignoreError)
                .build();
    }

    /** Builder for {@link AuthenticationManagedIdentity}; every setter is optional. */
    public static final class Builder {
        private String resource = COGNITIVE_SERVICES_RESOURCE;
        private String clientId;
        private String outputTokenVariableName;
        private Boolean ignoreError;

        private Builder() {
        }

        /**
         * Sets resource: the App ID URI of the service the token is requested for (the token's audience).
         * Defaults to: {@value AuthenticationManagedIdentity#COGNITIVE_SERVICES_RESOURCE}.
         *
         * @param resource the resource URI; must not be blank
         * @return this builder
         */
        public Builder resource(String resource) {
            this.resource = resource;
            return this;
        }

        /**
         * Sets client-id: the client id of the user-assigned identity to use. Defaults to: unset (the gateway's
         * system-assigned identity is used).
         *
         * @param clientId a GUID or a named value such as {@code {{uami-client-id}}}
         * @return this builder
         */
        public Builder clientId(String clientId) {
            this.clientId = clientId;
            return this;
        }

        /**
         * Sets output-token-variable-name: the context variable that receives the token as a string. Defaults to:
         * unset (APIM then sets the Authorization header itself). Pair with
         * {@link SetHeader#bearerTokenFromVariable(String)}.
         *
         * @param variableName letters, digits, '.', '_' and '-' only
         * @return this builder
         */
        public Builder outputTokenVariableName(String variableName) {
            this.outputTokenVariableName = variableName;
            return this;
        }

        /**
         * Sets ignore-error: when {@code true}, the request continues even if no token could be obtained.
         * Defaults to: unset (APIM default {@code false}).
         *
         * @param ignoreError whether to ignore token acquisition failures
         * @return this builder
         */
        public Builder ignoreError(boolean ignoreError) {
            this.ignoreError = ignoreError;
            return this;
        }

        /**
         * Validates the settings and creates the policy.
         *
         * @return the immutable policy
         * @throws IllegalArgumentException if resource is blank, client-id is neither a GUID nor a named value, or the
         *         variable name is invalid
         */
        public AuthenticationManagedIdentity build() {
            return new AuthenticationManagedIdentity(this);
        }
    }
}
