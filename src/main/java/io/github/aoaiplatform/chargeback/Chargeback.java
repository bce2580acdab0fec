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
 * (category {@value #CATEGORY}), a workbook showing the reports, and per department a cost alert (projected month over
 * {@code alertPercent} of its monthly budget) and a quota alert (projected period over {@code alertPercent} of its token
 * quota), optionally notifying an action group of e-mail recipients. Alerts skip query validation at creation, because
 * {@code AppMetrics} only exists once the first token metric has arrived.
 *
 * <p>Child ids: {@code Function-<alias>}, {@code Report-<id>}, {@code Workbook}, {@code ActionGroup},
 * {@code CostAlert-<department>}, {@code QuotaAlert-<department>}.
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
    private final Map<String, MonitorScheduledQueryRulesAlertV2> costAlerts = new LinkedHashMap<>();
    private final Map<String, MonitorScheduledQueryRulesAlertV2> quotaAlerts = new LinkedHashMap<>();

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

        for (var d : props.departments()) {
            if (d.monthlyBudget() != null)
                costAlerts.put(d.name(), alert("CostAlert-" + d.name(), props, "cost-" + d.name(),
                        "Department " + d.displayName() + ": projected monthly Azure OpenAI cost at " + d.alertPercent() + "% of budget",
                        "The last day's cost of department " + d.name() + " (cost center " + d.costCenter() + "), projected to "
                                + ChargebackQueries.DAYS_PER_MONTH + " days" + (d.monthlyCapacityCharge() == null ? "" : " plus its monthly capacity charge")
                                + ", is at least " + d.alertPercent() + "% of its monthly budget "
                                + d.monthlyBudget() + " " + props.prices().currency() + ".",
                        ChargebackQueries.costAlert(d.name(), d.monthlyCapacityCharge()), ChargebackQueries.PROJECTED_COST_COLUMN, "P1D",
                        d.monthlyBudget() * d.alertPercent() / 100.0, all));
            if (d.tokenQuota() != null)
                quotaAlerts.put(d.name(), alert("QuotaAlert-" + d.name(), props, "quota-" + d.name(),
                        "Department " + d.displayName() + ": projected token use at " + d.alertPercent() + "% of its "
                                + d.tokenQuotaPeriod().xmlValue().toLowerCase() + " quota",
                        "Department " + d.name() + "'s tokens in the alert window, projected to its " + d.tokenQuotaPeriod().xmlValue()
                                + " quota period, are at least " + d.alertPercent() + "% of its quota of " + d.tokenQuota()
                                + " tokens (at 100% the gateway answers 403).",
                        ChargebackQueries.quotaAlert(d.name(), d.tokenQuotaPeriod()), ChargebackQueries.PROJECTED_TOKENS_COLUMN,
                        ChargebackQueries.quotaAlertWindow(d.tokenQuotaPeriod()), d.tokenQuota() * (double) d.alertPercent() / 100.0, all));
        }
    }

    private MonitorScheduledQueryRulesAlertV2 alert(String id, ChargebackProps props, String qualifier, String displayName, String description,
                                                    String query, String column, String window, double threshold,
                                                    List<LogAnalyticsSavedSearch> dependsOn) {
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
                        .timeAggregationMethod("Total")
                        .metricMeasureColumn(column)
                        .operator("GreaterThanOrEqual")
                        .threshold(threshold)
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

    /** @return the cost alerts by department, for departments with a monthly budget */
    public Map<String, MonitorScheduledQueryRulesAlertV2> costAlerts() { return Collections.unmodifiableMap(costAlerts); }

    /** @return the quota alerts by department, for departments with a token quota */
    public Map<String, MonitorScheduledQueryRulesAlertV2> quotaAlerts() { return Collections.unmodifiableMap(quotaAlerts); }
}
