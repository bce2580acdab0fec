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
import software.constructs.Construct;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

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
    private static final Pattern VALUE = Pattern.compile("[A-Za-z][A-Za-z0-9._-]{0,119}");

    /** Whether {@code value} is a valid scope or app-role value: a letter, then up to 119 letters, digits, . _ - (one rule for config and construct). */
    public static boolean isValidValue(String value) { return value != null && VALUE.matcher(value).matches(); }

    /** An app role, e.g. {@code Chat.Invoke} or one per department. */
    public record AppRole(String value, String displayName, String description, List<String> allowedMemberTypes) {
        public AppRole {
            if (value == null || !VALUE.matcher(value).matches())
                throw new IllegalArgumentException("app role value '" + value + "' must start with a letter: letters, digits, . _ -");
            displayName = Objects.requireNonNullElse(displayName, value);
            description = Objects.requireNonNullElse(description, "Call the Azure OpenAI platform as " + value);
            allowedMemberTypes = allowedMemberTypes == null ? List.of("User", "Application") : List.copyOf(allowedMemberTypes);
        }
    }

    /** A single-page app (browser) that signs users in and calls the API with the delegated scope. */
    public record SpaClient(String name, List<String> redirectUris) {
        public SpaClient {
            Objects.requireNonNull(name, "name is required");
            redirectUris = List.copyOf(redirectUris);
            for (String u : redirectUris)
                if (!isAllowedRedirectUri(u))
                    throw new IllegalArgumentException("SPA '" + name + "' redirect URI '" + u + "' must use https (or http://localhost)");
        }
    }

    /** A daemon (service) app that calls the API with an app role (client credentials). */
    public record DaemonClient(String name, String role) {
        public DaemonClient { Objects.requireNonNull(name, "name is required"); Objects.requireNonNull(role, "role is required"); }
    }

    /**
     * @param displayName API app display name.
     * @param scopeName   delegated scope; Defaults to: chat.
     * @param appRoles    app roles; Defaults to: one {@code Chat.Invoke} role for users and applications.
     * @param spaClients  SPA client registrations; Defaults to: none.
     * @param daemonClients daemon client registrations (each role must be one of appRoles); Defaults to: none.
     * @param groupClaims   put the caller's security groups in its tokens ({@code groups} claim), which department
     *                      membership by group needs; Defaults to: false.
     */
    public record Props(String displayName, String scopeName, List<AppRole> appRoles, List<SpaClient> spaClients,
                        List<DaemonClient> daemonClients, Boolean groupClaims) {
        public Props(String displayName, String scopeName, List<AppRole> appRoles, List<SpaClient> spaClients,
                     List<DaemonClient> daemonClients) {
            this(displayName, scopeName, appRoles, spaClients, daemonClients, null);
        }

        public Props {
            groupClaims = Objects.requireNonNullElse(groupClaims, false);
            Objects.requireNonNull(displayName, "displayName is required");
            scopeName = Objects.requireNonNullElse(scopeName, "chat");
            if (!VALUE.matcher(scopeName).matches()) throw new IllegalArgumentException("scopeName '" + scopeName + "' must start with a letter: letters, digits, . _ -");
            appRoles = appRoles == null || appRoles.isEmpty() ? List.of(new AppRole("Chat.Invoke", null, null, null)) : List.copyOf(appRoles);
            spaClients = spaClients == null ? List.of() : List.copyOf(spaClients);
            daemonClients = daemonClients == null ? List.of() : List.copyOf(daemonClients);
            Set<String> roles = new HashSet<>();
            for (AppRole r : appRoles) if (!roles.add(r.value())) throw new IllegalArgumentException("app role '" + r.value() + "' is defined twice");
            for (DaemonClient d : daemonClients)
                if (!roles.contains(d.role())) throw new IllegalArgumentException("daemon '" + d.name() + "' asks for role '" + d.role() + "', which is not one of " + roles);
        }
    }

    private final Application application;
    private final ServicePrincipal servicePrincipal;
    private final String scopeId;

    public EntraApiApplication(Construct scope, String id, Props props) {
        super(scope, id);
        this.scopeId = stableId("scope/" + props.scopeName());
        List<ApplicationAppRole> roles = new ArrayList<>();
        for (AppRole r : props.appRoles())
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

        for (SpaClient spa : props.spaClients()) {
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
        for (DaemonClient daemon : props.daemonClients()) {
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

    /** Redirect URIs must use https; plain http is accepted only for local development on localhost. */
    public static boolean isAllowedRedirectUri(String uri) {
        return uri.startsWith("https://") || uri.startsWith("http://localhost");
    }

    /** A UUID derived from the value, so scope and role ids never change between synths. */
    static String stableId(String value) {
        return UUID.nameUUIDFromBytes(("aoai-platform/" + value).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** The API's application (client) id: the audience of the tokens the gateway accepts. */
    public String clientId() { return application.getClientId(); }
    public String scopeId() { return scopeId; }
    public String servicePrincipalObjectId() { return servicePrincipal.getObjectId(); }
    public Application application() { return application; }
}
