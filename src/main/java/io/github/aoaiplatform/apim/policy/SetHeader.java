package io.github.aoaiplatform.apim.policy;

import java.util.Arrays;
import java.util.List;

/**
 * {@code <set-header name="…" exists-action="…"><value>…</value></set-header>} (any section).
 * delete takes no values; every other action needs at least one value (literal or policy expression).
 */
public final class SetHeader extends PolicyElement {

    static final String ELEMENT = "set-header";

    /** exists-action values. */
    public enum ExistsAction {
        /** Replaces the header's value, adding the header if absent. */
        OVERRIDE("override"),
        /** Leaves an existing header unchanged; adds the header only if absent. */
        SKIP("skip"),
        /** Appends the values to an existing header, adding the header if absent. */
        APPEND("append"),
        /** Removes the header. */
        DELETE("delete");

        private final String xmlValue;

        ExistsAction(String xmlValue) {
            this.xmlValue = xmlValue;
        }

        /**
         * Rendered value of the exists-action attribute.
         *
         * @return e.g. {@code override}
         */
        public String xmlValue() {
            return xmlValue;
        }
    }

    private final String name;
    private final ExistsAction existsAction;
    private final List<String> values;

    private SetHeader(String name, ExistsAction existsAction, List<String> values) {
        this.name = Checks.requireText(name, ELEMENT, "name", "pass the header name");
        if (name.indexOf('\r') >= 0 || name.indexOf('\n') >= 0) {
            throw Checks.invalid(ELEMENT, "name", "must not contain line breaks", "pass a single-line header name");
        }
        this.existsAction = Checks.requireNonNull(existsAction, ELEMENT, "exists-action");
        this.values = Checks.nonNullList(values, ELEMENT, "value");
        for (String value : this.values) {
            Checks.requireText(value, ELEMENT, "value", "pass a non-blank header value or expression");
        }
        if (existsAction == ExistsAction.DELETE && !this.values.isEmpty()) {
            throw Checks.invalid(ELEMENT, "value", "must be empty when exists-action is delete", "use SetHeader.delete(name)");
        }
        if (existsAction != ExistsAction.DELETE && this.values.isEmpty()) {
            throw Checks.invalid(ELEMENT, "value", "requires at least one value when exists-action is " + existsAction.xmlValue(),
                    "pass one or more values");
        }
    }

    /**
     * Full form.
     *
     * @param name the header name
     * @param existsAction what to do when the header is already present
     * @param values the values, literals or policy expressions; empty for {@link ExistsAction#DELETE} only
     * @return the policy
     */
    public static SetHeader of(String name, ExistsAction existsAction, List<String> values) {
        return new SetHeader(name, existsAction, values);
    }

    /**
     * Sets the header to these values, replacing any existing value.
     *
     * @param name the header name
     * @param values the values, literals or policy expressions; at least one
     * @return the policy
     */
    public static SetHeader override(String name, String... values) {
        return new SetHeader(name, ExistsAction.OVERRIDE, Arrays.asList(Checks.requireNonNull(values, ELEMENT, "value")));
    }

    /**
     * Sets the header to these values only if it is not already present.
     *
     * @param name the header name
     * @param values the values, literals or policy expressions; at least one
     * @return the policy
     */
    public static SetHeader skip(String name, String... values) {
        return new SetHeader(name, ExistsAction.SKIP, Arrays.asList(Checks.requireNonNull(values, ELEMENT, "value")));
    }

    /**
     * Appends these values to the header, adding it if absent.
     *
     * @param name the header name
     * @param values the values, literals or policy expressions; at least one
     * @return the policy
     */
    public static SetHeader append(String name, String... values) {
        return new SetHeader(name, ExistsAction.APPEND, Arrays.asList(Checks.requireNonNull(values, ELEMENT, "value")));
    }

    /**
     * Removes the header.
     *
     * @param name the header name
     * @return the policy
     */
    public static SetHeader delete(String name) {
        return new SetHeader(name, ExistsAction.DELETE, List.of());
    }

    /**
     * {@code Authorization: Bearer <token>} from a context variable, e.g. the output-token-variable-name of
     * {@link AuthenticationManagedIdentity}: value {@code @("Bearer " + (string)context.Variables["<name>"])}.
     *
     * @param variableName the context variable holding the token; letters, digits, '.', '_' and '-' only
     * @return the policy overriding the Authorization header
     */
    public static SetHeader bearerTokenFromVariable(String variableName) {
        Checks.variableName(variableName, ELEMENT, "value");
        return override("Authorization", "@(\"Bearer \" + (string)context.Variables[\"" + variableName + "\"])");
    }

    @Override
    public String elementName() {
        return ELEMENT;
    }

    /**
     * The header name.
     *
     * @return the name attribute
     */
    public String name() {
        return name;
    }

    /**
     * What to do when the header is already present.
     *
     * @return the exists-action
     */
    public ExistsAction existsAction() {
        return existsAction;
    }

    /**
     * The header values.
     *
     * @return the immutable list of values; empty for {@link ExistsAction#DELETE}
     */
    public List<String> values() {
        return values;
    }

    @Override
    XmlNode toNode() {
        return XmlNode.element(ELEMENT)
                .attr("name", name)
                .attr("exists-action", existsAction.xmlValue())
                .textChildren("value", values)
                .build();
    }
}
