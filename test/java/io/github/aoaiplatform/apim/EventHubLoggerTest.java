package io.github.aoaiplatform.apim;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.aoaiplatform.core.DiagnosticSettings;
import io.github.aoaiplatform.monitoring.MonitoringFixtures;
import io.github.aoaiplatform.monitoring.UsageEventHub;
import io.github.aoaiplatform.monitoring.UsageEventHubProps;
import io.github.aoaiplatform.testing.Synth;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventHubLoggerTest {
    static String address(JsonNode tf, String type) { return type + "." + Synth.all(tf, type).keySet().iterator().next(); }

    @Test
    void loggerWritesWithTheManagedIdentityAfterTheRoleIsGranted() {
        JsonNode tf = Synth.of(s -> {
            var hub = new UsageEventHub(s, "Usage", UsageEventHubProps.builder().namespaceName("evhns-test-x")
                    .resourceGroup(MonitoringFixtures.resourceGroup(s)).privateEndpoints(List.of(MonitoringFixtures.endpoint(s, List.of())))
                    .diagnostics(DiagnosticSettings.toWorkspace(MonitoringFixtures.workspace(s))).build());
            var apim = ApiGateway.fromResourceId(s, "Apim", GatewayFixtures.IDS.replace("/rg/", "/rg-apim/")
                    + "Microsoft.ApiManagement/service/apim-x", GatewayFixtures.identity(s));
            EventHubLogger.create(hub, "Logger", EventHubLoggerProps.builder().apiManagement(apim).eventHub(hub).build());
        });
        JsonNode logger = Synth.single(tf, "azurerm_api_management_logger");
        assertThat(logger.path("name").asText()).isEqualTo(EventHubLogger.NAME);
        assertThat(logger.path("description").asText()).endsWith("to Event Hub aoai-usage");
        assertThat(logger.path("api_management_name").asText()).isEqualTo("apim-x");
        assertThat(logger.path("resource_group_name").asText()).isEqualTo("rg-apim");
        JsonNode eh = logger.path("eventhub");
        assertThat(eh.path("name").asText()).isEqualTo(Synth.ref(address(tf, "azurerm_eventhub"), "name"));
        assertThat(eh.path("endpoint_uri").asText()).isEqualTo(Synth.ref(address(tf, "azurerm_eventhub_namespace"), "name") + ".servicebus.windows.net");
        assertThat(eh.path("user_assigned_identity_client_id").asText()).isEqualTo(GatewayFixtures.GUID);
        JsonNode sender = Synth.single(tf, "azurerm_role_assignment");
        assertThat(sender.path("role_definition_name").asText()).isEqualTo(UsageEventHub.SENDER_ROLE);
        assertThat(sender.path("principal_id").asText()).isEqualTo(GatewayFixtures.GUID);
        assertThat(eh.has("connection_string")).isFalse();
        assertThat(logger.path("depends_on")).extracting(JsonNode::asText).containsExactly(address(tf, "azurerm_role_assignment"));
        assertThat(Synth.all(tf, "azurerm_api_management_logger").keySet()).singleElement().asString().startsWith("Usage_Logger_");
    }

    @Test
    void failsWithoutTheHubOrTheServiceNamingTheFields() {
        assertThatThrownBy(() -> EventHubLoggerProps.builder().build())
                .hasMessageContaining("EventHubLoggerProps.apiManagement: is required")
                .hasMessageContaining("EventHubLoggerProps.eventHub: is required");
    }
}
