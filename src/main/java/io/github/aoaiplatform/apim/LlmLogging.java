package io.github.aoaiplatform.apim;

import com.hashicorp.cdktf.ITerraformDependable;
import com.hashicorp.cdktf.TerraformProvider;
import io.github.aoaiplatform.azapi.AzapiResource;
import io.github.aoaiplatform.azapi.AzapiResourceProps;
import io.github.aoaiplatform.azapi.AzapiResourceProps;
import software.constructs.Construct;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Logs every prompt and completion of an API (streamed responses included) to Azure Monitor: an API diagnostic
 * on APIM's built-in {@code azuremonitor} logger with the {@code largeLanguageModel} block, which azurerm 4.55
 * cannot express (hence a typed azapi resource). The records land in the workspace that receives the gateway's
 * diagnostic settings (table {@code ApiManagementGatewayLlmLog}), next to the request logs.
 * Child id: {@code Resource}.
 */
public final class LlmLogging extends Construct {
    public static final String TYPE = "Microsoft.ApiManagement/service/apis/diagnostics@2024-06-01-preview";
    /** The most APIM logs per message. */
    public static final int MAX_BYTES = 262144;

    /**
     * @param gatewayId      API Management resource id.
     * @param apiName        the API's name (e.g. {@code azure-openai}).
     * @param maxSizeInBytes largest prompt/completion logged per message, 1-262144; Defaults to: 262144.
     * @param dependsOn      the API resource (the diagnostic needs it); Defaults to: none.
     */
    public record Props(String gatewayId, String apiName, Integer maxSizeInBytes, List<ITerraformDependable> dependsOn) {
        public Props {
            Objects.requireNonNull(gatewayId, "gatewayId is required");
            Objects.requireNonNull(apiName, "apiName is required");
            maxSizeInBytes = Objects.requireNonNullElse(maxSizeInBytes, MAX_BYTES);
            if (maxSizeInBytes < 1 || maxSizeInBytes > MAX_BYTES)
                throw new IllegalArgumentException("LLM log size " + maxSizeInBytes + " must be between 1 and " + MAX_BYTES + " bytes");
            dependsOn = dependsOn == null ? List.of() : List.copyOf(dependsOn);
        }
    }

    private final AzapiResource resource;

    public LlmLogging(Construct scope, String id, TerraformProvider azapi, Props props) {
        super(scope, id);
        Map<String, Object> messages = Map.of("messages", "all", "maxSizeInBytes", props.maxSizeInBytes());
        resource = new AzapiResource(this, "Resource", AzapiResourceProps.builder().provider(azapi).type(TYPE).name("azuremonitor")
                .parentId(props.gatewayId() + "/apis/" + props.apiName())
                .body(Map.of("properties", Map.of(
                        "loggerId", props.gatewayId() + "/loggers/azuremonitor",
                        "alwaysLog", "allErrors",
                        "logClientIp", true,
                        "verbosity", "information",
                        "sampling", Map.of("samplingType", "fixed", "percentage", 100),
                        "largeLanguageModel", Map.of("logs", "enabled", "requests", messages, "responses", messages))))
                .schemaValidation(false).dependsOn(props.dependsOn()).build());
    }

    public AzapiResource resource() { return resource; }
}
