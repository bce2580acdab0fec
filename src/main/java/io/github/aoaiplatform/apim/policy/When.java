package io.github.aoaiplatform.apim.policy;

import java.util.Arrays;
import java.util.List;

/** {@code <when condition="…">…</when>} branch of {@link Choose}; may hold zero or more policies. */
public final class When {

    private final String condition;
    private final List<PolicyElement> policies;

    private When(String condition, List<PolicyElement> policies) {
        this.condition = Checks.requireText(condition, "when", "condition", "pass a boolean policy expression @(...)");
        this.policies = Checks.nonNullList(policies, "when", "policies");
    }

    public static When of(String condition, PolicyElement... policies) {
        return new When(condition, Arrays.asList(Checks.requireNonNull(policies, "when", "policies")));
    }

    public static When of(String condition, List<? extends PolicyElement> policies) {
        return new When(condition, List.copyOf(Checks.nonNullList(policies, "when", "policies")));
    }

    public String condition() {
        return condition;
    }

    public List<PolicyElement> policies() {
        return policies;
    }

    XmlNode toNode() {
        XmlNode.Builder node = XmlNode.element("when").attr("condition", condition);
        for (PolicyElement policy : policies) {
            node.child(policy.toNode());
        }
        return node.build();
    }
}
