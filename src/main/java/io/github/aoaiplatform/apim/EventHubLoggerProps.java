package io.github.aoaiplatform.apim;

import io.github.aoaiplatform.core.PropsCheck;
import io.github.aoaiplatform.monitoring.UsageEventHub;

/**
 * The inputs of {@link EventHubLogger#create}.
 *
 * @param apiManagement the API Management service that gets the logger; it sends with its user-assigned identity, which
 *                      the logger grants {@value UsageEventHub#SENDER_ROLE} on the hub. Required.
 * @param eventHub      the usage Event Hub. Required.
 */
public record EventHubLoggerProps(IApiManagement apiManagement, UsageEventHub eventHub) {
    /**
     * Validates every field; see the record's components.
     *
     * @param apiManagement see {@link #apiManagement()}
     * @param eventHub      see {@link #eventHub()}
     */
    public EventHubLoggerProps {
        PropsCheck check = PropsCheck.of("EventHubLoggerProps");
        check.require("apiManagement", apiManagement);
        check.require("eventHub", eventHub);
        check.throwIfAny();
    }

    /** @return a builder for {@link EventHubLoggerProps}; required fields are checked by {@link Builder#build()} */
    public static Builder builder() { return new Builder(); }

    /** Builds {@link EventHubLoggerProps}: one setter per component, defaults and validation in the record. */
    public static final class Builder {
        private IApiManagement apiManagement;
        private UsageEventHub eventHub;

        private Builder() {}

        /**
         * Sets {@link EventHubLoggerProps#apiManagement()}.
         *
         * @param apiManagement the value
         * @return this builder
         */
        public Builder apiManagement(IApiManagement apiManagement) { this.apiManagement = apiManagement; return this; }

        /**
         * Sets {@link EventHubLoggerProps#eventHub()}.
         *
         * @param eventHub the value
         * @return this builder
         */
        public Builder eventHub(UsageEventHub eventHub) { this.eventHub = eventHub; return this; }

        /**
         * @return the validated, immutable props
         * @throws io.github.aoaiplatform.core.InvalidPropsException naming every invalid field
         */
        public EventHubLoggerProps build() { return new EventHubLoggerProps(apiManagement, eventHub); }
    }
}
