package io.github.aoaiplatform.apim;

import io.github.aoaiplatform.apim.policy.CacheStoreValue;
import io.github.aoaiplatform.apim.policy.SendRequest;
import io.github.aoaiplatform.core.InvalidPropsException;
import io.github.aoaiplatform.core.PrivateEndpointProps;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The tenancy inputs of the product and API policies, and their rules. */
class TenantPolicyTest {
    static DepartmentPolicyProps.Builder tenant() {
        return DepartmentPolicyProps.builder().name("contoso").tokensPerMinute(1000).allowedDeployments(List.of("contoso-gpt-4o"));
    }

    @Test
    void aTenantWithItsOwnAccountIsAdmittedToFilesAndBatchesAndNamesItsBackend() {
        String xml = DepartmentPolicy.document(tenant().accountBackendId("aoai-contoso-eus").build(), DefaultPolicyTest.base().build()).toXml();
        assertThat(xml).contains("!(" + DepartmentPolicy.ACCOUNT_OPERATION_CONDITION.replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;") + " || ")
                .contains("<set-variable name=\"" + DefaultPolicy.TENANT_BACKEND_VARIABLE + "\" value=\"aoai-contoso-eus\"/>")
                .doesNotContain("AccountOperationNotAllowed");
        String shared = DepartmentPolicy.document(tenant().accountOperations(false).build(), DefaultPolicyTest.base().build()).toXml();
        assertThat(shared).contains("AccountOperationNotAllowed").doesNotContain(DefaultPolicy.TENANT_BACKEND_VARIABLE);
        assertThat(DepartmentPolicy.document(tenant().build(), DefaultPolicyTest.base().build()).toXml()).doesNotContain("AccountOperationNotAllowed");
        assertThat(DepartmentPolicy.ACCOUNT_OPERATION_CONDITION).as("the calls that name no deployment")
                .isEqualTo(DefaultPolicy.DEPLOYMENT_EXPRESSION + " == \"" + DefaultPolicy.NO_DEPLOYMENT + "\"");
    }

    @Test
    void theApiSendsAProductsBackendTokenAndRoutesToAProductsBackendOnlyWhenAsked() {
        var props = DefaultPolicy.Props.builder().tenantId("11111111-1111-1111-1111-111111111111")
                .audienceAppId("22222222-2222-2222-2222-222222222222").tokensPerMinutePerUser(1000).defaultBackendId("aoai-eastus")
                .identityClientId("{{uami-client-id}}");
        String plain = DefaultPolicy.document(props.build()).toXml();
        assertThat(plain).doesNotContain(DefaultPolicy.BACKEND_TOKEN_VARIABLE).doesNotContain(DefaultPolicy.TENANT_BACKEND_VARIABLE);
        String tenants = DefaultPolicy.document(props.backendTokensFromProducts(true).tenantBackends(true).build()).toXml();
        assertThat(tenants).contains("<when condition=\"@(context.Variables.ContainsKey(&quot;" + DefaultPolicy.BACKEND_TOKEN_VARIABLE + "&quot;))\">")
                .contains("backend-id=\"@((string)context.Variables.GetValueOrDefault(&quot;" + DefaultPolicy.TENANT_BACKEND_VARIABLE
                        + "&quot;, &quot;aoai-eastus&quot;))\"");
    }

    @Test
    void failsOnBadTenancyInputsNamingTheField() {
        assertThatThrownBy(() -> tenant().accountOperations(false).accountBackendId("aoai-x").build())
                .isInstanceOf(InvalidPropsException.class).hasMessageContaining("DepartmentPolicyProps.accountBackendId");
        assertThatThrownBy(() -> FederatedTokenOptions.builder().tenantId("contoso.com").build())
                .isInstanceOf(InvalidPropsException.class).hasMessageContaining("FederatedTokenOptions.tenantId")
                .hasMessageContaining("FederatedTokenOptions.clientId").hasMessageContaining("FederatedTokenOptions.identityClientId");
        assertThatThrownBy(() -> PrivateEndpointProps.builder().approvalRequest("x".repeat(141)).build())
                .isInstanceOf(InvalidPropsException.class).hasMessageContaining("PrivateEndpointProps.approvalRequest");
        assertThatThrownBy(() -> SendRequest.postForm("r", "http://login.microsoftonline.com/t/oauth2/v2.0/token", "a=b", 20))
                .hasMessageContaining("https");
        assertThatThrownBy(() -> SendRequest.postForm("r", "https://login.microsoftonline.com/t", "a=b", 0)).hasMessageContaining("timeout");
        assertThatThrownBy(() -> CacheStoreValue.of("k", "v", 0)).hasMessageContaining("duration");
    }
}
