package io.github.aoaiplatform.openai;

import com.hashicorp.cdktf.providers.azurerm.role_assignment.RoleAssignment;
import io.github.aoaiplatform.core.IPrincipal;
import io.github.aoaiplatform.core.ResourceInterfaces;
import software.constructs.Construct;

import java.util.List;

/** An account the app does not create ({@link OpenAiAccount#fromResourceId}); grants still create role assignments. */
final class ImportedOpenAiAccount extends Construct implements IOpenAiAccount {
    private final String resourceId;
    private final String name;
    private final String location;
    private final List<String> deployments;

    ImportedOpenAiAccount(Construct scope, String id, String resourceId, String name, String location, List<String> deployments) {
        super(scope, id);
        this.resourceId = resourceId;
        this.name = name;
        this.location = location;
        this.deployments = List.copyOf(deployments);
    }

    @Override public String resourceId() { return resourceId; }
    @Override public String name() { return name; }
    @Override public String location() { return location; }
    @Override public String endpoint() { return "https://" + name + ".openai.azure.com/"; }
    @Override public List<String> deploymentNames() { return deployments; }
    @Override public RoleAssignment grantInvoke(IPrincipal grantee, String description) {
        return ResourceInterfaces.grant(this, resourceId, INVOKE_ROLE, "OpenAiUser", grantee, description);
    }
}
