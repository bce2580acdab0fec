package io.github.aoaiplatform.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.aoaiplatform.chargeback.PriceTable;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads {@code stacks/<name>.json} into an {@link EnvironmentConfig}: unknown keys, wrong types and invalid
 * values are all collected and reported together in one {@link ConfigException}.
 */
public final class ConfigLoader {
    private ConfigLoader() {}

    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /**
     * A validated stack file and the price table it names.
     *
     * @param config the environment
     * @param prices its price table
     */
    public record Loaded(EnvironmentConfig config, PriceTable prices) {}

    /**
     * Loads and validates a stack file; the expected environment name is the file's base name.
     *
     * @param file the stack file
     * @return the environment
     * @throws ConfigException naming every problem
     */
    public static EnvironmentConfig load(Path file) {
        return loadWithPrices(file).config();
    }

    /**
     * Loads and validates a stack file and its price table ({@code chargeback.priceTable}, relative to the file's folder):
     * the table's own problems and every deployed model without a price are reported with the config's problems.
     *
     * @param file the stack file
     * @return the environment and its price table
     * @throws ConfigException naming every problem
     */
    public static Loaded loadWithPrices(Path file) {
        String source = file.toString();
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source, e);
        }
        Problems problems = new Problems();
        EnvironmentConfig config = parseInto(text, stackName(file), problems);
        PriceTable prices = null;
        if (config != null) {
            Path dir = file.toAbsolutePath().getParent();
            prices = PriceTableFile.read(dir.resolve(config.chargeback().priceTable()), problems,
                    "chargeback.priceTable (" + config.chargeback().priceTable() + ")");
            if (prices != null) ConfigValidator.prices(config, prices, problems);
        }
        problems.throwIfAny(source);
        return new Loaded(config, prices);
    }

    /**
     * The stack (environment) name of a stack file.
     *
     * @param file the stack file
     * @return its file name without {@code .json}
     */
    public static String stackName(Path file) {
        return file.getFileName().toString().replaceFirst("\\.json$", "");
    }

    /**
     * Parses and validates JSON text.
     *
     * @param json         the stack file's text
     * @param source       where it came from, named in messages
     * @param expectedName the environment name it must have, or null to skip that check
     * @return the environment
     * @throws ConfigException naming every problem
     */
    public static EnvironmentConfig parse(String json, String source, String expectedName) {
        Problems problems = new Problems();
        EnvironmentConfig config = parseInto(json, expectedName, problems);
        problems.throwIfAny(source);
        return config;
    }

    /** Parses and validates into {@code problems}; returns the config, or null when its shape is unusable. */
    private static EnvironmentConfig parseInto(String json, String expectedName, Problems problems) {
        JsonNode tree;
        try {
            tree = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            problems.add("(file)", "not valid JSON: " + e.getOriginalMessage() + " at line " + e.getLocation().getLineNr());
            return null;
        }
        ShapeChecker.check(tree, EnvironmentConfig.class, "", problems);
        if (!problems.isEmpty()) return null;
        EnvironmentConfig config;
        try {
            config = MAPPER.treeToValue(tree, EnvironmentConfig.class);
        } catch (JsonProcessingException e) {
            problems.add("(file)", e.getOriginalMessage());
            return null;
        }
        ConfigValidator.validate(config, expectedName, problems);
        return config;
    }
}
