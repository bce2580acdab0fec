package io.github.aoaiplatform.app;

import com.hashicorp.cdktf.App;
import com.hashicorp.cdktf.TerraformStack;

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
 * (sub-folders hold other data, such as the price tables in {@code pricing/}). Every file is loaded and validated
 * before anything is written: one bad file fails the whole run with every problem listed, no output is produced, and
 * the older output of the run's stacks is marked stale ({@link StackOutput#markStale}) so that it cannot be deployed
 * by mistake. {@code bootstrap/state.json}, when present, adds the remote state bootstrap stack
 * {@value StateConfig#STACK_NAME} ({@link StateBootstrapStack}). Each stack's picture ({@link StackDiagram}) is
 * written next to its {@code cdk.tf.json}.
 *
 * <p>Environment: {@code AOAI_STACKS_DIR} (default {@code stacks}), {@code AOAI_STACKS} (comma-separated
 * subset, default all), {@code CDKTF_OUTDIR} (set by the cdktf CLI; default {@code cdktf.out}).
 */
public final class Main {
    private Main() {}

    /**
     * Synthesizes the stacks the environment selects and exits 1 with every problem when a stack file is invalid.
     *
     * @param args none
     */
    public static void main(String[] args) {
        Path dir = Path.of(System.getenv().getOrDefault("AOAI_STACKS_DIR", "stacks"));
        String only = System.getenv("AOAI_STACKS");
        String outdir = System.getenv().getOrDefault("CDKTF_OUTDIR", "cdktf.out");
        try {
            List<String> names = synth(dir, only == null || only.isBlank() ? List.of() : Arrays.asList(only.split(",")), outdir);
            // stdout: the cdktf CLI shows the app's stderr lines as [ERROR]
            System.out.println("synthesized " + names.size() + " stack(s) " + names + " into " + outdir + "/stacks");
        } catch (ConfigException | IllegalArgumentException e) {
            report(System.err, e);
            System.exit(1);
        }
    }

    static void report(PrintStream err, RuntimeException e) {
        err.println("error: configuration is invalid; nothing was written.");
        err.println(e.getMessage());
    }

    /**
     * Loads every selected stack file, validates all of them, then synthesizes and draws each stack; returns the stack
     * names. On failure the selected stacks' older output is marked stale and the exception says so.
     *
     * @param dir    the stacks folder
     * @param only   the stack names to synthesize; empty for all
     * @param outdir the output folder
     * @return the synthesized stacks' names
     */
    public static List<String> synth(Path dir, List<String> only, String outdir) {
        try {
            return synthesize(dir, only, outdir);
        } catch (ConfigException | IllegalArgumentException e) {
            List<Path> stale = StackOutput.markStale(dir, only, outdir);
            if (stale.isEmpty()) throw e;
            throw new IllegalArgumentException(e.getMessage() + "\nmarked the older output " + stale
                    + " stale: Terraform now refuses to run there (state files kept) until a synth succeeds", e);
        }
    }

    private static List<String> synthesize(Path dir, List<String> only, String outdir) {
        List<String> onlyEnvironments = only.stream().filter(n -> !n.equals(StateConfig.STACK_NAME)).toList();
        boolean withState = only.isEmpty() || only.contains(StateConfig.STACK_NAME);
        Map<String, ConfigLoader.Loaded> configs = only.isEmpty() || !onlyEnvironments.isEmpty() ? loadAll(dir, onlyEnvironments) : Map.of();
        StateConfig state = null;
        Map<String, EnvironmentConfig> served = Map.of();
        if (withState && StackOutput.hasStateFile(dir, !only.isEmpty())) {
            served = only.isEmpty() ? environmentConfigs(configs) : environmentConfigs(dir);
            state = StateConfig.load(dir.resolve(StateConfig.FILE), served);
        }
        // before the App exists (creating it makes the output folder); the state bootstrap has read every stack file
        // already, otherwise the unselected ones are read here
        List<String> sharedState = CrossStackRules.sharedState(dir, served.isEmpty() ? withUnselected(dir, configs) : served);
        if (!sharedState.isEmpty()) throw new IllegalArgumentException(String.join("\n", sharedState));
        // The stacks are validated below, all before anything is written; cdktf would run every validation again
        // while writing (a second round of callbacks into Java for each one).
        App app = App.Builder.create().outdir(outdir).skipValidation(true).build();
        List<TerraformStack> stacks = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        Map<String, Map<String, String>> globalNames = new LinkedHashMap<>();
        configs.forEach((name, loaded) -> {
            try {
                PlatformStack stack = new PlatformStack(app, name, loaded.config(), loaded.prices());
                stacks.add(stack);
                globalNames.put(name, stack.globallyUniqueNames());
            } catch (IllegalArgumentException e) {
                errors.add(name + ": " + e.getMessage());
            }
        });
        errors.addAll(CrossStackRules.sharedGlobalNames(dir, globalNames));
        if (state != null) stacks.add(new StateBootstrapStack(app, StateConfig.STACK_NAME, state, served));
        for (TerraformStack stack : stacks) {
            try {
                stack.runAllValidations();
            } catch (RuntimeException e) {
                errors.add(stack.getNode().getId() + ": " + e.getMessage());
            }
        }
        if (!errors.isEmpty()) throw new IllegalArgumentException(String.join("\n", errors));
        app.synth();
        List<String> names = stacks.stream().map(st -> st.getNode().getId()).toList();
        for (String name : names) StackDiagram.writeNextTo(StackOutput.stackDir(outdir, name), name);
        return names;
    }

    /**
     * The selected stacks' configs plus those of the folder's other stack files that load (a stack that shares their
     * state is refused even when they are not synthesized now; their own problems are reported when they are).
     */
    private static Map<String, EnvironmentConfig> withUnselected(Path dir, Map<String, ConfigLoader.Loaded> selected) {
        Map<String, EnvironmentConfig> all = new LinkedHashMap<>();
        selected.forEach((name, loaded) -> all.put(name, loaded.config()));
        for (Path f : stackFiles(dir)) {
            if (all.containsKey(ConfigLoader.stackName(f))) continue;
            try {
                all.put(ConfigLoader.stackName(f), ConfigLoader.load(f));
            } catch (ConfigException e) {
                // not selected: its problems are reported when it is synthesized
            }
        }
        return all;
    }

    /** Every environment's config, by stack name (the state bootstrap serves all of them). */
    static Map<String, EnvironmentConfig> environmentConfigs(Path dir) {
        return environmentConfigs(loadAll(dir, List.of()));
    }

    private static Map<String, EnvironmentConfig> environmentConfigs(Map<String, ConfigLoader.Loaded> loaded) {
        Map<String, EnvironmentConfig> out = new LinkedHashMap<>();
        loaded.forEach((name, l) -> out.put(name, l.config()));
        return out;
    }

    /**
     * The stack files in a folder: regular {@code *.json} files directly in it (sub-folders hold other data).
     *
     * @param dir the stacks folder
     * @return the files, sorted
     */
    public static List<Path> stackFiles(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list stack files in " + dir, e);
        }
    }

    /**
     * Loads all stack files (or the named subset) and their price tables, collecting every file's problems into one
     * exception.
     *
     * @param dir  the stacks folder
     * @param only the stack names to load; empty for all
     * @return each stack's config and price table, by name
     */
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
