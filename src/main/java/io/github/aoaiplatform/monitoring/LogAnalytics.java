package io.github.aoaiplatform.monitoring;

import com.hashicorp.cdktf.providers.azurerm.log_analytics_workspace.LogAnalyticsWorkspace;
import com.hashicorp.cdktf.providers.azurerm.log_analytics_workspace_table.LogAnalyticsWorkspaceTable;
import com.hashicorp.cdktf.providers.azurerm.role_assignment.RoleAssignment;
import com.hashicorp.cdktf.providers.azurerm.role_definition.RoleDefinition;
import com.hashicorp.cdktf.providers.azurerm.role_definition.RoleDefinitionPermissions;
import io.github.aoaiplatform.core.DiagnosticSettings;
import io.github.aoaiplatform.core.IPrincipal;
import io.github.aoaiplatform.core.ILogAnalyticsWorkspace;
import io.github.aoaiplatform.core.ImportedResources;
import io.github.aoaiplatform.core.PropsCheck;
import io.github.aoaiplatform.core.ResourceInterfaces;
import software.constructs.Construct;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The platform's Log Analytics workspace: every resource's diagnostics, the gateway's request logs with prompts and
 * completions, and the chargeback queries live here. SKU {@value #SKU}; local (shared key) authentication is off.
 * Its own diagnostics (query audit, metrics) go to itself. Access control mode "Require workspace permissions" unless
 * {@link LogAnalyticsProps#resourcePermissions()}; tables may keep their own retention
 * ({@link LogAnalyticsProps#tables()}) and their own readers ({@link #grantTableRead}). Child ids: {@code Resource},
 * {@code Diagnostics}, {@code Lock}, {@code Table-<name>}, {@code QueryOnlyRole}, {@code QueryOnly-<principal>},
 * {@code TableReader-<table>-<principal>}.
 */
public final class LogAnalytics extends Construct implements ILogAnalyticsWorkspace {
    /** The Azure resource type of a workspace id. */
    public static final String RESOURCE_TYPE = "Microsoft.OperationalInsights/workspaces";
    /** The workspace's pricing tier. */
    public static final String SKU = "PerGB2018";

    /**
     * A workspace the app does not create, e.g. the landing zone's central workspace.
     *
     * @param scope      the parent construct
     * @param id         the construct id
     * @param resourceId the workspace's resource id (a Terraform reference is taken unchecked)
     * @return the workspace
     * @throws io.github.aoaiplatform.core.InvalidPropsException when the id is not a workspace id
     */
    public static ILogAnalyticsWorkspace fromResourceId(Construct scope, String id, String resourceId) {
        if (!PropsCheck.isToken(resourceId)) ImportedResources.parse("LogAnalytics.fromResourceId", resourceId, RESOURCE_TYPE);
        return new ImportedWorkspace(scope, id, resourceId);
    }

    private static final class ImportedWorkspace extends Construct implements ILogAnalyticsWorkspace {
        private final String resourceId;
        ImportedWorkspace(Construct scope, String id, String resourceId) { super(scope, id); this.resourceId = resourceId; }
        @Override public String resourceId() { return resourceId; }
    }

    /** The actions of the custom role {@link #grantTableRead} assigns on the workspace: open it and run queries, read no table. */
    public static final List<String> QUERY_ONLY_ACTIONS = List.of("Microsoft.OperationalInsights/workspaces/read",
            "Microsoft.OperationalInsights/workspaces/query/read");
    /**
     * The id (a GUID derived from the workspace name) of the query-only custom role {@link #grantTableRead} defines, fixed
     * so that a deploy identity limited to assigning known roles can be allowed this one.
     *
     * @param workspaceName the workspace's name
     * @return the role definition's GUID
     */
    public static String queryOnlyRoleGuid(String workspaceName) {
        return UUID.nameUUIDFromBytes(("aoai-platform/log-analytics-query-only/" + workspaceName).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** The built-in role {@link #grantTableRead} assigns on the table. */
    public static final String TABLE_READER_ROLE = "Reader";

    private final LogAnalyticsWorkspace resource;
    // taken once: each get is a round trip to the JavaScript core, and the reference is the same however often taken
    private final String resourceId;
    private final String nameReference;
    private final String plainName;
    private final Map<String, LogAnalyticsWorkspaceTable> tables = new LinkedHashMap<>();
    private RoleDefinition queryOnlyRole;

    /**
     * Creates the workspace.
     *
     * @param scope the parent construct
     * @param id    the construct id
     * @param props the workspace's inputs
     */
    public LogAnalytics(Construct scope, String id, LogAnalyticsProps props) {
        super(scope, id);
        plainName = props.name();
        resource = LogAnalyticsWorkspace.Builder.create(this, "Resource")
                .name(props.name())
                .location(props.location())
                .resourceGroupName(props.resourceGroup().name())
                .sku(SKU)
                .retentionInDays(props.retentionDays())
                .dailyQuotaGb(props.dailyQuotaGb() != null ? props.dailyQuotaGb() : -1.0)   // -1: Azure's "no cap"
                .localAuthenticationEnabled(false)
                .allowResourceOnlyPermissions(props.resourcePermissions())
                .internetIngestionEnabled(props.publicAccess())
                .internetQueryEnabled(props.publicAccess())
                .tags(props.tags())
                .build();
        resourceId = resource.getId();
        nameReference = resource.getName();
        ResourceInterfaces.diagnostics(this, resourceId, DiagnosticSettings.toWorkspace(this), true); // query audit, to itself
        ResourceInterfaces.lock(this, resourceId, props.name(), props.lock());
        ResourceInterfaces.roleAssignments(this, resourceId, props.roleAssignments());
        for (LogAnalyticsTableOptions table : props.tables())
            tables.put(table.name(), LogAnalyticsWorkspaceTable.Builder.create(this, "Table-" + table.name())
                    .workspaceId(resourceId)
                    .name(table.name())
                    .retentionInDays(table.retentionDays())
                    .totalRetentionInDays(table.retentionDays())      // deleted after the retention, no archive
                    .build());
    }

    /**
     * Lets a principal read one table and no other, the way Azure documents table-level read access: a custom role on
     * the workspace that opens it and runs queries without reading any table ({@link #QUERY_ONLY_ACTIONS}, child
     * {@code QueryOnlyRole}, created once), plus {@value #TABLE_READER_ROLE} on {@code <workspace>/tables/<table>}.
     * Table grants count in workspace and resource context, in either access control mode. Whoever holds a read role
     * on the whole workspace (or its resource group or subscription) still reads every table: Azure RBAC only adds.
     * Defining the role needs {@code Microsoft.Authorization/roleDefinitions/write}; its id is
     * {@link #queryOnlyRoleGuid}.
     *
     * @param table     the table, e.g. {@code ApiManagementGatewayLlmLog}
     * @param principal who reads it
     * @return the role assignment on the table
     */
    public RoleAssignment grantTableRead(String table, IPrincipal principal) {
        if (queryOnlyRole == null)
            queryOnlyRole = RoleDefinition.Builder.create(this, "QueryOnlyRole")
                    .roleDefinitionId(queryOnlyRoleGuid(plainName))
                    .name("Log Analytics query without table data (" + plainName + ")")
                    .description("Opens workspace " + plainName + " and runs queries; reads only the tables granted separately")
                    .scope(resourceId)
                    .assignableScopes(List.of(resourceId))
                    .permissions(List.of(RoleDefinitionPermissions.builder().actions(QUERY_ONLY_ACTIONS)
                            .notActions(List.of("Microsoft.OperationalInsights/workspaces/sharedKeys/read")).build()))
                    .build();
        String queryOnlyId = "QueryOnly-" + principal.grantKey();
        if (getNode().tryFindChild(queryOnlyId) == null)
            RoleAssignment.Builder.create(this, queryOnlyId)
                    .scope(resourceId)
                    .roleDefinitionId(queryOnlyRole.getRoleDefinitionResourceId())
                    .principalId(principal.principalId())
                    .principalType(principal.principalType().azureValue())
                    .description("Runs queries in the workspace; table data only where granted")
                    .build();
        LogAnalyticsWorkspaceTable managed = tables.get(table);
        return ResourceInterfaces.grant(this, managed != null ? managed.getId() : resourceId + "/tables/" + table,
                TABLE_READER_ROLE, "TableReader-" + table, principal, "Reads table " + table + " of the workspace");
    }

    @Override public String resourceId() { return resourceId; }

    /** @return the workspace's name (a Terraform reference) */
    public String name() { return nameReference; }

    /** @return the underlying azurerm resource, for attributes this class does not expose */
    public LogAnalyticsWorkspace resource() { return resource; }
}
