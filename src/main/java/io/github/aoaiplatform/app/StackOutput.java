package io.github.aoaiplatform.app;

import io.github.aoaiplatform.app.ConfigLoader;
import io.github.aoaiplatform.app.StateConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Where {@link Main} writes a stack ({@code <outdir>/stacks/<name>}) and how a failed run withdraws what it would have replaced. */
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
     * What a stale stack's {@code cdk.tf.json} becomes: a configuration every Terraform command refuses (init, plan,
     * apply), showing this line. Removing the folder instead would delete a local backend's state, which lives in it,
     * and an empty configuration would make Terraform plan to destroy everything in that state.
     */
    static final String STALE_CONFIG = """
            {
              "//": "STALE: the last synth of this stack failed, so its older configuration was withdrawn. Fix the stack file and synthesize again; state files in this folder are kept.",
              "terraform": {
                "required_version": "= 0.0.0-stale-the-last-synth-failed"
              }
            }
            """;

    /**
     * After a failed synth: marks stale {@code <outdir>/stacks/<name>} of every stack the run was to write (all stack
     * files, or the selected ones, and the state bootstrap), so that an older synth cannot be planned or applied as if
     * it were this one: its {@code cdk.tf.json} becomes {@link #STALE_CONFIG} and its picture is removed; state files
     * and {@code .terraform} stay. Returns the folders marked.
     */
    static List<Path> markStale(Path dir, List<String> only, String outdir) {
        // only names of stack files (never a path someone typed into AOAI_STACKS)
        Set<String> names = new LinkedHashSet<>();
        if (Files.isDirectory(dir)) Main.stackFiles(dir).forEach(f -> names.add(ConfigLoader.stackName(f)));
        names.add(StateConfig.STACK_NAME);
        if (!only.isEmpty()) names.retainAll(only);
        List<Path> marked = new ArrayList<>();
        for (String name : names) {
            Path stack = stackDir(outdir, name);
            if (!Files.isRegularFile(stack.resolve("cdk.tf.json"))) continue;
            try {
                Files.writeString(stack.resolve("cdk.tf.json"), STALE_CONFIG);
                Files.deleteIfExists(stack.resolve(StackDiagram.FILE_NAME));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot mark " + stack + " stale; delete its cdk.tf.json by hand before deploying", e);
            }
            marked.add(stack);
        }
        return marked;
    }
}
