package io.github.aoaiplatform.app;

import java.util.ArrayList;
import java.util.List;

/** Collects configuration problems so that every one is reported at once, not just the first. */
public final class Problems {
    /** One problem: the dotted field path (e.g. {@code openAi.regions[1]}) and what to do about it. */
    public record Problem(String path, String message) {
        @Override public String toString() { return path + ": " + message; }
    }

    private final List<Problem> problems = new ArrayList<>();

    /**
     * Records a problem.
     *
     * @param path    the dotted field path
     * @param message what is wrong and what to do
     */
    public void add(String path, String message) { problems.add(new Problem(path, message)); }

    /**
     * Adds messages of the form {@code "<path>: <message>"} (as {@link io.github.aoaiplatform.chargeback.PriceTable#validate()}
     * returns them).
     *
     * @param pathAndMessages the messages
     */
    public void addAll(List<String> pathAndMessages) {
        for (String m : pathAndMessages) {
            int i = m.indexOf(": ");
            if (i < 0) add("(config)", m); else add(m.substring(0, i), m.substring(i + 2));
        }
    }

    /** @return true when nothing was found */
    public boolean isEmpty() { return problems.isEmpty(); }

    /** @return every problem, in the order found */
    public List<Problem> all() { return List.copyOf(problems); }

    /**
     * Throws a {@link ConfigException} naming every problem, if there is any.
     *
     * @param source the stack file (or other source) the problems are in
     */
    public void throwIfAny(String source) {
        if (!problems.isEmpty()) throw new ConfigException(source, problems);
    }

    static String child(String path, String key) { return path.isEmpty() ? key : path + "." + key; }
}
