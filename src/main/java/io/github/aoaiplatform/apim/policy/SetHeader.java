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
        OVERRIDE("override"),
        SKIP("skip"),
        APPEND("append"),
        DELETE("delete");

        private final String xmlValue;

        ExistsAction(String xmlValue) {
            this.xmlValue = xmlValue;
        }

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

    public static SetHeader of(String name, ExistsAction existsAction, List<String> values) {
        return new SetHeader(name, existsAction, values);
    }

    public static SetHeader override(String name, String... values) {
        return new SetHeader(name, ExistsAction.OVERRIDE, Arrays.asList(Checks.requireNonNull(values, ELEMENT, "value")));
    }

    public static SetHeader skip(String name, String... values) {
        return new SetHeader(name, ExistsAction.SKIP, Arrays.asList(Checks.requireNonNull(values, ELEMENT, "value")));
    }

    public static SetHeader append(String name, String... values) {
        return new SetHeader(name, ExistsAction.APPEND, Arrays.asList(Checks.requireNonNull(values, ELEMENT, "value")));
    }

    public static SetHeader delete(String name) {
        return new SetHeader(name, ExistsAction.DELETE, List.of());
    }

    /**
     * {@code Authorization: Bearer <token>} from a context variable, e.g. the output-token-variable-name of
     * {@link AuthenticationManagedIdentity}: value {@code @("Bearer " + (string)context.Variables["<name>"])}.
     */
    public static SetHeader bearerTokenFromVariable(String variableName) {
        Checks.variableName(variableName, ELEMENT, "value");
        return override("Authorization", "@(\"Bearer \" + (string)context.Variables[\"" + variableName + "\"])");
    }

    @Override
    public String elementName() {
        return ELEMENT;
    }

    public String name() {
        return name;
    }

    public ExistsAction existsAction() {
        return existsAction;
    }

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
