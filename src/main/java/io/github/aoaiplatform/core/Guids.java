package io.github.aoaiplatform.core;

import java.util.regex.Pattern;

/** GUID checks for tenant, subscription and application ids. */
public final class Guids {
    private Guids() {}
    private static final Pattern GUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    public static boolean isGuid(String s) { return s != null && GUID.matcher(s).matches(); }

    /** True for the all-zero placeholder GUID that marks "not a real id yet" in sample configs. */
    public static boolean isPlaceholder(String s) { return "00000000-0000-0000-0000-000000000000".equals(s); }
}
