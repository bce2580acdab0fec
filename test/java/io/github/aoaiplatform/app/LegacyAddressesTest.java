package io.github.aoaiplatform.app;

import io.github.aoaiplatform.testing.Synth;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LegacyAddressesTest {
    @Test
    void computesCdktfLogicalIdsLeavingDefaultOut() {
        // the address the prod golden file had before the AiGateway pattern
        assertThat(LegacyAddresses.logicalId(List.of("Gateway", "OpenAiUser-eastus"))).isEqualTo("Gateway_OpenAiUser-eastus_60585B63");
        assertThat(LegacyAddresses.logicalId(List.of("Gateway", "Default", "OpenAiUser-eastus"))).isEqualTo("Gateway_OpenAiUser-eastus_60585B63");
    }

    @Test
    void everyEnvironmentMovesEachGatewayGrantContentFilterAndTheLoggerFromItsOldAddress() {
        for (String environment : Synth.environments()) {
            var tf = Synth.environment(environment);
            var grants = Synth.all(tf, "azurerm_role_assignment").keySet().stream()
                    .filter(k -> k.contains("OpenAiUser-Gateway-Identity") || k.contains("DataSender-Gateway-Identity")).toList();
            var filters = Synth.all(tf, "azapi_resource").keySet().stream()
                    .filter(k -> k.contains("_ContentFilter-") && !k.contains("ContentFilter-platform-default")).toList();
            assertThat(tf.path("moved")).as(environment).hasSize(grants.size() + filters.size() + 1);
            tf.path("moved").forEach(m -> {
                if (m.path("from").asText().startsWith("azurerm_api_management_logger.")) {
                    assertThat(m.path("from").asText()).isEqualTo("azurerm_api_management_logger.Gateway_Logger_E41D3BC5");
                    assertThat(m.path("to").asText()).isEqualTo("azapi_resource.Gateway_Logger_E41D3BC5");
                    return;
                }
                if (m.path("to").asText().startsWith("azapi_resource.")) {
                    String filter = m.path("to").asText().substring("azapi_resource.".length());
                    assertThat(filters).contains(filter);
                    assertThat(m.path("from").asText()).as("same address, the azurerm type it had").isEqualTo("azurerm_cognitive_account_rai_policy." + filter);
                    return;
                }
                String from = m.path("from").asText();
                String to = m.path("to").asText().substring("azurerm_role_assignment.".length());
                assertThat(grants).contains(to);
                if (to.startsWith("UsageEventHub_")) assertThat(from).isEqualTo("azurerm_role_assignment.UsageEventHub_DataSender_0647D7BD");
                else assertThat(from).startsWith("azurerm_role_assignment.Gateway_OpenAiUser-");
            });
        }
    }
}
