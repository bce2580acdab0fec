package io.github.aoaiplatform.core;

import java.util.regex.Pattern;

/** GUID checks for tenant, subscription and application ids. */
public final class Guids {
    private Guids() {}
    private static final Pattern GUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    /**
     * Whether a string is a GUID.
     *
     * @param s the string; null is not a GUID
     * @return true for 8-4-4-4-12 hex digits
     */
    public static boolean isGuid(String s) { return s != null && GUID.matcher(s).matches(); }

    /**
     * Whether a GUID is the all-zero placeholder that marks "not a real id yet" in sample configs.
     *
     * @param s the string
     * @return true for {@code 00000000-0000-0000-0000-000000000000}
     */
    public static boolean isPlaceholder(String s) { return "00000000-0000-0000-0000-000000000000".equals(s); }
}
