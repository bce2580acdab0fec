package io.github.aoaiplatform.monitoring;

import com.hashicorp.cdktf.providers.azurerm.log_analytics_workspace.LogAnalyticsWorkspace;
import io.github.aoaiplatform.core.DiagnosticSettings;
import io.github.aoaiplatform.core.ILogAnalyticsWorkspace;
import io.github.aoaiplatform.core.ImportedResources;
import io.github.aoaiplatform.core.PropsCheck;
import io.github.aoaiplatform.core.ResourceInterfaces;
import software.constructs.Construct;

/**
 * The platform's Log Analytics workspace: every resource's diagnostics, the gateway's request logs with prompts and
 * completions, and the chargeback queries live here. SKU {@value #SKU}; local (shared key) authentication is off.
 * Its own diagnostics (query audit, metrics) go to itself. Child ids: {@code Resource}, {@code Diagnostics},
 * {@code Lock}.
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

    private final LogAnalyticsWorkspace resource;

    /**
     * Creates the workspace.
     *
     * @param scope the parent construct
     * @param id    the construct id
     * @param props the workspace's inputs
     */
    public LogAnalytics(Construct scope, String id, LogAnalyticsProps props) {
        super(scope, id);
        resource = LogAnalyticsWorkspace.Builder.create(this, "Resource")
                .name(props.name())
                .location(props.location())
                .resourceGroupName(props.resourceGroup().name())
                .sku(SKU)
                .retentionInDays(props.retentionDays())
                .dailyQuotaGb(props.dailyQuotaGb() != null ? props.dailyQuotaGb() : -1.0)   // -1: Azure's "no cap"
                .localAuthenticationEnabled(false)
                .internetIngestionEnabled(props.publicAccess())
                .internetQueryEnabled(props.publicAccess())
                .tags(props.tags())
                .build();
        ResourceInterfaces.diagnostics(this, resource.getId(), DiagnosticSettings.toWorkspace(this), true); // query audit, to itself
        ResourceInterfaces.lock(this, resource.getId(), props.name(), props.lock());
        ResourceInterfaces.roleAssignments(this, resource.getId(), props.roleAssignments());
    }

    @Override public String resourceId() { return resource.getId(); }

    /** @return the workspace's name (a Terraform reference) */
    public String name() { return resource.getName(); }

    /** @return the underlying azurerm resource, for attributes this class does not expose */
    public LogAnalyticsWorkspace resource() { return resource; }
}
