package io.github.aoaiplatform.dns;

import com.fasterxml.jackson.databind.JsonNode;
import com.hashicorp.cdktf.Token;
import io.github.aoaiplatform.core.IPrivateDnsZone;
import io.github.aoaiplatform.core.InvalidPropsException;
import io.github.aoaiplatform.core.ResourceGroup;
import io.github.aoaiplatform.network.SubnetRole;
import io.github.aoaiplatform.network.VirtualNetwork;
import io.github.aoaiplatform.testing.SchemaConformance;
import io.github.aoaiplatform.testing.Synth;
import org.junit.jupiter.api.Test;
import software.constructs.Construct;
import software.constructs.RootConstruct;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PrivateDnsZonesTest {
    static final String SUB = "/subscriptions/11111111-2222-3333-4444-555555555555";
    static final String HUB_OPENAI = SUB + "/resourceGroups/dns/providers/Microsoft.Network/privateDnsZones/privatelink.openai.azure.com";
    static final String VNET = SUB + "/resourceGroups/spoke/providers/Microsoft.Network/virtualNetworks/vnet-spoke";

    static PrivateDnsZonesProps.Builder props(Construct scope, List<String> zones) {
        return PrivateDnsZonesProps.builder()
                .zones(zones)
                .virtualNetwork(VirtualNetwork.fromResourceId(scope, "Network", VNET, "japaneast",
                        Map.of(SubnetRole.GATEWAY, VNET + "/subnets/apim", SubnetRole.PRIVATE_ENDPOINTS, VNET + "/subnets/pe")))
                .resourceGroup(ResourceGroup.fromName(scope, "Rg", "rg", "japaneast"))
                .linkName("link");
    }

    @Test
    void createsAndLinksEveryZoneNotOwnedByTheHub() {
        PrivateDnsZones[] dns = new PrivateDnsZones[1];
        JsonNode tf = Synth.of(s -> dns[0] = new PrivateDnsZones(s, "Dns", props(s, DnsZoneCatalogue.forOpenAi(true)).build()));
        assertThat(Synth.all(tf, "azurerm_private_dns_zone").keySet()).as("the zone's Default child is not in its address")
                .allMatch(address -> address.matches("Dns_Zone-[a-z]+_[0-9A-F]{8}"));
        assertThat(Synth.all(tf, "azurerm_private_dns_zone").values()).extracting(z -> z.path("name").asText())
                .containsExactlyInAnyOrder("privatelink.openai.azure.com", "privatelink.cognitiveservices.azure.com", "privatelink.services.ai.azure.com");
        assertThat(Synth.all(tf, "azurerm_private_dns_zone_virtual_network_link").values()).hasSize(3)
                .allSatisfy(l -> {
                    assertThat(l.path("virtual_network_id").asText()).isEqualTo(VNET);
                    assertThat(l.path("registration_enabled").asBoolean(true)).isFalse();
                    assertThat(l.path("private_dns_zone_name").asText()).startsWith("${azurerm_private_dns_zone.");
                });
        IPrivateDnsZone openAi = dns[0].zone(DnsZoneCatalogue.OPENAI);
        assertThat(openAi.zoneName()).isEqualTo(DnsZoneCatalogue.OPENAI);
        assertThat(Token.isUnresolved(openAi.zoneNameReference())).as("records wait for the zone").isTrue();
        assertThat(Token.isUnresolved(openAi.resourceId())).isTrue();
        assertThat(dns[0].createdZones()).containsOnlyKeys(DnsZoneCatalogue.forOpenAi(true).toArray(String[]::new));
        assertThat(SchemaConformance.violations(tf)).isEmpty();
    }

    @Test
    void usesTheHubsZonesWithoutCreatingThem() {
        PrivateDnsZones[] dns = new PrivateDnsZones[1];
        JsonNode tf = Synth.of(s -> dns[0] = new PrivateDnsZones(s, "Dns", props(s, DnsZoneCatalogue.forOpenAi(false))
                .existingZones(Map.of(DnsZoneCatalogue.OPENAI, PrivateDnsZone.fromResourceId(s, "HubOpenAi", HUB_OPENAI))).build()));
        assertThat(dns[0].zone(DnsZoneCatalogue.OPENAI).resourceId()).isEqualTo(HUB_OPENAI);
        assertThat(dns[0].zone(DnsZoneCatalogue.OPENAI).zoneNameReference()).isEqualTo(DnsZoneCatalogue.OPENAI);
        assertThat(dns[0].zones(List.of(DnsZoneCatalogue.COGNITIVE_SERVICES, DnsZoneCatalogue.OPENAI)))
                .extracting(IPrivateDnsZone::zoneName).containsExactly(DnsZoneCatalogue.COGNITIVE_SERVICES, DnsZoneCatalogue.OPENAI);
        assertThat(dns[0].createdZones()).containsOnlyKeys(DnsZoneCatalogue.COGNITIVE_SERVICES);
        assertThat(Synth.all(tf, "azurerm_private_dns_zone").values()).extracting(z -> z.path("name").asText())
                .containsExactly("privatelink.cognitiveservices.azure.com");
        assertThatThrownBy(() -> dns[0].zone(DnsZoneCatalogue.BLOB))
                .hasMessageContaining("'privatelink.blob.core.windows.net' is not in PrivateDnsZonesProps.zones");
    }

    @Test
    void onlyHubZonesNeedNoNetworkOrGroup() {
        var scope = new RootConstruct("t");
        var props = PrivateDnsZonesProps.builder().zones(List.of(DnsZoneCatalogue.OPENAI))
                .existingZones(Map.of(DnsZoneCatalogue.OPENAI, PrivateDnsZone.fromResourceId(scope, "HubOpenAi", HUB_OPENAI))).build();
        assertThat(props.linkName()).isEqualTo(PrivateDnsZonesProps.DEFAULT_LINK_NAME);
        assertThatThrownBy(() -> PrivateDnsZonesProps.builder().zones(List.of(DnsZoneCatalogue.OPENAI)).build())
                .hasMessageContaining("PrivateDnsZonesProps.virtualNetwork: is required")
                .hasMessageContaining("PrivateDnsZonesProps.resourceGroup: is required");
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
    void failsOnAHubZoneOfAnotherNameAnUnknownZoneAndAZoneNotInTheCatalogue() {
        var scope = new RootConstruct("t");
        IPrivateDnsZone blob = PrivateDnsZone.fromResourceId(scope, "Blob", HUB_OPENAI.replace("privatelink.openai.azure.com", DnsZoneCatalogue.BLOB));
        Map<String, IPrivateDnsZone> existing = new LinkedHashMap<>();
        existing.put(DnsZoneCatalogue.OPENAI, blob);
        existing.put("example.com", blob);
        assertThatThrownBy(() -> PrivateDnsZonesProps.builder().zones(List.of("example.org")).existingZones(existing).build())
                .isInstanceOf(InvalidPropsException.class)
                .hasMessageContaining("PrivateDnsZonesProps.existingZones.privatelink.openai.azure.com: the zone is 'privatelink.blob.core.windows.net', not 'privatelink.openai.azure.com'")
                .hasMessageContaining("PrivateDnsZonesProps.existingZones.example.com: unknown zone")
                .hasMessageContaining("PrivateDnsZonesProps.zones[0]: 'example.org' is not in the catalogue");
    }

    @Test
    void failsOnAZoneIdOfAnotherType() {
        assertThatThrownBy(() -> PrivateDnsZone.fromResourceId(new RootConstruct("t"), "Zone", HUB_OPENAI.replace("privateDnsZones", "dnsZones")))
                .isInstanceOf(InvalidPropsException.class)
                .hasMessageContaining("PrivateDnsZone.fromResourceId.resourceId:")
                .hasMessageContaining("expected a Microsoft.Network/privateDnsZones id");
        IPrivateDnsZone hub = PrivateDnsZone.fromResourceId(new RootConstruct("t"), "Zone", HUB_OPENAI);
        assertThat(hub.zoneName()).isEqualTo(DnsZoneCatalogue.OPENAI);
        assertThat(hub.resourceGroupName()).isEqualTo("dns");
    }

    @Test
    void propsCopyTheCallersCollections() {
        var scope = new RootConstruct("t");
        List<String> zones = new ArrayList<>(List.of(DnsZoneCatalogue.OPENAI, DnsZoneCatalogue.OPENAI));
        Map<String, IPrivateDnsZone> existing = new LinkedHashMap<>(Map.of(DnsZoneCatalogue.OPENAI, PrivateDnsZone.fromResourceId(scope, "Hub", HUB_OPENAI)));
        var props = PrivateDnsZonesProps.builder().zones(zones).existingZones(existing).build();
        zones.add(DnsZoneCatalogue.BLOB);
        existing.clear();
        assertThat(props.zones()).as("duplicates count once").containsExactly(DnsZoneCatalogue.OPENAI);
        assertThat(props.existingZones()).containsOnlyKeys(DnsZoneCatalogue.OPENAI);
        assertThatThrownBy(() -> props.zones().add("x")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> props.existingZones().clear()).isInstanceOf(UnsupportedOperationException.class);
    }
}
