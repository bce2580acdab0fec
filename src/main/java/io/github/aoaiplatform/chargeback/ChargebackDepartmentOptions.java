package io.github.aoaiplatform.chargeback;

import io.github.aoaiplatform.apim.policy.TokenQuotaPeriod;
import io.github.aoaiplatform.core.PropsCheck;

/**
 * What the chargeback reports and alerts need of a department.
 *
 * @param name             the department's name, as in the gateway's {@code Department} dimension. Required.
 * @param displayName      the name shown in alerts; Defaults to: the name.
 * @param costCenter       the cost center its bill goes to (shown in every cost report). Required.
 * @param monthlyBudget    monthly budget in the price table's currency, more than 0; an alert fires when the projected
 *                         month crosses {@code alertPercent} of it; Defaults to: none (no cost alert).
 * @param tokenQuota       tokens per {@code tokenQuotaPeriod}, more than 0; an alert fires when the projected period
 *                         crosses {@code alertPercent} of it; Defaults to: none (no quota alert).
 * @param tokenQuotaPeriod the quota's period; Defaults to: monthly.
 * @param alertPercent     threshold of the cost and quota alerts, 1-100 % of budget or quota; Defaults to:
 *                         {@value #DEFAULT_ALERT_PERCENT}.
 * @param monthlyCapacityCharge a fixed amount per month in the price table's currency, more than 0, charged on top of
 *                         its tokens for its dedicated capacity (its own deployments or accounts): the month's report and
 *                         the cost alert add it in full; Defaults to: none.
 */
public record ChargebackDepartmentOptions(String name, String displayName, String costCenter, Double monthlyBudget, Long tokenQuota,
                                          TokenQuotaPeriod tokenQuotaPeriod, Integer alertPercent, Double monthlyCapacityCharge) {
    /** The alert threshold when none is given. */
    public static final int DEFAULT_ALERT_PERCENT = 80;

    /**

     * Validates and fills defaults; see the record's components.

     *

     * @param name             see {@link #name()}

     * @param displayName      see {@link #displayName()}

     * @param costCenter       see {@link #costCenter()}

     * @param monthlyBudget    see {@link #monthlyBudget()}

     * @param tokenQuota       see {@link #tokenQuota()}

     * @param tokenQuotaPeriod see {@link #tokenQuotaPeriod()}

     * @param alertPercent     see {@link #alertPercent()}
     * @param monthlyCapacityCharge see {@link #monthlyCapacityCharge()}

     */
    public ChargebackDepartmentOptions {
        PropsCheck check = PropsCheck.of("ChargebackDepartmentOptions");
        check.require("name", name);
        check.require("costCenter", costCenter);
        displayName = displayName != null ? displayName : name;
        check.check(monthlyBudget == null || monthlyBudget > 0, "monthlyBudget",
                "must be greater than 0 (in the price table's currency), or omitted for no cost alert");
        check.check(tokenQuota == null || tokenQuota > 0, "tokenQuota", "must be greater than 0, or omitted for no quota");
        tokenQuotaPeriod = tokenQuotaPeriod != null ? tokenQuotaPeriod : TokenQuotaPeriod.MONTHLY;
        alertPercent = alertPercent != null ? alertPercent : DEFAULT_ALERT_PERCENT;
        check.check(alertPercent >= 1 && alertPercent <= 100, "alertPercent",
                "must be between 1 and 100 (% of budget or quota), got " + alertPercent);
        check.check(monthlyCapacityCharge == null || monthlyCapacityCharge > 0, "monthlyCapacityCharge",
                "must be greater than 0 (in the price table's currency), or omitted for no fixed charge");
        check.throwIfAny();
    }

    /** @return a builder for {@link ChargebackDepartmentOptions}; required fields are checked by {@link Builder#build()} */
    public static Builder builder() { return new Builder(); }

    /** Builds {@link ChargebackDepartmentOptions}: one setter per component, defaults and validation in the record. */
    public static final class Builder {
        private String name;
        private String displayName;
        private String costCenter;
        private Double monthlyBudget;
        private Long tokenQuota;
        private TokenQuotaPeriod tokenQuotaPeriod;
        private Integer alertPercent;
        private Double monthlyCapacityCharge;

        private Builder() {}

        /**
         * Sets {@link ChargebackDepartmentOptions#name()}.
         *
         * @param name the value
         * @return this builder
         */
        public Builder name(String name) { this.name = name; return this; }

        /**
         * Sets {@link ChargebackDepartmentOptions#displayName()}.
         *
         * @param displayName the value
         * @return this builder
         */
        public Builder displayName(String displayName) { this.displayName = displayName; return this; }

        /**
         * Sets {@link ChargebackDepartmentOptions#costCenter()}.
         *
         * @param costCenter the value
         * @return this builder
         */
        public Builder costCenter(String costCenter) { this.costCenter = costCenter; return this; }

        /**
         * Sets {@link ChargebackDepartmentOptions#monthlyBudget()}.
         *
         * @param monthlyBudget the value
         * @return this builder
         */
        public Builder monthlyBudget(Double monthlyBudget) { this.monthlyBudget = monthlyBudget; return this; }

        /**
         * Sets {@link ChargebackDepartmentOptions#tokenQuota()}.
         *
         * @param tokenQuota the value
         * @return this builder
         */
        public Builder tokenQuota(Long tokenQuota) { this.tokenQuota = tokenQuota; return this; }

        /**
         * Sets {@link ChargebackDepartmentOptions#tokenQuotaPeriod()}.
         *
         * @param tokenQuotaPeriod the value
         * @return this builder
         */
        public Builder tokenQuotaPeriod(TokenQuotaPeriod tokenQuotaPeriod) { this.tokenQuotaPeriod = tokenQuotaPeriod; return this; }

        /**
         * Sets {@link ChargebackDepartmentOptions#alertPercent()}.
         *
         * @param alertPercent the value
         * @return this builder
         */
        public Builder alertPercent(Integer alertPercent) { this.alertPercent = alertPercent; return this; }

        /**
         * Sets {@link ChargebackDepartmentOptions#monthlyCapacityCharge()}.
         *
         * @param monthlyCapacityCharge the value
         * @return this builder
         */
        public Builder monthlyCapacityCharge(Double monthlyCapacityCharge) { this.monthlyCapacityCharge = monthlyCapacityCharge; return this; }

        /**
         * @return the validated, immutable props
         * @throws io.github.aoaiplatform.core.InvalidPropsException naming every invalid field
         */
        public ChargebackDepartmentOptions build() { return new ChargebackDepartmentOptions(name, displayName, costCenter, monthlyBudget, tokenQuota, tokenQuotaPeriod, alertPercent, monthlyCapacityCharge); }
    }
}
