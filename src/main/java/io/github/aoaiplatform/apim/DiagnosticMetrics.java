package io.github.aoaiplatform.apim;

import io.github.aoaiplatform.azapi.AzapiUpdateResource;
import io.github.aoaiplatform.azapi.AzapiUpdateResourceProps;
import software.constructs.Construct;

import java.util.List;
import java.util.Map;

/**
 * Turns on {@code metrics} on an Application Insights API diagnostic that azurerm manages: without it API Management
 * drops the custom metrics of {@code azure-openai-emit-token-metric} (the token counts chargeback reads), and azurerm 4.55
 * has no attribute for it. A typed {@code azapi_update_resource} on the diagnostic's id. Child id: {@code Resource}.
 */
public final class DiagnosticMetrics extends Construct {
    /** The azapi resource type and API version of the diagnostic. */
    public static final String TYPE = "Microsoft.ApiManagement/service/apis/diagnostics@2024-06-01-preview";

    private final AzapiUpdateResource resource;

    /**
     * Switches the metrics on.
     *
     * @param scope the parent construct
     * @param id    the construct id
     * @param props the diagnostic and the azapi provider
     */
    public DiagnosticMetrics(Construct scope, String id, DiagnosticMetricsProps props) {
        super(scope, id);
        resource = new AzapiUpdateResource(this, "Resource", AzapiUpdateResourceProps.builder().provider(props.azapi())
                .type(TYPE).resourceId(props.diagnostic().getId()).body(Map.of("properties", Map.of("metrics", true)))
                .dependsOn(List.of(props.diagnostic())).build());
    }

    /** @return the azapi update resource */
    public AzapiUpdateResource resource() { return resource; }
}
