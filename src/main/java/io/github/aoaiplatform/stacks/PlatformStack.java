package io.github.aoaiplatform.stacks;

import com.hashicorp.cdktf.AzurermBackend;
import com.hashicorp.cdktf.AzurermBackendConfig;
import com.hashicorp.cdktf.LocalBackend;
import com.hashicorp.cdktf.LocalBackendConfig;
import com.hashicorp.cdktf.TerraformOutput;
import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.providers.azuread.provider.AzureadProvider;
import com.hashicorp.cdktf.providers.azurerm.provider.AzurermProvider;
import com.hashicorp.cdktf.providers.azurerm.provider.AzurermProviderFeatures;
import com.hashicorp.cdktf.providers.azurerm.provider.AzurermProviderFeaturesCognitiveAccount;
import com.hashicorp.cdktf.providers.azurerm.provider.AzurermProviderFeaturesKeyVault;
import com.hashicorp.cdktf.providers.azurerm.provider.AzurermProviderFeaturesResourceGroup;
import com.hashicorp.cdktf.providers.azurerm.resource_group.ResourceGroup;
import io.github.aoaiplatform.azapi.AzapiProvider;
import io.github.aoaiplatform.config.EnvironmentConfig;
import io.github.aoaiplatform.core.Naming;
import io.github.aoaiplatform.core.PlatformTags;
import software.constructs.Construct;

import java.util.List;
import java.util.Map;

/**
 * One environment of the platform (dev, test, prod...), built entirely from its {@link EnvironmentConfig}:
 * providers, state backend, resource group, naming and tags. Environments differ by config only.
 *
 * <p>Construct ids are a public contract: they become Terraform resource addresses, and changing one
 * destroys and recreates the resource in Azure.
 */
public final class PlatformStack extends TerraformStack {
    private final EnvironmentConfig config;
    private final Naming naming;
    private final Map<String, String> tags;
    private final AzurermProvider azurerm;
    private final AzapiProvider azapi;
    private final ResourceGroup resourceGroup;

    public PlatformStack(Construct scope, String id, EnvironmentConfig config) {
        super(scope, id);
        this.config = config;
        this.naming = new Naming(EnvironmentConfig.WORKLOAD, config.environmentName(), config.effectiveNameSuffix());
        this.tags = PlatformTags.of(config.environmentName(), config.tags());

        this.azurerm = AzurermProvider.Builder.create(this, "Azurerm")
                .features(List.of(AzurermProviderFeatures.builder()
                        .cognitiveAccount(List.of(AzurermProviderFeaturesCognitiveAccount.builder()
                                .purgeSoftDeleteOnDestroy(config.openAi().purgeOnDestroy()).build()))
                        .keyVault(List.of(AzurermProviderFeaturesKeyVault.builder()
                                .purgeSoftDeleteOnDestroy(false)
                                .recoverSoftDeletedKeyVaults(true).build()))
                        .resourceGroup(List.of(AzurermProviderFeaturesResourceGroup.builder()
                                .preventDeletionIfContainsResources(true).build()))
                        .build()))
                .subscriptionId(config.subscriptionId())
                .tenantId(config.tenantId())
                .storageUseAzuread(true)
                .build();
        AzureadProvider.Builder.create(this, "Azuread").tenantId(config.tenantId()).build();
        this.azapi = new AzapiProvider(this, "Azapi");
        configureBackend();

        this.resourceGroup = ResourceGroup.Builder.create(this, "ResourceGroup")
                .name(naming.name(Naming.Abbreviation.RESOURCE_GROUP, config.location()))
                .location(config.location())
                .tags(tags)
                .build();

        TerraformOutput.Builder.create(this, "resource_group_name").value(resourceGroup.getName())
                .description("Resource group holding the platform's resources").build();
    }

    private void configureBackend() {
        var b = config.backend();
        if ("azurerm".equals(b.type())) {
            new AzurermBackend(this, AzurermBackendConfig.builder()
                    .resourceGroupName(b.resourceGroupName())
                    .storageAccountName(b.storageAccountName())
                    .containerName(b.containerName())
                    .key(b.key() != null ? b.key() : "aoai-platform/" + config.environmentName() + ".tfstate")
                    .useAzureadAuth(b.useAzureadAuth())
                    .build());
        } else {
            new LocalBackend(this, LocalBackendConfig.builder()
                    .path(b.path() != null ? b.path() : "terraform." + config.environmentName() + ".tfstate")
                    .build());
        }
    }

    public EnvironmentConfig config() { return config; }
    public Naming naming() { return naming; }
    public Map<String, String> tags() { return tags; }
    public ResourceGroup resourceGroup() { return resourceGroup; }
    public AzurermProvider azurerm() { return azurerm; }
    public AzapiProvider azapi() { return azapi; }
}
