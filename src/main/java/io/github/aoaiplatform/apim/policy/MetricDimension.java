package io.github.aoaiplatform.apim.policy;

import java.util.List;

/**
 * A {@code <dimension name="…" value="…"/>} of {@link EmitTokenMetric}. value may be omitted only for APIM's
 * default dimensions ({@link #DEFAULT_DIMENSIONS}, exact spelling), whose value APIM fills in.
 */
public final class MetricDimension {

    public static final String API_ID = "API ID";
    public static final String OPERATION_ID = "Operation ID";
    public static final String PRODUCT_ID = "Product ID";
    public static final String SUBSCRIPTION_ID = "Subscription ID";
    public static final String USER_ID = "User ID";
    public static final String LOCATION = "Location";
    public static final String GATEWAY_ID = "Gateway ID";
    public static final String BACKEND_ID = "Backend ID";

    /** Dimension names APIM can fill in without a value. */
    public static final List<String> DEFAULT_DIMENSIONS =
            List.of(API_ID, OPERATION_ID, PRODUCT_ID, SUBSCRIPTION_ID, USER_ID, LOCATION, GATEWAY_ID, BACKEND_ID);

    private static final String ELEMENT = "dimension";

    private final String name;
    private final String value;

    private MetricDimension(String name, String value) {
        this.name = Checks.requireText(name, ELEMENT, "name", "set a dimension name, e.g. MetricDimension.API_ID");
        this.value = Checks.optionalText(value, ELEMENT, "value");
        if (this.value == null && !DEFAULT_DIMENSIONS.contains(name)) {
            throw Checks.invalid(ELEMENT, "value", "is required for custom dimension \"" + name
                            + "\" (only default dimensions " + DEFAULT_DIMENSIONS + " may omit it)",
                    "pass a value, e.g. MetricDimension.of(\"" + name + "\", \"@(context.Request.IpAddress)\")");
        }
    }

    /** A default dimension whose value APIM provides, e.g. {@code of(MetricDimension.API_ID)}. */
    public static MetricDimension of(String name) {
        return new MetricDimension(name, null);
    }

    /** A dimension with an explicit value (literal or policy expression). */
    public static MetricDimension of(String name, String value) {
        return new MetricDimension(name, value);
    }

    public String name() {
        return name;
    }

    /** The value, or {@code null} for a default dimension without value. */
    public String value() {
        return value;
    }

    XmlNode toNode() {
        return XmlNode.element(ELEMENT).attr("name", name).attr("value", value).build();
    }
}
