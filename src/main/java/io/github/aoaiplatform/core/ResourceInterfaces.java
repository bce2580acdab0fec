package io.github.aoaiplatform.core;

import com.hashicorp.cdktf.ITerraformDependable;
import com.hashicorp.cdktf.providers.azurerm.management_lock.ManagementLock;
import com.hashicorp.cdktf.providers.azurerm.monitor_diagnostic_setting.MonitorDiagnosticSetting;
import com.hashicorp.cdktf.providers.azurerm.monitor_diagnostic_setting.MonitorDiagnosticSettingEnabledLog;
import com.hashicorp.cdktf.providers.azurerm.monitor_diagnostic_setting.MonitorDiagnosticSettingEnabledMetric;
import com.hashicorp.cdktf.providers.azurerm.role_assignment.RoleAssignment;
import software.constructs.Construct;
import software.constructs.IConstruct;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Renders the uniform inputs every resource construct takes, as Azure Verified Modules do: diagnostic settings, private
 * endpoints, role assignments and a lock. One place, so every resource gets them the same way. Child ids (part of
 * Terraform addresses): {@code Diagnostics}, {@code PrivateEndpoint} (then {@code PrivateEndpoint2}, ...), {@code Lock},
 * and {@code <role alias>-<principal grant key>} for role assignments.
 */
public final class ResourceInterfaces {
    private ResourceInterfaces() {}

    /**
     * The resource's diagnostic setting, unless disabled.
     *
     * @param scope              the resource's construct
     * @param targetResourceId   the resource
     * @param settings           where to send what
     * @param resourceHasMetrics whether the resource type has metrics (network security groups have none)
     * @return the setting, or null when {@link DiagnosticSettings#disabled(String)}
     */
    public static MonitorDiagnosticSetting diagnostics(Construct scope, String targetResourceId, DiagnosticSettings settings,
                                                       boolean resourceHasMetrics) {
        if (!settings.enabled()) return null;
        List<MonitorDiagnosticSettingEnabledLog> logs = new ArrayList<>();
        settings.logCategoryGroups().forEach(g -> logs.add(MonitorDiagnosticSettingEnabledLog.builder().categoryGroup(g).build()));
        settings.logCategories().forEach(c -> logs.add(MonitorDiagnosticSettingEnabledLog.builder().category(c).build()));
        return MonitorDiagnosticSetting.Builder.create(scope, "Diagnostics")
                .name(settings.name())
                .targetResourceId(targetResourceId)
                .logAnalyticsWorkspaceId(settings.workspace().resourceId())
                .logAnalyticsDestinationType(settings.dedicatedTables() ? "Dedicated" : null)
                .enabledLog(logs)
                .enabledMetric(resourceHasMetrics && settings.metrics()
                        ? List.of(MonitorDiagnosticSettingEnabledMetric.builder().category("AllMetrics").build()) : null)
                .build();
    }

    /**
     * The resource's private endpoints; each takes the region of its subnet.
     *
     * @param scope             the resource's construct
     * @param targetResourceId  the resource
     * @param targetName        the resource's name, for the default endpoint name {@code pep-<name>}
     * @param subresource       the private link group id, e.g. {@code account}
     * @param resourceGroupName where the endpoints go
     * @param endpoints         the endpoints
     * @param lock              the resource's lock, which its endpoints share (null: none)
     * @param tags              the resource's tags, which its endpoints share (as in Azure Verified Modules)
     * @param dependsOn         what each endpoint waits for; Defaults to: nothing
     * @return the endpoints, in order
     */
    public static List<PrivateEndpoint> privateEndpoints(Construct scope, String targetResourceId, String targetName,
                                                         String subresource, String resourceGroupName,
                                                         List<PrivateEndpointOptions> endpoints, Lock lock,
                                                         Map<String, String> tags, List<? extends ITerraformDependable> dependsOn) {
        List<PrivateEndpoint> created = new ArrayList<>();
        for (int i = 0; i < endpoints.size(); i++) {
            PrivateEndpointOptions o = endpoints.get(i);
            String name = o.name() != null ? o.name() : "pep-" + targetName + (i == 0 ? "" : "-" + (i + 1));
            PrivateEndpoint pe = new PrivateEndpoint(scope, i == 0 ? "PrivateEndpoint" : "PrivateEndpoint" + (i + 1),
                    PrivateEndpointProps.builder()
                            .name(name).resourceGroupName(resourceGroupName).subnet(o.subnet())
                            .targetResourceId(targetResourceId).subresource(subresource)
                            .dnsZones(o.dnsZones()).staticIp(o.staticIp()).tags(tags).dependsOn(dependsOn)
                            .build());
            if (lock != null) lock(pe, pe.resourceId(), name, lock);
            created.add(pe);
        }
        return created;
    }

    /**
     * A management lock on the resource.
     *
     * @param scope            the resource's construct
     * @param targetResourceId the resource
     * @param targetName       the resource's name, for the lock's name {@code lock-<name>}
     * @param lock             the lock; null for none
     * @return the lock, or null
     */
    public static ManagementLock lock(Construct scope, String targetResourceId, String targetName, Lock lock) {
        if (lock == null) return null;
        return ManagementLock.Builder.create(scope, "Lock")
                .name("lock-" + targetName)
                .scope(targetResourceId)
                .lockLevel(lock.kind().azureValue())
                .notes(lock.notes())
                .build();
    }

    /**
     * The role assignments given in the resource's props.
     *
     * @param scope            the resource's construct
     * @param targetResourceId the resource
     * @param assignments      the roles to assign
     * @return the role assignments, in order
     */
    public static List<RoleAssignment> roleAssignments(Construct scope, String targetResourceId, List<RoleAssignmentOptions> assignments) {
        return assignments.stream().map(a -> grant(scope, targetResourceId, a.roleDefinitionName(),
                a.roleDefinitionName().replaceAll("[^A-Za-z0-9]", ""), a.principal(), a.description())).toList();
    }

    /**
     * Assigns a role on a resource to a principal. Granting the same role to the same principal twice returns the first
     * assignment, so grants are idempotent.
     *
     * @param scope              the resource's construct (the assignment becomes its child)
     * @param targetResourceId   the resource the role applies to
     * @param roleDefinitionName the role, e.g. {@code Cognitive Services OpenAI User}
     * @param roleAlias          a short PascalCase name of the role for the construct id, e.g. {@code OpenAiUser}
     * @param principal          who gets it
     * @param description        why; Defaults to: none
     * @return the role assignment
     */
    public static RoleAssignment grant(Construct scope, String targetResourceId, String roleDefinitionName, String roleAlias,
                                       IPrincipal principal, String description) {
        String id = roleAlias + "-" + principal.grantKey();
        IConstruct existing = scope.getNode().tryFindChild(id);
        if (existing instanceof RoleAssignment assignment) return assignment;
        return RoleAssignment.Builder.create(scope, id)
                .scope(targetResourceId)
                .roleDefinitionName(roleDefinitionName)
                .principalId(principal.principalId())
                .principalType(principal.principalType().azureValue())
                .description(description)
                .build();
    }
}
