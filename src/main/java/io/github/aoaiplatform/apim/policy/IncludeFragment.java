package io.github.aoaiplatform.apim.policy;

import java.util.regex.Pattern;

/** {@code <include-fragment fragment-id="…"/>} (any section). */
public final class IncludeFragment extends PolicyElement {

    static final String ELEMENT = "include-fragment";
    private static final Pattern FRAGMENT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,79}");

    private final String fragmentId;

    private IncludeFragment(String fragmentId) {
        Checks.requireText(fragmentId, ELEMENT, "fragment-id", "pass the id of an APIM policy fragment");
        if (!FRAGMENT_ID.matcher(fragmentId).matches()) {
            throw Checks.invalid(ELEMENT, "fragment-id", "\"" + fragmentId + "\" is not a valid policy fragment id",
                    "use 1-80 letters, digits, '.', '_' or '-' starting with a letter or digit");
        }
        this.fragmentId = fragmentId;
    }

    /**
     * Includes the policy fragment with this id at this position.
     *
     * @param fragmentId the fragment's id: 1 to 80 letters, digits, '.', '_' or '-', starting with a letter or digit
     * @return the policy
     * @throws IllegalArgumentException if the id is blank or malformed
     */
    public static IncludeFragment of(String fragmentId) {
        return new IncludeFragment(fragmentId);
    }

    @Override
    public String elementName() {
        return ELEMENT;
    }

    /**
     * The fragment-id attribute.
     *
     * @return the id of the included policy fragment
     */
    public String fragmentId() {
        return fragmentId;
    }

    @Override
    XmlNode toNode() {
        return XmlNode.element(ELEMENT).attr("fragment-id", fragmentId).build();
    }
}
