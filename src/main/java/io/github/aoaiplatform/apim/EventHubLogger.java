package io.github.aoaiplatform.apim;

import com.hashicorp.cdktf.providers.azurerm.api_management_logger.ApiManagementLogger;
import com.hashicorp.cdktf.providers.azurerm.api_management_logger.ApiManagementLoggerEventhub;
import io.github.aoaiplatform.monitoring.UsageEventHub;
import software.constructs.Construct;

import java.util.List;

/**
 * An API Management logger that writes to an Event Hub with a user-assigned managed identity (no connection string):
 * what the {@code log-to-eventhub} policy sends usage records through.
 *
 * <p>The {@code endpoint_uri} is the namespace host name {@code <namespace>.servicebus.windows.net} without a scheme:
 * azurerm passes it unchanged as the logger's {@code credentials.endpointAddress}, which API Management documents in
 * that form (as do azurerm's own acceptance tests).
 */
public final class EventHubLogger {
    private EventHubLogger() {}

    /** The logger's name: the {@code logger-id} of {@code log-to-eventhub}. */
    public static final String NAME = "usage-eventhub";

    /**
     * Creates the logger.
     *
     * @param scope where the logger goes (its id is part of the Terraform address)
     * @param id    the construct id
     * @param props the logger's settings
     * @return the logger; use {@code getName()} as the policy's {@code logger-id} so the policy is created after it
     */
    public static ApiManagementLogger create(Construct scope, String id, EventHubLoggerProps props) {
        return ApiManagementLogger.Builder.create(scope, id)
                .name(NAME)
                .apiManagementName(props.apiManagement().name())
                .resourceGroupName(props.apiManagement().resourceGroupName())
                .description("Usage records (one per Azure OpenAI call) to Event Hub " + UsageEventHub.EVENT_HUB_NAME)
                .eventhub(ApiManagementLoggerEventhub.builder()
                        .name(props.eventHub().eventHubName())
                        .endpointUri(props.eventHub().namespaceName() + ".servicebus.windows.net")
                        .userAssignedIdentityClientId(props.apiManagement().identity().clientId())
                        .build())
                .dependsOn(List.of(props.eventHub().grantSend(props.apiManagement().identity())))
                .build();
    }
}
