package io.github.aoaiplatform.apim;

import com.hashicorp.cdktf.TerraformProvider;
import com.hashicorp.cdktf.providers.azurerm.api_management_api_diagnostic.ApiManagementApiDiagnostic;
import io.github.aoaiplatform.azapi.AzapiUpdateResource;
import io.github.aoaiplatform.azapi.AzapiUpdateResourceProps;
import software.constructs.Construct;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Turns on {@code metrics} on an Application Insights API diagnostic that azurerm manages: without it API Management
 * drops the custom metrics of {@code azure-openai-emit-token-metric} (the token counts chargeback reads), and azurerm 4.55
 * has no attribute for it. A typed {@code azapi_update_resource} on the diagnostic's id. Child id: {@code Resource}.
 */
public final class DiagnosticMetrics extends Construct {
    public static final String TYPE = "Microsoft.ApiManagement/service/apis/diagnostics@2024-06-01-preview";

    private final AzapiUpdateResource resource;

    public DiagnosticMetrics(Construct scope, String id, TerraformProvider azapi, ApiManagementApiDiagnostic diagnostic) {
        super(scope, id);
        Objects.requireNonNull(diagnostic, "diagnostic is required");
        resource = new AzapiUpdateResource(this, "Resource", AzapiUpdateResourceProps.builder().provider(azapi).type(TYPE)
                .resourceId(diagnostic.getId()).body(Map.of("properties", Map.of("metrics", true))).dependsOn(List.of(diagnostic)).build());
    }

    public AzapiUpdateResource resource() { return resource; }
}
