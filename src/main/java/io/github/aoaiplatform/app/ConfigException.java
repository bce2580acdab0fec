package io.github.aoaiplatform.app;

import java.util.List;
import java.util.stream.Collectors;

/** Invalid environment configuration. The message lists every problem, one per line, with its field path. */
public final class ConfigException extends RuntimeException {
    private final List<Problems.Problem> problems;

    public ConfigException(String source, List<Problems.Problem> problems) {
        super(source + ": " + problems.size() + (problems.size() == 1 ? " problem" : " problems") + "\n"
                + problems.stream().map(p -> "  - " + p).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<Problems.Problem> problems() { return problems; }
}
