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

    /**
     * Creates a when branch.
     *
     * @param condition a boolean policy expression, e.g. {@code @(context.Response.StatusCode == 429)}
     * @param policies the policies run when the condition is true; may be empty, none may be null
     * @return the branch
     */
    public static When of(String condition, PolicyElement... policies) {
        return new When(condition, Arrays.asList(Checks.requireNonNull(policies, "when", "policies")));
    }

    /**
     * Creates a when branch.
     *
     * @param condition a boolean policy expression, e.g. {@code @(context.Response.StatusCode == 429)}
     * @param policies the policies run when the condition is true; may be empty, none may be null
     * @return the branch
     */
    public static When of(String condition, List<? extends PolicyElement> policies) {
        return new When(condition, List.copyOf(Checks.nonNullList(policies, "when", "policies")));
    }

    /**
     * The condition attribute.
     *
     * @return the boolean policy expression
     */
    public String condition() {
        return condition;
    }

    /**
     * The policies of this branch.
     *
     * @return the immutable, ordered list of policies
     */
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
