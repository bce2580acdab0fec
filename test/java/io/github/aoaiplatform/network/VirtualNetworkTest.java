package io.github.aoaiplatform.network;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.aoaiplatform.core.InvalidPropsException;
import io.github.aoaiplatform.testing.Synth;
import org.junit.jupiter.api.Test;
import software.constructs.RootConstruct;

import java.util.EnumMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VirtualNetworkTest {
    static final String VNET = "/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/spoke/providers/Microsoft.Network/virtualNetworks/vnet-spoke";
    static final Map<SubnetRole, String> SUBNETS = Map.of(SubnetRole.GATEWAY, VNET + "/subnets/apim",
            SubnetRole.PRIVATE_ENDPOINTS, VNET + "/subnets/pe");

    @Test
    void bringYourOwnNetworkUsesTheGivenIdsAndCreatesNothing() {
        IVirtualNetwork[] network = new IVirtualNetwork[1];
        JsonNode tf = Synth.of(s -> network[0] = VirtualNetwork.fromResourceId(s, "Network", VNET, "japaneast", SUBNETS));
        assertThat(tf.path("resource").isMissingNode() || tf.path("resource").isEmpty()).as("nothing created").isTrue();
        assertThat(network[0].resourceId()).isEqualTo(VNET);
        assertThat(network[0].location()).isEqualTo("japaneast");
        assertThat(network[0].requireSubnet(SubnetRole.PRIVATE_ENDPOINTS).resourceId()).isEqualTo(VNET + "/subnets/pe");
        assertThat(network[0].requireSubnet(SubnetRole.PRIVATE_ENDPOINTS).location()).isEqualTo("japaneast");
        assertThat(network[0].subnet(SubnetRole.APP)).isEmpty();
        assertThatThrownBy(() -> network[0].requireSubnet(SubnetRole.APP))
                .hasMessageContaining("has no app subnet").hasMessageContaining("ExistingVirtualNetworkProps.subnetIds.app");
    }

    @Test
    void failsOnAnIdOfAnotherTypeAndMissingSubnets() {
        assertThatThrownBy(() -> VirtualNetwork.fromResourceId(new RootConstruct("t"), "Network",
                VNET.replace("virtualNetworks", "networkSecurityGroups"), "japaneast", Map.of()))
                .isInstanceOf(InvalidPropsException.class)
                .hasMessageContaining("VirtualNetwork.fromResourceId.virtualNetworkId: '" + VNET.replace("virtualNetworks", "networkSecurityGroups")
                        + "' is a Microsoft.Network/networkSecurityGroups id; expected a Microsoft.Network/virtualNetworks id")
                .hasMessageContaining("VirtualNetwork.fromResourceId.subnetIds.gateway: is required")
                .hasMessageContaining("VirtualNetwork.fromResourceId.subnetIds.privateEndpoints: is required");
    }

    @Test
    void failsOnASubnetOutsideTheVnetOrOfAnotherTypeAndAnUnknownRegion() {
        String other = VNET.replace("vnet-spoke", "vnet-other");
        assertThatThrownBy(() -> VirtualNetwork.fromResourceId(new RootConstruct("t"), "Network", VNET, "mars",
                Map.of(SubnetRole.GATEWAY, other + "/subnets/apim", SubnetRole.PRIVATE_ENDPOINTS, "snet-pe")))
                .isInstanceOf(InvalidPropsException.class)
                .hasMessageContaining("VirtualNetwork.fromResourceId.subnetIds.gateway: the subnet is not in virtualNetworkId " + VNET)
                .hasMessageContaining("VirtualNetwork.fromResourceId.subnetIds.privateEndpoints: 'snet-pe' is not an Azure resource id")
                .hasMessageContaining("VirtualNetwork.fromResourceId.location: unknown Azure region 'mars'");
        assertThatThrownBy(() -> ExistingVirtualNetworkProps.builder().virtualNetworkId(VNET).location("japaneast")
                .subnetIds(Map.of(SubnetRole.GATEWAY, VNET + "/subnets/apim", SubnetRole.PRIVATE_ENDPOINTS,
                        VNET.replace("vnet-spoke", "vnet-spoke2") + "/subnets/pe")).build())
                .as("a network whose name merely starts with the VNet's is another network")
                .hasMessageContaining("ExistingVirtualNetworkProps.subnetIds.privateEndpoints: the subnet is not in virtualNetworkId");
    }

    @Test
    void propsCopyTheCallersSubnetIds() {
        Map<SubnetRole, String> ids = new EnumMap<>(SUBNETS);
        var props = ExistingVirtualNetworkProps.builder().virtualNetworkId(VNET).location("japaneast").subnetIds(ids).build();
        ids.put(SubnetRole.APP, VNET + "/subnets/app");
        assertThat(props.subnetIds()).containsOnlyKeys(SubnetRole.GATEWAY, SubnetRole.PRIVATE_ENDPOINTS);
        assertThatThrownBy(() -> props.subnetIds().clear()).isInstanceOf(UnsupportedOperationException.class);
    }
}
