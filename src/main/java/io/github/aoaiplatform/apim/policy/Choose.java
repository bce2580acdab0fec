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

    /** {@code otherwise} may be null. */
    public static Choose of(List<When> whens, Otherwise otherwise) {
        return new Choose(whens, otherwise);
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String elementName() {
        return ELEMENT;
    }

    public List<When> whens() {
        return whens;
    }

    /** The otherwise branch, or {@code null}. */
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

        public Builder when(String condition, PolicyElement... policies) {
            whens.add(When.of(condition, policies));
            return this;
        }

        public Builder when(When when) {
            whens.add(Checks.requireNonNull(when, ELEMENT, "when"));
            return this;
        }

        public Builder otherwise(PolicyElement... policies) {
            this.otherwise = Otherwise.of(policies);
            return this;
        }

        public Builder otherwise(Otherwise otherwise) {
            this.otherwise = otherwise;
            return this;
        }

        public Choose build() {
            return new Choose(whens, otherwise);
        }
    }
}
