package io.github.aoaiplatform.apim.policy;

/**
 * {@code <log-to-eventhub logger-id="…">message</log-to-eventhub>} (any section); the message is usually a policy
 * expression. partition-id and partition-key default to: unset and are mutually exclusive.
 */
public final class LogToEventHub extends PolicyElement {

    static final String ELEMENT = "log-to-eventhub";

    private final String loggerId;
    private final Integer partitionId;
    private final String partitionKey;
    private final String message;

    private LogToEventHub(Builder b) {
        this.loggerId = Checks.requireText(b.loggerId, ELEMENT, "logger-id", "pass the id of an APIM Event Hub logger");
        this.partitionId = b.partitionId == null ? null
                : Checks.requireRange(b.partitionId, 0, Integer.MAX_VALUE, ELEMENT, "partition-id", "");
        this.partitionKey = Checks.optionalText(b.partitionKey, ELEMENT, "partition-key");
        if (partitionId != null && partitionKey != null) {
            throw Checks.invalid(ELEMENT, "partition-id", "and 'partition-key' are mutually exclusive", "set only one of them");
        }
        this.message = Checks.requireText(b.message, ELEMENT, "message", "pass the text or expression to log");
    }

    /**
     * Starts a builder.
     *
     * @param loggerId the id of an APIM logger of type Event Hub
     * @param message the text to send, usually a policy expression building JSON; must not be blank
     * @return a new builder
     */
    public static Builder builder(String loggerId, String message) {
        return new Builder(loggerId, message);
    }

    @Override
    public String elementName() {
        return ELEMENT;
    }

    @Override
    XmlNode toNode() {
        return XmlNode.element(ELEMENT)
                .attr("logger-id", loggerId)
                .attr("partition-id", partitionId)
                .attr("partition-key", partitionKey)
                .text(message)
                .build();
    }

    /** Builder for {@link LogToEventHub}; the partition settings are optional. */
    public static final class Builder {
        private final String loggerId;
        private final String message;
        private Integer partitionId;
        private String partitionKey;

        private Builder(String loggerId, String message) {
            this.loggerId = loggerId;
            this.message = message;
        }

        /**
         * Sets partition-id: the index of the Event Hub partition messages are sent to. Defaults to: unset.
         * Excludes partition-key.
         *
         * @param partitionId the partition index; &ge; 0
         * @return this builder
         */
        public Builder partitionId(int partitionId) {
            this.partitionId = partitionId;
            return this;
        }

        /**
         * Sets partition-key: the value Event Hubs uses to assign messages to a partition. Defaults to: unset.
         * Excludes partition-id.
         *
         * @param partitionKey the partition key; must not be blank
         * @return this builder
         */
        public Builder partitionKey(String partitionKey) {
            this.partitionKey = partitionKey;
            return this;
        }

        /**
         * Validates the settings and creates the policy.
         *
         * @return the immutable policy
         * @throws IllegalArgumentException if logger-id or message is blank, or both partition settings are set
         */
        public LogToEventHub build() {
            return new LogToEventHub(this);
        }
    }
}
