package io.github.aoaiplatform.core;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.aoaiplatform.dns.PrivateDnsZone;
import io.github.aoaiplatform.network.Subnet;
import io.github.aoaiplatform.testing.SchemaConformance;
import io.github.aoaiplatform.testing.Synth;
import org.junit.jupiter.api.Test;
import software.constructs.RootConstruct;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PrivateEndpointTest {
    static final String SUB = "/subscriptions/11111111-2222-3333-4444-555555555555";
    static final String SUBNET = SUB + "/resourceGroups/spoke/providers/Microsoft.Network/virtualNetworks/vnet/subnets/pe";
    static final String ZONE = SUB + "/resourceGroups/dns/providers/Microsoft.Network/privateDnsZones/privatelink.openai.azure.com";
    static final String ACCOUNT = SUB + "/resourceGroups/rg/providers/Microsoft.CognitiveServices/accounts/oai";

    @Test
    void endpointHasItsZoneGroupStaticIpAndTheSubnetsRegion() {
        JsonNode tf = Synth.of(s -> new PrivateEndpoint(s, "Endpoint", PrivateEndpointProps.builder()
                .name("pep-oai").resourceGroupName("rg")
                .subnet(Subnet.fromResourceId(s, "Subnet", SUBNET, "japaneast"))
                .targetResourceId(ACCOUNT).subresource("account")
                .dnsZones(List.of(PrivateDnsZone.fromResourceId(s, "Zone", ZONE)))
                .staticIp("10.0.1.10").tags(Map.of("env", "t")).build()));
        JsonNode pe = Synth.single(tf, "azurerm_private_endpoint");
        assertThat(pe.path("location").asText()).isEqualTo("japaneast");
        assertThat(pe.path("subnet_id").asText()).isEqualTo(SUBNET);
        assertThat(pe.path("custom_network_interface_name").asText()).isEqualTo("pep-oai-nic");
        assertThat(pe.path("private_dns_zone_group").path("private_dns_zone_ids").get(0).asText()).isEqualTo(ZONE);
        assertThat(pe.path("ip_configuration").get(0).path("private_ip_address").asText()).isEqualTo("10.0.1.10");
        assertThat(pe.path("private_service_connection").path("private_connection_resource_id").asText()).isEqualTo(ACCOUNT);
        assertThat(SchemaConformance.violations(tf)).isEmpty();
    }

    @Test
    void failsNamingEveryMissingOrBadField() {
        assertThatThrownBy(() -> PrivateEndpointProps.builder().name("-bad").staticIp("10.0.1.300").build())
                .isInstanceOf(InvalidPropsException.class)
                .hasMessageContaining("PrivateEndpointProps.name: '-bad' must be")
                .hasMessageContaining("PrivateEndpointProps.resourceGroupName: is required")
                .hasMessageContaining("PrivateEndpointProps.subnet: is required")
                .hasMessageContaining("PrivateEndpointProps.targetResourceId: is required")
                .hasMessageContaining("PrivateEndpointProps.subresource: is required")
                .hasMessageContaining("PrivateEndpointProps.staticIp: '10.0.1.300' must be an IPv4 address");
    }

    @Test
    void propsCopyTheCallersZones() {
        var scope = new RootConstruct("t");
        List<IPrivateDnsZone> zones = new ArrayList<>(List.of(PrivateDnsZone.fromResourceId(scope, "Zone", ZONE)));
        var props = PrivateEndpointProps.builder().name("pep-oai").resourceGroupName("rg")
                .subnet(Subnet.fromResourceId(scope, "Subnet", SUBNET, "japaneast"))
                .targetResourceId(ACCOUNT).subresource("account").dnsZones(zones).build();
        zones.clear();
        assertThat(props.dnsZones()).hasSize(1);
        assertThat(props.location()).isEqualTo("japaneast");
        assertThatThrownBy(() -> props.dnsZones().clear()).isInstanceOf(UnsupportedOperationException.class);
    }
}
