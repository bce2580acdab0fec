package io.github.aoaiplatform.apim.policy;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code <choose>}: one or more {@link When} branches (first true wins), then an optional {@link Otherwise}.
 */
public final class Choose extends PolicyElement {

    static final String ELEMENT = "choose";

    private final List<When> whens;
    private final Otherwise otherwise;

    private Choose(List<When> whens, Otherwise otherwise) {
        this.whens = Checks.nonNullList(whens, ELEMENT, "when");
        if (this.whens.isEmpty()) {
            throw Checks.invalid(ELEMENT, "when", "requires at least one <when> branch", "add when(condition, policies...)");
        }
        this.otherwise = otherwise;
    }

    /**
     * Creates a choose from ready-made branches.
     *
     * @param whens the when branches in evaluation order; at least one
     * @param otherwise the otherwise branch, or {@code null} for none
     * @return the choose policy
     * @throws IllegalArgumentException if {@code whens} is empty or contains null
     */
    public static Choose of(List<When> whens, Otherwise otherwise) {
        return new Choose(whens, otherwise);
    }

    /**
     * Starts a builder with no branches.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String elementName() {
        return ELEMENT;
    }

    /**
     * The when branches, in evaluation order.
     *
     * @return the immutable list of branches
     */
    public List<When> whens() {
        return whens;
    }

    /**
     * The otherwise branch, or {@code null}.
     *
     * @return the branch run when no condition is true, or {@code null}
     */
    public Otherwise otherwise() {
        return otherwise;
    }

    @Override
    List<PolicyElement> nestedElements() {
        List<PolicyElement> all = new ArrayList<>();
        for (When when : whens) {
            all.addAll(when.policies());
        }
        if (otherwise != null) {
            all.addAll(otherwise.policies());
        }
        return all;
    }

    @Override
    XmlNode toNode() {
        XmlNode.Builder node = XmlNode.element(ELEMENT);
        for (When when : whens) {
            node.child(when.toNode());
        }
        if (otherwise != null) {
            node.child(otherwise.toNode());
        }
        return node.build();
    }

    /** Builder; when branches append in order, otherwise replaces. */
    public static final class Builder {
        private final List<When> whens = new ArrayList<>();
        private Otherwise otherwise;

        private Builder() {
        }

        /**
         * Appends a when branch.
         *
         * @param condition a boolean policy expression, e.g. {@code @(context.Response.StatusCode == 429)}
         * @param policies the policies run when the condition is the first true one; may be empty
         * @return this builder
         */
        public Builder when(String condition, PolicyElement... policies) {
            whens.add(When.of(condition, policies));
            return this;
        }

        /**
         * Appends a ready-made when branch.
         *
         * @param when the branch; must not be null
         * @return this builder
         */
        public Builder when(When when) {
            whens.add(Checks.requireNonNull(when, ELEMENT, "when"));
            return this;
        }

        /**
         * Sets the otherwise branch, replacing any earlier one. Defaults to: none.
         *
         * @param policies the policies run when no when condition is true; may be empty
         * @return this builder
         */
        public Builder otherwise(PolicyElement... policies) {
            this.otherwise = Otherwise.of(policies);
            return this;
        }

        /**
         * Sets the otherwise branch, replacing any earlier one. Defaults to: none.
         *
         * @param otherwise the branch, or {@code null} for none
         * @return this builder
         */
        public Builder otherwise(Otherwise otherwise) {
            this.otherwise = otherwise;
            return this;
        }

        /**
         * Creates the choose policy.
         *
         * @return the immutable policy
         * @throws IllegalArgumentException if no when branch was added
         */
        public Choose build() {
            return new Choose(whens, otherwise);
        }
    }
}
