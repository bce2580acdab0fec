package io.github.aoaiplatform.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.aoaiplatform.chargeback.PriceTable;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads the price table file beside the stacks ({@code stacks/pricing/azure-openai.json} by default; {@link Main} only
 * takes {@code *.json} files directly in {@code stacks/} as stacks, so the sub-folder is never mistaken for one),
 * strictly: unknown keys, wrong types and every rule of {@link PriceTable#validate()} are collected with their paths.
 */
public final class PriceTableFile {
    private PriceTableFile() {}

    /**
     * Reads and validates a price table file.
     *
     * @param file the price table file
     * @return the table
     * @throws ConfigException naming every problem
     */
    public static PriceTable load(Path file) {
        Problems problems = new Problems();
        PriceTable table = read(file, problems);
        problems.throwIfAny(file.toString());
        return table;
    }

    /** Reads and validates a price table file into {@code problems} (paths prefixed with {@code prefix}); null if unusable. */
    static PriceTable read(Path file, Problems problems, String prefix) {
        Problems own = new Problems();
        PriceTable table = read(file, own);
        for (var p : own.all()) problems.add(prefix + (p.path().startsWith("(") ? "" : "." + p.path()), p.message());
        return own.isEmpty() ? table : null;
    }

    private static PriceTable read(Path file, Problems problems) {
        if (!Files.isRegularFile(file)) {
            problems.add("(file)", "price table " + file + " does not exist; create it or point chargeback.priceTable at one");
            return null;
        }
        try {
            JsonNode tree = ConfigLoader.MAPPER.readTree(Files.readString(file));
            ShapeChecker.check(tree, PriceTable.class, "", problems);
            if (!problems.isEmpty()) return null;
            PriceTable table = ConfigLoader.MAPPER.treeToValue(tree, PriceTable.class);
            problems.addAll(table.validate());
            return problems.isEmpty() ? table : null;
        } catch (JsonProcessingException e) {
            problems.add("(file)", "not a valid price table: " + e.getOriginalMessage());
            return null;
        } catch (IOException e) {
            problems.add("(file)", "cannot read " + file + ": " + e.getMessage());
            return null;
        }
    }

}
