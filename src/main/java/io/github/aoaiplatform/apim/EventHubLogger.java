package io.github.aoaiplatform.apim;

import com.hashicorp.cdktf.providers.azurerm.api_management_logger.ApiManagementLogger;
import com.hashicorp.cdktf.providers.azurerm.api_management_logger.ApiManagementLoggerEventhub;
import com.hashicorp.cdktf.providers.azurerm.role_assignment.RoleAssignment;
import io.github.aoaiplatform.monitoring.UsageEventHub;
import software.constructs.Construct;

import java.util.List;
import java.util.Objects;

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
     * @param apiManagementName              the API Management service that gets the logger. Required.
     * @param apiManagementResourceGroupName its resource group. Required.
     * @param eventHub                       the usage Event Hub. Required.
     * @param identityClientId               client id of the user-assigned identity the logger authenticates with: the
     *                                       hub's sender. Required.
     * @param sendPermission                 that identity's role assignment on the hub
     *                                       ({@link UsageEventHub#grantSend}); the logger is created after it. Required.
     */
    public record Props(String apiManagementName, String apiManagementResourceGroupName, UsageEventHub eventHub,
                        String identityClientId, RoleAssignment sendPermission) {
        public Props {
            Objects.requireNonNull(apiManagementName, "apiManagementName is required");
            Objects.requireNonNull(apiManagementResourceGroupName, "apiManagementResourceGroupName is required");
            Objects.requireNonNull(eventHub, "eventHub is required");
            Objects.requireNonNull(identityClientId, "identityClientId is required: the logger authenticates with a managed identity");
            Objects.requireNonNull(sendPermission, "sendPermission is required: the logger must wait for the identity's role on the hub");
        }
    }

    /**
     * Creates the logger.
     *
     * @param scope where the logger goes (its id is part of the Terraform address)
     * @param id    the construct id
     * @param props the logger's settings
     * @return the logger; use {@code getName()} as the policy's {@code logger-id} so the policy is created after it
     */
    public static ApiManagementLogger create(Construct scope, String id, Props props) {
        return ApiManagementLogger.Builder.create(scope, id)
                .name(NAME)
                .apiManagementName(props.apiManagementName())
                .resourceGroupName(props.apiManagementResourceGroupName())
                .description("Usage records (one per Azure OpenAI call) to Event Hub " + UsageEventHub.EVENT_HUB_NAME)
                .eventhub(ApiManagementLoggerEventhub.builder()
                        .name(props.eventHub().eventHubName())
                        .endpointUri(props.eventHub().namespaceName() + ".servicebus.windows.net")
                        .userAssignedIdentityClientId(props.identityClientId())
                        .build())
                .dependsOn(List.of(props.sendPermission()))
                .build();
    }
}
