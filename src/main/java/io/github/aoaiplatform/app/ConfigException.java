package io.github.aoaiplatform.app;

import java.util.List;
import java.util.stream.Collectors;

/** Invalid environment configuration. The message lists every problem, one per line, with its field path. */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Every problem, in the order found (serialized). */
    private final List<Problems.Problem> problems;

    /**
     * Creates the exception; its message names the source and lists every problem.
     *
     * @param source   the stack file (or other source) that is invalid
     * @param problems every problem found; at least one
     */
    public ConfigException(String source, List<Problems.Problem> problems) {
        super(source + ": " + problems.size() + (problems.size() == 1 ? " problem" : " problems") + "\n"
                + problems.stream().map(p -> "  - " + p).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    /** @return every problem, in the order found */
    public List<Problems.Problem> problems() { return problems; }
}
