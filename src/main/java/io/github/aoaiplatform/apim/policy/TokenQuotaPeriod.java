package io.github.aoaiplatform.apim.policy;

/** token-quota-period values of {@link LlmTokenLimit}. */
public enum TokenQuotaPeriod {
    /** The token quota resets every hour. */
    HOURLY("Hourly"),
    /** The token quota resets every day. */
    DAILY("Daily"),
    /** The token quota resets every week. */
    WEEKLY("Weekly"),
    /** The token quota resets every month. */
    MONTHLY("Monthly"),
    /** The token quota resets every year. */
    YEARLY("Yearly");

    private final String xmlValue;

    TokenQuotaPeriod(String xmlValue) {
        this.xmlValue = xmlValue;
    }

    /**
     * The period whose rendered value is {@code xmlValue} (e.g. {@code Monthly}).
     *
     * @param xmlValue the rendered value, case-sensitive
     * @return the matching period
     * @throws IllegalArgumentException if no period renders as {@code xmlValue}
     */
    public static TokenQuotaPeriod fromXmlValue(String xmlValue) {
        for (TokenQuotaPeriod p : values()) if (p.xmlValue.equals(xmlValue)) return p;
        throw new IllegalArgumentException("unknown token quota period '" + xmlValue + "'; use one of "
                + java.util.Arrays.stream(values()).map(TokenQuotaPeriod::xmlValue).toList());
    }

    /**
     * Rendered value, e.g. {@code Monthly}.
     *
     * @return the token-quota-period attribute value
     */
    public String xmlValue() {
        return xmlValue;
    }
}
