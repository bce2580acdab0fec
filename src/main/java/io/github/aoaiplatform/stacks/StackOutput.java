package io.github.aoaiplatform.stacks;

import io.github.aoaiplatform.config.ConfigLoader;
import io.github.aoaiplatform.config.StateConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** Where {@link Main} writes a stack ({@code <outdir>/stacks/<name>}) and how a failed run clears what it would have replaced. */
final class StackOutput {
    private StackOutput() {}

    static Path stackDir(String outdir, String stack) { return Path.of(outdir, "stacks", stack); }

    /** Whether the state bootstrap file is there; when the run names the state stack it must be. */
    static boolean hasStateFile(Path dir, boolean required) {
        Path file = dir.resolve(StateConfig.FILE);
        if (Files.isRegularFile(file)) return true;
        if (required) throw new IllegalArgumentException(file + ": no such file (the remote state bootstrap, stack " + StateConfig.STACK_NAME + ")");
        return false;
    }

    /**
     * After a failed synth: deletes {@code <outdir>/stacks/<name>} of every stack the run was to write (all stack files,
     * or the selected ones, and the state bootstrap), so that an older synth cannot be planned or applied as if it were
     * this one. Returns the folders removed.
     */
    static List<Path> removeStale(Path dir, List<String> only, String outdir) {
        // only names of stack files (never a path someone typed into AOAI_STACKS)
        Set<String> names = new LinkedHashSet<>();
        if (Files.isDirectory(dir)) Main.stackFiles(dir).forEach(f -> names.add(ConfigLoader.stackName(f)));
        names.add(StateConfig.STACK_NAME);
        if (!only.isEmpty()) names.retainAll(only);
        List<Path> removed = new ArrayList<>();
        for (String name : names) {
            Path stack = stackDir(outdir, name);
            if (Files.exists(stack)) {
                deleteTree(stack);
                removed.add(stack);
            }
        }
        return removed;
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the stale output " + root + "; delete it by hand before deploying", e);
        }
    }
}
