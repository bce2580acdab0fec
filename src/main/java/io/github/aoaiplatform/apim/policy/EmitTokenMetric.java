package io.github.aoaiplatform.apim.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code <azure-openai-emit-token-metric>} / {@code <llm-emit-token-metric>} (by {@link LlmFlavor}; inbound only).
 *
 * <p>namespace is required (no policy expressions). 1 to {@value #MAX_DIMENSIONS} dimensions (Azure Monitor's
 * limit of dimension keys per metric, default dimensions included, as the policy reference's "Limits for custom
 * metrics" states); names must be unique (case-insensitive). The same section counts the active time series as the
 * product of each dimension's distinct values (at most 50,000 per region and subscription), so callers should give
 * dimensions values from closed sets.
 */
public final class EmitTokenMetric extends PolicyElement {

    /** Maximum number of dimensions per metric. */
    public static final int MAX_DIMENSIONS = 10;

    private final LlmFlavor flavor;
    private final String namespace;
    private final List<MetricDimension> dimensions;

    private EmitTokenMetric(Builder b) {
        this.flavor = Checks.requireNonNull(b.flavor, "emit-token-metric", "flavor");
        String element = flavor.prefix() + "emit-token-metric";
        this.namespace = Checks.noExpression(
                Checks.requireText(b.namespace, element, "namespace", "set a metric namespace, e.g. \"openai\""),
                element, "namespace");
        this.dimensions = MetricDimension.checkedList(b.dimensions, element, MAX_DIMENSIONS);
    }

    /**
     * Starts a builder with no dimensions.
     *
     * @param flavor which element to render ({@code azure-openai-} or {@code llm-} prefix)
     * @param namespace the Azure Monitor custom metric namespace, a literal such as {@code openai} (no expressions)
     * @return a new builder
     */
    public static Builder builder(LlmFlavor flavor, String namespace) {
        return new Builder(flavor, namespace);
    }

    @Override
    public String elementName() {
        return flavor.prefix() + "emit-token-metric";
    }

    /**
     * The dimensions each token metric is emitted with.
     *
     * @return the immutable, ordered list of dimensions
     */
    public List<MetricDimension> dimensions() {
        return dimensions;
    }

    @Override
    Set<PolicySection> allowedSections() {
        return PolicySection.INBOUND_ONLY;
    }

    @Override
    XmlNode toNode() {
        XmlNode.Builder node = XmlNode.element(elementName()).attr("namespace", namespace);
        for (MetricDimension dimension : dimensions) {
            node.child(dimension.toNode());
        }
        return node.build();
    }

    /** Builder; dimension methods append in order. */
    public static final class Builder {
        private final LlmFlavor flavor;
        private final String namespace;
        private final List<MetricDimension> dimensions = new ArrayList<>();

        private Builder(LlmFlavor flavor, String namespace) {
            this.flavor = flavor;
            this.namespace = namespace;
        }

        /**
         * Appends a default dimension (see {@link MetricDimension#DEFAULT_DIMENSIONS}) whose value APIM fills in.
         *
         * @param name the exact default dimension name, e.g. {@link MetricDimension#API_ID}
         * @return this builder
         */
        public Builder dimension(String name) {
            dimensions.add(MetricDimension.of(name));
            return this;
        }

        /**
         * Appends a dimension with an explicit value.
         *
         * @param name the dimension name
         * @param value a literal or policy expression, e.g. {@code @(context.Request.IpAddress)}
         * @return this builder
         */
        public Builder dimension(String name, String value) {
            dimensions.add(MetricDimension.of(name, value));
            return this;
        }

        /**
         * Appends a ready-made dimension.
         *
         * @param dimension the dimension; must not be null
         * @return this builder
         */
        public Builder dimension(MetricDimension dimension) {
            dimensions.add(Checks.requireNonNull(dimension, "emit-token-metric", "dimension"));
            return this;
        }

        /**
         * Appends several dimensions, in order.
         *
         * @param more the dimensions; none may be null
         * @return this builder
         */
        public Builder dimensions(List<MetricDimension> more) {
            dimensions.addAll(Checks.nonNullList(more, "emit-token-metric", "dimension"));
            return this;
        }

        /**
         * Validates the settings and creates the policy.
         *
         * @return the immutable policy
         * @throws IllegalArgumentException if the namespace is blank or an expression, or the dimensions are missing,
         *         too many or duplicated
         */
        public EmitTokenMetric build() {
            return new EmitTokenMetric(this);
        }
    }
}
