package io.github.aoaiplatform.identity;

import com.hashicorp.cdktf.providers.azuread.app_role_assignment.AppRoleAssignment;
import com.hashicorp.cdktf.providers.azuread.application.Application;
import com.hashicorp.cdktf.providers.azuread.application.ApplicationApi;
import com.hashicorp.cdktf.providers.azuread.application.ApplicationApiOauth2PermissionScope;
import com.hashicorp.cdktf.providers.azuread.application.ApplicationAppRole;
import com.hashicorp.cdktf.providers.azuread.application.ApplicationRequiredResourceAccess;
import com.hashicorp.cdktf.providers.azuread.application.ApplicationRequiredResourceAccessResourceAccess;
import com.hashicorp.cdktf.providers.azuread.application.ApplicationSinglePageApplication;
import com.hashicorp.cdktf.providers.azuread.application_identifier_uri.ApplicationIdentifierUri;
import com.hashicorp.cdktf.providers.azuread.application_pre_authorized.ApplicationPreAuthorized;
import com.hashicorp.cdktf.providers.azuread.service_principal.ServicePrincipal;
import io.github.aoaiplatform.core.IPrincipal;
import io.github.aoaiplatform.core.PrincipalType;
import software.constructs.Construct;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The API's Entra ID app registration: identifier URI {@code api://<client id>}, one delegated scope (default
 * {@code chat}), app roles, v2 access tokens, and its service principal with app-role assignment required (only
 * users, groups and apps assigned to the API can get a token for it). Optional client registrations: single-page
 * apps pre-authorized for the scope, and daemon apps granted an app role.
 * Scope and role ids are derived from their values, so they stay stable across synths.
 * Child ids: {@code Resource}, {@code IdentifierUri}, {@code ServicePrincipal}, {@code Spa-<name>/...},
 * {@code Daemon-<name>/...}.
 */
public final class EntraApiApplication extends Construct {
    private final Application application;
    private final ServicePrincipal servicePrincipal;
    private final String scopeId;
    private final IPrincipal servicePrincipalRef;

    /**
     * Registers the API app, its service principal and the client apps.
     *
     * @param scope the parent construct
     * @param id    the construct id
     * @param props the registration's inputs
     */
    public EntraApiApplication(Construct scope, String id, EntraApiApplicationProps props) {
        super(scope, id);
        this.scopeId = stableId("scope/" + props.scopeName());
        List<ApplicationAppRole> roles = new ArrayList<>();
        for (AppRoleOptions r : props.appRoles())
            roles.add(ApplicationAppRole.builder().id(stableId("role/" + r.value())).value(r.value()).displayName(r.displayName())
                    .description(r.description()).allowedMemberTypes(r.allowedMemberTypes()).enabled(true).build());
        application = Application.Builder.create(this, "Resource")
                .displayName(props.displayName())
                .signInAudience("AzureADMyOrg")
                .api(ApplicationApi.builder()
                        .requestedAccessTokenVersion(2)
                        .oauth2PermissionScope(List.of(ApplicationApiOauth2PermissionScope.builder()
                                .id(scopeId).value(props.scopeName()).type("User").enabled(true)
                                .adminConsentDisplayName("Use the Azure OpenAI platform")
                                .adminConsentDescription("Call Azure OpenAI models through the platform gateway on behalf of the signed-in user")
                                .userConsentDisplayName("Use the Azure OpenAI platform")
                                .userConsentDescription("Call Azure OpenAI models through the platform gateway on your behalf")
                                .build()))
                        .build())
                .appRole(roles)
                .groupMembershipClaims(props.groupClaims() ? List.of("SecurityGroup") : null)
                .build();
        ApplicationIdentifierUri.Builder.create(this, "IdentifierUri")
                .applicationId(application.getId()).identifierUri("api://" + application.getClientId()).build();
        servicePrincipal = ServicePrincipal.Builder.create(this, "ServicePrincipal")
                .clientId(application.getClientId()).appRoleAssignmentRequired(true).build();
        servicePrincipalRef = new ServicePrincipalRef(servicePrincipal.getObjectId(), UserAssignedIdentity.grantKeyOf(this));

        for (SpaClientOptions spa : props.spaClients()) {
            Construct c = new Construct(this, "Spa-" + spa.name());
            Application app = Application.Builder.create(c, "Resource")
                    .displayName(props.displayName() + " - " + spa.name())
                    .signInAudience("AzureADMyOrg")
                    .singlePageApplication(ApplicationSinglePageApplication.builder().redirectUris(spa.redirectUris()).build())
                    .requiredResourceAccess(List.of(ApplicationRequiredResourceAccess.builder()
                            .resourceAppId(application.getClientId())
                            .resourceAccess(List.of(ApplicationRequiredResourceAccessResourceAccess.builder().id(scopeId).type("Scope").build()))
                            .build()))
                    .build();
            ServicePrincipal.Builder.create(c, "ServicePrincipal").clientId(app.getClientId()).build();
            ApplicationPreAuthorized.Builder.create(c, "PreAuthorized")
                    .applicationId(application.getId()).authorizedClientId(app.getClientId()).permissionIds(List.of(scopeId)).build();
        }
        for (DaemonClientOptions daemon : props.daemonClients()) {
            Construct c = new Construct(this, "Daemon-" + daemon.name());
            String roleId = stableId("role/" + daemon.role());
            Application app = Application.Builder.create(c, "Resource")
                    .displayName(props.displayName() + " - " + daemon.name())
                    .signInAudience("AzureADMyOrg")
                    .requiredResourceAccess(List.of(ApplicationRequiredResourceAccess.builder()
                            .resourceAppId(application.getClientId())
                            .resourceAccess(List.of(ApplicationRequiredResourceAccessResourceAccess.builder().id(roleId).type("Role").build()))
                            .build()))
                    .build();
            ServicePrincipal sp = ServicePrincipal.Builder.create(c, "ServicePrincipal").clientId(app.getClientId()).build();
            AppRoleAssignment.Builder.create(c, "RoleAssignment")
                    .appRoleId(roleId).principalObjectId(sp.getObjectId()).resourceObjectId(servicePrincipal.getObjectId()).build();
        }
    }

    /** A UUID derived from the value, so scope and role ids never change between synths. */
    static String stableId(String value) {
        return UUID.nameUUIDFromBytes(("aoai-platform/" + value).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** @return the API's application (client) id: the audience of the tokens the gateway accepts (a Terraform reference) */
    public String clientId() { return application.getClientId(); }

    /** @return the id of the delegated scope (stable across synths) */
    public String scopeId() { return scopeId; }

    /**
     * @return the API's service principal, to grant it roles; its grant key is this construct's path below the stack,
     *         e.g. {@code ApiApplication}
     */
    public IPrincipal servicePrincipal() { return servicePrincipalRef; }

    /** @return the underlying azuread application, for attributes this class does not expose */
    public Application application() { return application; }

    private record ServicePrincipalRef(String principalId, String grantKey) implements IPrincipal {
        @Override public PrincipalType principalType() { return PrincipalType.SERVICE_PRINCIPAL; }
    }
}
