package io.github.aoaiplatform.apim.policy;

/** token-quota-period values of {@link LlmTokenLimit}. */
public enum TokenQuotaPeriod {
    HOURLY("Hourly"),
    DAILY("Daily"),
    WEEKLY("Weekly"),
    MONTHLY("Monthly"),
    YEARLY("Yearly");

    private final String xmlValue;

    TokenQuotaPeriod(String xmlValue) {
        this.xmlValue = xmlValue;
    }

    /** Rendered value, e.g. {@code Monthly}. */
    public String xmlValue() {
        return xmlValue;
    }
}
