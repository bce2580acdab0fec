package io.github.aoaiplatform.azapi;

import com.hashicorp.cdktf.ITerraformDependable;
import com.hashicorp.cdktf.TerraformProvider;
import com.hashicorp.cdktf.TerraformResource;
import software.constructs.Construct;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A typed {@code azapi_resource}: an ARM resource the azurerm provider cannot express (e.g. APIM backend
 * pools, the APIM {@code largeLanguageModel} diagnostic block). The attributes are written with
 * {@code addOverride} because no generated binding exists; this class is the only place that does it.
 */
public final class AzapiResource extends TerraformResource {

    /**
     * @param type             ARM type with API version, e.g. {@code Microsoft.ApiManagement/service/backends@2024-06-01-preview}.
     * @param name             resource name.
     * @param parentId         id of the parent resource (resource group or parent resource).
     * @param body             the ARM body ({@code properties} etc.) as plain maps/lists; may contain Terraform references.
     * @param schemaValidation validate the body against azapi's embedded schema; Defaults to: true.
     * @param dependsOn        explicit dependencies; Defaults to: none.
     */
    public record Props(String type, String name, String parentId, Map<String, Object> body,
                        Boolean schemaValidation, List<ITerraformDependable> dependsOn) {
        private static final Pattern TYPE = Pattern.compile("Microsoft\\.[A-Za-z]+(/[A-Za-z]+)+@\\d{4}-\\d{2}-\\d{2}(-preview)?");

        /** Whether {@code type} looks like {@code Microsoft.Provider/resource@yyyy-mm-dd[-preview]}. */
        public static boolean isArmType(String type) { return type != null && TYPE.matcher(type).matches(); }

        public Props {
            Objects.requireNonNull(type, "type is required");
            if (!isArmType(type))
                throw new IllegalArgumentException("azapi type '" + type + "' must look like Microsoft.Provider/resource@yyyy-mm-dd[-preview]");
            Objects.requireNonNull(name, "name is required");
            Objects.requireNonNull(parentId, "parentId is required");
            body = Map.copyOf(Objects.requireNonNull(body, "body is required"));
            schemaValidation = Objects.requireNonNullElse(schemaValidation, true);
            dependsOn = dependsOn == null ? List.of() : List.copyOf(dependsOn);
        }
    }

    public AzapiResource(Construct scope, String id, TerraformProvider provider, Props props) {
        super(scope, id, AzapiProvider.resourceConfig("azapi_resource", provider, props.dependsOn()));
        addOverride("type", props.type());
        addOverride("name", props.name());
        addOverride("parent_id", props.parentId());
        addOverride("body", props.body());
        if (!props.schemaValidation()) addOverride("schema_validation_enabled", false);
    }

    /** The ARM resource id (a Terraform reference). */
    public String resourceId() { return getStringAttribute("id"); }
}
