package io.github.aoaiplatform.apim;

import io.github.aoaiplatform.core.PropsCheck;

/**
 * How a department's product policy gets the token for its own account in another Entra tenant, with no secret: the
 * gateway identity's token for {@code api://AzureADTokenExchange} is the client assertion of a {@code client_credentials}
 * request for {@value #SCOPE} at that tenant's authority, as the multi-tenant application the identity is federated
 * with ({@code identity.FederatedApplication}). The token is cached per department for {@value #CACHE_SECONDS} seconds,
 * below the at least 60 minutes Entra ID issues app tokens for.
 *
 * @param tenantId         the Entra tenant the account trusts (the customer's): a GUID. Required.
 * @param clientId         the multi-tenant application's client id: a GUID or a Terraform reference. Required.
 * @param identityClientId the gateway identity's client id: a GUID or a named value such as {@code {{uami-client-id}}}.
 *                         Required.
 */
public record FederatedTokenOptions(String tenantId, String clientId, String identityClientId) {
    /** The scope of the token the account accepts. */
    public static final String SCOPE = "https://cognitiveservices.azure.com/.default";
    /** How long a token is cached, in seconds: 50 minutes. */
    public static final int CACHE_SECONDS = 3000;

    /**
     * Validates every field; see the record's components.
     *
     * @param tenantId see {@link #tenantId()}
     * @param clientId see {@link #clientId()}
     * @param identityClientId see {@link #identityClientId()}
     */
    public FederatedTokenOptions {
        PropsCheck check = PropsCheck.of("FederatedTokenOptions");
        if (check.require("tenantId", tenantId)) check.guid("tenantId", tenantId);
        check.require("clientId", clientId);
        check.require("identityClientId", identityClientId);
        check.throwIfAny();
    }

    /** @return the token endpoint of {@link #tenantId()} */
    public String tokenEndpoint() { return "https://login.microsoftonline.com/" + tenantId + "/oauth2/v2.0/token"; }

    /** @return a builder for {@link FederatedTokenOptions}; required fields are checked by {@link Builder#build()} */
    public static Builder builder() { return new Builder(); }

    /** Builds {@link FederatedTokenOptions}: one setter per component, defaults and validation in the record. */
    public static final class Builder {
        private String tenantId;
        private String clientId;
        private String identityClientId;

        private Builder() {}

        /**
         * Sets {@link FederatedTokenOptions#tenantId()}.
         *
         * @param tenantId the value
         * @return this builder
         */
        public Builder tenantId(String tenantId) { this.tenantId = tenantId; return this; }

        /**
         * Sets {@link FederatedTokenOptions#clientId()}.
         *
         * @param clientId the value
         * @return this builder
         */
        public Builder clientId(String clientId) { this.clientId = clientId; return this; }

        /**
         * Sets {@link FederatedTokenOptions#identityClientId()}.
         *
         * @param identityClientId the value
         * @return this builder
         */
        public Builder identityClientId(String identityClientId) { this.identityClientId = identityClientId; return this; }

        /**
         * @return the validated, immutable props
         * @throws io.github.aoaiplatform.core.InvalidPropsException naming every invalid field
         */
        public FederatedTokenOptions build() { return new FederatedTokenOptions(tenantId, clientId, identityClientId); }
    }
}
