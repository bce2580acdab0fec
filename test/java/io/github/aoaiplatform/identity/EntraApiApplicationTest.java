package io.github.aoaiplatform.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.hashicorp.cdktf.providers.azuread.provider.AzureadProvider;
import io.github.aoaiplatform.core.IPrincipal;
import io.github.aoaiplatform.core.InvalidPropsException;
import io.github.aoaiplatform.core.PrincipalType;
import io.github.aoaiplatform.core.PropsCheck;
import io.github.aoaiplatform.testing.SchemaConformance;
import io.github.aoaiplatform.testing.Synth;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EntraApiApplicationTest {
    static JsonNode synth(EntraApiApplicationProps props) {
        return Synth.of(s -> {
            AzureadProvider.Builder.create(s, "Azuread").build();
            new EntraApiApplication(s, "Api", props);
        });
    }

    @Test
    void registersTheApiWithScopeRolesV2TokensAndAssignmentRequired() {
        JsonNode tf = synth(EntraApiApplicationProps.builder().displayName("AOAI Platform (dev)").build());
        assertThat(SchemaConformance.violations(tf)).isEmpty();
        JsonNode app = Synth.single(tf, "azuread_application");
        String appAddress = "azuread_application." + Synth.all(tf, "azuread_application").keySet().iterator().next();
        assertThat(app.path("sign_in_audience").asText()).isEqualTo("AzureADMyOrg");
        assertThat(app.path("api").path("requested_access_token_version").asInt()).isEqualTo(2);
        JsonNode scope = app.path("api").path("oauth2_permission_scope").get(0);
        assertThat(scope.path("value").asText()).isEqualTo("chat");
        assertThat(scope.path("id").asText()).isEqualTo(EntraApiApplication.stableId("scope/chat"));
        assertThat(app.path("app_role").get(0).path("value").asText()).isEqualTo("Chat.Invoke");
        assertThat(Synth.single(tf, "azuread_application_identifier_uri").path("identifier_uri").asText())
                .isEqualTo("api://" + Synth.ref(appAddress, "client_id"));
        JsonNode sp = Synth.single(tf, "azuread_service_principal");
        assertThat(sp.path("client_id").asText()).isEqualTo(Synth.ref(appAddress, "client_id"));
        assertThat(sp.path("app_role_assignment_required").asBoolean()).isTrue();
    }

    @Test
    void clientAppsArePreAuthorizedForTheScopeOrAssignedTheRole() {
        JsonNode tf = synth(EntraApiApplicationProps.builder().displayName("AOAI").scopeName("chat")
                .appRoles(List.of(AppRoleOptions.of("Chat.Invoke"), AppRoleOptions.builder().value("Finance").allowedMemberTypes(List.of("Application")).build()))
                .spaClients(List.of(new SpaClientOptions("web", List.of("https://chat.contoso.example"))))
                .daemonClients(List.of(new DaemonClientOptions("batch", "Finance"))).build());
        assertThat(SchemaConformance.violations(tf)).isEmpty();
        assertThat(Synth.all(tf, "azuread_application")).hasSize(3);
        JsonNode pre = Synth.single(tf, "azuread_application_pre_authorized");
        assertThat(pre.path("permission_ids").get(0).asText()).isEqualTo(EntraApiApplication.stableId("scope/chat"));
        JsonNode assignment = Synth.single(tf, "azuread_app_role_assignment");
        assertThat(assignment.path("app_role_id").asText()).isEqualTo(EntraApiApplication.stableId("role/Finance"));
        Map<String, JsonNode> apps = Synth.all(tf, "azuread_application");
        assertThat(apps.values()).filteredOn(a -> a.has("single_page_application")).singleElement()
                .satisfies(a -> assertThat(a.path("required_resource_access").get(0).path("resource_access").get(0).path("type").asText()).isEqualTo("Scope"));
    }

    @Test
    void failsOnUnknownDaemonRoleDuplicateRoleBadValuesAndPlainHttpRedirectNamingEveryField() {
        assertThatThrownBy(() -> EntraApiApplicationProps.builder().displayName("A").scopeName("1chat")
                .appRoles(List.of(AppRoleOptions.of("X"), AppRoleOptions.of("X"), AppRoleOptions.builder().value("Y")
                        .allowedMemberTypes(List.of("Group")).build(), AppRoleOptions.of("bad value")))
                .spaClients(List.of(new SpaClientOptions("web", List.of("http://chat.contoso.example")), new SpaClientOptions("empty", null)))
                .daemonClients(List.of(new DaemonClientOptions("d", "Admin"))).build())
                .isInstanceOf(InvalidPropsException.class)
                .satisfies(e -> assertThat(((InvalidPropsException) e).problems()).extracting(InvalidPropsException.Problem::field).containsExactly(
                        "scopeName", "appRoles[1].value", "appRoles[2].allowedMemberTypes", "appRoles[3].value",
                        "spaClients[0].redirectUris", "spaClients[1].redirectUris", "daemonClients[0].role"))
                .hasMessageContaining("EntraApiApplicationProps.appRoles[1].value: 'X' is defined twice")
                .hasMessageContaining("EntraApiApplicationProps.spaClients[0].redirectUris: 'http://chat.contoso.example' must use https")
                .hasMessageContaining("EntraApiApplicationProps.daemonClients[0].role: 'Admin' is not one of the app roles [X, Y]");
        assertThatThrownBy(() -> EntraApiApplicationProps.builder().build()).hasMessageContaining("EntraApiApplicationProps.displayName: is required");
    }

    @Test
    void localhostMayUsePlainHttp() {
        assertThat(EntraApiApplicationProps.builder().displayName("A")
                .spaClients(List.of(new SpaClientOptions("dev", List.of("http://localhost:5173")))).build().spaClients()).hasSize(1);
    }

    @Test
    void propsKeepImmutableCopiesOfTheCallersLists() {
        List<AppRoleOptions> roles = new ArrayList<>(List.of(AppRoleOptions.of("Chat.Invoke")));
        List<String> uris = new ArrayList<>(List.of("https://chat.contoso.example"));
        var props = EntraApiApplicationProps.builder().displayName("A").appRoles(roles)
                .spaClients(List.of(new SpaClientOptions("web", uris))).build();
        roles.add(AppRoleOptions.of("Admin"));
        uris.add("http://evil.example");
        assertThat(props.appRoles()).extracting(AppRoleOptions::value).containsExactly("Chat.Invoke");
        assertThat(props.spaClients().get(0).redirectUris()).containsExactly("https://chat.contoso.example");
        assertThatThrownBy(() -> props.appRoles().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void theServicePrincipalIsAPrincipalThatCanBeGrantedRoles() {
        Synth.of(s -> {
            AzureadProvider.Builder.create(s, "Azuread").build();
            var api = new EntraApiApplication(s, "Api", EntraApiApplicationProps.builder().displayName("A").build());
            IPrincipal sp = api.servicePrincipal();
            assertThat(sp.principalType()).isEqualTo(PrincipalType.SERVICE_PRINCIPAL);
            assertThat(sp.grantKey()).isEqualTo("Api");
            assertThat(PropsCheck.isToken(sp.principalId())).as("a reference to the service principal's object id").isTrue();
        });
    }
}
