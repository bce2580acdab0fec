package io.github.aoaiplatform.core;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed Azure resource id, e.g.
 * {@code /subscriptions/<guid>/resourceGroups/<rg>/providers/Microsoft.Network/virtualNetworks/<name>}.
 * {@link #parse(String, String)} checks the resource type too (as Azure Verified Modules do for every id input).
 */
public record AzureResourceId(String subscriptionId, String resourceGroup, String type, String name, String value) {
    private static final Pattern ID = Pattern.compile(
            "/subscriptions/([0-9a-fA-F-]{36})/resourceGroups/([^/]+)/providers/([A-Za-z]+\\.[A-Za-z]+(?:/[A-Za-z]+)?)/([^/]+)((?:/[A-Za-z]+/[^/]+)*)");

    /**
     * Parses {@code id} and checks that its type (e.g. {@code Microsoft.Network/virtualNetworks} or, for a child,
     * {@code Microsoft.Network/virtualNetworks/subnets}) equals {@code expectedType}, ignoring case.
     *
     * @param id           the resource id
     * @param expectedType the resource type it must have
     * @return the parsed id
     * @throws IllegalArgumentException when the id is malformed or of another type, saying which
     */
    public static AzureResourceId parse(String id, String expectedType) {
        Matcher m = id == null ? null : ID.matcher(id);
        if (m == null || !m.matches() || !Guids.isGuid(m.group(1)))
            throw new IllegalArgumentException("'" + id + "' is not an Azure resource id; expected /subscriptions/<guid>/resourceGroups/<rg>/providers/"
                    + expectedType + "/<name>");
        String type = m.group(3);
        String name = m.group(4);
        String rest = m.group(5);
        if (!rest.isEmpty()) {
            String[] parts = rest.substring(1).split("/");
            StringBuilder t = new StringBuilder(type);
            for (int i = 0; i < parts.length; i += 2) { t.append('/').append(parts[i]); name = parts[i + 1]; }
            type = t.toString();
        }
        if (!type.toLowerCase(Locale.ROOT).equals(expectedType.toLowerCase(Locale.ROOT)))
            throw new IllegalArgumentException("'" + id + "' is a " + type + " id; expected a " + expectedType + " id");
        return new AzureResourceId(m.group(1), m.group(2), type, name, id);
    }
}
