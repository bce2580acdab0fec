package io.github.aoaiplatform.azapi;

import com.hashicorp.cdktf.ITerraformDependable;
import com.hashicorp.cdktf.TerraformProvider;
import com.hashicorp.cdktf.TerraformResource;
import software.constructs.Construct;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A typed {@code azapi_update_resource}: sets properties that azurerm does not expose on a resource azurerm manages
 * (for example the {@code metrics} flag of an APIM API diagnostic). azapi reads the resource, merges {@code body} into it
 * and writes it back, and reports drift on those properties. Attributes are written with {@code addOverride} because
 * no generated binding exists; this class and {@link AzapiResource} are the only places that do it.
 */
public final class AzapiUpdateResource extends TerraformResource {

    /**
     * @param type       ARM type with API version, e.g. {@code Microsoft.ApiManagement/service/apis/diagnostics@2024-06-01-preview}.
     * @param resourceId id of the existing resource (usually a reference to the azurerm resource). Required.
     * @param body       the properties to set, as plain maps/lists. Required, not empty.
     * @param dependsOn  explicit dependencies; Defaults to: none.
     */
    public record Props(String type, String resourceId, Map<String, Object> body, List<ITerraformDependable> dependsOn) {
        public Props {
            Objects.requireNonNull(type, "type is required");
            if (!AzapiResource.Props.isArmType(type))
                throw new IllegalArgumentException("azapi type '" + type + "' must look like Microsoft.Provider/resource@yyyy-mm-dd[-preview]");
            Objects.requireNonNull(resourceId, "resourceId is required");
            body = Map.copyOf(Objects.requireNonNull(body, "body is required"));
            if (body.isEmpty()) throw new IllegalArgumentException("body must set at least one property");
            dependsOn = dependsOn == null ? List.of() : List.copyOf(dependsOn);
        }
    }

    public AzapiUpdateResource(Construct scope, String id, TerraformProvider provider, Props props) {
        super(scope, id, AzapiProvider.resourceConfig("azapi_update_resource", provider, props.dependsOn()));
        addOverride("type", props.type());
        addOverride("resource_id", props.resourceId());
        addOverride("body", props.body());
    }
}
