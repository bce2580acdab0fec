package io.github.aoaiplatform.apim.policy;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A {@code <dimension name="…" value="…"/>} of {@link EmitTokenMetric}. value may be omitted only for APIM's
 * default dimensions ({@link #DEFAULT_DIMENSIONS}, exact spelling), whose value APIM fills in.
 */
public final class MetricDimension {

    /** Default dimension: the API the request called. */
    public static final String API_ID = "API ID";
    /** Default dimension: the API operation the request called. */
    public static final String OPERATION_ID = "Operation ID";
    /** Default dimension: the product of the caller's subscription. */
    public static final String PRODUCT_ID = "Product ID";
    /** Default dimension: the caller's subscription. */
    public static final String SUBSCRIPTION_ID = "Subscription ID";
    /** Default dimension: the APIM user who owns the subscription. */
    public static final String USER_ID = "User ID";
    /** Default dimension: the gateway's Azure region. */
    public static final String LOCATION = "Location";
    /** Default dimension: the gateway that handled the request. */
    public static final String GATEWAY_ID = "Gateway ID";
    /** Default dimension: the APIM backend the request was sent to. */
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

    /**
     * The dimensions of a metric element: at least one, at most {@code max}, names unique (case-insensitive).
     *
     * @param dimensions the dimensions
     * @param element    the element's name, for messages
     * @param max        the most dimensions the element allows
     * @return the immutable list
     * @throws IllegalArgumentException naming the rule broken
     */
    static List<MetricDimension> checkedList(List<MetricDimension> dimensions, String element, int max) {
        List<MetricDimension> checked = Checks.nonNullList(dimensions, element, "dimension");
        if (checked.isEmpty()) {
            throw Checks.invalid(element, "dimension", "requires at least one dimension",
                    "add e.g. dimension(MetricDimension.API_ID)");
        }
        if (checked.size() > max) {
            throw Checks.invalid(element, "dimension", "count is " + checked.size() + " but at most " + max
                    + " dimensions are allowed per metric", "remove " + (checked.size() - max) + " dimension(s)");
        }
        Set<String> seen = new HashSet<>();
        for (MetricDimension dimension : checked) {
            if (!seen.add(dimension.name().toLowerCase(Locale.ROOT))) {
                throw Checks.invalid(element, "dimension", "name \"" + dimension.name() + "\" is declared more than once",
                        "declare each dimension name once");
            }
        }
        return checked;
    }

    /**
     * A default dimension whose value APIM provides, e.g. {@code of(MetricDimension.API_ID)}.
     *
     * @param name one of {@link #DEFAULT_DIMENSIONS}, exact spelling
     * @return the dimension
     * @throws IllegalArgumentException if {@code name} is not a default dimension
     */
    public static MetricDimension of(String name) {
        return new MetricDimension(name, null);
    }

    /**
     * A dimension with an explicit value (literal or policy expression).
     *
     * @param name the dimension name
     * @param value the value, e.g. {@code @(context.Request.IpAddress)}; {@code null} only for default dimensions
     * @return the dimension
     */
    public static MetricDimension of(String name, String value) {
        return new MetricDimension(name, value);
    }

    /**
     * The dimension name.
     *
     * @return the name attribute
     */
    public String name() {
        return name;
    }

    /**
     * The value, or {@code null} for a default dimension without value.
     *
     * @return the value attribute, or {@code null}
     */
    public String value() {
        return value;
    }

    XmlNode toNode() {
        return XmlNode.element(ELEMENT).attr("name", name).attr("value", value).build();
    }
}
