package io.github.aoaiplatform.app;

import io.github.aoaiplatform.core.ResourceGroupProps;
import io.github.aoaiplatform.dns.PrivateDnsZone;
import io.github.aoaiplatform.network.Subnet;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The one-time remote state bootstrap, {@code stacks/bootstrap/state.json}: the storage account that holds every
 * environment's Terraform state and the GitHub OIDC identities of the workflows. It lives in a sub-folder, so it is
 * never taken for an environment; the environments it serves are the stack files beside it.
 *
 * @param description        free text (e.g. which ids are placeholders).
 * @param tenantId           Entra ID tenant of the identities. Required.
 * @param subscriptionId     subscription of the state account; also the deploy scope of environments without their own. Required.
 * @param location           region of the account and identities. Required.
 * @param resourceGroupName  resource group created for the state; Defaults to: {@code rg-tfstate-shared}.
 * @param storageAccountName state account (3-24 lower-case letters/digits, globally unique). Required.
 * @param containerName      blob container; Defaults to: {@code tfstate}.
 * @param replication        {@code LRS}, {@code ZRS}, {@code GRS} or {@code GZRS}; Defaults to: {@code ZRS}.
 * @param softDeleteDays     days deleted blobs, versions and containers stay recoverable (1-365); Defaults to: 30.
 * @param backend            where this stack's own state lives: {@code local} for the first apply, then {@code azurerm}
 *                           to move it into the account it created (key {@value #STATE_KEY}); Defaults to: {@code local}.
 * @param privateEndpoint    where the account's only network path lives. Required.
 * @param github             the repository whose workflows may log in. Required.
 * @param tags               extra tags.
 */
public record StateConfig(String description, String tenantId, String subscriptionId, String location,
                          String resourceGroupName, String storageAccountName, String containerName, String replication,
                          Integer softDeleteDays, String backend, PrivateEndpointConfig privateEndpoint, GitHubConfig github,
                          Map<String, String> tags) {
    /** The file, relative to the stacks folder. */
    public static final String FILE = "bootstrap/state.json";
    /** The stack name in {@code cdktf.out/stacks/}. */
    public static final String STACK_NAME = "state";
    /** The blob of this stack's own state once it lives in the account ({@code backend: azurerm}). */
    public static final String STATE_KEY = "aoai-platform/state.tfstate";

    /**
     * Fills defaults; see the record's components.
     *
     * @param description see {@link #description()}
     * @param tenantId see {@link #tenantId()}
     * @param subscriptionId see {@link #subscriptionId()}
     * @param location see {@link #location()}
     * @param resourceGroupName see {@link #resourceGroupName()}
     * @param storageAccountName see {@link #storageAccountName()}
     * @param containerName see {@link #containerName()}
     * @param replication see {@link #replication()}
     * @param softDeleteDays see {@link #softDeleteDays()}
     * @param backend see {@link #backend()}
     * @param privateEndpoint see {@link #privateEndpoint()}
     * @param github see {@link #github()}
     * @param tags see {@link #tags()}
     */
    public StateConfig {
        resourceGroupName = Objects.requireNonNullElse(resourceGroupName, "rg-tfstate-shared");
        containerName = Objects.requireNonNullElse(containerName, "tfstate");
        replication = Objects.requireNonNullElse(replication, "ZRS");
        softDeleteDays = Objects.requireNonNullElse(softDeleteDays, 30);
        backend = Objects.requireNonNullElse(backend, "local");
        tags = Map.copyOf(Objects.requireNonNullElse(tags, Map.of()));
    }

    /**
     * @param subnetId       subnet of the account's blob private endpoint: one the workflow runners can reach. Required.
     * @param blobDnsZoneId  the {@code privatelink.blob.core.windows.net} zone those runners resolve with. Required.
     */
    public record PrivateEndpointConfig(String subnetId, String blobDnsZoneId) {}

    /** @param repository {@code owner/name} of the GitHub repository that runs the workflows. Required. */
    public record GitHubConfig(String repository) {}

    private static final Pattern CONTAINER = Pattern.compile("[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9])){2,62}");
    private static final Pattern REPOSITORY = Pattern.compile("[A-Za-z0-9-]{1,39}/[A-Za-z0-9._-]{1,100}");
    private static final java.util.Set<String> REPLICATIONS = java.util.Set.of("LRS", "ZRS", "GRS", "GZRS");

    /**
     * Loads and validates the bootstrap file against the environments it serves: an environment whose backend is
     * azurerm must keep its state in this account and container. Every problem is reported at once.
     *
     * @param file         the bootstrap file
     * @param environments the environments it serves, by name
     * @return the bootstrap config
     * @throws ConfigException naming every problem
     */
    public static StateConfig load(Path file, Map<String, EnvironmentConfig> environments) {
        Problems p = new Problems();
        StateConfig config = parse(file, p);
        if (config != null) config.validate(environments, p);
        p.throwIfAny(file.toString());
        return config;
    }

    private static StateConfig parse(Path file, Problems p) {
        try {
            JsonNode tree = ConfigLoader.MAPPER.readTree(Files.readString(file));
            ShapeChecker.check(tree, StateConfig.class, "", p);
            return p.isEmpty() ? ConfigLoader.MAPPER.treeToValue(tree, StateConfig.class) : null;
        } catch (JsonProcessingException e) {
            p.add("(file)", "not valid JSON: " + e.getOriginalMessage());
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private void validate(Map<String, EnvironmentConfig> environments, Problems p) {
        ConfigValidator.rule(p, "", check -> {
            if (check.require("tenantId", tenantId)) check.guid("tenantId", tenantId);
            if (check.require("subscriptionId", subscriptionId)) check.guid("subscriptionId", subscriptionId);
            if (check.require("storageAccountName", storageAccountName))
                check.matches("storageAccountName", storageAccountName, ConfigValidator.STORAGE_ACCOUNT, "3-24 lower-case letters/digits");
            if (privateEndpoint != null) {
                if (check.require("privateEndpoint.subnetId", privateEndpoint.subnetId()))
                    check.resourceId("privateEndpoint.subnetId", privateEndpoint.subnetId(), Subnet.RESOURCE_TYPE);
                if (check.require("privateEndpoint.blobDnsZoneId", privateEndpoint.blobDnsZoneId()))
                    check.resourceId("privateEndpoint.blobDnsZoneId", privateEndpoint.blobDnsZoneId(), PrivateDnsZone.RESOURCE_TYPE);
            }
        });
        ConfigValidator.props(p, "", Map.of("name", "resourceGroupName", "location", "location"),
                () -> new ResourceGroupProps(resourceGroupName, location, null));
        if (!CONTAINER.matcher(containerName).matches())
            p.add("containerName", "'" + containerName + "' must be 3-63 lower-case letters, digits and single hyphens");
        if (!REPLICATIONS.contains(replication))
            p.add("replication", "'" + replication + "' is not one of LRS, ZRS, GRS, GZRS");
        if (!backend.equals("local") && !backend.equals("azurerm"))
            p.add("backend", "'" + backend + "' is not local or azurerm (azurerm: after the first apply, to keep this state in the account)");
        if (softDeleteDays < 1 || softDeleteDays > 365)
            p.add("softDeleteDays", "must be 1-365 days, got " + softDeleteDays);
        if (privateEndpoint == null) {
            p.add("privateEndpoint", "is required: give subnetId and blobDnsZoneId (the runners' subnet and privatelink.blob.core.windows.net zone)");
        }
        if (github == null || github.repository() == null)
            p.add("github.repository", "is required: the owner/name of the repository whose workflows deploy, e.g. contoso/aoai-platform");
        else if (!REPOSITORY.matcher(github.repository()).matches())
            p.add("github.repository", "'" + github.repository() + "' is not owner/name, e.g. contoso/aoai-platform");
        environments.forEach((name, env) -> {
            if (name.equals(STACK_NAME))
                p.add("(environments)", "an environment is named '" + STACK_NAME + "', which is this bootstrap stack's name; rename stacks/" + STACK_NAME + ".json");
            var b = env.backend();
            if (!b.type().equals("azurerm")) return;
            if (b.effectiveKey(env.environmentName()).equals(STATE_KEY))
                p.add("(environments)", "stacks/" + name + ".json: backend.key '" + STATE_KEY + "' is this bootstrap stack's own state; "
                        + "applying one would destroy the other's resources, so give the environment another backend.key");
            if (!Objects.equals(b.storageAccountName(), storageAccountName) || !Objects.equals(b.resourceGroupName(), resourceGroupName)
                    || !b.containerName().equals(containerName))
                p.add("storageAccountName", "stacks/" + name + ".json keeps its state in " + b.resourceGroupName() + "/" + b.storageAccountName()
                        + "/" + b.containerName() + ", not in this account " + resourceGroupName + "/" + storageAccountName + "/" + containerName
                        + "; make its backend and this file name the same account");
        });
    }

}
