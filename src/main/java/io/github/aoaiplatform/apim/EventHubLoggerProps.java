package io.github.aoaiplatform.apim;

import io.github.aoaiplatform.core.PropsCheck;
import io.github.aoaiplatform.monitoring.UsageEventHub;

/**
 * The inputs of {@link EventHubLogger#create}.
 *
 * @param apiManagement the API Management service that gets the logger. Required.
 * @param eventHub      the usage Event Hub; the logger is created after its sender role assignment. Required.
 * @param identityClientId client id of the user-assigned identity the logger authenticates with, which must be the hub's
 *                      sender; Defaults to: the service's identity.
 */
public record EventHubLoggerProps(IApiManagement apiManagement, UsageEventHub eventHub, String identityClientId) {
    /**
     * Validates every field and fills defaults; see the record's components.
     *
     * @param apiManagement see {@link #apiManagement()}
     * @param eventHub see {@link #eventHub()}
     * @param identityClientId see {@link #identityClientId()}
     */
    public EventHubLoggerProps {
        PropsCheck check = PropsCheck.of("EventHubLoggerProps");
        if (check.require("apiManagement", apiManagement) && identityClientId == null) identityClientId = apiManagement.identity().clientId();
        check.require("eventHub", eventHub);
        check.throwIfAny();
    }

    /** @return a builder for {@link EventHubLoggerProps}; required fields are checked by {@link Builder#build()} */
    public static Builder builder() { return new Builder(); }

    /** Builds {@link EventHubLoggerProps}: one setter per component, defaults and validation in the record. */
    public static final class Builder {
        private IApiManagement apiManagement;
        private UsageEventHub eventHub;
        private String identityClientId;

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
         * Sets {@link EventHubLoggerProps#identityClientId()}.
         *
         * @param identityClientId the value
         * @return this builder
         */
        public Builder identityClientId(String identityClientId) { this.identityClientId = identityClientId; return this; }

        /**
         * @return the validated, immutable props
         * @throws io.github.aoaiplatform.core.InvalidPropsException naming every invalid field
         */
        public EventHubLoggerProps build() { return new EventHubLoggerProps(apiManagement, eventHub, identityClientId); }
    }
}
