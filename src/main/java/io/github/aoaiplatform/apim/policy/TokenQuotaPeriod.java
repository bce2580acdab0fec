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

    /** The period whose rendered value is {@code xmlValue} (e.g. {@code Monthly}). */
    public static TokenQuotaPeriod fromXmlValue(String xmlValue) {
        for (TokenQuotaPeriod p : values()) if (p.xmlValue.equals(xmlValue)) return p;
        throw new IllegalArgumentException("unknown token quota period '" + xmlValue + "'; use one of "
                + java.util.Arrays.stream(values()).map(TokenQuotaPeriod::xmlValue).toList());
    }

    /** Rendered value, e.g. {@code Monthly}. */
    public String xmlValue() {
        return xmlValue;
    }
}
