package io.github.aoaiplatform.azapi;

import com.hashicorp.cdktf.TerraformResource;
import software.constructs.Construct;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A typed {@code azapi_resource}: an ARM resource the azurerm provider cannot express (e.g. APIM backend
 * pools, the APIM {@code largeLanguageModel} diagnostic block). The attributes are written with
 * {@code addOverride} because no generated binding exists; this class and {@link AzapiUpdateResource} are the only
 * places that do it.
 */
public final class AzapiResource extends TerraformResource {
    private final boolean taggable;
    private Map<String, String> tags;

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
        taggable = props.tags() != null;
        if (taggable) setTags(props.tags());
    }

    /** @return the resource's tags, or null when its ARM type has none (what the {@code Tags} aspect reads) */
    public Map<String, String> getTagsInput() { return taggable ? tags : null; }

    /**
     * Replaces the resource's tags (the {@code Tags} aspect merges the platform-wide tags in); ignored when the ARM type
     * has no tags ({@link AzapiResourceProps#tags()} null).
     *
     * @param tags the tags
     */
    public void setTags(Map<String, String> tags) {
        if (!taggable) return;
        this.tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
        if (!tags.isEmpty()) addOverride("tags", this.tags);
    }

    /** @return the ARM resource id (a Terraform reference) */
    public String resourceId() { return getStringAttribute("id"); }
}
