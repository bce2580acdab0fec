package io.github.aoaiplatform.dns;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.aoaiplatform.testing.SchemaConformance;
import io.github.aoaiplatform.testing.Synth;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PrivateDnsZonesTest {
    static final String HUB_OPENAI = "/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/dns/providers/Microsoft.Network/privateDnsZones/privatelink.openai.azure.com";

    @Test
    void createsAndLinksEveryZoneNotOwnedByTheHub() {
        JsonNode tf = Synth.of(s -> new PrivateDnsZones(s, "Dns", new PrivateDnsZones.Props(
                new LinkedHashSet<>(DnsZoneCatalogue.forOpenAi(true)), Map.of(), "vnet-id", "rg", "link", Map.of())));
        assertThat(Synth.all(tf, "azurerm_private_dns_zone").values()).extracting(z -> z.path("name").asText())
                .containsExactlyInAnyOrder("privatelink.openai.azure.com", "privatelink.cognitiveservices.azure.com", "privatelink.services.ai.azure.com");
        assertThat(Synth.all(tf, "azurerm_private_dns_zone_virtual_network_link").values()).hasSize(3)
                .allSatisfy(l -> {
                    assertThat(l.path("virtual_network_id").asText()).isEqualTo("vnet-id");
                    assertThat(l.path("registration_enabled").asBoolean(true)).isFalse();
                });
        assertThat(SchemaConformance.violations(tf)).isEmpty();
    }

    @Test
    void usesTheHubsZoneIdsWithoutCreatingThem() {
        PrivateDnsZones[] zones = new PrivateDnsZones[1];
        JsonNode tf = Synth.of(s -> zones[0] = new PrivateDnsZones(s, "Dns", new PrivateDnsZones.Props(
                new LinkedHashSet<>(DnsZoneCatalogue.forOpenAi(false)), Map.of(DnsZoneCatalogue.OPENAI, HUB_OPENAI), "vnet", "rg", "link", Map.of())));
        assertThat(zones[0].zoneId(DnsZoneCatalogue.OPENAI)).isEqualTo(HUB_OPENAI);
        assertThat(Synth.all(tf, "azurerm_private_dns_zone").values()).extracting(z -> z.path("name").asText())
                .containsExactly("privatelink.cognitiveservices.azure.com");
    }

    @Test
    void catalogueHasTheZonesThePlatformNeeds() {
        assertThat(DnsZoneCatalogue.all()).contains("privatelink.openai.azure.com", "privatelink.cognitiveservices.azure.com",
                "privatelink.services.ai.azure.com", "privatelink.azure-api.net", "azure-api.net", "management.azure-api.net",
                "privatelink.vaultcore.azure.net", "privatelink.monitor.azure.com", "privatelink.oms.opinsights.azure.com",
                "privatelink.blob.core.windows.net");
        assertThat(DnsZoneCatalogue.forApiManagement(false)).containsExactly("privatelink.azure-api.net");
        assertThat(DnsZoneCatalogue.forApiManagement(true)).contains("azure-api.net", "scm.azure-api.net");
    }

    @Test
    void failsOnHubIdsOfTheWrongZoneOrType() {
        assertThat(PrivateDnsZones.validate(Map.of(DnsZoneCatalogue.OPENAI, HUB_OPENAI.replace("privatelink.openai", "privatelink.blob"))))
                .containsExactly("dns.existingZoneIds.privatelink.openai.azure.com: the id names zone 'privatelink.blob.azure.com', not 'privatelink.openai.azure.com'");
        assertThat(PrivateDnsZones.validate(Map.of(DnsZoneCatalogue.OPENAI, HUB_OPENAI.replace("privateDnsZones", "dnsZones"))))
                .singleElement().asString().contains("expected a Microsoft.Network/privateDnsZones id");
        assertThatThrownBy(() -> new PrivateDnsZones.Props(new LinkedHashSet<>(List.of("example.com")), null, "v", "rg", "l", null))
                .hasMessageContaining("zone 'example.com' is not in the catalogue");
    }
}
