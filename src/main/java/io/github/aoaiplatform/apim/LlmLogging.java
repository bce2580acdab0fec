package io.github.aoaiplatform.apim;

import io.github.aoaiplatform.azapi.AzapiResource;
import io.github.aoaiplatform.azapi.AzapiResourceProps;
import software.constructs.Construct;

import java.util.List;
import java.util.Map;

/**
 * Logs every prompt and completion of an API (streamed responses included) to Azure Monitor: an API diagnostic
 * on APIM's built-in {@code azuremonitor} logger with the {@code largeLanguageModel} block, which azurerm 4.55
 * cannot express (hence a typed azapi resource). The records land in the workspace that receives the gateway's
 * diagnostic settings (table {@code ApiManagementGatewayLlmLog}), next to the request logs.
 * Child id: {@code Resource}.
 */
public final class LlmLogging extends Construct {
    /** The azapi resource type and API version of the diagnostic. */
    public static final String TYPE = "Microsoft.ApiManagement/service/apis/diagnostics@2024-06-01-preview";
    /** The Log Analytics table the records land in (resource-specific mode). */
    public static final String TABLE = "ApiManagementGatewayLlmLog";
    /** The most APIM logs per message. */
    public static final int MAX_BYTES = 262144;

    private final AzapiResource resource;

    /**
     * Turns on prompt and completion logging for the API.
     *
     * @param scope the parent construct
     * @param id    the construct id
     * @param props the API and the size limit
     */
    public LlmLogging(Construct scope, String id, LlmLoggingProps props) {
        super(scope, id);
        String apiManagementId = props.api().apiManagement().resourceId();
        Map<String, Object> messages = Map.of("messages", "all", "maxSizeInBytes", props.maxSizeInBytes());
        resource = new AzapiResource(this, "Resource", AzapiResourceProps.builder().provider(props.azapi()).type(TYPE)
                .name("azuremonitor").parentId(apiManagementId + "/apis/" + props.api().apiName())
                .body(Map.of("properties", Map.of(
                        "loggerId", apiManagementId + "/loggers/azuremonitor",
                        "alwaysLog", "allErrors",
                        "logClientIp", true,
                        "verbosity", "information",
                        "sampling", Map.of("samplingType", "fixed", "percentage", 100),
                        "largeLanguageModel", Map.of("logs", "enabled", "requests", messages, "responses", messages))))
                .schemaValidation(false).dependsOn(List.of(props.api().api())).build());
    }

    /** @return the azapi resource */
    public AzapiResource resource() { return resource; }
}
