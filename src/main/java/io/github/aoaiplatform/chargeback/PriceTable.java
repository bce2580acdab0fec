package io.github.aoaiplatform.chargeback;

import io.github.aoaiplatform.openai.ModelCatalogue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The versioned price table of the chargeback reports (the app reads it from {@code stacks/pricing/azure-openai.json}
 * by default). Prices are per 1,000 tokens in
 * {@code currency}; change {@code version} whenever a price changes, so reports say which table they used.
 *
 * @param version     the table's version, a date {@code yyyy-mm-dd}. Required.
 * @param currency    ISO 4217 code, e.g. USD. Required.
 * @param description free text (source of the prices, agreement); not used by the library.
 * @param models      model name (as in {@code openAi.deployments[].model}) to its prices. Required, at least one.
 */
public record PriceTable(String version, String currency, String description, Map<String, ModelPrice> models) {
    private static final Pattern VERSION = Pattern.compile("\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    /**

     * Validates and fills defaults; see the record's components.

     *

     * @param version     see {@link #version()}

     * @param currency    see {@link #currency()}

     * @param description see {@link #description()}

     * @param models      see {@link #models()}

     */

    public PriceTable {
        models = models == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(models));
    }

    /**
     * Prices of one model per 1,000 tokens.
     *
     * @param inputPer1K       prompt tokens. Required, &ge; 0.
     * @param cachedInputPer1K cached prompt tokens; at most inputPer1K. Required, &ge; 0.
     * @param outputPer1K      completion tokens. Required, &ge; 0.
     */
    public record ModelPrice(Double inputPer1K, Double cachedInputPer1K, Double outputPer1K) {}

    /**
     * @param model a model name
     * @return its price, or null when the table has none
     */
    public ModelPrice price(String model) { return models.get(model); }

    /** @return problems as {@code "<path>: <message>"}; empty when the table is usable */
    public java.util.List<String> validate() {
        var out = new java.util.ArrayList<String>();
        if (version == null || !VERSION.matcher(version).matches())
            out.add("version: '" + version + "' must be the date the prices took effect, yyyy-mm-dd");
        if (currency == null || !CURRENCY.matcher(currency).matches())
            out.add("currency: '" + currency + "' must be a 3-letter ISO 4217 code such as USD");
        if (models.isEmpty()) out.add("models: must price at least one model");
        models.forEach((model, price) -> {
            String path = "models." + model;
            if (ModelCatalogue.model(model) == null) {
                out.add(path + ": unknown model '" + model + "'; use one of " + ModelCatalogue.modelNames());
                return;
            }
            if (price == null) { out.add(path + ": must be an object with inputPer1K, cachedInputPer1K and outputPer1K"); return; }
            check(out, path + ".inputPer1K", price.inputPer1K());
            check(out, path + ".cachedInputPer1K", price.cachedInputPer1K());
            check(out, path + ".outputPer1K", price.outputPer1K());
            if (price.inputPer1K() != null && price.cachedInputPer1K() != null && price.cachedInputPer1K() > price.inputPer1K())
                out.add(path + ".cachedInputPer1K: " + price.cachedInputPer1K() + " is more than inputPer1K " + price.inputPer1K()
                        + "; cached prompt tokens are never dearer than uncached ones");
        });
        return out;
    }

    private static void check(java.util.List<String> out, String path, Double value) {
        if (value == null) out.add(path + ": is required (price per 1,000 tokens, 0 for free)");
        else if (value < 0 || value.isNaN() || value.isInfinite())
            out.add(path + ": " + value + " is negative; prices are per 1,000 tokens and at least 0");
    }

    /**
     * Convenience for tests and constructs: the table must have a price for every model given.
     *
     * @param modelNames the models
     * @throws IllegalArgumentException naming the first model without a price
     */
    public void requirePrices(Iterable<String> modelNames) {
        for (String m : modelNames)
            if (!models.containsKey(m))
                throw new IllegalArgumentException("the price table " + version + " has no price for model '" + m
                        + "'; add it under models");
    }
}
