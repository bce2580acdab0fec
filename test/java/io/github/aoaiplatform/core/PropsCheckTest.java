package io.github.aoaiplatform.core;

import com.hashicorp.cdktf.Fn;
import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.Testing;
import com.hashicorp.cdktf.Token;
import com.hashicorp.cdktf.providers.azurerm.resource_group.ResourceGroup;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PropsCheckTest {
    @Test
    void isTokenAnswersWhatCdktfsTokenIsUnresolvedAnswersForStrings() {
        TerraformStack stack = new TerraformStack(Testing.app(), "s");
        ResourceGroup group = ResourceGroup.Builder.create(stack, "Group").name("rg").location("japaneast").build();
        List<String> values = new ArrayList<>(List.of(
                "", "rg-aoai-dev", "${var.name}", "${TfToken[]}", "#{TfToken[TOKEN.1]}", "${TfToken[TOKEN.1]",
                group.getName(), group.getId(), "prefix-" + group.getName() + "-suffix",
                Token.asString(Fn.element(List.of("a", "b"), 0)),
                Fn.join(",", List.of(group.getName(), "x")), Token.asString(Token.asNumber(group.getId())),
                Token.asList(group.getId()).get(0)));
        for (String value : values)
            assertThat(PropsCheck.isToken(value)).as(value).isEqualTo(Token.isUnresolved(value));
        assertThat(values.stream().filter(PropsCheck::isToken)).as("real references are tokens").hasSizeGreaterThan(4);
        assertThat(PropsCheck.isToken(null)).isFalse();
    }
}
