package io.github.aoaiplatform.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

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

    /** Loads and validates a stack file; the expected environment name is the file's base name. */
    public static EnvironmentConfig load(Path file) {
        String source = file.toString();
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source, e);
        }
        return parse(text, source, stackName(file));
    }

    /** The stack (environment) name of a stack file: its file name without {@code .json}. */
    public static String stackName(Path file) {
        return file.getFileName().toString().replaceFirst("\\.json$", "");
    }

    /** Parses and validates JSON text; {@code expectedName} may be null to skip the file-name check. */
    public static EnvironmentConfig parse(String json, String source, String expectedName) {
        Problems problems = new Problems();
        JsonNode tree;
        try {
            tree = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            problems.add("(file)", "not valid JSON: " + e.getOriginalMessage() + " at line " + e.getLocation().getLineNr());
            throw new ConfigException(source, problems.all());
        }
        ShapeChecker.check(tree, EnvironmentConfig.class, "", problems);
        problems.throwIfAny(source);
        EnvironmentConfig config;
        try {
            config = MAPPER.treeToValue(tree, EnvironmentConfig.class);
        } catch (JsonProcessingException e) {
            problems.add("(file)", e.getOriginalMessage());
            throw new ConfigException(source, problems.all());
        }
        ConfigValidator.validate(config, expectedName, problems);
        problems.throwIfAny(source);
        return config;
    }
}
