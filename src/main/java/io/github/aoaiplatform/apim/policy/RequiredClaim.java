package io.github.aoaiplatform.apim.policy;

import java.util.Arrays;
import java.util.List;

/**
 * A {@code <claim name="…" match="any|all" separator="…"><value>…</value></claim>} entry of
 * {@code <required-claims>}, shared by {@link ValidateAzureAdToken} and {@link ValidateJwt}.
 * At least one value is required; {@code match} is always rendered.
 */
public final class RequiredClaim {

    /** How the claim values are matched. */
    public enum Match {
        /** Every listed value must be present. */
        ALL("all"),
        /** At least one listed value must be present. */
        ANY("any");

        private final String xmlValue;

        Match(String xmlValue) {
            this.xmlValue = xmlValue;
        }

        /**
         * Rendered value of the match attribute.
         *
         * @return {@code all} or {@code any}
         */
        public String xmlValue() {
            return xmlValue;
        }
    }

    private static final String ELEMENT = "claim";

    private final String name;
    private final Match match;
    private final String separator;
    private final List<String> values;

    private RequiredClaim(String name, Match match, String separator, List<String> values) {
        this.name = Checks.requireText(name, ELEMENT, "name", "set the claim name, e.g. \"roles\"");
        this.match = Checks.requireNonNull(match, ELEMENT, "match");
        // a single space is a legitimate separator: Entra ID's scp claim is space-separated
        if (separator != null && separator.isEmpty()) {
            throw Checks.invalid(ELEMENT, "separator", "must not be empty when set", "pass null to omit 'separator', or e.g. \" \" for scp");
        }
        this.separator = separator == null ? null : Checks.xmlSafe(separator, ELEMENT, "separator");
        this.values = Checks.textList(values, ELEMENT, "value", false);
        if (this.values.isEmpty()) {
            throw Checks.invalid(ELEMENT, "value", "requires at least one <value> for claim \"" + name + "\"",
                    "pass one or more accepted claim values");
        }
    }

    /**
     * Claim must contain at least one of {@code values}.
     *
     * @param name the claim name, e.g. {@code roles}
     * @param values the accepted values; at least one
     * @return the required claim
     */
    public static RequiredClaim anyOf(String name, String... values) {
        return new RequiredClaim(name, Match.ANY, null, Arrays.asList(Checks.requireNonNull(values, ELEMENT, "value")));
    }

    /**
     * Claim must contain all of {@code values}.
     *
     * @param name the claim name, e.g. {@code roles}
     * @param values the required values; at least one
     * @return the required claim
     */
    public static RequiredClaim allOf(String name, String... values) {
        return new RequiredClaim(name, Match.ALL, null, Arrays.asList(Checks.requireNonNull(values, ELEMENT, "value")));
    }

    /**
     * Full form; {@code separator} may be null (omitted) or any non-empty string, including {@code " "}
     * (for {@code scp}).
     *
     * @param name the claim name, e.g. {@code scp}
     * @param match whether all or any of the values must be present
     * @param separator the string that splits a multi-valued claim, or {@code null} for none
     * @param values the values to match; at least one
     * @return the required claim
     */
    public static RequiredClaim of(String name, Match match, String separator, List<String> values) {
        return new RequiredClaim(name, match, separator, values);
    }

    /**
     * The claim name.
     *
     * @return the name attribute
     */
    public String name() {
        return name;
    }

    /**
     * How the values are matched.
     *
     * @return the match mode
     */
    public Match match() {
        return match;
    }

    /**
     * The values to match.
     *
     * @return the immutable list of values
     */
    public List<String> values() {
        return values;
    }

    XmlNode toNode() {
        return XmlNode.element("claim")
                .attr("name", name)
                .attr("match", match.xmlValue())
                .attr("separator", separator)
                .textChildren("value", values)
                .build();
    }

    static XmlNode requiredClaimsNode(List<RequiredClaim> claims) {
        XmlNode.Builder node = XmlNode.element("required-claims");
        for (RequiredClaim claim : claims) {
            node.child(claim.toNode());
        }
        return node.build();
    }
}
