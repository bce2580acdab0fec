package io.github.aoaiplatform.azapi;

import com.hashicorp.cdktf.TerraformResource;
import software.constructs.Construct;

/**
 * A typed {@code azapi_resource}: an ARM resource the azurerm provider cannot express (e.g. APIM backend
 * pools, the APIM {@code largeLanguageModel} diagnostic block). The attributes are written with
 * {@code addOverride} because no generated binding exists; this class and {@link AzapiUpdateResource} are the only
 * places that do it.
 */
public final class AzapiResource extends TerraformResource {
    /**
     * Creates the resource.
     *
     * @param scope the parent construct
     * @param id    the construct id (part of the Terraform address)
     * @param props the resource's inputs
     */
    public AzapiResource(Construct scope, String id, AzapiResourceProps props) {
        super(scope, id, AzapiProvider.resourceConfig("azapi_resource", props.provider(), props.dependsOn()));
        addOverride("type", props.type());
        addOverride("name", props.name());
        addOverride("parent_id", props.parentId());
        addOverride("body", props.body());
        if (!props.schemaValidation()) addOverride("schema_validation_enabled", false);
    }

    /** @return the ARM resource id (a Terraform reference) */
    public String resourceId() { return getStringAttribute("id"); }
}
