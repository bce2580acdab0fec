package io.github.aoaiplatform.azapi;

import com.hashicorp.cdktf.ITerraformDependable;
import com.hashicorp.cdktf.TerraformProvider;
import com.hashicorp.cdktf.TerraformResourceConfig;
import com.hashicorp.cdktf.TerraformProviderConfig;
import com.hashicorp.cdktf.TerraformProviderGeneratorMetadata;
import software.constructs.Construct;

/**
 * The {@code Azure/azapi} provider. No prebuilt cdktf binding exists for it, so this small typed class
 * declares it (pinned version in {@code required_providers}); it authenticates like azurerm (Azure CLI,
 * managed identity or ARM_* variables) and needs no attributes.
 */
public final class AzapiProvider extends TerraformProvider {
    /** The pinned provider version, within Azure Verified Modules' permitted range (at least 2.0, below 3.0). */
    public static final String VERSION = "2.5.0";
    /** The provider's registry source. */
    public static final String SOURCE = "Azure/azapi";

    /**
     * Declares the provider in a stack.
     *
     * @param scope the stack (or a construct in it)
     * @param id    the construct id
     */
    public AzapiProvider(Construct scope, String id) {
        super(scope, id, TerraformProviderConfig.builder()
                .terraformResourceType("azapi")
                .terraformProviderSource(SOURCE)
                .terraformGeneratorMetadata(TerraformProviderGeneratorMetadata.builder()
                        .providerName("azapi").providerVersion(VERSION).build())
                .build());
    }

    /** The resource config of an azapi resource type ({@code azapi_resource}, {@code azapi_update_resource}) on a provider. */
    static TerraformResourceConfig resourceConfig(String resourceType, TerraformProvider provider, java.util.List<ITerraformDependable> dependsOn) {
        return TerraformResourceConfig.builder()
                .terraformResourceType(resourceType)
                .terraformGeneratorMetadata(TerraformProviderGeneratorMetadata.builder().providerName("azapi").providerVersion(VERSION).build())
                .provider(provider)
                .dependsOn(dependsOn.isEmpty() ? null : dependsOn)
                .build();
    }
}
