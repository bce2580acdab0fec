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

    static Document doc(DepartmentPolicyProps p) { return parse(DepartmentPolicy.document(p, DefaultPolicyTest.base().build()).toXml()); }

    static DepartmentPolicyProps full() {
        return DepartmentPolicyProps.builder().name("finance").groupIds(List.of(GROUP)).clientAppIds(List.of(APP))
                .allowedDeployments(List.of("chat", "mini")).tokensPerMinute(50_000).tokenQuota(5_000_000L)
                .tokenQuotaPeriod(TokenQuotaPeriod.WEEKLY).requestsPerMinute(600).tokensPerMinutePerUser(10_000).build();
    }

    static DepartmentPolicyProps.Builder minimal(String name) {
        return DepartmentPolicyProps.builder().name(name).tokensPerMinute(1000);
    }

    @Test
    void inboundChecksMembershipAndModelThenRequestRateThenDepartmentAndPerUserTokens() {
        Document d = doc(full());
        assertThat(names(section(d, "inbound"))).containsExactly("base", "set-variable", "choose", "choose", "rate-limit-by-key",
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
                .isEqualTo("@(\"department:finance:\" + (" + DefaultPolicy.JWT + "?.Claims.GetValueOrDefault(\"oid\", \"anonymous\") ?? \"anonymous\"))");
        assertThat(user.getAttribute("tokens-per-minute")).isEqualTo("10000");
        assertThat(user.hasAttribute("token-quota")).isFalse();
    }

    @Test
    void membershipAcceptsTheGroupsOrTheClientAppsAndOtherwiseAnswers403() {
        Element when = all(doc(full()), "when").get(0);
        String condition = when.getAttribute("condition");
        assertThat(condition).startsWith("@(!(").contains("(" + DefaultPolicy.JWT + "?.Claims.GetValueOrDefault(\"groups\", \"\") ?? \"\")"
                        + ".Split(',').Intersect(new string[] {\"" + GROUP + "\"}).Any()").doesNotContain("(Jwt)")
                .contains(" || new string[] {\"" + APP + "\"}.Contains(").contains("\"azp\"").contains("\"appid\"");
        assertThat(all(when, "set-status").get(0).getAttribute("code")).isEqualTo("403");
        assertThat(all(when, "set-body").get(0).getTextContent()).contains("DepartmentAccessDenied");
        Element models = all(doc(full()), "when").get(1);
        // the allow-list reads the deployment the API policy resolved before <base/> (a configured name, "other" or "none")
        String deployment = DefaultPolicy.DEPLOYMENT_EXPRESSION;
        assertThat(models.getAttribute("condition")).isEqualTo("@(!(" + deployment + " == \"chat\" || " + deployment + " == \"mini\"))");
        assertThat(all(models, "set-body").get(0).getTextContent()).contains("ModelNotAllowed");
    }

    @Test
    void rejectionsAreRecordedWithTheApisUsageLoggerBeforeTheDepartmentAnswers() {
        Document d = parse(DepartmentPolicy.document(full(), DefaultPolicyTest.base().usageLoggerId("usage").build()).toXml());
        List<Element> whens = all(d, "when");
        assertThat(whens).hasSize(2);
        for (Element when : whens) {
            assertThat(names(GatewayFixtures.children(when))).containsExactly("log-to-eventhub", "return-response");
            assertThat(GatewayFixtures.children(when).get(0).getAttribute("logger-id")).isEqualTo("usage");
        }
        assertThat(DefaultPolicyTest.recordFields(GatewayFixtures.children(whens.get(0)).get(0).getTextContent()))
                .containsEntry("statusCode", "403").containsEntry("reason", "\"DepartmentAccessDenied\"");
        assertThat(DefaultPolicyTest.recordFields(GatewayFixtures.children(whens.get(1)).get(0).getTextContent()))
                .containsEntry("reason", "\"ModelNotAllowed\"");
        // without a usage logger the department just answers
        assertThat(names(GatewayFixtures.children(all(doc(full()), "when").get(0)))).containsExactly("return-response");
    }

    @Test
    void marksTheCallAsTheDepartmentsFirstSoTheApiPolicyLetsItThrough() {
        Element mark = section(doc(minimal("research").build()), "inbound").get(1);
        assertThat(mark.getAttribute("name")).isEqualTo(DefaultPolicy.DEPARTMENT_VARIABLE);
        assertThat(mark.getAttribute("value")).isEqualTo("research");
    }

    @Test
    void anOpenUnrestrictedDepartmentHasOnlyItsTokenLimit() {
        Document d = doc(minimal("research").build());
        assertThat(names(section(d, "inbound"))).containsExactly("base", "set-variable", "azure-openai-token-limit");
        Element limit = all(d, "azure-openai-token-limit").get(0);
        assertThat(limit.getAttribute("counter-key")).isEqualTo("department:research");
        assertThat(limit.hasAttribute("token-quota")).isFalse();
        assertThat(DepartmentPolicy.membershipCondition(minimal("research").build())).isNull();
    }

    @Test
    void failsOnBadNamesIdsAndLimitsNamingTheFields() {
        assertThatThrownBy(() -> minimal("Finance").build()).hasMessageContaining("DepartmentPolicyProps.name: 'Finance'");
        assertThatThrownBy(() -> minimal("starter").build()).hasMessageContaining("DepartmentPolicyProps.name: 'starter' is a built-in");
        assertThatThrownBy(() -> minimal("unlimited").build()).hasMessageContaining("DepartmentPolicyProps.name: 'unlimited' is a built-in");
        assertThatThrownBy(() -> minimal("finance").groupIds(List.of("g")).build()).hasMessageContaining("DepartmentPolicyProps.groupIds[0]: 'g' is not a GUID");
        assertThatThrownBy(() -> minimal("finance").clientAppIds(List.of(APP, "c")).build()).hasMessageContaining("DepartmentPolicyProps.clientAppIds[1]: 'c' is not a GUID");
        assertThatThrownBy(() -> minimal("finance").tokensPerMinute(0).build()).hasMessageContaining("DepartmentPolicyProps.tokensPerMinute: must be > 0");
        assertThatThrownBy(() -> minimal("finance").tokensPerMinute(null).build()).hasMessageContaining("DepartmentPolicyProps.tokensPerMinute: is required");
        assertThatThrownBy(() -> minimal("finance").tokensPerMinute(10).tokensPerMinutePerUser(11).build())
                .hasMessageContaining("DepartmentPolicyProps.tokensPerMinutePerUser: 11 must be between 1 and tokensPerMinute (10)");
    }

    @Test
    void propsCollectionsAreImmutableCopies() {
        List<String> groups = new java.util.ArrayList<>(List.of(GROUP));
        DepartmentPolicyProps props = minimal("finance").groupIds(groups).build();
        groups.add("not-checked-any-more");
        assertThat(props.groupIds()).containsExactly(GROUP);
        assertThatThrownBy(() -> props.groupIds().add(APP)).isInstanceOf(UnsupportedOperationException.class);
    }
}
