package io.github.aoaiplatform.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Mermaid picture of one synthesized stack, drawn from its {@code cdk.tf.json} alone (so it shows what Terraform will
 * build, not what the code meant): the virtual network and its subnets with what sits in them (the gateway, private
 * endpoints), the PaaS resources outside it grouped by region, the private DNS zones, Entra ID, and the request path
 * client → gateway → backend pools → backends → private endpoint → Azure OpenAI account. Written as
 * {@value #FILE_NAME} next to the stack's {@code cdk.tf.json}; GitHub renders it. Links between resources come from
 * the Terraform references ({@code ${type.name.attr}}) in the JSON; existing resources appear by their resource id.
 */
public final class StackDiagram {
    /** The picture's file name, next to each stack's {@code cdk.tf.json}. */
    public static final String FILE_NAME = "diagram.md";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern REF = Pattern.compile("\\$\\{([a-z0-9_]+)\\.([A-Za-z0-9_-]+)\\.");
    private static final Pattern EXISTING_SUBNET = Pattern.compile("(?i)/subscriptions/[^/]+/resourceGroups/[^/]+/providers/Microsoft\\.Network/virtualNetworks/([^/]+)/subnets/([^/]+)");
    private static final Pattern EXTERNAL_ACCOUNT_URL = Pattern.compile("https://([a-z0-9-]+)\\.openai\\.azure\\.com/openai");
    private static final Pattern EXTERNAL_ACCOUNT_ID = Pattern.compile("(?i)/subscriptions/[^/]+/resourceGroups/[^/]+/providers/Microsoft\\.CognitiveServices/accounts/([^/]+)");
    private static final Pattern EXISTING_ZONE = Pattern.compile("(?i)/subscriptions/[^/]+/resourceGroups/[^/]+/providers/Microsoft\\.Network/privateDnsZones/([^/]+)");
    private static final String POOL_TYPE = "Microsoft.ApiManagement/service/backends@";

    /** PaaS resources drawn in their region (with the label prefix); other resources appear only when something links to them. */
    private static final Map<String, String> REGIONAL = new LinkedHashMap<>();
    static {
        REGIONAL.put("azurerm_cognitive_account", "Azure OpenAI");
        REGIONAL.put("azurerm_storage_account", "Storage account");
        REGIONAL.put("azurerm_eventhub_namespace", "Event Hubs");
        REGIONAL.put("azurerm_log_analytics_workspace", "Log Analytics");
        REGIONAL.put("azurerm_application_insights", "Application Insights");
        REGIONAL.put("azurerm_user_assigned_identity", "Managed identity");
    }

    private final String stack;
    private final Map<String, JsonNode> resources = new LinkedHashMap<>();
    private final StringBuilder out = new StringBuilder();
    private final Set<String> drawn = new LinkedHashSet<>();

    private StackDiagram(String stack, JsonNode tf) {
        this.stack = stack;
        tf.path("resource").fields().forEachRemaining(t ->
                t.getValue().fields().forEachRemaining(r -> resources.put(t.getKey() + "." + r.getKey(), r.getValue())));
    }

    /**
     * Reads {@code <stackDir>/cdk.tf.json} and writes the picture beside it.
     *
     * @param stackDir the stack's output folder
     * @param stack    the stack's name
     * @return the picture's path
     */
    public static Path writeNextTo(Path stackDir, String stack) {
        try {
            JsonNode tf = MAPPER.readTree(stackDir.resolve("cdk.tf.json").toFile());
            return Files.writeString(stackDir.resolve(FILE_NAME), render(stack, tf));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot draw " + stackDir, e);
        }
    }

    /**
     * The picture of a synthesized stack.
     *
     * @param stack the stack's name
     * @param tf    its synthesized JSON
     * @return a Markdown document with one Mermaid block
     */
    public static String render(String stack, JsonNode tf) {
        return new StackDiagram(stack, tf).draw();
    }

    private String draw() {
        line("flowchart LR");
        if (!of("azurerm_api_management").isEmpty()) line("  client([\"Clients with an Entra ID token\"])");
        if (!of("azurerm_federated_identity_credential").isEmpty()) line("  github([\"GitHub Actions (OIDC)\"])");
        network();
        regions();
        dnsZones();
        entra();
        edges();
        long total = resources.size();
        return "# Stack `" + stack + "`: what gets built\n\n"
                + "Generated from `cdktf.out/stacks/" + stack + "/cdk.tf.json` by `StackDiagram` (" + total + " resources). "
                + "It shows the network boundaries, the regions and the request path; rules, diagnostics, alerts and reports are left out.\n\n"
                + "```mermaid\n" + out + "```\n";
    }

    // ---- groups ----------------------------------------------------------------------------------------------

    /** The VNet (created or existing) with its subnets and whatever is placed in each: the gateway, private endpoints. */
    private void network() {
        Map<String, List<String>> bySubnet = new TreeMap<>();   // subnet key -> resources in it
        for (var e : resources.entrySet()) {
            if (type(e.getKey()).equals("azurerm_subnet") || type(e.getKey()).endsWith("_association")) continue;
            for (String subnet : subnetsOf(e.getValue())) bySubnet.computeIfAbsent(subnet, k -> new ArrayList<>()).add(e.getKey());
        }
        Map<String, List<String>> subnetsByVnet = new TreeMap<>();
        for (String subnet : of("azurerm_subnet")) subnetsByVnet.computeIfAbsent(vnetOf(subnet), k -> new ArrayList<>()).add(subnet);
        for (String subnet : bySubnet.keySet()) if (subnet.startsWith("/")) subnetsByVnet.computeIfAbsent(vnetOf(subnet), k -> new ArrayList<>()).add(subnet);
        for (var vnet : subnetsByVnet.entrySet()) {
            line("  subgraph " + id(vnet.getKey()) + "[\"" + vnetLabel(vnet.getKey()) + "\"]");
            for (String subnet : vnet.getValue()) {
                line("    subgraph " + id(subnet) + "[\"" + subnetLabel(subnet) + "\"]");
                for (String r : bySubnet.getOrDefault(subnet, List.of())) {
                    if (type(r).equals("azurerm_api_management")) gateway(r, "      ");
                    else node(r, "      ");
                }
                line("    end");
            }
            line("  end");
        }
        // a gateway outside any VNet (e.g. v2 with public access) still anchors the request path
        for (String apim : of("azurerm_api_management")) if (!drawn.contains(apim)) gateway(apim, "  ");
    }

    /** The gateway with its backend pools and backends (configuration inside API Management). */
    private void gateway(String apim, String indent) {
        line(indent + "subgraph " + id(apim) + "_config[\"API Management " + esc(name(apim)) + "\"]");
        node(apim, indent + "  ");
        for (String pool : pools()) node(pool, indent + "  ");
        for (String backend : of("azurerm_api_management_backend")) node(backend, indent + "  ");
        line(indent + "end");
    }

    /** PaaS resources outside the VNet, by region; their public network access is shown. */
    private void regions() {
        Map<String, List<String>> byRegion = new TreeMap<>();
        for (var e : resources.entrySet())
            if (REGIONAL.containsKey(type(e.getKey())) && !drawn.contains(e.getKey()))
                byRegion.computeIfAbsent(e.getValue().path("location").asText("global"), k -> new ArrayList<>()).add(e.getKey());
        for (String ampls : of("azurerm_monitor_private_link_scope")) byRegion.computeIfAbsent("global", k -> new ArrayList<>()).add(ampls);
        for (var region : byRegion.entrySet()) {
            line("  subgraph region_" + id(region.getKey()) + "[\"" + esc(region.getKey()) + ": Azure services outside the VNet\"]");
            for (String r : region.getValue()) node(r, "    ");
            line("  end");
        }
    }

    /** Private DNS zones (created here, or existing ones referenced by id). */
    private void dnsZones() {
        Set<String> zones = new LinkedHashSet<>(of("azurerm_private_dns_zone"));
        for (String pe : of("azurerm_private_endpoint")) zones.addAll(zonesOf(pe));
        if (zones.isEmpty()) return;
        line("  subgraph dns[\"Private DNS zones (global), linked to the VNet\"]");
        for (String zone : zones) {
            if (zone.startsWith("/")) {
                Matcher m = EXISTING_ZONE.matcher(zone);
                line("    " + id(zone) + "[\"" + esc((m.matches() ? m.group(1) : zone) + " (existing)") + "\"]");
                drawn.add(zone);
            } else {
                node(zone, "    ");
            }
        }
        line("  end");
    }

    private void entra() {
        List<String> apps = of("azuread_application");
        if (apps.isEmpty()) return;
        line("  subgraph entra[\"Entra ID\"]");
        for (String app : apps) node(app, "    ");
        line("  end");
    }

    // ---- edges -----------------------------------------------------------------------------------------------

    private void edges() {
        for (String app : of("azuread_application")) {
            if (resources.get(app).has("api")) line("  client -.->|\"token for the API\"| " + id(app));
            else forEachRef(resources.get(app).path("required_resource_access"), "azuread_application", api -> line("  " + id(app) + " -.->|\"may call\"| " + id(api)));
        }
        for (String apim : of("azurerm_api_management")) {
            line("  client -->|\"HTTPS\"| " + id(apim));
            for (String pool : pools()) line("  " + id(apim) + " --> " + id(pool));
            if (pools().isEmpty()) for (String backend : of("azurerm_api_management_backend")) line("  " + id(apim) + " --> " + id(backend));
        }
        for (String pool : pools()) forEachRef(resources.get(pool).path("body"), "azurerm_api_management_backend", b -> line("  " + id(pool) + " --> " + id(b)));
        for (String backend : of("azurerm_api_management_backend")) {
            forEachRef(resources.get(backend), "azurerm_cognitive_account", account -> {
                String pe = privateEndpointOf(account);
                line("  " + id(backend) + " --> " + id(pe != null ? pe : account));
            });
            Matcher external = EXTERNAL_ACCOUNT_URL.matcher(resources.get(backend).path("url").asText());
            if (external.matches()) {      // an account someone else owns (a tenant's): through the endpoint its owner approved
                String pe = privateEndpointOfExternal(external.group(1));
                if (pe != null) line("  " + id(backend) + " --> " + id(pe));
            }
        }
        for (String pe : of("azurerm_private_endpoint")) {
            var connection = resources.get(pe).path("private_service_connection");
            String target = firstRef(connection);
            if (target != null && drawn.contains(target)) line("  " + id(pe) + " -->|\"private link\"| " + id(target));
            Matcher external = EXTERNAL_ACCOUNT_ID.matcher(connection.path("private_connection_resource_id").asText());
            if (target == null && external.matches())
                line("  " + id(pe) + " -->|\"private link, approved by its owner\"| " + id("external_" + external.group(1))
                        + "[\"Azure OpenAI " + esc(external.group(1)) + " (existing, another subscription)\"]");
            for (String zone : zonesOf(pe)) line("  " + id(pe) + " -.-|\"A record\"| " + id(zone));
        }
        for (String record : of("azurerm_private_dns_a_record")) {      // the gateway's own names in its zones
            String zone = firstRef(resources.get(record).path("zone_name"));
            forEachRef(resources.get(record).path("records"), "azurerm_api_management", apim -> line("  " + id(apim) + " -.-|\"A record\"| " + id(zone)));
        }
        List<String> loggers = new ArrayList<>(of("azurerm_api_management_logger"));
        of("azapi_resource").stream().filter(r -> resources.get(r).path("type").asText().startsWith("Microsoft.ApiManagement/service/loggers@"))
                .forEach(loggers::add);
        for (String logger : loggers) {
            JsonNode parent = resources.get(logger).has("parent_id") ? resources.get(logger).path("parent_id") : resources.get(logger).path("api_management_name");
            String apim = firstRef(parent);
            for (String t : List.of("azurerm_application_insights", "azurerm_eventhub_namespace"))
                forEachRef(resources.get(logger), t, target -> line("  " + id(apim) + " -.->|\"" + esc(name(logger)) + " logger\"| " + id(target)));
        }
        for (String credential : of("azurerm_federated_identity_credential")) {
            String identity = firstRef(resources.get(credential).path("parent_id"));
            String subject = resources.get(credential).path("subject").asText();
            line("  github -->|\"" + esc(subject.substring(subject.indexOf(':', subject.indexOf(':') + 1) + 1)) + "\"| " + id(identity));
        }
    }

    // ---- nodes and labels -------------------------------------------------------------------------------------

    private void node(String address, String indent) {
        if (!drawn.add(address)) return;
        line(indent + id(address) + "[\"" + esc(label(address)) + "\"]");
    }

    private String label(String address) {
        JsonNode r = resources.get(address);
        String type = type(address);
        String name = name(address);
        return switch (type) {
            case "azurerm_api_management" -> "gateway " + name + "<br/>" + r.path("sku_name").asText()
                    + (r.has("virtual_network_type") ? ", " + r.path("virtual_network_type").asText() + " VNet" : "");
            case "azurerm_api_management_backend" -> "backend " + name;
            case "azurerm_private_endpoint" -> "private endpoint " + name;
            case "azurerm_private_dns_zone" -> name;
            case "azurerm_cognitive_account" -> "Azure OpenAI " + name + "<br/>" + deploymentsOf(address) + publicAccess(r);
            case "azurerm_monitor_private_link_scope" -> "Monitor private link scope " + name;
            case "azuread_application" -> (r.has("api") ? "API app " : "client app ") + r.path("display_name").asText();
            case "azapi_resource" -> "pool " + name;
            default -> REGIONAL.getOrDefault(type, type) + " " + name + publicAccess(r);
        };
    }

    private static String publicAccess(JsonNode r) {
        if (r.path("public_network_access_enabled").isBoolean() && !r.path("public_network_access_enabled").asBoolean()) return "<br/>public access off";
        if (r.path("internet_ingestion_enabled").isBoolean() && !r.path("internet_ingestion_enabled").asBoolean()) return "<br/>private ingestion";
        return "";
    }

    private String deploymentsOf(String account) {
        List<String> names = new ArrayList<>();
        for (String d : of("azurerm_cognitive_deployment"))
            if (account.equals(firstRef(resources.get(d).path("cognitive_account_id")))) names.add(name(d));
        return names.isEmpty() ? "no deployments" : "deployments: " + String.join(", ", names);
    }

    private String vnetLabel(String vnet) {
        if (vnet.startsWith("/")) return "existing VNet " + esc(vnet.substring(vnet.lastIndexOf('/') + 1));
        JsonNode r = resources.get(vnet);
        return "VNet " + esc(name(vnet)) + " " + esc(join(r.path("address_space"))) + ", " + esc(r.path("location").asText());
    }

    private String subnetLabel(String subnet) {
        if (subnet.startsWith("/")) {
            Matcher m = EXISTING_SUBNET.matcher(subnet);
            return "existing subnet " + esc(m.matches() ? m.group(2) : subnet);
        }
        return "subnet " + esc(name(subnet)) + " " + esc(join(resources.get(subnet).path("address_prefixes")));
    }

    // ---- references -------------------------------------------------------------------------------------------

    private List<String> pools() {
        return of("azapi_resource").stream()
                .filter(a -> resources.get(a).path("type").asText().startsWith(POOL_TYPE)
                        && resources.get(a).path("body").path("properties").path("type").asText().equals("Pool"))
                .toList();
    }

    /** Subnets a resource sits in: referenced azurerm_subnet resources or existing subnet ids. */
    private Set<String> subnetsOf(JsonNode body) {
        Set<String> subnets = new LinkedHashSet<>();
        forEachRef(body, "azurerm_subnet", subnets::add);
        strings(body, s -> { if (s.startsWith("/") && EXISTING_SUBNET.matcher(s).matches()) subnets.add(s); });
        return subnets;
    }

    private String vnetOf(String subnet) {
        if (subnet.startsWith("/")) return subnet.substring(0, subnet.indexOf("/subnets/"));
        String vnet = firstRef(resources.get(subnet).path("virtual_network_name"));
        return vnet != null ? vnet : "vnet_unknown";
    }

    private List<String> zonesOf(String pe) {
        List<String> zones = new ArrayList<>();
        for (JsonNode z : resources.get(pe).path("private_dns_zone_group").path("private_dns_zone_ids")) {
            String ref = firstRef(z);
            zones.add(ref != null ? ref : z.asText());
        }
        return zones;
    }

    /** The endpoint whose connection names an existing account by id, or null. */
    private String privateEndpointOfExternal(String accountName) {
        for (String pe : of("azurerm_private_endpoint")) {
            Matcher m = EXTERNAL_ACCOUNT_ID.matcher(resources.get(pe).path("private_service_connection").path("private_connection_resource_id").asText());
            if (m.matches() && m.group(1).equals(accountName)) return pe;
        }
        return null;
    }

    private String privateEndpointOf(String target) {
        for (String pe : of("azurerm_private_endpoint"))
            if (target.equals(firstRef(resources.get(pe).path("private_service_connection")))) return pe;
        return null;
    }

    private static void forEachRef(JsonNode node, String type, Consumer<String> action) {
        Set<String> seen = new LinkedHashSet<>();
        String reference = "${" + type + ".";
        strings(node, s -> {
            if (!s.contains(reference)) return;   // skips the regex on the long strings (policies, queries) that name none
            Matcher m = REF.matcher(s);
            while (m.find()) if (m.group(1).equals(type)) seen.add(m.group(1) + "." + m.group(2));
        });
        seen.forEach(action);
    }

    private static String firstRef(JsonNode node) {
        List<String> refs = new ArrayList<>();
        strings(node, s -> {
            if (!s.contains("${")) return;
            Matcher m = REF.matcher(s);
            if (m.find()) refs.add(m.group(1) + "." + m.group(2));
        });
        return refs.isEmpty() ? null : refs.get(0);
    }

    private static void strings(JsonNode node, Consumer<String> action) {
        if (node.isTextual()) action.accept(node.asText());
        else if (node.isContainerNode()) {
            if (node.isObject()) node.fields().forEachRemaining(e -> { if (!e.getKey().equals("//")) strings(e.getValue(), action); });
            else node.forEach(n -> strings(n, action));
        }
    }

    // ---- small helpers ----------------------------------------------------------------------------------------

    private List<String> of(String type) {
        return resources.keySet().stream().filter(a -> type(a).equals(type)).toList();
    }

    private String name(String address) {
        JsonNode r = resources.get(address);
        return r == null ? address : r.path("name").asText(address);
    }

    private static String type(String address) { return address.substring(0, address.indexOf('.')); }

    private static String join(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return String.join(", ", values);
    }

    /** A Mermaid node id: letters, digits and underscores only. */
    private static String id(String key) {
        if (!key.startsWith("/")) return "n_" + key.replaceAll("[^A-Za-z0-9_]", "_");
        // an existing resource id: its name plus a hash of the whole id, to stay short and unique
        return "x_" + key.substring(key.lastIndexOf('/') + 1).replaceAll("[^A-Za-z0-9_]", "_") + "_" + Integer.toHexString(key.hashCode());
    }

    /** Text inside a quoted Mermaid label: double quotes are entities; <br/> stays a line break. */
    private static String esc(String text) { return text.replace("\"", "#quot;"); }

    private void line(String text) { out.append(text).append('\n'); }
}
