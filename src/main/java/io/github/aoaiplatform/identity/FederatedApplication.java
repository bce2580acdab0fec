package io.github.aoaiplatform.identity;

import com.hashicorp.cdktf.providers.azuread.application.Application;
import com.hashicorp.cdktf.providers.azuread.application_federated_identity_credential.ApplicationFederatedIdentityCredential;
import software.constructs.Construct;

import java.util.List;

/**
 * A multi-tenant Entra application ({@code AzureADMultipleOrgs}) that a user-assigned managed identity signs in as, with
 * no secret or certificate: a federated identity credential trusts the identity's tokens (issuer
 * {@code https://login.microsoftonline.com/<tenant>/v2.0}, subject its principal id, audience
 * {@value #TOKEN_EXCHANGE_AUDIENCE}). The identity gets a token for that audience and presents it as the client
 * assertion of a {@code client_credentials} request at another tenant's authority; that tenant's admin consents to the
 * application once, and grants its service principal roles on their resources.
 *
 * <p>Child ids: {@code Resource}, {@code FederatedCredential}.
 */
public final class FederatedApplication extends Construct {
    /** The audience of the managed identity's token that the federated credential accepts. */
    public static final String TOKEN_EXCHANGE_AUDIENCE = "api://AzureADTokenExchange";

    private final Application application;

    /**
     * Creates the application and its federated credential.
     *
     * @param scope the parent construct
     * @param id    the construct id
     * @param props the application's inputs
     */
    public FederatedApplication(Construct scope, String id, FederatedApplicationProps props) {
        super(scope, id);
        application = Application.Builder.create(this, "Resource")
                .displayName(props.displayName())
                .signInAudience("AzureADMultipleOrgs")
                .build();
        ApplicationFederatedIdentityCredential.Builder.create(this, "FederatedCredential")
                .applicationId(application.getId())
                .displayName("managed-identity")
                .description("The gateway's managed identity signs in as this application (no secret)")
                .audiences(List.of(TOKEN_EXCHANGE_AUDIENCE))
                .issuer(issuer(props.tenantId()))
                .subject(props.trustedIdentity().principalId())
                .build();
    }

    /**
     * The issuer of managed identity tokens in a tenant.
     *
     * @param tenantId the Entra tenant id
     * @return {@code https://login.microsoftonline.com/<tenant>/v2.0}
     */
    public static String issuer(String tenantId) { return "https://login.microsoftonline.com/" + tenantId + "/v2.0"; }

    /** @return the application (client) id that other tenants consent to (a Terraform reference) */
    public String clientId() { return application.getClientId(); }

    /** @return the application */
    public Application application() { return application; }
}
