package io.github.aoaiplatform.apim.policy;

import io.github.aoaiplatform.core.Guids;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Internal validation helpers. Every failure is an {@link IllegalArgumentException} naming element, attribute and fix. */
final class Checks {

    private static final Pattern NAMED_VALUE = Pattern.compile("\\{\\{[A-Za-z0-9._-]+}}");
    /** RFC 7230 token: HTTP method and header names. */
    private static final Pattern HTTP_TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    /** Context variable names we embed inside C# string literals. */
    private static final Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z0-9._-]+");

    private Checks() {
    }

    static IllegalArgumentException invalid(String element, String attribute, String problem, String fix) {
        return new IllegalArgumentException(element + ": '" + attribute + "' " + problem + ". Fix: " + fix + ".");
    }

    static boolean isExpression(String value) {
        return value != null
                && ((value.startsWith("@(") && value.endsWith(")")) || (value.startsWith("@{") && value.endsWith("}")));
    }

    static boolean isNamedValue(String value) {
        return value != null && NAMED_VALUE.matcher(value).matches();
    }

    static boolean isGuid(String value) {
        return Guids.isGuid(value);
    }

    /** Required text: non-null, not blank, only XML 1.0 characters. */
    static String requireText(String value, String element, String attribute, String fix) {
        if (value == null || value.isBlank()) {
            throw invalid(element, attribute, "is required and must not be blank", fix);
        }
        return xmlSafe(value, element, attribute);
    }

    /** Optional text: null means unset; otherwise like {@link #requireText}. */
    static String optionalText(String value, String element, String attribute) {
        if (value == null) {
            return null;
        }
        if (value.isBlank()) {
            throw invalid(element, attribute, "must not be blank when set", "pass null to omit '" + attribute + "'");
        }
        return xmlSafe(value, element, attribute);
    }

    /** Rejects characters that XML 1.0 cannot represent (e.g. NUL, unpaired surrogates). */
    static String xmlSafe(String value, String element, String attribute) {
        if (value == null) {
            throw invalid(element, attribute, "must not be null", "provide a value for '" + attribute + "'");
        }
        // a plain loop: policies pass long C# expressions through here for every department
        for (int i = 0; i < value.length(); ) {
            int cp = value.codePointAt(i);      // an unpaired surrogate comes back as itself, and is rejected
            boolean ok = cp == 0x9 || cp == 0xA || cp == 0xD
                    || (cp >= 0x20 && cp <= 0xD7FF)
                    || (cp >= 0xE000 && cp <= 0xFFFD)
                    || (cp >= 0x10000 && cp <= 0x10FFFF);
            if (!ok) {
                throw invalid(element, attribute,
                        String.format(Locale.ROOT, "contains character U+%04X which XML 1.0 cannot represent", cp),
                        "remove control characters from '" + attribute + "'");
            }
            i += Character.charCount(cp);
        }
        return value;
    }

    static int requireRange(int value, int min, int max, String element, String attribute, String unit) {
        if (value < min || value > max) {
            String range = max == Integer.MAX_VALUE ? ">= " + min : "between " + min + " and " + max;
            throw invalid(element, attribute, "must be " + range + unit + " but was " + value,
                    "set '" + attribute + "' to a value " + range);
        }
        return value;
    }

    static long requirePositive(long value, String element, String attribute) {
        if (value <= 0) {
            throw invalid(element, attribute, "must be > 0 but was " + value, "set '" + attribute + "' to a positive number");
        }
        return value;
    }

    static <T> T requireNonNull(T value, String element, String attribute) {
        if (value == null) {
            throw invalid(element, attribute, "must not be null", "provide a value for '" + attribute + "'");
        }
        return value;
    }

    /** Copies a list of required texts, rejecting null/blank entries and case-insensitive duplicates. */
    static List<String> textList(Collection<String> values, String element, String attribute) {
        return textList(values, element, attribute, true);
    }

    /** Copies a list of required texts, rejecting null/blank entries and duplicates. */
    static List<String> textList(Collection<String> values, String element, String attribute, boolean ignoreCase) {
        requireNonNull(values, element, attribute);
        List<String> copy = new ArrayList<>(values.size());
        Set<String> seen = new HashSet<>();
        for (String value : values) {
            requireText(value, element, attribute, "remove null or blank entries from '" + attribute + "'");
            if (!seen.add(ignoreCase ? value.toLowerCase(Locale.ROOT) : value)) {
                throw invalid(element, attribute, "contains \"" + value + "\" more than once", "remove the duplicate");
            }
            copy.add(value);
        }
        return List.copyOf(copy);
    }

    /** Copies a list, rejecting null entries. */
    static <T> List<T> nonNullList(Collection<? extends T> values, String element, String attribute) {
        requireNonNull(values, element, attribute);
        List<T> copy = new ArrayList<>(values.size());
        for (T value : values) {
            copy.add(requireNonNull(value, element, attribute));
        }
        return List.copyOf(copy);
    }

    /** A GUID, a named value {@code {{name}}} or a policy expression. */
    static String guidOrNamedValueOrExpression(String value, String element, String attribute) {
        requireText(value, element, attribute, "set '" + attribute + "' to a GUID, a named value like {{name}} or a policy expression");
        if (!isGuid(value) && !isNamedValue(value) && !isExpression(value)) {
            throw invalid(element, attribute,
                    "must be a GUID, a named value like {{name}} or a policy expression @(...) but was \"" + value + "\"",
                    "use the directory/application GUID or reference an APIM named value");
        }
        return value;
    }

    /** An absolute URL with one of the given schemes, a named value or a policy expression. */
    static String urlOrNamedValueOrExpression(String value, String element, String attribute, boolean httpsOnly) {
        String schemes = httpsOnly ? "https" : "http or https";
        requireText(value, element, attribute, "set '" + attribute + "' to an absolute " + schemes + " URL");
        if (isNamedValue(value) || isExpression(value)) {
            return value;
        }
        try {
            URI uri = new URI(withoutNamedValues(value));
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            boolean schemeOk = httpsOnly ? scheme.equals("https") : (scheme.equals("https") || scheme.equals("http"));
            if (schemeOk && uri.getHost() != null) {
                return value;
            }
        } catch (URISyntaxException e) {
            // fall through to the error below
        }
        throw invalid(element, attribute, "must be an absolute " + schemes + " URL, a named value or a policy expression but was \""
                + value + "\"", "use e.g. https://example.com/path");
    }

    /** Replaces embedded named values ({@code https://{{host}}/x}) by a neutral token so the rest can be parsed as a URI. */
    static String withoutNamedValues(String value) {
        return value.replaceAll("\\{\\{[A-Za-z0-9._-]+}}", "named-value");
    }

    static String httpToken(String value, String element, String attribute) {
        requireText(value, element, attribute, "set '" + attribute + "'");
        if (!HTTP_TOKEN.matcher(value).matches()) {
            throw invalid(element, attribute, "\"" + value + "\" is not a valid HTTP token",
                    "use letters, digits and -_.!#$%&'*+^`|~ only (no spaces or separators)");
        }
        return value;
    }

    static String variableName(String value, String element, String attribute) {
        requireText(value, element, attribute, "set '" + attribute + "'");
        if (!VARIABLE_NAME.matcher(value).matches()) {
            throw invalid(element, attribute, "\"" + value + "\" is not a valid variable name",
                    "use letters, digits, '.', '_' and '-' only");
        }
        return value;
    }

    static String noExpression(String value, String element, String attribute) {
        if (value != null && value.startsWith("@")) {
            throw invalid(element, attribute, "does not allow policy expressions", "use a literal value");
        }
        return value;
    }
}
