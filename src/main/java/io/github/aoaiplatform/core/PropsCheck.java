package io.github.aoaiplatform.core;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Collects the problems of one props object so that all are reported together ({@link #throwIfAny()}). Every check
 * skips values that are unresolved Terraform tokens: those are only known at apply time.
 */
public final class PropsCheck {
    /**
     * What {@code Token.isUnresolved} tests for a string (cdktf's {@code STRING_TOKEN_REGEX}), without its round trip
     * to the JavaScript core: props checks run for every value of every construct.
     */
    private static final Pattern STRING_TOKEN = Pattern.compile("\\$\\{TfToken\\[[a-zA-Z0-9:._-]+]}");
    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");

    private final String propsType;
    private final List<InvalidPropsException.Problem> problems = new ArrayList<>();

    private PropsCheck(String propsType) { this.propsType = propsType; }

    /**
     * @param propsType the props record's simple name, used in every message
     * @return an empty check
     */
    public static PropsCheck of(String propsType) { return new PropsCheck(propsType); }

    /**
     * @param value a props value
     * @return true when the value is a Terraform token (a reference) whose value is unknown at synth
     */
    public static boolean isToken(Object value) { return value instanceof String s && STRING_TOKEN.matcher(s).find(); }

    /**
     * Records a problem.
     *
     * @param field   the props field
     * @param message what is wrong and what to do
     * @return this
     */
    public PropsCheck add(String field, String message) {
        problems.add(new InvalidPropsException.Problem(field, message));
        return this;
    }

    /**
     * Records a problem unless {@code ok}.
     *
     * @param ok      whether the field is fine
     * @param field   the props field
     * @param message what is wrong and what to do
     * @return this
     */
    public PropsCheck check(boolean ok, String field, String message) {
        return ok ? this : add(field, message);
    }

    /**
     * A required value: not null, and not blank when a string.
     *
     * @param field the props field
     * @param value its value
     * @return true when the value is present (so that later checks on it can run)
     */
    public boolean require(String field, Object value) {
        boolean present = value != null && !(value instanceof String s && s.isBlank())
                && !(value instanceof Collection<?> c && c.isEmpty());
        if (!present) add(field, "is required");
        return present;
    }

    /**
     * A string that must match {@code pattern} (tokens pass).
     *
     * @param field       the props field
     * @param value       its value; null passes (use {@link #require} for required fields)
     * @param pattern     the whole-string pattern
     * @param expectation what a valid value looks like, e.g. "2-64 lower-case letters, digits or hyphens"
     * @return this
     */
    public PropsCheck matches(String field, String value, Pattern pattern, String expectation) {
        if (value != null && !isToken(value) && !pattern.matcher(value).matches())
            add(field, "'" + value + "' must be " + expectation);
        return this;
    }

    /**
     * A GUID (tenant, client, object or group id).
     *
     * @param field the props field
     * @param value its value; null passes
     * @return this
     */
    public PropsCheck guid(String field, String value) {
        if (value != null && !isToken(value) && !Guids.isGuid(value))
            add(field, "'" + value + "' is not a GUID; expected 8-4-4-4-12 hex digits");
        return this;
    }

    /**
     * A known Azure region name.
     *
     * @param field the props field
     * @param value its value; null passes
     * @return this
     */
    public PropsCheck region(String field, String value) {
        if (value != null && !isToken(value) && !AzureRegions.isKnown(value))
            add(field, "unknown Azure region '" + value + "'; use a lower-case region name such as japaneast, eastus, swedencentral");
        return this;
    }

    /**
     * An e-mail address.
     *
     * @param field the props field
     * @param value its value; null passes
     * @return this
     */
    public PropsCheck email(String field, String value) {
        if (value != null && !isToken(value) && !EMAIL.matcher(value).matches())
            add(field, "'" + value + "' is not an e-mail address, e.g. platform@contoso.com");
        return this;
    }

    /**
     * An Azure resource id of the given type.
     *
     * @param field        the props field
     * @param value        its value; null passes
     * @param expectedType e.g. {@code Microsoft.Network/virtualNetworks/subnets}
     * @return this
     */
    public PropsCheck resourceId(String field, String value, String expectedType) {
        if (value != null && !isToken(value)) {
            try {
                AzureResourceId.parse(value, expectedType);
            } catch (IllegalArgumentException e) {
                add(field, e.getMessage());
            }
        }
        return this;
    }

    /**
     * An integer within bounds.
     *
     * @param field the props field
     * @param value its value; null passes
     * @param min   smallest allowed
     * @param max   largest allowed
     * @return this
     */
    public PropsCheck between(String field, Number value, long min, long max) {
        if (value != null && (value.doubleValue() < min || value.doubleValue() > max))
            add(field, "must be between " + min + " and " + max + ", got " + value);
        return this;
    }

    /**
     * Folds in the problems of a nested props object under {@code prefix}.
     *
     * @param prefix the field holding the nested object, e.g. {@code deployments[1]}
     * @param nested the nested object's exception
     * @return this
     */
    public PropsCheck nested(String prefix, InvalidPropsException nested) {
        nested.problems().forEach(p -> add(prefix + "." + p.field(), p.message()));
        return this;
    }

    /** @return true when nothing was found */
    public boolean isEmpty() { return problems.isEmpty(); }

    /** Throws an {@link InvalidPropsException} naming every problem, if there is any. */
    public void throwIfAny() {
        if (!problems.isEmpty()) throw new InvalidPropsException(propsType, problems);
    }
}
