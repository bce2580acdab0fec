package io.github.aoaiplatform.openai;

import com.hashicorp.cdktf.providers.azurerm.role_assignment.RoleAssignment;
import io.github.aoaiplatform.core.IPrincipal;
import software.constructs.IConstruct;

import java.util.List;

/**
 * An Azure OpenAI (or AI Services) account and the deployments it serves: created by {@link OpenAiAccount} or brought in
 * with {@link OpenAiAccount#fromResourceId}. The gateway builds its backends and pools from these objects, so the
 * endpoint, the account id and the deployment names always come from one place.
 */
public interface IOpenAiAccount extends IConstruct {
    /** The only role a caller needs to run inference with Entra ID. */
    String INVOKE_ROLE = "Cognitive Services OpenAI User";

    /** @return the account's resource id */
    String resourceId();

    /** @return the account's name, also its custom subdomain */
    String name();

    /** @return the account's region */
    String location();

    /** @return the inference endpoint, {@code https://<name>.openai.azure.com/} */
    String endpoint();

    /** @return the names of the deployments this account serves, in creation order */
    List<String> deploymentNames();

    /**
     * Lets a principal call the account's inference API with Entra ID ({@value #INVOKE_ROLE}, nothing more).
     *
     * @param grantee who may call
     * @return the role assignment (granting twice returns the first one)
     */
    default RoleAssignment grantInvoke(IPrincipal grantee) { return grantInvoke(grantee, "Calls Azure OpenAI with Entra ID"); }

    /**
     * As {@link #grantInvoke(IPrincipal)}, with the role assignment's description (Azure replaces an assignment whose
     * description changes, so callers keep theirs stable).
     *
     * @param grantee     who may call
     * @param description why the grantee may call
     * @return the role assignment (granting twice returns the first one)
     */
    RoleAssignment grantInvoke(IPrincipal grantee, String description);
}
