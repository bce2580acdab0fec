package io.github.aoaiplatform.app;

import com.hashicorp.cdktf.App;
import io.github.aoaiplatform.app.ConfigException;
import io.github.aoaiplatform.app.ConfigLoader;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Synthesizes one stack per environment file {@code stacks/<name>.json} into
 * {@code <outdir>/stacks/<name>/cdk.tf.json}. Only {@code *.json} files directly in the folder are stacks
 * (sub-folders hold other data, such as the price tables in {@code pricing/}). Every file is loaded and validated before anything is written: one bad
 * file fails the whole run with every problem listed, and no output is produced.
 *
 * <p>Environment: {@code AOAI_STACKS_DIR} (default {@code stacks}), {@code AOAI_STACKS} (comma-separated
 * subset, default all), {@code CDKTF_OUTDIR} (set by the cdktf CLI; default {@code cdktf.out}).
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        Path dir = Path.of(System.getenv().getOrDefault("AOAI_STACKS_DIR", "stacks"));
        String only = System.getenv("AOAI_STACKS");
        String outdir = System.getenv().getOrDefault("CDKTF_OUTDIR", "cdktf.out");
        try {
            List<String> names = synth(dir, only == null || only.isBlank() ? List.of() : Arrays.asList(only.split(",")), outdir);
            System.err.println("synthesized " + names.size() + " stack(s) " + names + " into " + outdir + "/stacks");
        } catch (ConfigException | IllegalArgumentException e) {
            report(System.err, e);
            System.exit(1);
        }
    }

    static void report(PrintStream err, RuntimeException e) {
        err.println("error: configuration is invalid; nothing was written.");
        err.println(e.getMessage());
    }

    /** Loads every selected stack file, validates all of them, then synthesizes; returns the stack names. */
    public static List<String> synth(Path dir, List<String> only, String outdir) {
        Map<String, ConfigLoader.Loaded> configs = loadAll(dir, only);
        App app = App.Builder.create().outdir(outdir).build();
        List<PlatformStack> stacks = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        configs.forEach((name, loaded) -> {
            try {
                stacks.add(new PlatformStack(app, name, loaded.config(), loaded.prices()));
            } catch (IllegalArgumentException e) {
                errors.add(name + ": " + e.getMessage());
            }
        });
        for (PlatformStack stack : stacks) {
            try {
                stack.runAllValidations();
            } catch (RuntimeException e) {
                errors.add(stack.getNode().getId() + ": " + e.getMessage());
            }
        }
        if (!errors.isEmpty()) throw new IllegalArgumentException(String.join("\n", errors));
        app.synth();
        return List.copyOf(configs.keySet());
    }

    /** The stack files in {@code dir}: regular {@code *.json} files directly in it, sorted (sub-folders hold other data). */
    public static List<Path> stackFiles(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list stack files in " + dir, e);
        }
    }

    /** Loads all stack files (or the named subset) and their price tables; collects every file's problems into one exception. */
    public static Map<String, ConfigLoader.Loaded> loadAll(Path dir, List<String> only) {
        Map<String, ConfigLoader.Loaded> configs = new LinkedHashMap<>();
        List<String> messages = new ArrayList<>();
        for (Path f : stackFiles(dir)) {
            String name = ConfigLoader.stackName(f);
            if (!only.isEmpty() && !only.contains(name)) continue;
            try {
                configs.put(name, ConfigLoader.loadWithPrices(f));
            } catch (ConfigException e) {
                messages.add(e.getMessage());
            }
        }
        for (String n : only) if (!configs.containsKey(n) && messages.stream().noneMatch(m -> m.contains(n + ".json")))
            messages.add(dir.resolve(n + ".json") + ": no such stack file");
        if (!messages.isEmpty()) throw new IllegalArgumentException(String.join("\n", messages));
        if (configs.isEmpty()) throw new IllegalArgumentException("no stack files (*.json) in " + dir);
        return configs;
    }
}
