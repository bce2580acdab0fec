package io.github.aoaiplatform.dns;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The private DNS zones the platform knows, with what each is for. */
public final class DnsZoneCatalogue {
    private DnsZoneCatalogue() {}

    /** Azure OpenAI accounts (kind OpenAI and AIServices). */
    public static final String OPENAI = "privatelink.openai.azure.com";
    /** Azure AI services accounts. */
    public static final String COGNITIVE_SERVICES = "privatelink.cognitiveservices.azure.com";
    /** Azure AI Foundry (kind AIServices). */
    public static final String AI_SERVICES = "privatelink.services.ai.azure.com";
    /** API Management private endpoint (StandardV2/PremiumV2). */
    public static final String APIM_PRIVATE_LINK = "privatelink.azure-api.net";
    /** API Management gateway in internal VNet mode. */
    public static final String APIM_GATEWAY = "azure-api.net";
    /** API Management legacy portal in internal VNet mode. */
    public static final String APIM_PORTAL = "portal.azure-api.net";
    /** API Management developer portal in internal VNet mode. */
    public static final String APIM_DEVELOPER = "developer.azure-api.net";
    /** API Management management endpoint in internal VNet mode. */
    public static final String APIM_MANAGEMENT = "management.azure-api.net";
    /** API Management Git/SCM endpoint in internal VNet mode. */
    public static final String APIM_SCM = "scm.azure-api.net";
    /** Key Vault. */
    public static final String KEY_VAULT = "privatelink.vaultcore.azure.net";
    /** Azure Monitor Private Link Scope. */
    public static final String MONITOR = "privatelink.monitor.azure.com";
    /** Azure Monitor Private Link Scope: Log Analytics. */
    public static final String OMS = "privatelink.oms.opinsights.azure.com";
    /** Azure Monitor Private Link Scope: Log Analytics ingestion. */
    public static final String ODS = "privatelink.ods.opinsights.azure.com";
    /** Azure Monitor Private Link Scope: agents. */
    public static final String AGENT_SERVICE = "privatelink.agentsvc.azure-automation.net";
    /** Azure Monitor Private Link Scope: solution packs storage (Blob storage). */
    public static final String BLOB = "privatelink.blob.core.windows.net";
    /** Event Hubs namespaces. */
    public static final String EVENT_HUB = "privatelink.servicebus.windows.net";

    private static final Map<String, String> PURPOSE = new LinkedHashMap<>();
    static {
        PURPOSE.put(OPENAI, "Azure OpenAI accounts (kind OpenAI and AIServices)");
        PURPOSE.put(COGNITIVE_SERVICES, "Azure AI services accounts");
        PURPOSE.put(AI_SERVICES, "Azure AI Foundry (kind AIServices)");
        PURPOSE.put(APIM_PRIVATE_LINK, "API Management private endpoint (StandardV2/PremiumV2)");
        PURPOSE.put(APIM_GATEWAY, "API Management gateway in internal VNet mode");
        PURPOSE.put(APIM_PORTAL, "API Management legacy portal in internal VNet mode");
        PURPOSE.put(APIM_DEVELOPER, "API Management developer portal in internal VNet mode");
        PURPOSE.put(APIM_MANAGEMENT, "API Management management endpoint in internal VNet mode");
        PURPOSE.put(APIM_SCM, "API Management Git/SCM endpoint in internal VNet mode");
        PURPOSE.put(KEY_VAULT, "Key Vault (customer-managed keys, named values)");
        PURPOSE.put(MONITOR, "Azure Monitor Private Link Scope");
        PURPOSE.put(OMS, "Azure Monitor Private Link Scope: Log Analytics");
        PURPOSE.put(ODS, "Azure Monitor Private Link Scope: Log Analytics ingestion");
        PURPOSE.put(AGENT_SERVICE, "Azure Monitor Private Link Scope: agents");
        PURPOSE.put(BLOB, "Azure Monitor Private Link Scope: solution packs storage");
        PURPOSE.put(EVENT_HUB, "Event Hubs (usage record stream)");
    }

    /**
     * @param aiServicesKind whether the accounts are of kind AIServices (else OpenAI)
     * @return the zones accounts of that kind resolve through
     */
    public static List<String> forOpenAi(boolean aiServicesKind) {
        return aiServicesKind ? List.of(OPENAI, COGNITIVE_SERVICES, AI_SERVICES) : List.of(OPENAI, COGNITIVE_SERVICES);
    }

    /**
     * @param internalVnetMode whether API Management is injected in internal mode (classic tiers)
     * @return the API Management zones: the internal-mode family, or the private-link zone (v2 with a private endpoint)
     */
    public static List<String> forApiManagement(boolean internalVnetMode) {
        return internalVnetMode ? List.of(APIM_GATEWAY, APIM_PORTAL, APIM_DEVELOPER, APIM_MANAGEMENT, APIM_SCM) : List.of(APIM_PRIVATE_LINK);
    }

    /**
     * The zones of an Azure Monitor Private Link Scope's private endpoint (subresource {@code azuremonitor}): global and
     * regional Azure Monitor endpoints, Log Analytics query and ingestion, the agent service and the solution-pack storage.
     *
     * @return the zones
     */
    public static List<String> forMonitor() { return List.of(MONITOR, OMS, ODS, AGENT_SERVICE, BLOB); }

    /** @return the zone of an Event Hubs namespace's private endpoint (subresource {@code namespace}) */
    public static List<String> forEventHub() { return List.of(EVENT_HUB); }

    /**
     * @param zone a zone name
     * @return whether the catalogue has it
     */
    public static boolean isKnown(String zone) { return PURPOSE.containsKey(zone); }

    /** @return every zone name in the catalogue, in catalogue order */
    public static Set<String> all() { return Collections.unmodifiableSet(PURPOSE.keySet()); }

    /**
     * @param zone a zone name
     * @return what the zone is for, or null when it is not in the catalogue
     */
    public static String purpose(String zone) { return PURPOSE.get(zone); }
}
