package io.github.aoaiplatform.azapi;

import com.hashicorp.cdktf.TerraformResource;
import software.constructs.Construct;

/**
 * A typed {@code azapi_update_resource}: sets properties that azurerm does not expose on a resource azurerm manages
 * (for example the {@code metrics} flag of an APIM API diagnostic). azapi reads the resource, merges {@code body} into it
 * and writes it back, and reports drift on those properties. Attributes are written with {@code addOverride} because
 * no generated binding exists; this class and {@link AzapiResource} are the only places that do it.
 */
public final class AzapiUpdateResource extends TerraformResource {
    /**
     * Creates the update.
     *
     * @param scope the parent construct
     * @param id    the construct id (part of the Terraform address)
     * @param props what to update
     */
    public AzapiUpdateResource(Construct scope, String id, AzapiUpdateResourceProps props) {
        super(scope, id, AzapiProvider.resourceConfig("azapi_update_resource", props.provider(), props.dependsOn()));
        addOverride("type", props.type());
        addOverride("resource_id", props.resourceId());
        addOverride("body", props.body());
    }
}
