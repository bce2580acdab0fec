package io.github.aoaiplatform.apim.policy;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code <trace source="…" severity="…"><message>…</message><metadata name="…" value="…"/></trace>} (any section):
 * a trace record for Application Insights (a {@code trace} item, in a workspace-based component the {@code AppTraces}
 * table) when the API's Application Insights diagnostic logs this severity; metadata become custom properties.
 *
 * <p>source is a required literal; the message is required (text or expression); severity defaults to: verbose
 * (APIM's default), set it to information for records that must reach a diagnostic at verbosity information.
 */
public final class Trace extends PolicyElement {

    static final String ELEMENT = "trace";

    /** The severities APIM accepts. */
    public enum Severity {
        /** Sent at every verbosity. */
        VERBOSE("verbose"),
        /** Sent at verbosity information and verbose. */
        INFORMATION("information"),
        /** Sent at every verbosity but off. */
        ERROR("error");

        private final String xmlValue;

        Severity(String xmlValue) { this.xmlValue = xmlValue; }
    }

    private final String source;
    private final Severity severity;
    private final String message;
    private final Map<String, String> metadata;

    private Trace(Builder b) {
        this.source = Checks.noExpression(Checks.requireText(b.source, ELEMENT, "source", "name what writes the trace, e.g. \"aoai-usage\""),
                ELEMENT, "source");
        this.severity = b.severity;
        this.message = Checks.requireText(b.message, ELEMENT, "message", "pass the text or expression to trace");
        b.metadata.forEach((name, value) -> {
            Checks.requireText(name, ELEMENT, "metadata name", "name the custom property");
            Checks.requireText(value, ELEMENT, "metadata value", "give the property a value");
        });
        this.metadata = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(b.metadata));
    }

    /**
     * Starts a builder.
     *
     * @param source  a literal naming the tracer (Application Insights shows it with the record)
     * @param message the text or a policy expression
     * @return a new builder
     */
    public static Builder builder(String source, String message) {
        return new Builder(source, message);
    }

    @Override
    public String elementName() {
        return ELEMENT;
    }

    @Override
    XmlNode toNode() {
        XmlNode.Builder node = XmlNode.element(ELEMENT).attr("source", source)
                .attr("severity", severity == null ? null : severity.xmlValue)
                .child(XmlNode.element("message").text(message).build());
        metadata.forEach((name, value) -> node.child(XmlNode.element("metadata").attr("name", name).attr("value", value).build()));
        return node.build();
    }

    /** Builder for {@link Trace}; severity and metadata are optional. */
    public static final class Builder {
        private final String source;
        private final String message;
        private Severity severity;
        private final Map<String, String> metadata = new LinkedHashMap<>();

        private Builder(String source, String message) {
            this.source = source;
            this.message = message;
        }

        /**
         * Sets the severity. Defaults to: unset (APIM's verbose).
         *
         * @param severity the severity
         * @return this builder
         */
        public Builder severity(Severity severity) {
            this.severity = severity;
            return this;
        }

        /**
         * Adds a custom property to the trace record, in order.
         *
         * @param name  the property name
         * @param value its value, a literal or an expression
         * @return this builder
         */
        public Builder metadata(String name, String value) {
            this.metadata.put(name, value);
            return this;
        }

        /**
         * Builds the policy.
         *
         * @return the policy
         * @throws IllegalArgumentException naming the attribute when a value is missing or not XML-safe
         */
        public Trace build() {
            return new Trace(this);
        }
    }
}
