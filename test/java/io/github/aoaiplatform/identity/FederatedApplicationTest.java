package io.github.aoaiplatform.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.hashicorp.cdktf.providers.azuread.provider.AzureadProvider;
import io.github.aoaiplatform.core.InvalidPropsException;
import io.github.aoaiplatform.testing.SchemaConformance;
import io.github.aoaiplatform.testing.Synth;
import org.junit.jupiter.api.Test;
import software.constructs.RootConstruct;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FederatedApplicationTest {
    static final String TENANT = "11111111-1111-1111-1111-111111111111";
    static final String IDENTITY_ID = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/"
            + "Microsoft.ManagedIdentity/userAssignedIdentities/id-gateway";

    @Test
    void aMultiTenantAppTrustsTheIdentityWithAFederatedCredentialAndNoSecret() {
        JsonNode tf = Synth.of(s -> {
            AzureadProvider.Builder.create(s, "Azuread").build();
            var identity = UserAssignedIdentity.fromAttributes(s, "Identity", IDENTITY_ID, "22222222-2222-2222-2222-222222222222",
                    "33333333-3333-3333-3333-333333333333");
            new FederatedApplication(s, "TenantApp", FederatedApplicationProps.builder().displayName("Tenant access")
                    .trustedIdentity(identity).tenantId(TENANT).build());
        });
        assertThat(SchemaConformance.violations(tf)).isEmpty();
        JsonNode app = Synth.single(tf, "azuread_application");
        assertThat(app.path("sign_in_audience").asText()).isEqualTo("AzureADMultipleOrgs");
        JsonNode credential = Synth.single(tf, "azuread_application_federated_identity_credential");
        assertThat(credential.path("issuer").asText()).isEqualTo("https://login.microsoftonline.com/" + TENANT + "/v2.0");
        assertThat(credential.path("subject").asText()).isEqualTo("22222222-2222-2222-2222-222222222222");
        assertThat(credential.path("audiences")).extracting(JsonNode::asText).containsExactly(FederatedApplication.TOKEN_EXCHANGE_AUDIENCE);
        assertThat(credential.path("application_id").asText())
                .isEqualTo(Synth.ref("azuread_application." + Synth.all(tf, "azuread_application").keySet().iterator().next(), "id"));
        assertThat(tf.path("resource").fieldNames()).toIterable().noneMatch(t -> t.contains("password") || t.contains("certificate"));
    }

    @Test
    void failsNamingEveryBadField() {
        assertThatThrownBy(() -> FederatedApplicationProps.builder().displayName("x".repeat(121)).tenantId("contoso.com").build())
                .isInstanceOf(InvalidPropsException.class)
                .hasMessageContaining("FederatedApplicationProps.displayName").hasMessageContaining("FederatedApplicationProps.trustedIdentity")
                .hasMessageContaining("FederatedApplicationProps.tenantId");
        var identity = UserAssignedIdentity.fromAttributes(new RootConstruct("r"), "Identity", IDENTITY_ID, null,
                "33333333-3333-3333-3333-333333333333");
        var props = FederatedApplicationProps.builder().displayName("x").trustedIdentity(identity).tenantId(TENANT).build();
        assertThatThrownBy(() -> Synth.of(st -> new FederatedApplication(st, "App", props))).hasMessageContaining("without a principal id");
    }
}
