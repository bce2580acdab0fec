package io.github.aoaiplatform.apim;

import io.github.aoaiplatform.core.PropsCheck;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The inputs of a {@link Department}.
 *
 * @param api           the API the department's product grants, on the service the product goes on; it must require
 *                      subscriptions (checked at synth). Required.
 * @param policy        the department's name, membership and limits. Required.
 * @param displayName   product display name; Defaults to: the department name.
 * @param costCenter    cost center that pays, shown in the product description: 1-64 characters. Required.
 * @param subscriptions subscription names, each 1-32 lower-case letters, digits or hyphens, each once; Defaults to:
 *                      [{@code default}].
 */
public record DepartmentProps(OpenAiApi api, DepartmentPolicyProps policy, String displayName, String costCenter,
                              List<String> subscriptions) {
    /** The longest cost center. */
    public static final int MAX_COST_CENTER_LENGTH = 64;
    private static final Pattern SUBSCRIPTION = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");

    /**
     * Validates every field, fills defaults and copies collections; see the record's components.
     *
     * @param api see {@link #api()}
     * @param policy see {@link #policy()}
     * @param displayName see {@link #displayName()}
     * @param costCenter see {@link #costCenter()}
     * @param subscriptions see {@link #subscriptions()}
     */
    public DepartmentProps {
        PropsCheck check = PropsCheck.of("DepartmentProps");
        check.require("api", api);
        if (check.require("policy", policy) && displayName == null) displayName = policy.name();
        if (check.require("costCenter", costCenter))
            check.check(costCenter.length() <= MAX_COST_CENTER_LENGTH, "costCenter",
                    "must be at most " + MAX_COST_CENTER_LENGTH + " characters: every report names the cost center that pays");
        subscriptions = subscriptions == null || subscriptions.isEmpty() ? List.of("default") : List.copyOf(subscriptions);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < subscriptions.size(); i++) {
            String sub = subscriptions.get(i);
            check.matches("subscriptions[" + i + "]", sub, SUBSCRIPTION, "1-32 lower-case letters, digits or hyphens");
            check.check(seen.add(sub), "subscriptions[" + i + "]", "'" + sub + "' is listed twice");
        }
        check.throwIfAny();
    }

    /** @return a builder for {@link DepartmentProps}; required fields are checked by {@link Builder#build()} */
    public static Builder builder() { return new Builder(); }

    /** Builds {@link DepartmentProps}: one setter per component, defaults and validation in the record. */
    public static final class Builder {
        private OpenAiApi api;
        private DepartmentPolicyProps policy;
        private String displayName;
        private String costCenter;
        private List<String> subscriptions;

        private Builder() {}

        /**
         * Sets {@link DepartmentProps#api()}.
         *
         * @param api the value
         * @return this builder
         */
        public Builder api(OpenAiApi api) { this.api = api; return this; }

        /**
         * Sets {@link DepartmentProps#policy()}.
         *
         * @param policy the value
         * @return this builder
         */
        public Builder policy(DepartmentPolicyProps policy) { this.policy = policy; return this; }

        /**
         * Sets {@link DepartmentProps#displayName()}.
         *
         * @param displayName the value
         * @return this builder
         */
        public Builder displayName(String displayName) { this.displayName = displayName; return this; }

        /**
         * Sets {@link DepartmentProps#costCenter()}.
         *
         * @param costCenter the value
         * @return this builder
         */
        public Builder costCenter(String costCenter) { this.costCenter = costCenter; return this; }

        /**
         * Sets {@link DepartmentProps#subscriptions()}.
         *
         * @param subscriptions the value
         * @return this builder
         */
        public Builder subscriptions(List<String> subscriptions) { this.subscriptions = subscriptions; return this; }

        /**
         * @return the validated, immutable props
         * @throws io.github.aoaiplatform.core.InvalidPropsException naming every invalid field
         */
        public DepartmentProps build() { return new DepartmentProps(api, policy, displayName, costCenter, subscriptions); }
    }
}
