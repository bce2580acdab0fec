package io.github.aoaiplatform.apim.policy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A complete APIM policy document: {@code <policies>} with inbound, backend, outbound and on-error sections,
 * always rendered in that order; elements keep insertion order within a section.
 *
 * <p>{@code <base />} handling per section: inbound, outbound and on-error include base first; backend
 * includes base only when it contains no {@link ForwardRequest} or {@link Retry} (anywhere, including nested),
 * because the parent scope's backend normally forwards the request itself. Override with
 * {@link Builder#includeBase(PolicySection, boolean)}. If a section already contains {@link Base#INSTANCE}
 * explicitly, it stays where it was put and no second base is added.
 *
 * <p>Validation: at most one base per section; each policy (also nested ones) must be allowed in its section
 * (e.g. {@code forward-request} only in backend, {@code cors} only in inbound); backend must not combine base
 * with a forward-request (the request would be forwarded twice).
 */
public final class PolicyDocument {

    private final Map<PolicySection, List<PolicyElement>> sections;

    private PolicyDocument(Builder builder) {
        Map<PolicySection, List<PolicyElement>> resolved = new EnumMap<>(PolicySection.class);
        for (PolicySection section : PolicySection.values()) {
            List<PolicyElement> elements = builder.elements.get(section);
            resolved.put(section, resolve(section, elements, builder.includeBase.get(section)));
        }
        this.sections = resolved;
    }

    /**
     * Starts an empty document; sections without elements render only their {@code <base />} (if any).
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The elements of a section as rendered, including the base element when present.
     *
     * @param section the section to read
     * @return the immutable, ordered list of elements
     */
    public List<PolicyElement> elements(PolicySection section) {
        return sections.get(Checks.requireNonNull(section, "policies", "section"));
    }

    /**
     * Whether the section renders {@code <base />}, i.e. runs the parent scope's policies.
     *
     * @param section the section to check
     * @return {@code true} when the section contains {@link Base#INSTANCE}
     */
    public boolean includesBase(PolicySection section) {
        return elements(section).contains(Base.INSTANCE);
    }

    /**
     * Renders the whole document as {@code <policies>} with all four sections.
     *
     * @return the XML with 4-space indentation, no XML declaration and {@code \n} line ends
     */
    public String toXml() {
        return XmlRenderer.render(toNode());
    }

    XmlNode toNode() {
        XmlNode.Builder policies = XmlNode.element("policies");
        for (PolicySection section : PolicySection.values()) {
            XmlNode.Builder sectionNode = XmlNode.element(section.xmlName());
            for (PolicyElement element : sections.get(section)) {
                sectionNode.child(element.toNode());
            }
            policies.child(sectionNode.build());
        }
        return policies.build();
    }

    @Override
    public String toString() {
        return toXml();
    }

    private static List<PolicyElement> resolve(PolicySection section, List<PolicyElement> elements, Boolean includeBase) {
        String where = section.xmlName();
        long baseCount = elements.stream().filter(e -> e instanceof Base).count();
        if (baseCount > 1) {
            throw Checks.invalid(where, "base", "appears " + baseCount + " times but at most one <base /> is allowed per section",
                    "add Base.INSTANCE at most once (or rely on the default)");
        }
        for (PolicyElement element : elements) {
            checkSection(section, element);
        }
        boolean forwards = containsForwarding(elements);
        boolean include = includeBase != null ? includeBase : (section != PolicySection.BACKEND || !forwards);
        if (!include && baseCount == 1) {
            throw Checks.invalid(where, "base", "was added explicitly but includeBase(" + section + ", false) was requested",
                    "either remove Base.INSTANCE from the section or drop includeBase(" + section + ", false)");
        }
        List<PolicyElement> result = new ArrayList<>(elements.size() + 1);
        if (include && baseCount == 0) {
            result.add(Base.INSTANCE);
        }
        result.addAll(elements);
        if (section == PolicySection.BACKEND && forwards && result.contains(Base.INSTANCE)) {
            throw Checks.invalid(where, "base",
                    "cannot be combined with forward-request/retry in the backend section because the parent scope's "
                            + "backend already forwards the request", "remove <base /> from backend (the default when forwarding)");
        }
        return List.copyOf(result);
    }

    private static void checkSection(PolicySection section, PolicyElement element) {
        if (!element.allowedSections().contains(section)) {
            List<String> allowed = new ArrayList<>();
            for (PolicySection candidate : PolicySection.values()) {
                if (element.allowedSections().contains(candidate)) {
                    allowed.add(candidate.xmlName());
                }
            }
            throw Checks.invalid(section.xmlName(), element.elementName(),
                    "is not allowed in the " + section.xmlName() + " section (APIM allows it in: " + String.join(", ", allowed) + ")",
                    "move " + element.elementName() + " to " + String.join(" or ", allowed));
        }
        for (PolicyElement nested : element.nestedElements()) {
            checkSection(section, nested);
        }
    }

    private static boolean containsForwarding(List<PolicyElement> elements) {
        for (PolicyElement element : elements) {
            if (element instanceof ForwardRequest || element instanceof Retry || containsForwarding(element.nestedElements())) {
                return true;
            }
        }
        return false;
    }

    /** Collects elements per section. Element methods append; they may be called repeatedly. */
    public static final class Builder {
        private final Map<PolicySection, List<PolicyElement>> elements = new EnumMap<>(PolicySection.class);
        private final Map<PolicySection, Boolean> includeBase = new EnumMap<>(PolicySection.class);

        private Builder() {
            for (PolicySection section : PolicySection.values()) {
                elements.put(section, new ArrayList<>());
            }
        }

        /**
         * Appends policies to the inbound section.
         *
         * @param policies the policies, in order; none may be null
         * @return this builder
         */
        public Builder inbound(PolicyElement... policies) {
            return add(PolicySection.INBOUND, policies);
        }

        /**
         * Appends policies to the inbound section.
         *
         * @param policies the policies, in order; none may be null
         * @return this builder
         */
        public Builder inbound(List<? extends PolicyElement> policies) {
            return add(PolicySection.INBOUND, policies);
        }

        /**
         * Appends policies to the backend section.
         *
         * @param policies the policies, in order; none may be null
         * @return this builder
         */
        public Builder backend(PolicyElement... policies) {
            return add(PolicySection.BACKEND, policies);
        }

        /**
         * Appends policies to the backend section.
         *
         * @param policies the policies, in order; none may be null
         * @return this builder
         */
        public Builder backend(List<? extends PolicyElement> policies) {
            return add(PolicySection.BACKEND, policies);
        }

        /**
         * Appends policies to the outbound section.
         *
         * @param policies the policies, in order; none may be null
         * @return this builder
         */
        public Builder outbound(PolicyElement... policies) {
            return add(PolicySection.OUTBOUND, policies);
        }

        /**
         * Appends policies to the outbound section.
         *
         * @param policies the policies, in order; none may be null
         * @return this builder
         */
        public Builder outbound(List<? extends PolicyElement> policies) {
            return add(PolicySection.OUTBOUND, policies);
        }

        /**
         * Appends policies to the on-error section.
         *
         * @param policies the policies, in order; none may be null
         * @return this builder
         */
        public Builder onError(PolicyElement... policies) {
            return add(PolicySection.ON_ERROR, policies);
        }

        /**
         * Appends policies to the on-error section, e.g. {@link GenericErrors#onErrorSection()}.
         *
         * @param policies the policies, in order; none may be null
         * @return this builder
         */
        public Builder onError(List<? extends PolicyElement> policies) {
            return add(PolicySection.ON_ERROR, policies);
        }

        /**
         * Appends policies to the given section.
         *
         * @param section the section to add to
         * @param policies the policies, in order; none may be null
         * @return this builder
         */
        public Builder add(PolicySection section, PolicyElement... policies) {
            return add(section, Arrays.asList(Checks.requireNonNull(policies, "policies", "elements")));
        }

        /**
         * Appends policies to the given section.
         *
         * @param section the section to add to
         * @param policies the policies, in order; none may be null
         * @return this builder
         */
        public Builder add(PolicySection section, List<? extends PolicyElement> policies) {
            Checks.requireNonNull(section, "policies", "section");
            elements.get(section).addAll(Checks.nonNullList(policies, section.xmlName(), "elements"));
            return this;
        }

        /**
         * Forces {@code <base />} on or off for a section. Defaults to: on for inbound, outbound, on-error;
         * on for backend unless it contains forward-request or retry.
         *
         * @param section the section to configure
         * @param include {@code true} to render {@code <base />} first, {@code false} to omit it
         * @return this builder
         */
        public Builder includeBase(PolicySection section, boolean include) {
            includeBase.put(Checks.requireNonNull(section, "policies", "section"), include);
            return this;
        }

        /**
         * Resolves base handling and validates every section as described on {@link PolicyDocument}.
         *
         * @return the immutable document
         * @throws IllegalArgumentException if a policy is not allowed in its section or base is misplaced
         */
        public PolicyDocument build() {
            return new PolicyDocument(this);
        }
    }
}
