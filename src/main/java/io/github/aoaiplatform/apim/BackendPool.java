package io.github.aoaiplatform.apim;

import io.github.aoaiplatform.azapi.AzapiResource;
import io.github.aoaiplatform.azapi.AzapiResourceProps;
import software.constructs.Construct;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A load-balanced API Management backend pool ({@code type: Pool}): requests routed to it with
 * {@code <set-backend-service backend-id="<name>"/>} go to one of its member backends, by priority first and by
 * weight within a priority; members whose circuit breaker is open are skipped. azurerm 4.55 cannot express pools
 * (no {@code pool} block), so this is an {@code azapi_resource} of type {@value #TYPE}. Child id: {@code Resource}.
 */
public final class BackendPool extends Construct {
    /** The azapi resource type and API version. */
    public static final String TYPE = "Microsoft.ApiManagement/service/backends@2024-06-01-preview";
    /** The lowest (most preferred) member priority. */
    public static final int MIN_PRIORITY = 0;
    /** The highest member priority. */
    public static final int MAX_PRIORITY = 100;
    /** The lowest member weight. */
    public static final int MIN_WEIGHT = 1;
    /** The highest member weight. */
    public static final int MAX_WEIGHT = 100;
    /** The most members a pool can have. */
    public static final int MAX_MEMBERS = 30;

    private final BackendPoolProps props;
    private final AzapiResource resource;

    /**
     * Creates the pool.
     *
     * @param scope the parent construct
     * @param id    the construct id
     * @param props the pool's inputs
     */
    public BackendPool(Construct scope, String id, BackendPoolProps props) {
        super(scope, id);
        this.props = props;
        resource = new AzapiResource(this, "Resource", AzapiResourceProps.builder().provider(props.azapi()).type(TYPE)
                .name(props.name()).parentId(props.apiManagementId()).body(body(props)).build());
    }

    /** The ARM body: {@code {properties: {type: Pool, description?, pool: {services: [{id, priority, weight}]}}}}. */
    static Map<String, Object> body(BackendPoolProps props) {
        List<Object> services = new ArrayList<>();
        for (BackendPoolMember m : props.members()) {
            Map<String, Object> service = new LinkedHashMap<>();
            service.put("id", m.backendId());
            service.put("priority", m.priority());
            service.put("weight", m.weight());
            services.add(service);
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("type", "Pool");
        if (props.description() != null) properties.put("description", props.description());
        properties.put("pool", Map.of("services", services));
        return Map.of("properties", properties);
    }

    /** @return the pool's name: the backend-id policies route to */
    public String name() { return props.name(); }
    /** @return how many backends the pool has */
    public int size() { return props.members().size(); }
    /** @return the pool's resource id */
    public String resourceId() { return resource.resourceId(); }
    /** @return the azapi resource */
    public AzapiResource resource() { return resource; }
}
