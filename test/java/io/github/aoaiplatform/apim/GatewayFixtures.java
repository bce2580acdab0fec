package io.github.aoaiplatform.apim;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.aoaiplatform.app.ConfigLoader;
import io.github.aoaiplatform.app.EnvironmentConfig;
import io.github.aoaiplatform.testing.Synth;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/** Test fixtures: environment configs expressed as stack-file JSON, and DOM helpers for the policy XML. */
final class GatewayFixtures {
    private GatewayFixtures() {}

    static final String TENANT = "11111111-2222-3333-4444-555555555555";
    static final String APP = "66666666-7777-8888-9999-000000000000";

    /** A valid stack file: {@code regions} and {@code deployments}/{@code gateway} JSON fragments spliced in. */
    static String json(String regions, String deployments, String gateway) {
        return """
            {
              "environmentName": "dev",
              "location": "japaneast",
              "tenantId": "%s",
              "network": { "addressSpace": "10.0.0.0/22", "subnets": { "gateway": "10.0.0.0/27", "privateEndpoints": "10.0.1.0/28" } },
              "openAi": { "regions": %s, "deployments": %s },
              "gateway": %s,
              "identity": { "audienceAppId": "%s" }
            }""".formatted(TENANT, regions, deployments, gateway, APP);
    }

    static final String IDS = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/";
    static final String GUID = "0a0b0c0d-0000-4000-8000-000000000001";

    /** The child {@code id} of {@code s}, created by {@code create} the first time, so fixtures can be asked for twice. */
    @SuppressWarnings("unchecked")
    static <T> T once(software.constructs.Construct s, String id, java.util.function.Supplier<T> create) {
        var existing = s.getNode().tryFindChild(id);
        return existing != null ? (T) existing : create.get();
    }

    static io.github.aoaiplatform.core.IResourceGroup resourceGroup(software.constructs.Construct s) {
        return once(s, "Rg", () -> io.github.aoaiplatform.core.ResourceGroup.fromName(s, "Rg", "rg", "japaneast"));
    }

    static io.github.aoaiplatform.core.ISubnet subnet(software.constructs.Construct s, String name) {
        return once(s, "Subnet-" + name, () -> io.github.aoaiplatform.network.Subnet.fromResourceId(s, "Subnet-" + name,
                IDS + "Microsoft.Network/virtualNetworks/vnet/subnets/" + name, "japaneast"));
    }

    static io.github.aoaiplatform.core.IUserAssignedIdentity identity(software.constructs.Construct s) {
        return once(s, "Identity", () -> io.github.aoaiplatform.identity.UserAssignedIdentity.fromAttributes(s, "Identity",
                IDS + "Microsoft.ManagedIdentity/userAssignedIdentities/id-apim", GUID, GUID));
    }

    static io.github.aoaiplatform.openai.IOpenAiAccount account(software.constructs.Construct s, String name, String location, String... deployments) {
        return io.github.aoaiplatform.openai.OpenAiAccount.fromResourceId(s, "Account-" + name,
                IDS + "Microsoft.CognitiveServices/accounts/" + name, location, List.of(deployments));
    }

    /** A valid StandardV2 (two units) or classic API Management, with everything imported. */
    static ApiGatewayProps.Builder apimProps(software.constructs.Construct s, String sku) {
        boolean v2 = sku.endsWith("V2");
        return ApiGatewayProps.builder().name("apim-test-x").resourceGroup(resourceGroup(s)).sku(sku).units(v2 ? 2 : 1)
                .publisherName("P").publisherEmail("p@example.com").gatewaySubnet(subnet(s, "gateway"))
                .privateEndpoints(v2 ? List.of(io.github.aoaiplatform.core.PrivateEndpointOptions.in(subnet(s, "pe"), List.of())) : List.of())
                .identity(identity(s))
                .diagnostics(io.github.aoaiplatform.core.DiagnosticSettings.toWorkspace(once(s, "Logs", () -> io.github.aoaiplatform.monitoring.LogAnalytics
                        .fromResourceId(s, "Logs", IDS + "Microsoft.OperationalInsights/workspaces/law"))));
    }

    /** API props with the policy settings filled in. */
    static OpenAiApiProps.Builder apiProps(IApiManagement apim, software.constructs.Construct s, OpenAiBackend... backends) {
        return OpenAiApiProps.builder().apiManagement(apim).backends(List.of(backends)).tenantId(TENANT).audienceAppId(APP)
                .tokensPerMinutePerUser(1000).azapi(once(s, "Azapi", () -> new io.github.aoaiplatform.azapi.AzapiProvider(s, "Azapi")));
    }

    static final String GPT4O = "{\"name\": \"gpt-4o\", \"model\": \"gpt-4o\", \"version\": \"2024-11-20\"}";
    static final String EMBEDDING_PRIMARY_ONLY = "{\"name\": \"text-embedding-3-small\", \"model\": \"text-embedding-3-small\", \"version\": \"1\", \"sku\": \"Standard\", \"regions\": [\"japaneast\"]}";

    static EnvironmentConfig config(String json) { return ConfigLoader.parse(json, "test", "dev"); }

    static JsonNode synth(String json) { return Synth.platform(config(json)); }

    /** The XML of the single API policy in a synthesized stack. */
    static String policyXml(JsonNode tf) {
        return Synth.single(tf, "azurerm_api_management_api_policy").path("xml_content").asText();
    }

    static Document parse(String xml) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return f.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
        } catch (Exception e) {
            throw new AssertionError("policy XML is not well-formed: " + e.getMessage() + "\n" + xml, e);
        }
    }

    /** Child elements of the named section ({@code inbound}, {@code backend}...). */
    static List<Element> section(Document doc, String name) {
        return children((Element) doc.getDocumentElement().getElementsByTagName(name).item(0));
    }

    static List<Element> children(Element parent) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling())
            if (n instanceof Element e) out.add(e);
        return out;
    }

    static List<String> names(List<Element> elements) { return elements.stream().map(Element::getTagName).toList(); }

    /** Every element with this tag anywhere in the document. */
    static List<Element> all(Document doc, String tag) {
        List<Element> out = new ArrayList<>();
        var list = doc.getElementsByTagName(tag);
        for (int i = 0; i < list.getLength(); i++) out.add((Element) list.item(i));
        return out;
    }

    /** Every element with this tag below {@code parent}. */
    static List<Element> all(Element parent, String tag) {
        List<Element> out = new ArrayList<>();
        var list = parent.getElementsByTagName(tag);
        for (int i = 0; i < list.getLength(); i++) out.add((Element) list.item(i));
        return out;
    }
}
