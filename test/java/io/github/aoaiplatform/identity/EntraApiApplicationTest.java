package io.github.aoaiplatform.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.hashicorp.cdktf.providers.azuread.provider.AzureadProvider;
import io.github.aoaiplatform.testing.SchemaConformance;
import io.github.aoaiplatform.testing.Synth;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EntraApiApplicationTest {
    static JsonNode synth(EntraApiApplication.Props props) {
        return Synth.of(s -> {
            AzureadProvider.Builder.create(s, "Azuread").build();
            new EntraApiApplication(s, "Api", props);
        });
    }

    @Test
    void registersTheApiWithScopeRolesV2TokensAndAssignmentRequired() {
        JsonNode tf = synth(new EntraApiApplication.Props("AOAI Platform (dev)", null, null, null, null));
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
        JsonNode tf = synth(new EntraApiApplication.Props("AOAI", "chat",
                List.of(new EntraApiApplication.AppRole("Chat.Invoke", null, null, null), new EntraApiApplication.AppRole("Finance", null, null, List.of("Application"))),
                List.of(new EntraApiApplication.SpaClient("web", List.of("https://chat.contoso.example"))),
                List.of(new EntraApiApplication.DaemonClient("batch", "Finance"))));
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
    void failsOnUnknownDaemonRoleDuplicateRoleAndPlainHttpRedirect() {
        assertThatThrownBy(() -> new EntraApiApplication.Props("A", null, null, null, List.of(new EntraApiApplication.DaemonClient("d", "Admin"))))
                .hasMessageContaining("daemon 'd' asks for role 'Admin'");
        assertThatThrownBy(() -> new EntraApiApplication.Props("A", null, List.of(new EntraApiApplication.AppRole("X", null, null, null),
                new EntraApiApplication.AppRole("X", null, null, null)), null, null)).hasMessageContaining("'X' is defined twice");
        assertThatThrownBy(() -> new EntraApiApplication.SpaClient("web", List.of("http://chat.contoso.example")))
                .hasMessageContaining("must use https");
    }
}
