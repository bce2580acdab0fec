package io.github.aoaiplatform.monitoring;

import com.hashicorp.cdktf.providers.azurerm.log_analytics_workspace.LogAnalyticsWorkspace;
import io.github.aoaiplatform.core.Diagnostics;
import io.github.aoaiplatform.core.ILogAnalyticsWorkspace;
import io.github.aoaiplatform.core.ImportedResources;
import software.constructs.Construct;

import java.util.Map;
import java.util.Objects;

/**
 * The platform's single Log Analytics workspace: every resource's diagnostics, the gateway's request logs with
 * prompts and completions, and the chargeback queries live here. Local (shared key) authentication is off.
 * Its own diagnostics (query audit, metrics) go to itself. Child ids: {@code Resource}, {@code Diagnostics}.
 */
public final class LogAnalytics extends Construct implements ILogAnalyticsWorkspace {

    /**
     * @param name              workspace name.
     * @param location          region.
     * @param resourceGroupName resource group.
     * @param retentionDays     interactive retention, 30-730 days; Defaults to: 90.
     * @param dailyQuotaGb      daily ingestion cap in GB; Defaults to: none (-1, uncapped).
     * @param publicAccess      allow ingestion/query over the Internet; Defaults to: true (set false together
     *                          with an Azure Monitor Private Link Scope).
     * @param tags              tags.
     */
    public record Props(String name, String location, String resourceGroupName, Integer retentionDays,
                        Double dailyQuotaGb, Boolean publicAccess, Map<String, String> tags) {
        public Props {
            Objects.requireNonNull(name, "name is required");
            retentionDays = Objects.requireNonNullElse(retentionDays, 90);
            dailyQuotaGb = Objects.requireNonNullElse(dailyQuotaGb, -1.0);
            publicAccess = Objects.requireNonNullElse(publicAccess, true);
            if (retentionDays < 30 || retentionDays > 730)
                throw new IllegalArgumentException("retentionDays " + retentionDays + " must be between 30 and 730");
            tags = tags == null ? Map.of() : Map.copyOf(tags);
        }
    }

    private final LogAnalyticsWorkspace resource;

    public LogAnalytics(Construct scope, String id, Props props) {
        super(scope, id);
        resource = LogAnalyticsWorkspace.Builder.create(this, "Resource")
                .name(props.name())
                .location(props.location())
                .resourceGroupName(props.resourceGroupName())
                .sku("PerGB2018")
                .retentionInDays(props.retentionDays())
                .dailyQuotaGb(props.dailyQuotaGb())
                .localAuthenticationEnabled(false)
                .internetIngestionEnabled(props.publicAccess())
                .internetQueryEnabled(props.publicAccess())
                .tags(props.tags())
                .build();
        Diagnostics.toWorkspace(this, resource.getId(), resource.getId(), false);   // audit of queries, to itself
    }

    /** The Azure resource type of a workspace id. */
    public static final String RESOURCE_TYPE = "Microsoft.OperationalInsights/workspaces";

    /**
     * A workspace the app does not create, e.g. the landing zone's central workspace.
     *
     * @param scope      the parent construct
     * @param id         the construct id
     * @param resourceId the workspace's resource id
     * @return the workspace
     * @throws io.github.aoaiplatform.core.InvalidPropsException when the id is not a workspace id
     */
    public static ILogAnalyticsWorkspace fromResourceId(Construct scope, String id, String resourceId) {
        ImportedResources.parse("LogAnalytics.fromResourceId", resourceId, RESOURCE_TYPE);
        return new ImportedWorkspace(scope, id, resourceId);
    }

    private static final class ImportedWorkspace extends Construct implements ILogAnalyticsWorkspace {
        private final String resourceId;
        ImportedWorkspace(Construct scope, String id, String resourceId) { super(scope, id); this.resourceId = resourceId; }
        @Override public String resourceId() { return resourceId; }
    }

    @Override public String resourceId() { return resource.getId(); }
    public String workspaceId() { return resource.getId(); }
    public String name() { return resource.getName(); }
    public LogAnalyticsWorkspace resource() { return resource; }
}
