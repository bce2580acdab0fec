package io.github.aoaiplatform.chargeback;

import com.fasterxml.jackson.databind.JsonNode;
import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.Testing;
import io.github.aoaiplatform.apim.policy.TokenQuotaPeriod;
import io.github.aoaiplatform.core.InvalidPropsException;
import io.github.aoaiplatform.core.Naming;
import io.github.aoaiplatform.monitoring.MonitoringFixtures;
import io.github.aoaiplatform.testing.Synth;
import org.junit.jupiter.api.Test;
import software.constructs.Construct;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChargebackPropsTest {
    static PriceTable prices() {
        return Synth.prices(Synth.config("dev"));
    }

    static ChargebackProps.Builder props(Construct s) {
        return ChargebackProps.builder().workspace(MonitoringFixtures.workspace(s)).resourceGroup(MonitoringFixtures.resourceGroup(s))
                .naming(new Naming("aoai", "dev", "abc")).prices(prices());
    }

    static ChargebackDepartmentOptions finance() {
        return ChargebackDepartmentOptions.builder().name("finance").costCenter("CC-1001").monthlyBudget(500.0).tokenQuota(1_000_000L).build();
    }

    @Test
    void departmentsShareOneCostAndOneQuotaAlertInTheGroupsRegionOnTheWorkspace() {
        JsonNode tf = Synth.of(s -> new Chargeback(s, "Chargeback", props(s).departments(List.of(finance(),
                        ChargebackDepartmentOptions.builder().name("hr").costCenter("CC-2").monthlyBudget(100.0).tokenQuota(5_000L).build()))
                .alertEmails(List.of("finops@contoso.com")).build()));
        var alerts = Synth.all(tf, "azurerm_monitor_scheduled_query_rules_alert_v2");
        assertThat(alerts.keySet()).hasSize(2).anyMatch(k -> k.startsWith("Chargeback_CostAlert_"))
                .anyMatch(k -> k.startsWith("Chargeback_QuotaAlert_"));
        assertThat(alerts.values()).allSatisfy(a -> {
            assertThat(a.path("location").asText()).isEqualTo("japaneast");
            assertThat(a.path("scopes")).extracting(JsonNode::asText).containsExactly(MonitoringFixtures.WORKSPACE_ID);
        });
        assertThat(Synth.single(tf, "azurerm_monitor_action_group").path("email_receiver").get(0).path("email_address").asText())
                .isEqualTo("finops@contoso.com");
    }

    @Test
    void hourlyQuotasGetTheirOwnRuleWithAnHourWindowAndDepartmentsWithoutLimitsGetNone() {
        var hourly = ChargebackDepartmentOptions.builder().name("ops").costCenter("CC-3").tokenQuota(9_000L)
                .tokenQuotaPeriod(TokenQuotaPeriod.HOURLY).alertPercent(50).build();
        var unlimited = ChargebackDepartmentOptions.builder().name("lab").costCenter("CC-4").build();
        Chargeback[] built = new Chargeback[1];
        JsonNode tf = Synth.of(s -> built[0] = new Chargeback(s, "Chargeback", props(s).departments(List.of(hourly, unlimited)).build()));
        assertThat(built[0].costAlert()).isNull();
        assertThat(built[0].quotaAlert()).isNull();
        assertThat(built[0].hourlyQuotaAlert()).isNotNull();
        JsonNode alert = Synth.single(tf, "azurerm_monitor_scheduled_query_rules_alert_v2");
        assertThat(alert.path("window_duration").asText()).isEqualTo("PT1H");
        assertThat(alert.path("name").asText()).contains("quota-hourly");
        assertThat(alert.path("criteria").get(0).path("query").asText()).isEqualTo(ChargebackQueries.quotaAlert("PT1H"))
                .contains("QuotaPeriod in (\"Hourly\")").contains("ProjectedPeriodTokens = coalesce(WindowTokens, real(0)) * 1\n")
                .contains("| where ProjectedPeriodTokens >= TokenQuota * AlertPercent / 100.0");
        // the thresholds are the department's row: quota 9000 per hour, alert at 50 %
        String departments = Synth.all(tf, "azurerm_log_analytics_saved_search").values().stream()
                .filter(f -> f.path("function_alias").asText().equals(ChargebackQueries.DEPARTMENTS)).findFirst().orElseThrow().path("query").asText();
        assertThat(departments).contains("    \"ops\", \"ops\", \"CC-3\", real(null), long(9000), \"Hourly\", real(null), 50,\n");
    }

    @Test
    void longerQuotaPeriodsAreProjectedFromOneDayAndCostFromOneDayToThirtyPlusTheCapacityCharge() {
        assertThat(ChargebackQueries.quotaAlert("P1D")).contains("QuotaPeriod in (\"Daily\", \"Weekly\", \"Monthly\", \"Yearly\")")
                .contains("* case(QuotaPeriod == \"Daily\", 1, QuotaPeriod == \"Weekly\", 7, QuotaPeriod == \"Monthly\", 30, 365)");
        assertThat(ChargebackQueries.costAlert()).startsWith(ChargebackQueries.DEPARTMENTS + "()\n| where isnotnull(MonthlyBudget)")
                .contains("ProjectedMonthlyCost = coalesce(WindowCost, real(0)) * 30 + coalesce(MonthlyCapacityCharge, real(0))")
                .contains("| where ProjectedMonthlyCost >= MonthlyBudget * AlertPercent / 100.0");
        assertThatThrownBy(() -> ChargebackQueries.quotaAlert("PT5M")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PT5M");
    }

    @Test
    void departmentDefaultsAreMonthlyAtEightyPercent() {
        var d = ChargebackDepartmentOptions.builder().name("hr").costCenter("CC-2").build();
        assertThat(d.displayName()).isEqualTo("hr");
        assertThat(d.tokenQuotaPeriod()).isEqualTo(TokenQuotaPeriod.MONTHLY);
        assertThat(d.alertPercent()).isEqualTo(80);
    }

    @Test
    void failsOnBadDepartmentLimitsNamingEveryField() {
        assertThatThrownBy(() -> ChargebackDepartmentOptions.builder().name("hr").monthlyBudget(0.0).tokenQuota(0L).alertPercent(101).build())
                .isInstanceOf(InvalidPropsException.class)
                .hasMessageContaining("ChargebackDepartmentOptions.costCenter: is required")
                .hasMessageContaining("ChargebackDepartmentOptions.monthlyBudget: must be greater than 0")
                .hasMessageContaining("ChargebackDepartmentOptions.tokenQuota: must be greater than 0")
                .hasMessageContaining("ChargebackDepartmentOptions.alertPercent: must be between 1 and 100");
    }

    @Test
    void failsOnANonEmailAndDuplicateDepartmentsNamingTheFields() {
        Construct s = new TerraformStack(Testing.app(), "t");
        assertThatThrownBy(() -> props(s).alertEmails(List.of("finops@contoso.com", "not-an-email"))
                .departments(List.of(finance(), finance())).build())
                .isInstanceOf(InvalidPropsException.class)
                .hasMessageContaining("ChargebackProps.alertEmails[1]: 'not-an-email' is not an e-mail address")
                .hasMessageContaining("ChargebackProps.departments[1].name: 'finance' is defined twice");
        assertThatThrownBy(() -> ChargebackProps.builder().build())
                .hasMessageContaining("ChargebackProps.workspace: is required").hasMessageContaining("ChargebackProps.prices: is required");
    }

    @Test
    void propsAndThePriceTableAreImmutableCopies() {
        Construct s = new TerraformStack(Testing.app(), "t");
        List<String> emails = new ArrayList<>(List.of("finops@contoso.com"));
        var props = props(s).alertEmails(emails).build();
        emails.add("x@contoso.com");
        assertThat(props.alertEmails()).containsExactly("finops@contoso.com");
        assertThatThrownBy(() -> props.alertEmails().add("y@contoso.com")).isInstanceOf(UnsupportedOperationException.class);

        Map<String, PriceTable.ModelPrice> models = new LinkedHashMap<>(Map.of("gpt-4o", new PriceTable.ModelPrice(0.0025, 0.00125, 0.01)));
        var table = new PriceTable("2025-01-01", "USD", null, models);
        models.clear();
        assertThat(table.models()).containsOnlyKeys("gpt-4o");
        assertThatThrownBy(() -> table.models().clear()).isInstanceOf(UnsupportedOperationException.class);
    }
}
