package io.github.aoaiplatform.config;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One environment (dev, test, prod...), read from {@code stacks/<name>.json}. Immutable; defaults are
 * applied here and documented on each component; {@link ConfigValidator} checks the values.
 *
 * @param description     free text for humans (e.g. which ids are placeholders); not used by the library.
 * @param environmentName short lower-case name, equal to the file name; part of every resource name. Required.
 * @param location        primary Azure region (resource group, gateway, logs). Required.
 * @param tenantId        Entra ID tenant (directory) id. Required.
 * @param subscriptionId  target subscription; Defaults to: none (the azurerm provider reads {@code ARM_SUBSCRIPTION_ID}).
 * @param nameSuffix      3-6 lower-case alphanumerics appended to names; Defaults to: derived from tenant + environment.
 * @param tags            extra tags on every resource; Defaults to: none (the library always adds environment, workload, managed-by).
 * @param backend         Terraform state backend; Defaults to: local state in {@code terraform.<env>.tfstate}.
 * @param openAi          Azure OpenAI regions and capacity. Required.
 * @param gateway         API gateway settings; Defaults to: see {@link GatewayConfig}.
 * @param identity        Entra ID settings for token validation. Required.
 */
public record EnvironmentConfig(
        String description,
        String environmentName,
        String location,
        String tenantId,
        String subscriptionId,
        String nameSuffix,
        Map<String, String> tags,
        BackendConfig backend,
        OpenAiConfig openAi,
        GatewayConfig gateway,
        IdentityConfig identity) {

    public static final String WORKLOAD = "aoai";

    public EnvironmentConfig {
        tags = Map.copyOf(Objects.requireNonNullElse(tags, Map.of()));
        backend = Objects.requireNonNullElse(backend, new BackendConfig(null, null, null, null, null, null, null));
        gateway = Objects.requireNonNullElse(gateway, new GatewayConfig(null));
    }

    /** The name suffix in force: the configured one or one derived from tenant and environment. */
    public String effectiveNameSuffix() {
        return nameSuffix != null ? nameSuffix
                : io.github.aoaiplatform.core.Naming.derivedSuffix(tenantId + "/" + environmentName);
    }

    /**
     * Terraform state backend.
     *
     * @param type               {@code local} or {@code azurerm}; Defaults to: local.
     * @param path               local state file; Defaults to: {@code terraform.<env>.tfstate}.
     * @param resourceGroupName  azurerm: resource group of the state storage account.
     * @param storageAccountName azurerm: storage account holding the state.
     * @param containerName      azurerm: blob container; Defaults to: {@code tfstate}.
     * @param key                azurerm: blob name; Defaults to: {@code aoai-platform/<env>.tfstate}.
     * @param useAzureadAuth     azurerm: Entra ID auth to the storage account instead of keys; Defaults to: true.
     */
    public record BackendConfig(String type, String path, String resourceGroupName, String storageAccountName,
                                String containerName, String key, Boolean useAzureadAuth) {
        public BackendConfig {
            type = Objects.requireNonNullElse(type, "local");
            containerName = Objects.requireNonNullElse(containerName, "tfstate");
            useAzureadAuth = Objects.requireNonNullElse(useAzureadAuth, true);
        }
    }

    /**
     * Azure OpenAI settings.
     *
     * @param regions               regions with an Azure OpenAI account, first = primary (the book sample's
     *                              aoaiFirstLocation, aoaiSecondLocation, ...). Required, at least one.
     * @param capacityThousandsTpm  default deployment capacity in thousands of tokens per minute (the book
     *                              sample's aoaiCapacity). Defaults to: 30.
     * @param purgeOnDestroy        purge soft-deleted accounts on destroy so names can be reused; Defaults to: false
     *                              (deleted accounts stay recoverable for 48 hours).
     */
    public record OpenAiConfig(List<String> regions, Integer capacityThousandsTpm, Boolean purgeOnDestroy) {
        public OpenAiConfig {
            regions = regions == null ? List.of() : List.copyOf(regions);
            capacityThousandsTpm = Objects.requireNonNullElse(capacityThousandsTpm, 30);
            purgeOnDestroy = Objects.requireNonNullElse(purgeOnDestroy, false);
        }
    }

    /**
     * Gateway (API Management) settings.
     *
     * @param corsOrigins origins allowed by the CORS policy (the book sample's corsOriginUrl); Defaults to: none
     *                    (no browser origin is allowed).
     */
    public record GatewayConfig(List<String> corsOrigins) {
        public GatewayConfig {
            corsOrigins = corsOrigins == null ? List.of() : List.copyOf(corsOrigins);
        }
    }

    /**
     * Entra ID settings.
     *
     * @param audienceAppId application (client) id of the API app whose tokens the gateway accepts (the book
     *                      sample's audienceAppId). Required.
     * @param scopeName     delegated scope clients request, e.g. {@code api://<app>/chat}; Defaults to: chat.
     */
    public record IdentityConfig(String audienceAppId, String scopeName) {
        public IdentityConfig {
            scopeName = Objects.requireNonNullElse(scopeName, "chat");
        }
    }
}
