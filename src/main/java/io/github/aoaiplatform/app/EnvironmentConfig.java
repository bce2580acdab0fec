package io.github.aoaiplatform.app;

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
 * @param network         the platform VNet (created) or the landing zone's (existing). Required.
 * @param dns             private DNS zones; Defaults to: every zone created here and linked to the VNet.
 * @param monitoring      Log Analytics, Private Link Scope and usage stream settings; Defaults to: see {@link MonitoringConfig}.
 * @param openAi          Azure OpenAI regions, deployments and content filters. Required.
 * @param gateway         API gateway settings; Defaults to: see {@link GatewayConfig}.
 * @param identity        Entra ID settings for token validation. Required.
 * @param departments     departments (chargeback and limit units), each an API Management product; Defaults to: none
 *                        (every validated caller shares the gateway-wide per-user limit, no department attribution).
 * @param chargeback      price table and alert recipients of the chargeback reports; Defaults to: see {@link ChargebackConfig}.
 * @param locks           put a {@code CanNotDelete} lock on the stateful resources (the workspace, the Azure OpenAI accounts,
 *                        API Management, the usage Event Hub namespace) and their private endpoints; Defaults to: false
 *                        (the shipped prod stack sets true).
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
        NetworkConfig network,
        DnsConfig dns,
        MonitoringConfig monitoring,
        OpenAiConfig openAi,
        GatewayConfig gateway,
        IdentityConfig identity,
        List<DepartmentConfig> departments,
        ChargebackConfig chargeback,
        Boolean locks) {

    /** The workload part of every resource name. */
    public static final String WORKLOAD = "aoai";

    /**
     * Fills defaults and copies collections; see the record's components.
     *
     * @param description see {@link #description()}
     * @param environmentName see {@link #environmentName()}
     * @param location see {@link #location()}
     * @param tenantId see {@link #tenantId()}
     * @param subscriptionId see {@link #subscriptionId()}
     * @param nameSuffix see {@link #nameSuffix()}
     * @param tags see {@link #tags()}
     * @param backend see {@link #backend()}
     * @param network see {@link #network()}
     * @param dns see {@link #dns()}
     * @param monitoring see {@link #monitoring()}
     * @param openAi see {@link #openAi()}
     * @param gateway see {@link #gateway()}
     * @param identity see {@link #identity()}
     * @param departments see {@link #departments()}
     * @param chargeback see {@link #chargeback()}
     * @param locks see {@link #locks()}
     */
    public EnvironmentConfig {
        tags = Map.copyOf(Objects.requireNonNullElse(tags, Map.of()));
        backend = Objects.requireNonNullElse(backend, new BackendConfig(null, null, null, null, null, null, null));
        gateway = Objects.requireNonNullElse(gateway, new GatewayConfig(null, null, null, null, null, null, null, null, null, null));
        dns = Objects.requireNonNullElse(dns, new DnsConfig(null));
        monitoring = Objects.requireNonNullElse(monitoring, new MonitoringConfig(null, null, null, null, null, null, null));
        departments = departments == null ? List.of() : List.copyOf(departments);
        chargeback = Objects.requireNonNullElse(chargeback, new ChargebackConfig(null, null));
        locks = Objects.requireNonNullElse(locks, false);
    }

    /**
     * Whether the Azure OpenAI API requires an API Management subscription key: {@code gateway.subscriptionRequired} when
     * set, otherwise true exactly when departments are defined (the department's key attributes each call to it).
     *
     * @return whether callers must send a subscription key
     */
    public boolean apiSubscriptionRequired() {
        return gateway.subscriptionRequired() != null ? gateway.subscriptionRequired() : !departments.isEmpty();
    }

    /**
     * The name suffix in force.
     *
     * @return the configured one, or one derived from tenant and environment
     */
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
        /**
         * Fills defaults and copies collections; see the record's components.
         *
         * @param type see {@link #type()}
         * @param path see {@link #path()}
         * @param resourceGroupName see {@link #resourceGroupName()}
         * @param storageAccountName see {@link #storageAccountName()}
         * @param containerName see {@link #containerName()}
         * @param key see {@link #key()}
         * @param useAzureadAuth see {@link #useAzureadAuth()}
         */
        public BackendConfig {
            type = Objects.requireNonNullElse(type, "local");
            containerName = Objects.requireNonNullElse(containerName, "tfstate");
            useAzureadAuth = Objects.requireNonNullElse(useAzureadAuth, true);
        }

        /**
         * The state blob (azurerm) with its default.
         *
         * @param environmentName the environment
         * @return {@link #key()}, or {@code aoai-platform/<environmentName>.tfstate}
         */
        public String effectiveKey(String environmentName) {
            return key != null ? key : "aoai-platform/" + environmentName + ".tfstate";
        }

        /**
         * The state file (local) with its default, relative to the stack's output folder.
         *
         * @param environmentName the environment
         * @return {@link #path()}, or {@code terraform.<environmentName>.tfstate}
         */
        public String effectivePath(String environmentName) {
            return path != null ? path : "terraform." + environmentName + ".tfstate";
        }

        /**
         * Where the state lives, for telling whether two stacks share it.
         *
         * @param environmentName the environment
         * @return the storage account, container and blob (azurerm) or the absolute local path; null for a relative local
         *         path, which is inside the stack's own output folder and so never shared
         */
        public String stateLocation(String environmentName) {
            if ("azurerm".equals(type))
                return "blob '" + effectiveKey(environmentName) + "' of container '" + containerName + "' in storage account '" + storageAccountName + "'";
            String local = effectivePath(environmentName);
            return java.nio.file.Path.of(local).isAbsolute() ? "local file '" + java.nio.file.Path.of(local).normalize() + "'" : null;
        }
    }

    /**
     * The platform network: either {@code addressSpace} + {@code subnets} (created here) or {@code existing}.
     *
     * @param addressSpace         VNet CIDR, e.g. 10.10.0.0/22.
     * @param subnets              CIDR per subnet role; gateway (/27 or larger) and privateEndpoints (/28 or larger) are required,
     *                             app and agents optional.
     * @param ddosProtectionPlanId DDoS protection plan to enable on the VNet; Defaults to: none.
     * @param existing             bring your own VNet/subnets (hub-and-spoke); Defaults to: none (create).
     */
    public record NetworkConfig(String addressSpace, Subnets subnets, String ddosProtectionPlanId, ExistingNetworkConfig existing) {}

    /** One value per subnet role: CIDRs under {@code network.subnets}, resource ids under {@code network.existing.subnetIds}. */
    public record Subnets(String gateway, String privateEndpoints, String app, String agents) {
        /**
         * The values that are set.
         *
         * @return the values by role
         */
        public java.util.Map<io.github.aoaiplatform.network.SubnetRole, String> byRole() {
            var m = new java.util.EnumMap<io.github.aoaiplatform.network.SubnetRole, String>(io.github.aoaiplatform.network.SubnetRole.class);
            if (gateway != null) m.put(io.github.aoaiplatform.network.SubnetRole.GATEWAY, gateway);
            if (privateEndpoints != null) m.put(io.github.aoaiplatform.network.SubnetRole.PRIVATE_ENDPOINTS, privateEndpoints);
            if (app != null) m.put(io.github.aoaiplatform.network.SubnetRole.APP, app);
            if (agents != null) m.put(io.github.aoaiplatform.network.SubnetRole.AGENTS, agents);
            return m;
        }
    }

    /**
     * @param virtualNetworkId existing VNet resource id.
     * @param subnetIds        existing subnet resource ids per role (gateway and privateEndpoints required).
     */
    public record ExistingNetworkConfig(String virtualNetworkId, Subnets subnetIds) {}

    /**
     * @param existingZoneIds zone name to an existing (hub) private DNS zone id; zones not listed are created here.
     *                        Defaults to: none.
     */
    public record DnsConfig(Map<String, String> existingZoneIds) {
        /**
         * Fills defaults and copies collections; see the record's components.
         *
         * @param existingZoneIds see {@link #existingZoneIds()}
         */
        public DnsConfig {
            existingZoneIds = existingZoneIds == null ? Map.of() : Map.copyOf(existingZoneIds);
        }
    }

    /**
     * @param retentionDays    Log Analytics retention, 30-730; Defaults to: 90.
     * @param dailyQuotaGb     daily ingestion cap in GB; Defaults to: none (uncapped).
     * @param llmLogMaxBytes   largest prompt/completion logged per message (1-262144); Defaults to: 262144.
     * @param privateLinkScope an Azure Monitor Private Link Scope (ingestion and query PrivateOnly) holding the workspace and
     *                         the gateway's Application Insights, with a private endpoint in the privateEndpoints subnet and
     *                         the five Azure Monitor private DNS zones; the workspace and Application Insights then refuse
     *                         ingestion and queries from the Internet (portal users and tools must come through the VNet).
     *                         Defaults to: false (no scope; both accept ingestion and queries from public networks).
     * @param usageEventHub    stream one JSON usage record per API call (time, request id, department, subscription, user,
     *                         app, deployment, model, backend, total tokens, status code) to an Event Hub
     *                         ({@code aoai-usage} in a private, Entra-only Standard namespace), written by the gateway with
     *                         its managed identity; Defaults to: false (no Event Hub; usage is only in the token metrics).
     * @param promptLogRetentionDays how long the prompt and completion log ({@code ApiManagementGatewayLlmLog}) is kept,
     *                         4-730 days, then deleted; Defaults to: 30.
     * @param promptLogReaders Entra group object ids that may read the prompt and completion log (and no other table);
     *                         Defaults to: none.
     */
    public record MonitoringConfig(Integer retentionDays, Double dailyQuotaGb, Integer llmLogMaxBytes, Boolean privateLinkScope,
                                   Boolean usageEventHub, Integer promptLogRetentionDays, List<String> promptLogReaders) {
        /**
         * Fills defaults and copies collections; see the record's components.
         *
         * @param retentionDays see {@link #retentionDays()}
         * @param dailyQuotaGb see {@link #dailyQuotaGb()}
         * @param llmLogMaxBytes see {@link #llmLogMaxBytes()}
         * @param privateLinkScope see {@link #privateLinkScope()}
         * @param usageEventHub see {@link #usageEventHub()}
         * @param promptLogRetentionDays see {@link #promptLogRetentionDays()}
         * @param promptLogReaders see {@link #promptLogReaders()}
         */
        public MonitoringConfig {
            retentionDays = Objects.requireNonNullElse(retentionDays, 90);
            llmLogMaxBytes = Objects.requireNonNullElse(llmLogMaxBytes, 262144);
            privateLinkScope = Objects.requireNonNullElse(privateLinkScope, false);
            usageEventHub = Objects.requireNonNullElse(usageEventHub, false);
            promptLogRetentionDays = Objects.requireNonNullElse(promptLogRetentionDays, 30);
            promptLogReaders = promptLogReaders == null ? List.of() : List.copyOf(promptLogReaders);
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
     * @param kind                  {@code OpenAI} or {@code AIServices}; Defaults to: OpenAI.
     * @param customerManagedKey    encrypt accounts with a customer-managed key; Defaults to: none (Microsoft-managed keys).
     * @param deployments           model deployments; Defaults to: none.
     * @param contentFilters        content-filter policies created on every account; Defaults to: none
     *                              (deployments use Microsoft.DefaultV2).
     * @param blocklists            custom blocklists created on every account; Defaults to: none.
     * @param defaultContentFilter  the filter of every deployment that names none: a contentFilters name, a built-in
     *                              Microsoft.* policy or platform-default; Defaults to: platform-default (Medium
     *                              thresholds, prompt shields, every blocklist; created where a deployment uses it).
     * @param allowedFqdns          host names the accounts may reach outbound (outbound access is always restricted);
     *                              Defaults to: none.
     * @param quotas                what the subscription offers per region, keyed {@code <model>/<sku>} (e.g.
     *                              {@code gpt-4o/GlobalStandard}): thousands of TPM, PTUs for the provisioned SKUs, or
     *                              thousands of enqueued tokens for the batch SKUs. Azure quota is per subscription, region,
     *                              model and SKU, so in each region the deployments of the shared and the dedicated accounts
     *                              together must fit; Defaults to: none (not checked; Azure refuses a deployment over quota
     *                              at apply).
     */
    public record OpenAiConfig(List<String> regions, Integer capacityThousandsTpm, Boolean purgeOnDestroy, String kind,
                               CustomerManagedKeyConfig customerManagedKey, List<DeploymentConfig> deployments,
                               List<ContentFilterConfig> contentFilters, List<BlocklistConfig> blocklists,
                               String defaultContentFilter, List<String> allowedFqdns, Map<String, Integer> quotas) {
        /**
         * Fills defaults and copies collections; see the record's components.
         *
         * @param regions see {@link #regions()}
         * @param capacityThousandsTpm see {@link #capacityThousandsTpm()}
         * @param purgeOnDestroy see {@link #purgeOnDestroy()}
         * @param kind see {@link #kind()}
         * @param customerManagedKey see {@link #customerManagedKey()}
         * @param deployments see {@link #deployments()}
         * @param contentFilters see {@link #contentFilters()}
         * @param blocklists see {@link #blocklists()}
         * @param defaultContentFilter see {@link #defaultContentFilter()}
         * @param allowedFqdns see {@link #allowedFqdns()}
         * @param quotas see {@link #quotas()}
         */
        public OpenAiConfig {
            regions = regions == null ? List.of() : List.copyOf(regions);
            capacityThousandsTpm = Objects.requireNonNullElse(capacityThousandsTpm, 30);
            purgeOnDestroy = Objects.requireNonNullElse(purgeOnDestroy, false);
            kind = Objects.requireNonNullElse(kind, "OpenAI");
            deployments = deployments == null ? List.of() : List.copyOf(deployments);
            contentFilters = contentFilters == null ? List.of() : List.copyOf(contentFilters);
            blocklists = blocklists == null ? List.of() : List.copyOf(blocklists);
            allowedFqdns = allowedFqdns == null ? List.of() : List.copyOf(allowedFqdns);
            quotas = quotas == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(quotas));
        }
    }

    /**
     * @param keyVaultKeyId    versionless or versioned Key Vault key id.
     * @param identityId       resource id of the user-assigned identity with get/wrap/unwrap on the key.
     * @param identityClientId client id of that identity.
     */
    public record CustomerManagedKeyConfig(String keyVaultKeyId, String identityId, String identityClientId) {}

    /**
     * A model deployment, created on the account of every region listed.
     *
     * @param name                 deployment name clients call. Required.
     * @param model                model name, e.g. gpt-4o. Required.
     * @param version              model version, e.g. 2024-11-20. Required.
     * @param sku                  deployment SKU; Defaults to: GlobalStandard.
     * @param capacityThousandsTpm capacity; Defaults to: openAi.capacityThousandsTpm.
     * @param regions              regions to deploy in; Defaults to: all openAi.regions.
     * @param versionUpgrade       Defaults to: OnceCurrentVersionExpired.
     * @param contentFilter        name of an openAi.contentFilters entry; Defaults to: Microsoft.DefaultV2.
     */
    public record DeploymentConfig(String name, String model, String version, String sku, Integer capacityThousandsTpm,
                                   List<String> regions, String versionUpgrade, String contentFilter) {
        /**
         * Fills defaults and copies collections; see the record's components.
         *
         * @param name see {@link #name()}
         * @param model see {@link #model()}
         * @param version see {@link #version()}
         * @param sku see {@link #sku()}
         * @param capacityThousandsTpm see {@link #capacityThousandsTpm()}
         * @param regions see {@link #regions()}
         * @param versionUpgrade see {@link #versionUpgrade()}
         * @param contentFilter see {@link #contentFilter()}
         */
        public DeploymentConfig {
            regions = regions == null ? List.of() : List.copyOf(regions);
        }
    }

    /**
     * @param name              policy name. Required.
     * @param severityThreshold Low, Medium or High; Defaults to: Medium.
     * @param promptShields     block jailbreak attempts; Defaults to: true.
     * @param mode              Default, Deferred, Blocking or Asynchronous_filter; Defaults to: Default.
     * @param blocklists        names of openAi.blocklists entries that block on prompts and completions; Defaults to:
     *                          every openAi.blocklists entry.
     */
    public record ContentFilterConfig(String name, String severityThreshold, Boolean promptShields, String mode,
                                      List<String> blocklists) {}

    /**
     * @param name        blocklist name. Required.
     * @param description free text.
     * @param terms       terms to block. Required, at least one.
     */
    public record BlocklistConfig(String name, String description, List<String> terms) {
        /**
         * Fills defaults and copies collections; see the record's components.
         *
         * @param name see {@link #name()}
         * @param description see {@link #description()}
         * @param terms see {@link #terms()}
         */
        public BlocklistConfig {
            terms = terms == null ? List.of() : List.copyOf(terms);
        }
    }

    /**
     * Gateway (API Management) settings.
     *
     * @param corsOrigins            origins allowed by the CORS policy (the book sample's corsOriginUrl); Defaults to: none
     *                               (no browser origin is allowed, and the policy has no cors element).
     * @param sku                    Developer or Premium (internal VNet injection), StandardV2 or PremiumV2 (VNet integration and
     *                               a private endpoint); Defaults to: Developer.
     * @param units                  scale units; Defaults to: 1.
     * @param publisherName          the API Management publisher (organisation) name; Defaults to: AI Platform Team.
     * @param publisherEmail         the publisher's e-mail address (system notifications go there); Defaults to:
     *                               platform@example.com.
     * @param subscriptionRequired   require an APIM subscription key on the Azure OpenAI API in addition to the Entra ID
     *                               token; Defaults to: true when departments are defined (the key of a department's
     *                               subscription says which department pays; false is then rejected), else false (the
     *                               validated Entra ID token is the credential).
     * @param tokensPerMinutePerUser tokens per minute each caller (token {@code oid} claim) may consume across all
     *                               deployments; Defaults to: 10000.
     * @param circuitBreakerTripCount 429 or 5xx responses within a minute that trip a backend's circuit breaker (the
     *                               pool then skips that region for a minute, or as long as its Retry-After says); Defaults
     *                               to: 1 (the first 429).
     * @param publicNetworkAccess    public network access of the API Management service; Defaults to: true, because Azure
     *                               rejects false when the service is created. Set false on a later apply once the service is
     *                               active (in Internal mode the gateway has no public endpoint either way; on the v2 tiers
     *                               this closes the public gateway endpoint so that only the private endpoint remains).
     * @param backends               per-region load-balancing settings of the Azure OpenAI backends in each pool, keyed by a
     *                               region of {@code openAi.regions}; Defaults to: priority 1 and weight 1 for every region
     *                               (round robin).
     */
    public record GatewayConfig(List<String> corsOrigins, String sku, Integer units, String publisherName,
                                String publisherEmail, Boolean subscriptionRequired, Integer tokensPerMinutePerUser,
                                Integer circuitBreakerTripCount, Boolean publicNetworkAccess, Map<String, PoolMemberConfig> backends) {
        /** The publisher name used when {@code gateway.publisherName} is not given. */
        public static final String DEFAULT_PUBLISHER_NAME = "AI Platform Team";
        /** The publisher e-mail used when {@code gateway.publisherEmail} is not given. */
        public static final String DEFAULT_PUBLISHER_EMAIL = "platform@example.com";

        /**
         * Fills defaults and copies collections; see the record's components.
         *
         * @param corsOrigins see {@link #corsOrigins()}
         * @param sku see {@link #sku()}
         * @param units see {@link #units()}
         * @param publisherName see {@link #publisherName()}
         * @param publisherEmail see {@link #publisherEmail()}
         * @param subscriptionRequired see {@link #subscriptionRequired()}
         * @param tokensPerMinutePerUser see {@link #tokensPerMinutePerUser()}
         * @param circuitBreakerTripCount see {@link #circuitBreakerTripCount()}
         * @param publicNetworkAccess see {@link #publicNetworkAccess()}
         * @param backends see {@link #backends()}
         */

        public GatewayConfig {
            corsOrigins = corsOrigins == null ? List.of() : List.copyOf(corsOrigins);
            sku = Objects.requireNonNullElse(sku, "Developer");
            units = Objects.requireNonNullElse(units, 1);
            publisherName = Objects.requireNonNullElse(publisherName, DEFAULT_PUBLISHER_NAME);
            publisherEmail = Objects.requireNonNullElse(publisherEmail, DEFAULT_PUBLISHER_EMAIL);
            tokensPerMinutePerUser = Objects.requireNonNullElse(tokensPerMinutePerUser, 10_000);
            publicNetworkAccess = Objects.requireNonNullElse(publicNetworkAccess, true);
            backends = backends == null ? Map.of() : Map.copyOf(backends);
        }

        /**
         * Developer and Premium are injected into the VNet in Internal mode; the v2 tiers integrate with it.
         *
         * @return true for Developer and Premium
         */
        public boolean internalVnetMode() { return sku.equals("Developer") || sku.equals("Premium"); }

        /**
         * The pool settings of a region.
         *
         * @param region an account region
         * @return the configured ones, or priority 1, weight 1
         */
        public PoolMemberConfig backend(String region) {
            return backends.getOrDefault(region, new PoolMemberConfig(null, null));
        }
    }

    /**
     * How one regional Azure OpenAI backend takes part in the gateway's backend pools.
     *
     * @param priority 0-100, lower is preferred: lower-priority backends only get traffic when every backend of a higher
     *                 priority is unavailable (circuit open); Defaults to: 1.
     * @param weight   1-100, share of traffic among backends of the same priority; Defaults to: 1 (equal shares).
     */
    public record PoolMemberConfig(Integer priority, Integer weight) {
        /**
         * Fills defaults and copies collections; see the record's components.
         *
         * @param priority see {@link #priority()}
         * @param weight see {@link #weight()}
         */
        public PoolMemberConfig {
            priority = Objects.requireNonNullElse(priority, 1);
            weight = Objects.requireNonNullElse(weight, 1);
        }
    }

    /**
     * Entra ID settings: bring your own API app ({@code audienceAppId}) or let the library register it
     * ({@code application}); exactly one of the two.
     *
     * @param audienceAppId application (client) id of an existing API app whose tokens the gateway accepts (the book
     *                      sample's audienceAppId).
     * @param scopeName     delegated scope clients request, e.g. {@code api://<app>/chat}; Defaults to: chat.
     * @param acceptedScopes delegated scopes the gateway accepts in a token's {@code scp}; a token needs one of them or
     *                      one of {@code acceptedRoles}, else 403; Defaults to: [{@code scopeName}].
     * @param acceptedRoles app roles the gateway accepts in a token's {@code roles}; Defaults to: the values of
     *                      {@code application.appRoles} (one {@code Chat.Invoke} unless listed), or [Chat.Invoke] for a
     *                      brought-your-own app.
     * @param application   register the API app (and optional clients) in Entra ID; Defaults to: none (bring your own).
     */
    public record IdentityConfig(String audienceAppId, String scopeName, List<String> acceptedScopes, List<String> acceptedRoles,
                                 ApplicationConfig application) {
        /**
         * Fills defaults and copies collections; see the record's components.
         *
         * @param audienceAppId see {@link #audienceAppId()}
         * @param scopeName see {@link #scopeName()}
         * @param acceptedScopes see {@link #acceptedScopes()}
         * @param acceptedRoles see {@link #acceptedRoles()}
         * @param application see {@link #application()}
         */
        public IdentityConfig {
            scopeName = Objects.requireNonNullElse(scopeName, "chat");
        }
    }

    /**
     * The API app registration the library creates.
     *
     * @param displayName   app display name; Defaults to: "AOAI Platform (&lt;env&gt;)".
     * @param appRoles      app roles; Defaults to: one {@code Chat.Invoke} role for users and applications.
     * @param spaClients    single-page apps pre-authorized for the scope; Defaults to: none.
     * @param daemonClients daemon apps granted one app role each; Defaults to: none.
     */
    public record ApplicationConfig(String displayName, List<AppRoleConfig> appRoles, List<SpaClientConfig> spaClients,
                                    List<DaemonClientConfig> daemonClients) {
        /**
         * Fills defaults and copies collections; see the record's components.
         *
         * @param displayName see {@link #displayName()}
         * @param appRoles see {@link #appRoles()}
         * @param spaClients see {@link #spaClients()}
         * @param daemonClients see {@link #daemonClients()}
         */
        public ApplicationConfig {
            appRoles = appRoles == null ? List.of() : List.copyOf(appRoles);
            spaClients = spaClients == null ? List.of() : List.copyOf(spaClients);
            daemonClients = daemonClients == null ? List.of() : List.copyOf(daemonClients);
        }
    }

    /** @param value role value in tokens, e.g. Chat.Invoke; @param allowedMemberTypes User and/or Application (default both). */
    public record AppRoleConfig(String value, String displayName, String description, List<String> allowedMemberTypes) {}

    /** @param name client name; @param redirectUris https redirect URIs. */
    public record SpaClientConfig(String name, List<String> redirectUris) {
        /**
         * Copies the list.
         *
         * @param name         see {@link #name()}
         * @param redirectUris see {@link #redirectUris()}
         */
        public SpaClientConfig { redirectUris = redirectUris == null ? List.of() : List.copyOf(redirectUris); }
    }

    /** @param name client name; @param role one of the app roles. */
    public record DaemonClientConfig(String name, String role) {}

    /**
     * A department: a unit that is billed and limited, which becomes an API Management product with its subscriptions and
     * a product policy. Callers present one of its subscription keys ({@code Ocp-Apim-Subscription-Key}) together with
     * their Entra ID token.
     *
     * @param name                   product id: 2-32 lower-case letters, digits or hyphens, starting with a letter. Required.
     * @param displayName            Defaults to: the name.
     * @param costCenter             the cost center its bill goes to (shown in every cost report). Required.
     * @param groupIds               Entra group object ids whose members may use the department's keys (token
     *                               {@code groups} claim); Defaults to: none.
     * @param clientAppIds           client application ids that may use its keys (token {@code azp}/{@code appid});
     *                               Defaults to: none. When groupIds or clientAppIds are given, a caller must match one of
     *                               them (else 403); when both are empty, any validated caller holding a key may.
     * @param tokensPerMinute        tokens per minute for the whole department. Required, &gt; 0.
     * @param tokenQuota             tokens per {@code tokenQuotaPeriod} for the whole department (then 403); Defaults to: none.
     * @param tokenQuotaPeriod       Hourly, Daily, Weekly, Monthly or Yearly; Defaults to: Monthly.
     * @param requestsPerMinute      requests per minute for the whole department (then 429); Defaults to: none.
     * @param tokensPerMinutePerUser tokens per minute per user (token {@code oid}) inside the department; at most
     *                               tokensPerMinute; Defaults to: none (only the gateway-wide per-user limit applies).
     * @param allowedModels          models (of {@code openAi.deployments}) the department may call; the gateway maps them to
     *                               their deployments and answers 403 for others; Defaults to: every deployed model.
     * @param subscriptions          names of its subscriptions (one key pair each, e.g. one per team or app);
     *                               Defaults to: ["default"].
     * @param monthlyBudget          monthly budget in the price table's currency; an alert fires when the projected month
     *                               crosses {@code alertPercent} of it; Defaults to: none (no cost alert).
     * @param alertPercent           threshold of the cost and quota alerts, 1-100 % of budget or quota; Defaults to: 80.
     * @param isolation              how isolated the department (tenant) is: {@code shared} (the shared deployments),
     *                               {@code dedicatedDeployment} (its own {@code deployments} on the shared accounts),
     *                               {@code dedicatedAccount} (its own accounts in {@code regions} with its
     *                               {@code deployments}) or {@code tenantProvided} (its own {@code account}, given by
     *                               resource id); Defaults to: shared.
     * @param regions                dedicatedAccount: the regions of its own accounts (one each); dedicatedDeployment: the
     *                               regions of {@code openAi.regions} its deployments go to; Defaults to: dedicatedAccount
     *                               requires them, dedicatedDeployment uses every region of {@code openAi.regions}.
     * @param deployments            its own deployments (dedicatedDeployment, dedicatedAccount), or the deployments that
     *                               exist on its account (tenantProvided: name and model); names are unique across the
     *                               whole gateway; Defaults to: none (required for every isolation but shared).
     * @param contentFilters         its own content-filter policies for its deployments (dedicatedDeployment: created on
     *                               the shared accounts; dedicatedAccount: on its accounts); Defaults to: none.
     * @param blocklists             its own custom blocklists, created where its content filters are; Defaults to: none.
     * @param account                tenantProvided: the account in the tenant's subscription; Defaults to: none (required for
     *                               tenantProvided, rejected otherwise).
     * @param monthlyCapacityCharge  a fixed monthly amount in the price table's currency charged on top of its tokens for
     *                               its dedicated capacity; Defaults to: none.
     */
    public record DepartmentConfig(String name, String displayName, String costCenter, List<String> groupIds,
                                   List<String> clientAppIds, Integer tokensPerMinute, Long tokenQuota, String tokenQuotaPeriod,
                                   Integer requestsPerMinute, Integer tokensPerMinutePerUser, List<String> allowedModels,
                                   List<String> subscriptions, Double monthlyBudget, Integer alertPercent, String isolation,
                                   List<String> regions, List<DeploymentConfig> deployments, List<ContentFilterConfig> contentFilters,
                                   List<BlocklistConfig> blocklists, TenantAccountConfig account, Double monthlyCapacityCharge) {
        /** Today's behaviour: the shared deployments, with the department's own limits and metering. */
        public static final String SHARED = "shared";
        /** Deployments named for the tenant on the shared accounts. */
        public static final String DEDICATED_DEPLOYMENT = "dedicatedDeployment";
        /** The tenant's own accounts, in its regions. */
        public static final String DEDICATED_ACCOUNT = "dedicatedAccount";
        /** An account in the tenant's own subscription (and Entra tenant), given by resource id. */
        public static final String TENANT_PROVIDED = "tenantProvided";
        /** The values {@code isolation} accepts. */
        public static final List<String> ISOLATIONS = List.of(SHARED, DEDICATED_DEPLOYMENT, DEDICATED_ACCOUNT, TENANT_PROVIDED);

        /**
         * Fills defaults and copies collections; see the record's components.
         *
         * @param name see {@link #name()}
         * @param displayName see {@link #displayName()}
         * @param costCenter see {@link #costCenter()}
         * @param groupIds see {@link #groupIds()}
         * @param clientAppIds see {@link #clientAppIds()}
         * @param tokensPerMinute see {@link #tokensPerMinute()}
         * @param tokenQuota see {@link #tokenQuota()}
         * @param tokenQuotaPeriod see {@link #tokenQuotaPeriod()}
         * @param requestsPerMinute see {@link #requestsPerMinute()}
         * @param tokensPerMinutePerUser see {@link #tokensPerMinutePerUser()}
         * @param allowedModels see {@link #allowedModels()}
         * @param subscriptions see {@link #subscriptions()}
         * @param monthlyBudget see {@link #monthlyBudget()}
         * @param alertPercent see {@link #alertPercent()}
         * @param isolation see {@link #isolation()}
         * @param regions see {@link #regions()}
         * @param deployments see {@link #deployments()}
         * @param contentFilters see {@link #contentFilters()}
         * @param blocklists see {@link #blocklists()}
         * @param account see {@link #account()}
         * @param monthlyCapacityCharge see {@link #monthlyCapacityCharge()}
         */
        public DepartmentConfig {
            displayName = displayName != null ? displayName : name;
            groupIds = groupIds == null ? List.of() : List.copyOf(groupIds);
            clientAppIds = clientAppIds == null ? List.of() : List.copyOf(clientAppIds);
            tokenQuotaPeriod = Objects.requireNonNullElse(tokenQuotaPeriod, "Monthly");
            allowedModels = allowedModels == null ? List.of() : List.copyOf(allowedModels);
            subscriptions = subscriptions == null ? List.of("default") : List.copyOf(subscriptions);
            alertPercent = Objects.requireNonNullElse(alertPercent, 80);
            isolation = Objects.requireNonNullElse(isolation, SHARED);
            regions = regions == null ? List.of() : List.copyOf(regions);
            deployments = deployments == null ? List.of() : List.copyOf(deployments);
            contentFilters = contentFilters == null ? List.of() : List.copyOf(contentFilters);
            blocklists = blocklists == null ? List.of() : List.copyOf(blocklists);
        }

        /** @return whether it runs on the shared accounts' shared deployments only */
        public boolean shared() { return isolation.equals(SHARED); }

        /** @return whether its calls go to an account of its own (dedicatedAccount or tenantProvided) */
        public boolean ownAccount() { return isolation.equals(DEDICATED_ACCOUNT) || isolation.equals(TENANT_PROVIDED); }
    }

    /**
     * A tenant-provided Azure OpenAI account (isolation {@code tenantProvided}).
     *
     * @param resourceId    the account's resource id ({@code Microsoft.CognitiveServices/accounts}). Required.
     * @param region        the account's region. Required.
     * @param entraTenantId the Entra tenant the account's subscription trusts; Defaults to: the platform's
     *                      {@code tenantId} (the gateway's managed identity calls it directly). Another tenant makes the
     *                      gateway sign in as the platform's multi-tenant application, federated with its managed
     *                      identity (no secret).
     */
    public record TenantAccountConfig(String resourceId, String region, String entraTenantId) {}

    /**
     * Chargeback settings.
     *
     * @param priceTable  the price table file, relative to the stack file's folder; Defaults to:
     *                    {@value #DEFAULT_PRICE_TABLE}.
     * @param alertEmails who receives the departments' cost and quota alerts (one action group); Defaults to: none (the
     *                    alerts fire in Azure Monitor without notifying anyone).
     */
    public record ChargebackConfig(String priceTable, List<String> alertEmails) {
        /** The price table used when {@code chargeback.priceTable} is not given, relative to the stacks folder. */
        public static final String DEFAULT_PRICE_TABLE = "pricing/azure-openai.json";

        /**
         * Fills defaults and copies collections; see the record's components.
         *
         * @param priceTable see {@link #priceTable()}
         * @param alertEmails see {@link #alertEmails()}
         */

        public ChargebackConfig {
            priceTable = Objects.requireNonNullElse(priceTable, DEFAULT_PRICE_TABLE);
            alertEmails = alertEmails == null ? List.of() : List.copyOf(alertEmails);
        }
    }
}
