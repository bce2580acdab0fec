package io.github.aoaiplatform.apim;

import io.github.aoaiplatform.core.PropsCheck;

/**
 * One backend of a {@link BackendPool}.
 *
 * @param backendId ARM id of an existing API Management backend (typically {@code azurerm_api_management_backend.id}).
 *                  Required.
 * @param priority  {@value BackendPool#MIN_PRIORITY}-{@value BackendPool#MAX_PRIORITY}, lower is preferred; Defaults to: 1.
 * @param weight    {@value BackendPool#MIN_WEIGHT}-{@value BackendPool#MAX_WEIGHT}, traffic share within a priority;
 *                  Defaults to: 1.
 */
public record BackendPoolMember(String backendId, Integer priority, Integer weight) {
    /**
     * Validates every field and fills defaults; see the record's components.
     *
     * @param backendId see {@link #backendId()}
     * @param priority see {@link #priority()}
     * @param weight see {@link #weight()}
     */
    public BackendPoolMember {
        PropsCheck check = PropsCheck.of("BackendPoolMember");
        check.require("backendId", backendId);
        priority = priority == null ? 1 : priority;
        weight = weight == null ? 1 : weight;
        check.between("priority", priority, BackendPool.MIN_PRIORITY, BackendPool.MAX_PRIORITY);
        check.between("weight", weight, BackendPool.MIN_WEIGHT, BackendPool.MAX_WEIGHT);
        check.throwIfAny();
    }

    /** @return a builder for {@link BackendPoolMember}; required fields are checked by {@link Builder#build()} */
    public static Builder builder() { return new Builder(); }

    /** Builds {@link BackendPoolMember}: one setter per component, defaults and validation in the record. */
    public static final class Builder {
        private String backendId;
        private Integer priority;
        private Integer weight;

        private Builder() {}

        /**
         * Sets {@link BackendPoolMember#backendId()}.
         *
         * @param backendId the value
         * @return this builder
         */
        public Builder backendId(String backendId) { this.backendId = backendId; return this; }

        /**
         * Sets {@link BackendPoolMember#priority()}.
         *
         * @param priority the value
         * @return this builder
         */
        public Builder priority(Integer priority) { this.priority = priority; return this; }

        /**
         * Sets {@link BackendPoolMember#weight()}.
         *
         * @param weight the value
         * @return this builder
         */
        public Builder weight(Integer weight) { this.weight = weight; return this; }

        /**
         * @return the validated, immutable member
         * @throws io.github.aoaiplatform.core.InvalidPropsException naming every invalid field
         */
        public BackendPoolMember build() { return new BackendPoolMember(backendId, priority, weight); }
    }
}
