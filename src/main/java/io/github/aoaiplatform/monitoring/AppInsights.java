package io.github.aoaiplatform.monitoring;

import com.hashicorp.cdktf.providers.azurerm.application_insights.ApplicationInsights;
import io.github.aoaiplatform.core.Diagnostics;
import software.constructs.Construct;

import java.util.Map;
import java.util.Objects;

/**
 * A workspace-based Application Insights component (its data lives in the platform's Log Analytics workspace):
 * the API gateway's request telemetry and token metrics go here. Internet ingestion and query stay on unless
 * {@link Props#publicAccess()} is false (behind an Azure Monitor Private Link Scope). Child ids: {@code Resource},
 * {@code Diagnostics}.
 */
public final class AppInsights extends Construct implements IApplicationInsights {

    /**
     * @param name                  component name.
     * @param location              region.
     * @param resourceGroupName     resource group.
     * @param workspaceId           Log Analytics workspace that stores the data. Required (classic components are retired).
     * @param localAuthDisabled     reject ingestion with the instrumentation key alone (Entra ID only); Defaults to: true.
     *                              Callers that can only send with the connection string (the azurerm API Management
     *                              logger) must pass false, or their telemetry is dropped.
     * @param tags                  tags.
     * @param publicAccess          accept ingestion and queries from the Internet; Defaults to: true (set false together
     *                              with an Azure Monitor Private Link Scope that holds the component).
     */
    public record Props(String name, String location, String resourceGroupName, String workspaceId,
                        Boolean localAuthDisabled, Map<String, String> tags, Boolean publicAccess) {
        public Props {
            Objects.requireNonNull(name, "name is required");
            Objects.requireNonNull(workspaceId, "workspaceId is required: the component is workspace-based");
            localAuthDisabled = Objects.requireNonNullElse(localAuthDisabled, true);
            tags = tags == null ? Map.of() : Map.copyOf(tags);
            publicAccess = Objects.requireNonNullElse(publicAccess, true);
        }

        /** Props with Internet ingestion and query left on (the default). */
        public Props(String name, String location, String resourceGroupName, String workspaceId, Boolean localAuthDisabled,
                     Map<String, String> tags) {
            this(name, location, resourceGroupName, workspaceId, localAuthDisabled, tags, null);
        }
    }

    private final ApplicationInsights resource;

    public AppInsights(Construct scope, String id, Props props) {
        super(scope, id);
        resource = ApplicationInsights.Builder.create(this, "Resource")
                .name(props.name())
                .location(props.location())
                .resourceGroupName(props.resourceGroupName())
                .applicationType("web")
                .workspaceId(props.workspaceId())
                .localAuthenticationDisabled(props.localAuthDisabled())
                .internetIngestionEnabled(props.publicAccess() ? null : false)
                .internetQueryEnabled(props.publicAccess() ? null : false)
                .tags(props.tags())
                .build();
        Diagnostics.toWorkspace(this, resource.getId(), props.workspaceId(), false);
    }

    @Override public String resourceId() { return resource.getId(); }
    @Override public String connectionString() { return resource.getConnectionString(); }
    public ApplicationInsights resource() { return resource; }
}
