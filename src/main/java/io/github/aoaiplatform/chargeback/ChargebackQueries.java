package io.github.aoaiplatform.chargeback;

import io.github.aoaiplatform.apim.DefaultPolicy;
import io.github.aoaiplatform.apim.policy.TokenQuotaPeriod;
import io.github.aoaiplatform.chargeback.PriceTable;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The chargeback KQL, generated from the price table and the departments. Token counts come from the gateway's token
 * metrics ({@code azure-openai-emit-token-metric}, table {@code AppMetrics} of the workspace, one row per metric and
 * dimension set), whose dimensions are {@link DefaultPolicy#METRIC_DIMENSIONS}; streamed and non-streamed calls are both
 * counted by APIM.
 *
 * <p>Workspace functions (saved searches with an alias), each built on the previous ones:
 * <ul>
 *   <li>{@value #PRICES}: the price table (model, input, cached input and output price per 1K tokens, currency, version);</li>
 *   <li>{@value #DEPARTMENTS}: department, display name, cost center, monthly budget, token quota and period,
 *       monthly capacity charge and alert level (% of budget and quota);</li>
 *   <li>{@value #USAGE}: hourly prompt, cached prompt and completion tokens by department, model and deployment (the
 *       metrics' bounded dimensions; per-user and per-app figures are in the gateway's usage records);</li>
 *   <li>{@value #COST}: usage priced with the table and joined with the departments ({@code Cost}, {@code CostCenter});</li>
 *   <li>{@value #RECORDS}: the gateway's usage records, one per call (rejected ones too), which it traces to
 *       Application Insights ({@code AppTraces}): department, user, app, model, deployment and the call's tokens. The
 *       per-user report prices them; a streamed call's record has only its total, priced at the output rate (an upper
 *       bound).</li>
 * </ul>
 * Cost = (prompt − cached prompt tokens) × input price + cached prompt tokens × cached input price + completion tokens
 * × output price, per 1K tokens. Cached prompt tokens are a part of the prompt tokens; they come from the gateway's
 * {@value DefaultPolicy#CACHED_PROMPT_TOKENS_METRIC} metric, which reads the response's {@code usage} and so covers
 * calls that are not streamed (the cached tokens of a streamed call are priced at the input rate: an upper bound).
 */
public final class ChargebackQueries {
    private ChargebackQueries() {}

    /** Alias of the price table function. */
    public static final String PRICES = "AoaiPrices";
    /** Alias of the departments function. */
    public static final String DEPARTMENTS = "AoaiDepartments";
    /** Alias of the hourly token use function. */
    public static final String USAGE = "AoaiTokenUsage";
    /** Alias of the priced usage function. */
    public static final String COST = "AoaiCost";
    /** Alias of the per-call usage records function. */
    public static final String RECORDS = "AoaiUsageRecords";
    /** The token metric names APIM emits. */
    public static final String PROMPT_TOKENS_METRIC = "Prompt Tokens";
    /** The completion token metric's name. */
    public static final String COMPLETION_TOKENS_METRIC = "Completion Tokens";
    /** The cached prompt token metric's name (emitted by the gateway's outbound policy). */
    public static final String CACHED_PROMPT_TOKENS_METRIC = DefaultPolicy.CACHED_PROMPT_TOKENS_METRIC;
    /** Dimensions the reports group by: the metric dimensions except APIM's API ID. */
    public static final List<String> DIMENSIONS = DefaultPolicy.METRIC_DIMENSIONS.stream()
            .filter(d -> !d.equals(io.github.aoaiplatform.apim.policy.MetricDimension.API_ID)).toList();

    /**
     * A saved report query.
     *
     * @param id          the report's id, part of its construct id and name
     * @param displayName the name shown in the portal and the workbook
     * @param query       the KQL
     */
    public record Report(String id, String displayName, String query) {}

    /**
     * @param table the price table
     * @return the {@value #PRICES} function: a datatable of the prices per model, with the table's version and currency
     */
    public static String prices(PriceTable table) {
        String rows = table.models().entrySet().stream().map(e -> "    " + string(e.getKey()) + ", "
                + real(e.getValue().inputPer1K()) + ", " + real(e.getValue().cachedInputPer1K()) + ", " + real(e.getValue().outputPer1K()))
                .collect(Collectors.joining(",\n"));
        return "datatable(Model: string, InputPer1K: real, CachedInputPer1K: real, OutputPer1K: real)\n[\n" + rows + "\n]\n"
                + "| extend Currency = " + string(table.currency()) + ", PriceTableVersion = " + string(table.version());
    }

    /**
     * @param departments the departments
     * @return the {@value #DEPARTMENTS} function: a datatable of the departments' cost centers, budgets, quotas and alert levels
     */
    public static String departments(List<ChargebackDepartmentOptions> departments) {
        String rows = departments.stream().map(d -> "    " + String.join(", ", string(d.name()), string(d.displayName()),
                        string(d.costCenter()), d.monthlyBudget() == null ? "real(null)" : real(d.monthlyBudget()),
                        d.tokenQuota() == null ? "long(null)" : "long(" + d.tokenQuota() + ")", string(d.tokenQuotaPeriod().xmlValue()),
                        d.monthlyCapacityCharge() == null ? "real(null)" : real(d.monthlyCapacityCharge()), String.valueOf(d.alertPercent())))
                .collect(Collectors.joining(",\n"));
        return "datatable(Department: string, DisplayName: string, CostCenter: string, MonthlyBudget: real, TokenQuota: long, "
                + "QuotaPeriod: string, MonthlyCapacityCharge: real, AlertPercent: int)\n[\n" + rows + "\n]";
    }

    /** @return the {@value #USAGE} function: prompt, cached prompt and completion tokens per hour and dimension set */
    public static String usage() {
        String extend = DIMENSIONS.stream().map(d -> d + " = tostring(Properties[" + string(d) + "])").collect(Collectors.joining(", "));
        return "AppMetrics\n"
                + "| where Name in (" + string(PROMPT_TOKENS_METRIC) + ", " + string(CACHED_PROMPT_TOKENS_METRIC) + ", "
                + string(COMPLETION_TOKENS_METRIC) + ")\n"
                + "| extend " + extend + "\n"
                + "| where isnotempty(Deployment)\n"
                + "| summarize PromptTokens = sumif(Sum, Name == " + string(PROMPT_TOKENS_METRIC) + "), CachedPromptTokens = sumif(Sum, Name == "
                + string(CACHED_PROMPT_TOKENS_METRIC) + "), CompletionTokens = sumif(Sum, Name == " + string(COMPLETION_TOKENS_METRIC)
                + ") by TimeGenerated = bin(TimeGenerated, 1h), " + String.join(", ", DIMENSIONS);
    }

    /** Rows with Model, PromptTokens, CachedPromptTokens and CompletionTokens priced: the one cost rule. */
    private static final String PRICED = "| join kind=leftouter (" + PRICES + "()) on Model\n"
            + "| extend Cost = (PromptTokens - CachedPromptTokens) / 1000.0 * InputPer1K + CachedPromptTokens / 1000.0 * CachedInputPer1K"
            + " + CompletionTokens / 1000.0 * OutputPer1K\n";

    /** @return the {@value #COST} function: {@value #USAGE} priced with {@value #PRICES} */
    public static String cost() {
        return USAGE + "()\n"
                + PRICED
                + "| join kind=leftouter (" + DEPARTMENTS + "() | project Department, CostCenter) on Department\n"
                + "| extend CostCenter = iff(isempty(CostCenter), \"unassigned\", CostCenter)\n"
                + "| project TimeGenerated, Department, CostCenter, " + String.join(", ", DIMENSIONS.subList(1, DIMENSIONS.size()))
                + ", PromptTokens, CachedPromptTokens, CompletionTokens, TotalTokens = PromptTokens + CompletionTokens, Cost, Currency, PriceTableVersion";
    }

    /**
     * @param table       the price table
     * @param departments the departments
     * @return the functions by alias, in dependency order
     */
    public static Map<String, String> functions(PriceTable table, List<ChargebackDepartmentOptions> departments) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put(PRICES, prices(table));
        f.put(DEPARTMENTS, departments(departments));
        f.put(USAGE, usage());
        f.put(COST, cost());
        f.put(RECORDS, records());
        return f;
    }

    /**
     * @return the {@value #RECORDS} function: the usage records the gateway traces ({@link DefaultPolicy#USAGE_TRACE_MARKER}),
     *         one row per call with its fields as typed columns
     */
    public static String records() {
        return "AppTraces\n"
                + "| where Properties[" + string(DefaultPolicy.USAGE_TRACE_MARKER) + "] == \"usage\"\n"
                + "| extend r = parse_json(Message)\n"
                + "| project TimeGenerated, RequestId = tostring(r.requestId), Department = tostring(r.department), User = tostring(r.user),"
                + " App = tostring(r.app), Deployment = tostring(r.deployment), Model = tostring(r.model), Stream = tobool(r.stream),"
                + " PromptTokens = tolong(r.promptTokens), CompletionTokens = tolong(r.completionTokens),"
                + " CachedPromptTokens = tolong(r.cachedPromptTokens), TotalTokens = tolong(r.totalTokens), StatusCode = toint(r.statusCode),"
                + " Reason = tostring(r.reason)";
    }

    private static final String THIS_MONTH = "| where TimeGenerated >= startofmonth(now())\n";

    /** @return the saved reports: cost per department, user, model and day (month to date), and quota use per department */
    public static List<Report> reports() {
        return List.of(
                // departments with a capacity charge are billed it even in a month without tokens
                new Report("cost-per-department", "Cost per department (month to date)", COST + "()\n" + THIS_MONTH
                        + "| union (" + DEPARTMENTS + "() | where isnotnull(MonthlyCapacityCharge) | project Department, CostCenter, "
                        + "Currency = toscalar(" + PRICES + "() | take 1 | project Currency))\n"
                        + "| summarize PromptTokens = sum(PromptTokens), CompletionTokens = sum(CompletionTokens), Cost = round(sum(Cost), 2) by Department, CostCenter, Currency\n"
                        + "| join kind=leftouter (" + DEPARTMENTS + "() | project Department, MonthlyBudget, MonthlyCapacityCharge) on Department\n"
                        + "| extend CapacityCharge = coalesce(MonthlyCapacityCharge, real(0))\n"
                        + "| extend TotalCost = round(Cost + CapacityCharge, 2)\n"
                        + "| extend BudgetUsedPercent = round(100.0 * TotalCost / MonthlyBudget, 1)\n"
                        + "| project Department, CostCenter, PromptTokens, CompletionTokens, Cost, CapacityCharge, TotalCost, Currency, MonthlyBudget, BudgetUsedPercent\n"
                        + "| order by TotalCost desc"),
                new Report("cost-per-user", "Cost per user (month to date)", RECORDS + "()\n" + THIS_MONTH
                        + "| extend Split = isnotnull(PromptTokens)\n"
                        + "| extend PromptTokens = iff(Split, PromptTokens, 0), CachedPromptTokens = coalesce(CachedPromptTokens, 0),"
                        + " CompletionTokens = iff(Split, coalesce(CompletionTokens, 0), TotalTokens)\n"
                        + PRICED
                        + "| summarize Calls = count(), PromptTokens = sum(PromptTokens), CompletionTokens = sum(CompletionTokens),"
                        + " Cost = round(sum(Cost), 4) by Department, User, Currency\n"
                        + "| order by Cost desc"),
                new Report("cost-per-model", "Cost per model (month to date)", COST + "()\n" + THIS_MONTH
                        + "| summarize PromptTokens = sum(PromptTokens), CompletionTokens = sum(CompletionTokens), Cost = round(sum(Cost), 2) by Model, Deployment, Currency, PriceTableVersion\n"
                        + "| order by Cost desc"),
                new Report("cost-per-day", "Cost per day and department (last 31 days)", COST + "()\n"
                        + "| where TimeGenerated >= startofday(ago(31d))\n"
                        + "| summarize Cost = round(sum(Cost), 2) by Day = startofday(TimeGenerated), Department, Currency\n"
                        + "| order by Day asc, Department asc"),
                new Report("quota-per-department", "Token quota used per department (current period)", USAGE + "()\n"
                        + "| join kind=inner (" + DEPARTMENTS + "() | where isnotnull(TokenQuota)) on Department\n"
                        + "| extend PeriodStart = " + periodStartExpression() + "\n"
                        + "| where TimeGenerated >= PeriodStart\n"
                        + "| summarize Tokens = sum(PromptTokens + CompletionTokens) by Department, TokenQuota, QuotaPeriod\n"
                        + "| extend QuotaUsedPercent = round(100.0 * Tokens / TokenQuota, 1)\n"
                        + "| order by QuotaUsedPercent desc"));
    }

    private static String periodStartExpression() {
        return "case(QuotaPeriod == \"Hourly\", bin(now(), 1h), QuotaPeriod == \"Daily\", startofday(now()), "
                + "QuotaPeriod == \"Weekly\", startofweek(now()), QuotaPeriod == \"Monthly\", startofmonth(now()), startofyear(now()))";
    }

    /**
     * The cost alert's query, one row per department at its alert level, which the alert splits by {@code Department}:
     * each department with a monthly budget whose cost over the alert window (one day), projected to a
     * {@value #DAYS_PER_MONTH}-day month, plus its monthly capacity charge in full, is at least {@code AlertPercent} % of its
     * {@code MonthlyBudget} (both from {@value #DEPARTMENTS}). Log alerts look back at most two days, so a month-to-date sum
     * cannot be alerted on; the projection fires early instead of late. A department without calls that day still
     * alerts when its capacity charge alone reaches the level.
     *
     * @return the query
     */
    public static String costAlert() {
        return DEPARTMENTS + "()\n"
                + "| where isnotnull(MonthlyBudget)\n"
                + "| join kind=leftouter (" + COST + "() | summarize WindowCost = sum(Cost) by Department) on Department\n"
                + "| extend " + PROJECTED_COST_COLUMN + " = coalesce(WindowCost, real(0)) * " + DAYS_PER_MONTH
                + " + coalesce(MonthlyCapacityCharge, real(0))\n"
                + "| where " + PROJECTED_COST_COLUMN + " >= MonthlyBudget * AlertPercent / 100.0\n"
                + "| project Department, DisplayName, CostCenter, " + PROJECTED_COST_COLUMN + ", MonthlyBudget, AlertPercent";
    }

    /** The cost alert's result column. */
    public static final String PROJECTED_COST_COLUMN = "ProjectedMonthlyCost";
    /** The quota alert's result column. */
    public static final String PROJECTED_TOKENS_COLUMN = "ProjectedPeriodTokens";
    /** The month the cost alert projects to, in days. */
    public static final int DAYS_PER_MONTH = 30;

    /**
     * The query of the quota alert with the given window, one row per department at its alert level, which the alert splits
     * by {@code Department}: each department whose quota period has this window ({@link #quotaAlertWindow}) and whose
     * tokens over the window, projected to its quota period, are at least {@code AlertPercent} % of its {@code TokenQuota}.
     *
     * @param window the alert window, {@code PT1H} or {@code P1D}
     * @return the query
     */
    public static String quotaAlert(String window) {
        List<TokenQuotaPeriod> periods = Arrays.stream(TokenQuotaPeriod.values())
                .filter(p -> quotaAlertWindow(p).equals(window)).toList();
        if (periods.isEmpty()) throw new IllegalArgumentException("no quota period has the alert window " + window);
        StringBuilder factor = new StringBuilder();
        for (TokenQuotaPeriod p : periods.subList(0, periods.size() - 1))
            factor.append("QuotaPeriod == ").append(string(p.xmlValue())).append(", ").append(quotaProjectionFactor(p)).append(", ");
        String last = String.valueOf(quotaProjectionFactor(periods.get(periods.size() - 1)));
        return DEPARTMENTS + "()\n"
                + "| where isnotnull(TokenQuota) and QuotaPeriod in ("
                + periods.stream().map(p -> string(p.xmlValue())).collect(Collectors.joining(", ")) + ")\n"
                + "| join kind=leftouter (" + USAGE + "() | summarize WindowTokens = sum(PromptTokens + CompletionTokens) by Department) on Department\n"
                + "| extend " + PROJECTED_TOKENS_COLUMN + " = coalesce(WindowTokens, real(0)) * "
                + (factor.length() == 0 ? last : "case(" + factor + last + ")") + "\n"
                + "| where " + PROJECTED_TOKENS_COLUMN + " >= TokenQuota * AlertPercent / 100.0\n"
                + "| project Department, DisplayName, CostCenter, " + PROJECTED_TOKENS_COLUMN + ", TokenQuota, QuotaPeriod, AlertPercent";
    }

    /**
     * @param period a quota period
     * @return the alert window (ISO 8601 duration): the period itself when it fits in a day, else one day
     */
    public static String quotaAlertWindow(TokenQuotaPeriod period) {
        return period == TokenQuotaPeriod.HOURLY ? "PT1H" : "P1D";
    }

    /**
     * @param period a quota period
     * @return how many alert windows fit in the quota period
     */
    public static int quotaProjectionFactor(TokenQuotaPeriod period) {
        return switch (period) {
            case HOURLY, DAILY -> 1;
            case WEEKLY -> 7;
            case MONTHLY -> DAYS_PER_MONTH;
            case YEARLY -> 365;
        };
    }

    /** A KQL string literal. */
    static String string(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /**
     * @param d a number
     * @return a KQL real literal without exponent notation
     */
    public static String real(double d) {
        return "real(" + BigDecimal.valueOf(d).stripTrailingZeros().toPlainString() + ")";
    }
}
