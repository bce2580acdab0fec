package io.github.aoaiplatform.testing;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * The Terraform schema of a provider, read from the jsii assembly that its cdktf binding jar carries
 * ({@code <package>.jsii.tgz}): every resource and data source, every attribute and nested block at every
 * depth, and which are required. This stands in for {@code terraform validate}, which cannot run here.
 */
public final class ProviderSchema {
    /** A block: its attributes (by Terraform name) and the provider it belongs to. */
    public record Block(String fqn, Map<String, Attribute> attributes) {}

    /** An attribute or nested block; {@code block} is set for nested blocks. */
    public record Attribute(String name, boolean required, Block block) {}

    private static final Pattern ANCHOR = Pattern.compile("\\{@link https://registry\\.terraform\\.io/providers/[^ ]+#([a-z0-9_]+) ");
    private static final Pattern REPRESENTS = Pattern.compile(
            "Represents a \\{@link https://registry\\.terraform\\.io/providers/hashicorp/[a-z]+/[^/]+/docs(?:/(resources|data-sources)/[a-z0-9_]+)? ([a-z0-9_]+)\\}");
    private static final Map<String, ProviderSchema> CACHE = new HashMap<>();

    private final String provider;
    private final Map<String, Block> resources = new LinkedHashMap<>();
    private final Map<String, Block> dataSources = new LinkedHashMap<>();
    private Block providerBlock;
    private final Map<String, JsonNode> types;
    private final Map<String, Block> blocks = new HashMap<>();

    /** Loads (once) the schema of {@code azurerm} or {@code azuread} from the binding jar on the classpath. */
    public static synchronized ProviderSchema of(String provider) {
        return CACHE.computeIfAbsent(provider, ProviderSchema::load);
    }

    private static ProviderSchema load(String provider) {
        String artifact = "cdktf-provider-" + provider;
        Properties pom = new Properties();
        try (InputStream in = classpathResource("META-INF/maven/com.hashicorp/" + artifact + "/pom.properties")) {
            pom.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String tgz = "com/hashicorp/cdktf/providers/" + provider + "/provider-" + provider + "@" + pom.getProperty("version") + ".jsii.tgz";
        try (InputStream in = new GZIPInputStream(classpathResource(tgz), 1 << 16)) {
            byte[] jsii = tarEntry(in, "package/.jsii");
            return new ProviderSchema(provider, Synth.MAPPER.readTree(new String(jsii, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream classpathResource(String name) {
        InputStream in = ProviderSchema.class.getClassLoader().getResourceAsStream(name);
        if (in == null) throw new IllegalStateException("not on the classpath: " + name + " (are the cdktf provider bindings installed?)");
        return in;
    }

    /** Reads one entry out of a (ustar) tar stream. */
    static byte[] tarEntry(InputStream in, String wanted) throws IOException {
        byte[] header = new byte[512];
        while (in.readNBytes(header, 0, 512) == 512) {
            String name = cString(header, 0, 100);
            if (name.isEmpty()) break;
            String prefix = cString(header, 345, 155);
            if (!prefix.isEmpty()) name = prefix + "/" + name;
            long size = Long.parseLong(cString(header, 124, 12).trim(), 8);
            long padded = (size + 511) / 512 * 512;
            if (name.equals(wanted)) {
                ByteArrayOutputStream out = new ByteArrayOutputStream((int) size);
                out.write(in.readNBytes((int) size));
                return out.toByteArray();
            }
            in.skipNBytes(padded);
            continue;
        }
        throw new IOException("no " + wanted + " in the assembly tarball");
    }

    private static String cString(byte[] b, int off, int len) {
        int end = off;
        while (end < off + len && b[end] != 0) end++;
        return new String(b, off, end - off, StandardCharsets.US_ASCII);
    }

    private ProviderSchema(String provider, JsonNode assembly) {
        this.provider = provider;
        this.types = new HashMap<>();
        assembly.path("types").fields().forEachRemaining(e -> types.put(e.getKey(), e.getValue()));
        for (JsonNode type : types.values()) {
            if (!"class".equals(type.path("kind").asText())) continue;
            Matcher m = REPRESENTS.matcher(type.path("docs").path("summary").asText());
            if (!m.find()) continue;
            JsonNode params = type.path("initializer").path("parameters");
            if (params.size() < 3) continue;
            String configFqn = params.get(params.size() - 1).path("type").path("fqn").asText();
            Block block = block(configFqn);
            if (m.group(1) == null) providerBlock = block;
            else if (m.group(1).equals("resources")) resources.put(m.group(2), block);
            else dataSources.put(m.group(2), block);
        }
        types.clear();
    }

    private Block block(String fqn) {
        Block existing = blocks.get(fqn);
        if (existing != null) return existing;
        Map<String, Attribute> attributes = new LinkedHashMap<>();
        Block block = new Block(fqn, attributes);
        blocks.put(fqn, block);
        JsonNode type = types.get(fqn);
        if (type == null) return block;
        for (JsonNode p : type.path("properties")) {
            Matcher m = ANCHOR.matcher(p.path("docs").path("summary").asText());
            String name = m.find() ? m.group(1) : snake(p.path("name").asText());
            String nested = structFqn(p.path("type"));
            attributes.put(name, new Attribute(name, !p.path("optional").asBoolean(false), nested == null ? null : block(nested)));
        }
        return block;
    }

    /** The struct fqn a property type refers to (directly, as a list element, or in a union), or null. */
    private String structFqn(JsonNode t) {
        if (t.has("fqn")) {
            JsonNode target = types.get(t.get("fqn").asText());
            return target != null && target.path("datatype").asBoolean(false) ? t.get("fqn").asText() : null;
        }
        if (t.has("collection") && "array".equals(t.path("collection").path("kind").asText()))
            return structFqn(t.path("collection").path("elementtype"));
        if (t.has("union")) {
            for (JsonNode u : t.path("union").path("types")) {
                String s = structFqn(u);
                if (s != null) return s;
            }
        }
        return null;
    }

    private static String snake(String camel) { return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(); }

    public String provider() { return provider; }
    public Block resource(String type) { return resources.get(type); }
    public Block dataSource(String type) { return dataSources.get(type); }
    public Block providerBlock() { return providerBlock; }
    public int resourceCount() { return resources.size(); }
}
