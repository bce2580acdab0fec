package io.github.aoaiplatform.chargeback;

import io.github.aoaiplatform.core.ILogAnalyticsWorkspace;
import io.github.aoaiplatform.core.IResourceGroup;
import io.github.aoaiplatform.core.Naming;
import io.github.aoaiplatform.core.PropsCheck;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The inputs of {@link Chargeback}.
 *
 * @param workspace     the Log Analytics workspace holding the gateway's token metrics (reports and alert scope). Required.
 * @param resourceGroup resource group of the workbook, the alerts and the action group. Required.
 * @param location      region of the workbook and alerts; Defaults to: the resource group's.
 * @param naming        names the alerts ({@code alert-...-cost-<department>-...}), the action group and the workbook (a
 *                      GUID derived from workload and environment). Required.
 * @param prices        the price table. Required.
 * @param departments   the departments, with unique names; Defaults to: none (reports only).
 * @param alertEmails   e-mail addresses that receive the alerts; Defaults to: none (no action group).
 * @param tags          tags of the saved searches, the workbook, the alerts and the action group; Defaults to: none.
 */
public record ChargebackProps(ILogAnalyticsWorkspace workspace, IResourceGroup resourceGroup, String location, Naming naming,
                              PriceTable prices, List<ChargebackDepartmentOptions> departments, List<String> alertEmails,
                              Map<String, String> tags) {
    /**
     * Validates, copies and fills defaults; see the record's components.
     *
     * @param workspace     see {@link #workspace()}
     * @param resourceGroup see {@link #resourceGroup()}
     * @param location      see {@link #location()}
     * @param naming        see {@link #naming()}
     * @param prices        see {@link #prices()}
     * @param departments   see {@link #departments()}
     * @param alertEmails   see {@link #alertEmails()}
     * @param tags          see {@link #tags()}
     */
    public ChargebackProps {
        PropsCheck check = PropsCheck.of("ChargebackProps");
        check.require("workspace", workspace);
        if (check.require("resourceGroup", resourceGroup) && location == null) location = resourceGroup.location();
        check.region("location", location);
        check.require("naming", naming);
        check.require("prices", prices);
        departments = departments == null ? List.of() : List.copyOf(departments);
        alertEmails = alertEmails == null ? List.of() : List.copyOf(alertEmails);
        java.util.Set<String> names = new java.util.HashSet<>();
        for (int i = 0; i < departments.size(); i++)
            check.check(names.add(departments.get(i).name()), "departments[" + i + "].name",
                    "'" + departments.get(i).name() + "' is defined twice; department names must be unique");
        for (int i = 0; i < alertEmails.size(); i++)
            if (check.require("alertEmails[" + i + "]", alertEmails.get(i))) check.email("alertEmails[" + i + "]", alertEmails.get(i));
        tags = tags == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(tags));
        check.throwIfAny();
    }

    /** @return a builder for {@link ChargebackProps}; required fields are checked by {@link Builder#build()} */
    public static Builder builder() { return new Builder(); }

    /** Builds {@link ChargebackProps}: one setter per component, defaults and validation in the record. */
    public static final class Builder {
        private ILogAnalyticsWorkspace workspace;
        private IResourceGroup resourceGroup;
        private String location;
        private Naming naming;
        private PriceTable prices;
        private List<ChargebackDepartmentOptions> departments;
        private List<String> alertEmails;
        private Map<String, String> tags;

        private Builder() {}

        /**
         * Sets {@link ChargebackProps#workspace()}.
         *
         * @param workspace the value
         * @return this builder
         */
        public Builder workspace(ILogAnalyticsWorkspace workspace) { this.workspace = workspace; return this; }

        /**
         * Sets {@link ChargebackProps#resourceGroup()}.
         *
         * @param resourceGroup the value
         * @return this builder
         */
        public Builder resourceGroup(IResourceGroup resourceGroup) { this.resourceGroup = resourceGroup; return this; }

        /**
         * Sets {@link ChargebackProps#location()}.
         *
         * @param location the value
         * @return this builder
         */
        public Builder location(String location) { this.location = location; return this; }

        /**
         * Sets {@link ChargebackProps#naming()}.
         *
         * @param naming the value
         * @return this builder
         */
        public Builder naming(Naming naming) { this.naming = naming; return this; }

        /**
         * Sets {@link ChargebackProps#prices()}.
         *
         * @param prices the value
         * @return this builder
         */
        public Builder prices(PriceTable prices) { this.prices = prices; return this; }

        /**
         * Sets {@link ChargebackProps#departments()}.
         *
         * @param departments the value
         * @return this builder
         */
        public Builder departments(List<ChargebackDepartmentOptions> departments) { this.departments = departments; return this; }

        /**
         * Sets {@link ChargebackProps#alertEmails()}.
         *
         * @param alertEmails the value
         * @return this builder
         */
        public Builder alertEmails(List<String> alertEmails) { this.alertEmails = alertEmails; return this; }

        /**
         * Sets {@link ChargebackProps#tags()}.
         *
         * @param tags the value
         * @return this builder
         */
        public Builder tags(Map<String, String> tags) { this.tags = tags; return this; }

        /**
         * @return the validated, immutable props
         * @throws io.github.aoaiplatform.core.InvalidPropsException naming every invalid field
         */
        public ChargebackProps build() { return new ChargebackProps(workspace, resourceGroup, location, naming, prices, departments, alertEmails, tags); }
    }
}
