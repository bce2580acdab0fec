package io.github.aoaiplatform.apim;

import io.github.aoaiplatform.apim.policy.TokenQuotaPeriod;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import java.util.List;

import static io.github.aoaiplatform.apim.GatewayFixtures.all;
import static io.github.aoaiplatform.apim.GatewayFixtures.names;
import static io.github.aoaiplatform.apim.GatewayFixtures.parse;
import static io.github.aoaiplatform.apim.GatewayFixtures.section;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DepartmentPolicyTest {
    static final String GROUP = "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee";
    static final String APP = "11111111-2222-3333-4444-555555555555";

    static Document doc(DepartmentPolicy.Props p) { return parse(DepartmentPolicy.document(p).toXml()); }

    static DepartmentPolicy.Props full() {
        return new DepartmentPolicy.Props("finance", List.of(GROUP), List.of(APP), List.of("chat", "mini"), 50_000, 5_000_000L,
                TokenQuotaPeriod.WEEKLY, 600, 10_000);
    }

    @Test
    void inboundChecksMembershipAndModelThenRequestRateThenDepartmentAndPerUserTokens() {
        Document d = doc(full());
        assertThat(names(section(d, "inbound"))).containsExactly("base", "choose", "choose", "rate-limit-by-key",
                "azure-openai-token-limit", "azure-openai-token-limit");
        Element rate = all(d, "rate-limit-by-key").get(0);
        assertThat(rate.getAttribute("calls")).isEqualTo("600");
        assertThat(rate.getAttribute("renewal-period")).isEqualTo("60");
        assertThat(rate.getAttribute("counter-key")).isEqualTo("department:finance");
        Element dept = all(d, "azure-openai-token-limit").get(0);
        assertThat(dept.getAttribute("counter-key")).isEqualTo("department:finance");
        assertThat(dept.getAttribute("tokens-per-minute")).isEqualTo("50000");
        assertThat(dept.getAttribute("token-quota")).isEqualTo("5000000");
        assertThat(dept.getAttribute("token-quota-period")).isEqualTo("Weekly");
        assertThat(dept.getAttribute("remaining-quota-tokens-header-name")).isEqualTo(DepartmentPolicy.REMAINING_QUOTA_HEADER);
        Element user = all(d, "azure-openai-token-limit").get(1);
        assertThat(user.getAttribute("counter-key"))
                .isEqualTo("@(\"department:finance:\" + ((Jwt)context.Variables[\"jwt\"]).Claims.GetValueOrDefault(\"oid\", \"anonymous\"))");
        assertThat(user.getAttribute("tokens-per-minute")).isEqualTo("10000");
        assertThat(user.hasAttribute("token-quota")).isFalse();
    }

    @Test
    void membershipAcceptsTheGroupsOrTheClientAppsAndOtherwiseAnswers403() {
        Element when = all(doc(full()), "when").get(0);
        String condition = when.getAttribute("condition");
        assertThat(condition).startsWith("@(!(").contains("Claims[\"groups\"].Intersect(new string[] {\"" + GROUP + "\"})")
                .contains(" || new string[] {\"" + APP + "\"}.Contains(").contains("\"azp\"").contains("\"appid\"");
        assertThat(all(when, "set-status").get(0).getAttribute("code")).isEqualTo("403");
        assertThat(all(when, "set-body").get(0).getTextContent()).contains("DepartmentAccessDenied");
        Element models = all(doc(full()), "when").get(1);
        assertThat(models.getAttribute("condition")).isEqualTo("@(!(context.Request.MatchedParameters[\"deployment-id\"] == \"chat\" || "
                + "context.Request.MatchedParameters[\"deployment-id\"] == \"mini\"))");
        assertThat(all(models, "set-body").get(0).getTextContent()).contains("ModelNotAllowed");
    }

    @Test
    void anOpenUnrestrictedDepartmentHasOnlyItsTokenLimit() {
        Document d = doc(new DepartmentPolicy.Props("research", null, null, null, 1000, null, null, null, null));
        assertThat(names(section(d, "inbound"))).containsExactly("base", "azure-openai-token-limit");
        Element limit = all(d, "azure-openai-token-limit").get(0);
        assertThat(limit.getAttribute("counter-key")).isEqualTo("department:research");
        assertThat(limit.hasAttribute("token-quota")).isFalse();
        assertThat(DepartmentPolicy.membershipCondition(new DepartmentPolicy.Props("research", null, null, null, 1, null, null, null, null))).isNull();
    }

    @Test
    void failsOnBadNamesIdsAndLimits() {
        assertThatThrownBy(() -> new DepartmentPolicy.Props("Finance", null, null, null, 1, null, null, null, null)).hasMessageContaining("'Finance'");
        assertThatThrownBy(() -> new DepartmentPolicy.Props("finance", List.of("g"), null, null, 1, null, null, null, null)).hasMessageContaining("group id 'g'");
        assertThatThrownBy(() -> new DepartmentPolicy.Props("finance", null, null, null, 0, null, null, null, null)).hasMessageContaining("tokensPerMinute");
        assertThatThrownBy(() -> new DepartmentPolicy.Props("finance", null, null, null, 10, null, null, null, 11)).hasMessageContaining("tokensPerMinutePerUser");
    }
}
