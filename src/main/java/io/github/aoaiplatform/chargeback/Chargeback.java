package io.github.aoaiplatform.chargeback;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hashicorp.cdktf.Fn;
import com.hashicorp.cdktf.providers.azurerm.application_insights_workbook.ApplicationInsightsWorkbook;
import com.hashicorp.cdktf.providers.azurerm.log_analytics_saved_search.LogAnalyticsSavedSearch;
import com.hashicorp.cdktf.providers.azurerm.monitor_action_group.MonitorActionGroup;
import com.hashicorp.cdktf.providers.azurerm.monitor_action_group.MonitorActionGroupEmailReceiver;
import com.hashicorp.cdktf.providers.azurerm.monitor_scheduled_query_rules_alert_v2.MonitorScheduledQueryRulesAlertV2;
import com.hashicorp.cdktf.providers.azurerm.monitor_scheduled_query_rules_alert_v2.MonitorScheduledQueryRulesAlertV2Action;
import com.hashicorp.cdktf.providers.azurerm.monitor_scheduled_query_rules_alert_v2.MonitorScheduledQueryRulesAlertV2Criteria;
import com.hashicorp.cdktf.providers.azurerm.monitor_scheduled_query_rules_alert_v2.MonitorScheduledQueryRulesAlertV2CriteriaDimension;
import com.hashicorp.cdktf.providers.azurerm.monitor_scheduled_query_rules_alert_v2.MonitorScheduledQueryRulesAlertV2CriteriaFailingPeriods;
import io.github.aoaiplatform.core.Naming;
import software.constructs.Construct;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Chargeback in the platform's Log Analytics workspace: the {@link ChargebackQueries} functions and saved reports
 * (category {@value #CATEGORY}), a workbook showing the reports, and alerts that fire once per department (split by
 * the {@code Department} dimension): a cost alert (projected month at {@code alertPercent} of the department's monthly
 * budget) and a quota alert (projected period at {@code alertPercent} of its token quota; a second rule for hourly quotas,
 * whose window is an hour), optionally notifying an action group of e-mail recipients. The thresholds are rows of the
 * {@value ChargebackQueries#DEPARTMENTS} function, so a department adds no rule. Alerts skip query validation at creation,
 * because {@code AppMetrics} only exists once the first token metric has arrived.
 *
 * <p>Child ids: {@code Function-<alias>}, {@code Report-<id>}, {@code Workbook}, {@code ActionGroup}, {@code CostAlert},
 * {@code QuotaAlert}, {@code HourlyQuotaAlert}.
 */
public final class Chargeback extends Construct {
    /** The saved searches' category. */
    public static final String CATEGORY = "AOAI chargeback";

    private final Map<String, LogAnalyticsSavedSearch> functions = new LinkedHashMap<>();
    private final Map<String, LogAnalyticsSavedSearch> reports = new LinkedHashMap<>();
    private final ApplicationInsightsWorkbook workbook;
    private final MonitorActionGroup actionGroup;
    // References taken once for every alert (each get is a round trip to the JavaScript core).
    private final String workspaceId;
    private final String actionGroupId;
    private final MonitorScheduledQueryRulesAlertV2 costAlert;
    private final MonitorScheduledQueryRulesAlertV2 quotaAlert;
    private final MonitorScheduledQueryRulesAlertV2 hourlyQuotaAlert;

    /**
     * Creates the functions, reports, workbook, action group and alerts.
     *
     * @param scope the parent construct
     * @param id    the construct id
     * @param props the chargeback's inputs
     */
    public Chargeback(Construct scope, String id, ChargebackProps props) {
        super(scope, id);
        workspaceId = props.workspace().resourceId();
        String resourceGroupName = props.resourceGroup().name();
        ChargebackQueries.functions(props.prices(), props.departments()).forEach((alias, query) ->
                functions.put(alias, LogAnalyticsSavedSearch.Builder.create(this, "Function-" + alias)
                        .name(alias)
                        .displayName(alias)
                        .category(CATEGORY)
                        .functionAlias(alias)
                        .query(query)
                        .logAnalyticsWorkspaceId(workspaceId)
                        .tags(props.tags())
                        .build()));
        List<LogAnalyticsSavedSearch> all = new ArrayList<>(functions.values());
        for (var r : ChargebackQueries.reports())
            reports.put(r.id(), LogAnalyticsSavedSearch.Builder.create(this, "Report-" + r.id())
                    .name("aoai-" + r.id())
                    .displayName(r.displayName())
                    .category(CATEGORY)
                    .query(r.query())
                    .logAnalyticsWorkspaceId(workspaceId)
                    .tags(props.tags())
                    .dependsOn(List.copyOf(all))
                    .build());

        workbook = ApplicationInsightsWorkbook.Builder.create(this, "Workbook")
                .name(UUID.nameUUIDFromBytes((props.naming().workload() + "/" + props.naming().environment() + "/chargeback").getBytes(StandardCharsets.UTF_8)).toString())
                .displayName("AOAI chargeback (" + props.naming().environment() + ")")
                .description("Azure OpenAI cost and token use per department, model and day; price table "
                        + props.prices().version() + " (" + props.prices().currency() + ")")
                .location(props.location())
                .resourceGroupName(resourceGroupName)
                .sourceId(Fn.lower(workspaceId))
                .category("workbook")
                .dataJson(workbookJson(props.prices()))
                .tags(props.tags())
                .dependsOn(List.copyOf(all))
                .build();

        actionGroup = props.alertEmails().isEmpty() ? null : MonitorActionGroup.Builder.create(this, "ActionGroup")
                .name(props.naming().name(Naming.Abbreviation.ACTION_GROUP, props.location(), "chargeback"))
                .shortName("aoaicost")
                .resourceGroupName(resourceGroupName)
                .emailReceiver(java.util.stream.IntStream.range(0, props.alertEmails().size()).mapToObj(i ->
                        MonitorActionGroupEmailReceiver.builder()
                                .name("email-" + (i + 1))
                                .emailAddress(props.alertEmails().get(i))
                                .useCommonAlertSchema(true).build()).toList())
                .tags(props.tags())
                .build();
        actionGroupId = actionGroup == null ? null : actionGroup.getId();

        // One rule per alert kind, split by department: a department adds a row to the AoaiDepartments function, not
        // a rule (rules per department made most of a department's synth time).
        var departments = props.departments();
        costAlert = departments.stream().noneMatch(d -> d.monthlyBudget() != null) ? null : alert("CostAlert", props, "cost",
                "Azure OpenAI cost: departments at their budget alert level",
                "One alert per department (dimension Department) whose last day's cost, projected to " + ChargebackQueries.DAYS_PER_MONTH
                        + " days plus its monthly capacity charge, is at least its alert percent of its monthly budget in "
                        + props.prices().currency() + " (budgets and alert percents: function " + ChargebackQueries.DEPARTMENTS + ").",
                ChargebackQueries.costAlert(), "P1D", all);
        quotaAlert = quotaAlert(props, "QuotaAlert", "quota", "P1D", "", all);
        hourlyQuotaAlert = quotaAlert(props, "HourlyQuotaAlert", "quota-hourly", "PT1H", " (hourly quotas)", all);
    }

    /** The quota alert of the departments whose quota period has this alert window, or null when there are none. */
    private MonitorScheduledQueryRulesAlertV2 quotaAlert(ChargebackProps props, String id, String qualifier, String window, String titleSuffix,
                                                         List<LogAnalyticsSavedSearch> dependsOn) {
        if (props.departments().stream().noneMatch(d -> d.tokenQuota() != null && ChargebackQueries.quotaAlertWindow(d.tokenQuotaPeriod()).equals(window)))
            return null;
        return alert(id, props, qualifier, "Azure OpenAI token quota: departments at their alert level" + titleSuffix,
                "One alert per department (dimension Department) whose tokens in the alert window, projected to its quota period, are at least "
                        + "its alert percent of its token quota; at 100% the gateway answers 403 (quotas and alert percents: function "
                        + ChargebackQueries.DEPARTMENTS + ").",
                ChargebackQueries.quotaAlert(window), window, dependsOn);
    }

    /** A rule that fires for each department (dimension) the query returns a row for, in each hourly evaluation. */
    private MonitorScheduledQueryRulesAlertV2 alert(String id, ChargebackProps props, String qualifier, String displayName, String description,
                                                    String query, String window, List<LogAnalyticsSavedSearch> dependsOn) {
        var b = MonitorScheduledQueryRulesAlertV2.Builder.create(this, id)
                .name(props.naming().name(Naming.Abbreviation.ALERT_RULE, props.location(), qualifier))
                .displayName(displayName)
                .description(description)
                .resourceGroupName(props.resourceGroup().name())
                .location(props.location())
                .scopes(List.of(workspaceId))
                .severity(2)
                .evaluationFrequency("PT1H")
                .windowDuration(window)
                .criteria(List.of(MonitorScheduledQueryRulesAlertV2Criteria.builder()
                        .query(query)
                        .timeAggregationMethod("Count")
                        .operator("GreaterThan")
                        .threshold(0)
                        .dimension(List.of(MonitorScheduledQueryRulesAlertV2CriteriaDimension.builder()
                                .name("Department").operator("Include").values(List.of("*")).build()))
                        .failingPeriods(MonitorScheduledQueryRulesAlertV2CriteriaFailingPeriods.builder()
                                .minimumFailingPeriodsToTriggerAlert(1).numberOfEvaluationPeriods(1).build())
                        .build()))
                .skipQueryValidation(true)
                .autoMitigationEnabled(true)
                .enabled(true)
                .tags(props.tags())
                .dependsOn(List.copyOf(dependsOn));
        if (actionGroupId != null)
            b.action(MonitorScheduledQueryRulesAlertV2Action.builder().actionGroups(List.of(actionGroupId)).build());
        return b.build();
    }

    /** The time range the workbook gives its queries: 366 days, so month-to-date and yearly quota periods fit. */
    public static final long WORKBOOK_TIME_RANGE_MS = 366L * 24 * 60 * 60 * 1000;

    /** The workbook: a title, then one table or chart per saved report. */
    static String workbookJson(PriceTable prices) {
        List<Map<String, Object>> items = new ArrayList<>();
        items.add(ordered("type", 1, "name", "title", "content", ordered("json",
                "# Azure OpenAI chargeback\nCost per department, model and day from the gateway's token metrics, priced with table "
                        + prices.version() + " (" + prices.currency() + "). Prompt tokens are priced at the input rate.")));
        for (var r : ChargebackQueries.reports()) {
            Map<String, Object> content = new LinkedHashMap<>();
            content.put("version", "KqlItem/1.0");
            content.put("query", r.query());
            content.put("title", r.displayName());
            content.put("size", 0);
            content.put("queryType", 0);
            content.put("resourceType", "microsoft.operationalinsights/workspaces");
            content.put("visualization", r.id().equals("cost-per-day") ? "barchart" : "table");
            // the queries filter their own period (month to date, 31 days, the quota period); the workbook must not cut
            // them to its default of 24 hours
            content.put("timeContext", ordered("durationMs", WORKBOOK_TIME_RANGE_MS));
            items.add(ordered("type", 3, "name", r.id(), "content", content));
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("version", "Notebook/1.0");
        doc.put("items", items);
        doc.put("isLocked", false);
        try {
            return new ObjectMapper().writeValueAsString(doc);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> ordered(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) m.put((String) keyValues[i], keyValues[i + 1]);
        return m;
    }

    /** @return the workspace functions by alias, in creation order */
    public Map<String, LogAnalyticsSavedSearch> functions() { return Collections.unmodifiableMap(functions); }

    /** @return the saved reports by id, in creation order */
    public Map<String, LogAnalyticsSavedSearch> reports() { return Collections.unmodifiableMap(reports); }

    /** @return the workbook */
    public ApplicationInsightsWorkbook workbook() { return workbook; }

    /** @return the action group, or null when there are no alert recipients */
    public MonitorActionGroup actionGroup() { return actionGroup; }

    /** @return the cost alert of the departments with a monthly budget, or null when none has one */
    public MonitorScheduledQueryRulesAlertV2 costAlert() { return costAlert; }

    /** @return the quota alert of the departments with a daily, weekly, monthly or yearly token quota, or null when none has one */
    public MonitorScheduledQueryRulesAlertV2 quotaAlert() { return quotaAlert; }

    /** @return the quota alert of the departments with an hourly token quota, or null when none has one */
    public MonitorScheduledQueryRulesAlertV2 hourlyQuotaAlert() { return hourlyQuotaAlert; }
}
