package io.github.aoaiplatform.apim.policy;

import java.util.List;

/**
 * {@code <emit-metric name="…" value="…" namespace="…">} (any section): one custom metric to Application Insights.
 *
 * <p>name and namespace are required literals; value is a number or a policy expression evaluating to a double
 * (Defaults to: unset, which APIM counts as 1). 1 to {@value EmitTokenMetric#MAX_DIMENSIONS} dimensions, names unique.
 */
public final class EmitMetric extends PolicyElement {

    static final String ELEMENT = "emit-metric";

    private final String name;
    private final String value;
    private final String namespace;
    private final List<MetricDimension> dimensions;

    private EmitMetric(Builder b) {
        this.name = Checks.noExpression(Checks.requireText(b.name, ELEMENT, "name", "name the metric, e.g. \"Cached Prompt Tokens\""),
                ELEMENT, "name");
        this.value = Checks.optionalText(b.value, ELEMENT, "value");
        this.namespace = Checks.noExpression(
                Checks.requireText(b.namespace, ELEMENT, "namespace", "set a metric namespace, e.g. \"openai\""), ELEMENT, "namespace");
        this.dimensions = MetricDimension.checkedList(b.dimensions, ELEMENT, EmitTokenMetric.MAX_DIMENSIONS);
    }

    /**
     * Starts a builder.
     *
     * @param name      the metric's name (a literal)
     * @param namespace the Azure Monitor custom metric namespace (a literal)
     * @param value     a number or a policy expression evaluating to a double, e.g. {@code @(3.0)}
     * @return a new builder
     */
    public static Builder builder(String name, String namespace, String value) {
        return new Builder(name, namespace, value);
    }

    @Override
    public String elementName() {
        return ELEMENT;
    }

    /**
     * The dimensions the metric is emitted with.
     *
     * @return the immutable, ordered list of dimensions
     */
    public List<MetricDimension> dimensions() {
        return dimensions;
    }

    @Override
    XmlNode toNode() {
        XmlNode.Builder node = XmlNode.element(ELEMENT).attr("name", name).attr("value", value).attr("namespace", namespace);
        for (MetricDimension dimension : dimensions) {
            node.child(dimension.toNode());
        }
        return node.build();
    }

    /** Builder; {@link #dimensions(List)} appends in order. */
    public static final class Builder {
        private final String name;
        private final String namespace;
        private final String value;
        private final List<MetricDimension> dimensions = new java.util.ArrayList<>();

        private Builder(String name, String namespace, String value) {
            this.name = name;
            this.namespace = namespace;
            this.value = value;
        }

        /**
         * Appends dimensions, in order.
         *
         * @param more the dimensions; none may be null
         * @return this builder
         */
        public Builder dimensions(List<MetricDimension> more) {
            dimensions.addAll(Checks.nonNullList(more, ELEMENT, "dimension"));
            return this;
        }

        /**
         * Validates the settings and creates the policy.
         *
         * @return the immutable policy
         * @throws IllegalArgumentException if name or namespace is blank or an expression, or the dimensions are
         *         missing, too many or duplicated
         */
        public EmitMetric build() {
            return new EmitMetric(this);
        }
    }
}
