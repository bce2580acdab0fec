package io.github.aoaiplatform.apim;

import com.hashicorp.cdktf.TerraformProvider;
import io.github.aoaiplatform.azapi.AzapiResource;
import io.github.aoaiplatform.azapi.AzapiResourceProps;
import software.constructs.Construct;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A load-balanced API Management backend pool ({@code type: Pool}): requests routed to it with
 * {@code <set-backend-service backend-id="<name>"/>} go to one of its member backends, by priority first and by
 * weight within a priority; members whose circuit breaker is open are skipped. azurerm 4.55 cannot express pools
 * (no {@code pool} block), so this is an {@code azapi_resource} of type {@value #TYPE}. Child id: {@code Resource}.
 */
public final class BackendPool extends Construct {
    public static final String TYPE = "Microsoft.ApiManagement/service/backends@2024-06-01-preview";
    /** ARM limits of a pool. */
    public static final int MIN_PRIORITY = 0, MAX_PRIORITY = 100, MIN_WEIGHT = 1, MAX_WEIGHT = 100, MAX_MEMBERS = 30;

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,79}");

    /**
     * One backend of the pool.
     *
     * @param backendId ARM id of an existing APIM backend (typically {@code azurerm_api_management_backend.id}). Required.
     * @param priority  0-100, lower is preferred; Defaults to: 1.
     * @param weight    1-100, traffic share within a priority; Defaults to: 1.
     */
    public record Member(String backendId, Integer priority, Integer weight) {
        public Member {
            Objects.requireNonNull(backendId, "backendId is required");
            priority = Objects.requireNonNullElse(priority, 1);
            weight = Objects.requireNonNullElse(weight, 1);
            if (priority < MIN_PRIORITY || priority > MAX_PRIORITY)
                throw new IllegalArgumentException("pool member priority must be between " + MIN_PRIORITY + " and " + MAX_PRIORITY + ", got " + priority);
            if (weight < MIN_WEIGHT || weight > MAX_WEIGHT)
                throw new IllegalArgumentException("pool member weight must be between " + MIN_WEIGHT + " and " + MAX_WEIGHT + ", got " + weight);
        }
    }

    /**
     * @param name         pool name, the backend-id policies route to. Required.
     * @param apiManagementId the API Management service id (parent). Required.
     * @param description  free text; Defaults to: none.
     * @param members      1-30 member backends, each once. Required.
     */
    public record Props(String name, String apiManagementId, String description, List<Member> members) {
        public Props {
            Objects.requireNonNull(name, "name is required");
            if (!NAME.matcher(name).matches())
                throw new IllegalArgumentException("backend pool name '" + name + "' must be 1-80 letters, digits, . _ - starting with a letter or digit");
            Objects.requireNonNull(apiManagementId, "apiManagementId is required");
            members = List.copyOf(Objects.requireNonNull(members, "members is required"));
            if (members.isEmpty() || members.size() > MAX_MEMBERS)
                throw new IllegalArgumentException("backend pool '" + name + "' needs 1-" + MAX_MEMBERS + " members, got " + members.size());
            Set<String> seen = new HashSet<>();
            for (Member m : members)
                if (!seen.add(m.backendId())) throw new IllegalArgumentException("backend pool '" + name + "' lists backend " + m.backendId() + " twice");
        }
    }

    private final Props props;
    private final AzapiResource resource;

    public BackendPool(Construct scope, String id, TerraformProvider azapi, Props props) {
        super(scope, id);
        this.props = props;
        resource = new AzapiResource(this, "Resource", AzapiResourceProps.builder().provider(azapi).type(TYPE)
                .name(props.name()).parentId(props.apiManagementId()).body(body(props)).build());
    }

    /** The ARM body: {@code {properties: {type: Pool, description?, pool: {services: [{id, priority, weight}]}}}}. */
    static Map<String, Object> body(Props props) {
        List<Object> services = new ArrayList<>();
        for (Member m : props.members()) {
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

    /** The pool's name: the backend-id policies route to. */
    public String name() { return props.name(); }
    public int size() { return props.members().size(); }
    public String resourceId() { return resource.resourceId(); }
    public AzapiResource resource() { return resource; }
}
