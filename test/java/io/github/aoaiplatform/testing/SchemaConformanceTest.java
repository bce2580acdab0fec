package io.github.aoaiplatform.testing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SchemaConformanceTest {
    static List<String> stacks() { return Synth.stacks(); }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stacks")
    void everySynthesizedResourceConformsToTheProviderSchema(String stack) {
        assertThat(SchemaConformance.violations(Synth.parse(Synth.stackJson(stack)))).isEmpty();
    }

    @Test
    void schemaIsReadFromTheBindings() {
        ProviderSchema azurerm = ProviderSchema.of("azurerm");
        assertThat(azurerm.resourceCount()).isGreaterThan(1000);
        var account = azurerm.resource("azurerm_cognitive_account");
        assertThat(account.attributes().get("local_auth_enabled").required()).isFalse();
        assertThat(account.attributes().get("kind").required()).isTrue();
        assertThat(account.attributes().get("network_acls").block().attributes()).containsKey("default_action");
        assertThat(azurerm.providerBlock().attributes().get("features").block().attributes()).containsKey("cognitive_account");
        assertThat(ProviderSchema.of("azuread").resource("azuread_application")).isNotNull();
    }

    @Test
    void reportsUnknownTypesAttributesNestedAttributesAndMissingRequired() {
        var tf = Synth.parse("""
            {"resource": {
               "azurerm_resource_group": {"rg": {"name": "x", "location": "japaneast", "colour": "red"}},
               "azurerm_cognitive_account": {"a": {"name": "a", "location": "eastus", "resource_group_name": "r",
                   "sku_name": "S0", "network_acls": [{"default_action": "Deny", "bogus": 1}]}},
               "azurerm_flux_capacitor": {"f": {}}
            }}""");
        assertThat(SchemaConformance.violations(tf)).containsExactlyInAnyOrder(
                "azurerm_resource_group.rg.colour: no such attribute in the provider schema",
                "azurerm_cognitive_account.a.network_acls[0].bogus: no such attribute in the provider schema",
                "azurerm_cognitive_account.a.kind: required attribute is not set",
                "azurerm_flux_capacitor.f: unknown resource type azurerm_flux_capacitor");
    }
}
