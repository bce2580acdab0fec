package io.github.aoaiplatform.apim.policy;

import java.util.Arrays;
import java.util.List;

/** {@code <otherwise>…</otherwise>} branch of {@link Choose}; may hold zero or more policies. */
public final class Otherwise {

    private final List<PolicyElement> policies;

    private Otherwise(List<PolicyElement> policies) {
        this.policies = Checks.nonNullList(policies, "otherwise", "policies");
    }

    /**
     * Creates an otherwise branch.
     *
     * @param policies the policies run when no when condition is true; may be empty, none may be null
     * @return the branch
     */
    public static Otherwise of(PolicyElement... policies) {
        return new Otherwise(Arrays.asList(Checks.requireNonNull(policies, "otherwise", "policies")));
    }

    /**
     * Creates an otherwise branch.
     *
     * @param policies the policies run when no when condition is true; may be empty, none may be null
     * @return the branch
     */
    public static Otherwise of(List<? extends PolicyElement> policies) {
        return new Otherwise(List.copyOf(Checks.nonNullList(policies, "otherwise", "policies")));
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
        XmlNode.Builder node = XmlNode.element("otherwise");
        for (PolicyElement policy : policies) {
            node.child(policy.toNode());
        }
        return node.build();
    }
}
