package io.github.aoaiplatform.core;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown when a props object (or a construct's cross-construct check) is invalid. It names the props type and every
 * bad field at once, each with what was given and what to do. The app layer maps the fields onto stack-file paths, so
 * a rule lives once: in the props.
 */
public final class InvalidPropsException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /**
     * One bad field.
     *
     * @param field   the props field, e.g. {@code name} or {@code subnets.gateway} or {@code deployments[1].capacity}
     * @param message what is wrong and what to do
     */
    public record Problem(String field, String message) {
        /**
         * The problem as one line.
         *
         * @return {@code <field>: <message>}
         */
        @Override public String toString() { return field + ": " + message; }
    }

    /** The props record's simple name (serialized). */
    private final String propsType;
    private final transient List<Problem> problems;

    /**
     * Creates the exception; its message names the props type and every problem.
     *
     * @param propsType the props record's simple name, e.g. {@code OpenAiAccountProps}
     * @param problems  every problem found; at least one
     */
    public InvalidPropsException(String propsType, List<Problem> problems) {
        super(message(propsType, problems));
        this.propsType = propsType;
        this.problems = List.copyOf(problems);
    }

    private static String message(String propsType, List<Problem> problems) {
        if (problems.size() == 1) return propsType + "." + problems.get(0);
        return propsType + " has " + problems.size() + " problems: "
                + problems.stream().map(p -> propsType + "." + p).collect(Collectors.joining("; "));
    }

    /** @return the props record's simple name */
    public String propsType() { return propsType; }

    /** @return every problem, in the order found */
    public List<Problem> problems() { return problems; }
}
