package io.github.aoaiplatform.apim;

import io.github.aoaiplatform.core.RoleAssignmentOptions;
import io.github.aoaiplatform.core.DiagnosticSettings;
import io.github.aoaiplatform.core.IPrivateDnsZone;
import io.github.aoaiplatform.core.IResourceGroup;
import io.github.aoaiplatform.core.ISubnet;
import io.github.aoaiplatform.core.IUserAssignedIdentity;
import io.github.aoaiplatform.core.Lock;
import io.github.aoaiplatform.core.PrivateEndpointOptions;
import io.github.aoaiplatform.core.PropsCheck;
import io.github.aoaiplatform.network.GatewayNetworkMode;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The inputs of an {@link ApiGateway} (an API Management service).
 *
 * @param name                service name, also the {@code <name>.azure-api.net} host name: 1-50 letters, digits or
 *                            hyphens, starting with a letter and ending with a letter or digit. Required.
 * @param resourceGroup       the resource group. Required.
 * @param location            region; Defaults to: the resource group's.
 * @param sku                 tier: {@code Developer}, {@code Premium} (injected into the subnet in Internal mode),
 *                            {@code StandardV2} or {@code PremiumV2} (VNet integration plus a private endpoint); the
 *                            tiers that cannot be private are refused. Required.
 * @param units               scale units, 1-12 ({@code Developer} has exactly 1); Defaults to: 1.
 * @param publisherName       publisher (organisation) name shown in the developer portal and e-mails, at most 100
 *                            characters. Required.
 * @param publisherEmail      publisher e-mail, where Azure sends service notifications. Required.
 * @param gatewaySubnet       the subnet the service is injected into (classic tiers) or integrated with (v2 tiers).
 *                            Required.
 * @param privateEndpoints    inbound private endpoints (group {@code Gateway}); v2 tiers need at least one, classic
 *                            tiers (Internal mode) support none; Defaults to: none.
 * @param internalDnsZones    the {@code *.azure-api.net} private zones to write the gateway, portal, developer portal,
 *                            management and SCM A records in (Internal mode only); Defaults to: none (DNS is managed
 *                            elsewhere, e.g. the hub's zones).
 * @param identity            the user-assigned identity the service calls backends and Event Hubs as; its client id is
 *                            published as the named value {@code {{uami-client-id}}}. Required.
 * @param diagnostics         where the service's logs and metrics go; resource-specific tables are used whatever is
 *                            set here. Required (opt out with {@code DiagnosticSettings.disabled(reason)}).
 * @param publicNetworkAccess public network access; Azure refuses {@code false} while the service is created, so switch
 *                            it off on a later apply; Defaults to: true.
 * @param lock                a management lock on the service; Defaults to: none.
 * @param tags                tags of the service and its private endpoints and DNS records; Defaults to: none.
 * @param roleAssignments roles to assign on the resource, e.g. Reader for an operations group; Defaults to: none.
 */
public record ApiGatewayProps(String name, IResourceGroup resourceGroup, String location, String sku, Integer units,
                              String publisherName, String publisherEmail, ISubnet gatewaySubnet,
                              List<PrivateEndpointOptions> privateEndpoints, List<IPrivateDnsZone> internalDnsZones,
                              IUserAssignedIdentity identity, DiagnosticSettings diagnostics, Boolean publicNetworkAccess,
                              Lock lock, Map<String, String> tags,
                              List<RoleAssignmentOptions> roleAssignments) {
    /** The tiers that can be private, in the order of {@link #sku()}'s documentation. */
    public static final Set<String> SKUS = Set.of("Developer", "Premium", "StandardV2", "PremiumV2");
    /** The most scale units a service can have. */
    public static final int MAX_UNITS = 12;
    /** The longest publisher name Azure accepts. */
    public static final int MAX_PUBLISHER_NAME_LENGTH = 100;

    private static final Pattern NAME = Pattern.compile("[a-zA-Z](?:[a-zA-Z0-9-]{0,48}[a-zA-Z0-9])?");

    /**
     * Validates every field, fills defaults and copies collections; see the record's components.
     *
     * @param name see {@link #name()}
     * @param resourceGroup see {@link #resourceGroup()}
     * @param location see {@link #location()}
     * @param sku see {@link #sku()}
     * @param units see {@link #units()}
     * @param publisherName see {@link #publisherName()}
     * @param publisherEmail see {@link #publisherEmail()}
     * @param gatewaySubnet see {@link #gatewaySubnet()}
     * @param privateEndpoints see {@link #privateEndpoints()}
     * @param internalDnsZones see {@link #internalDnsZones()}
     * @param identity see {@link #identity()}
     * @param diagnostics see {@link #diagnostics()}
     * @param publicNetworkAccess see {@link #publicNetworkAccess()}
     * @param lock see {@link #lock()}
     * @param tags see {@link #tags()}
     * @param roleAssignments see {@link #roleAssignments()}
     */
    public ApiGatewayProps {
        PropsCheck check = PropsCheck.of("ApiGatewayProps");
        if (check.require("name", name))
            check.matches("name", name, NAME, "1-50 letters, digits or hyphens, starting with a letter and ending with a letter or digit");
        if (check.require("resourceGroup", resourceGroup) && location == null) location = resourceGroup.location();
        check.region("location", location);
        units = units == null ? 1 : units;
        if (check.require("sku", sku)) {
            check.check(SKUS.contains(sku), "sku", "'" + sku + "' cannot be private; use one of Developer, Premium, StandardV2, PremiumV2");
            check.check(!"Developer".equals(sku) || units == 1, "units", "the Developer tier has exactly 1 unit, got " + units);
        }
        check.between("units", units, 1, MAX_UNITS);
        if (check.require("publisherName", publisherName))
            check.check(publisherName.length() <= MAX_PUBLISHER_NAME_LENGTH, "publisherName",
                    "must be at most " + MAX_PUBLISHER_NAME_LENGTH + " characters, got " + publisherName.length());
        if (check.require("publisherEmail", publisherEmail)) check.email("publisherEmail", publisherEmail);
        check.require("gatewaySubnet", gatewaySubnet);
        privateEndpoints = privateEndpoints == null ? List.of() : List.copyOf(privateEndpoints);
        internalDnsZones = internalDnsZones == null ? List.of() : List.copyOf(internalDnsZones);
        if (sku != null && SKUS.contains(sku)) {
            if (isInternal(sku)) {
                check.check(privateEndpoints.isEmpty(), "privateEndpoints",
                        sku + " runs in Internal mode, which supports no private endpoint; remove them (clients reach its private IP)");
            } else {
                check.check(!privateEndpoints.isEmpty(), "privateEndpoints",
                        "is required for " + sku + ": inbound traffic arrives through a private endpoint; add one in the private-endpoint subnet");
                check.check(internalDnsZones.isEmpty(), "internalDnsZones",
                        "only Internal mode (Developer, Premium) writes A records; the private endpoint's zone group registers " + sku);
            }
        }
        check.require("identity", identity);
        check.require("diagnostics", diagnostics);
        publicNetworkAccess = publicNetworkAccess == null ? Boolean.TRUE : publicNetworkAccess;
        tags = tags == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(tags));
        roleAssignments = roleAssignments == null ? List.of() : List.copyOf(roleAssignments);
        check.throwIfAny();
    }

    /** @return how the service attaches to the VNet, by tier */
    public GatewayNetworkMode networkMode() {
        return isInternal(sku) ? GatewayNetworkMode.INTERNAL_INJECTION : GatewayNetworkMode.INTEGRATION;
    }

    private static boolean isInternal(String sku) { return sku.equals("Developer") || sku.equals("Premium"); }

    /** @return a builder for {@link ApiGatewayProps}; required fields are checked by {@link Builder#build()} */
    public static Builder builder() { return new Builder(); }

    /** Builds {@link ApiGatewayProps}: one setter per component, defaults and validation in the record. */
    public static final class Builder {
        private String name;
        private IResourceGroup resourceGroup;
        private String location;
        private String sku;
        private Integer units;
        private String publisherName;
        private String publisherEmail;
        private ISubnet gatewaySubnet;
        private List<PrivateEndpointOptions> privateEndpoints;
        private List<IPrivateDnsZone> internalDnsZones;
        private IUserAssignedIdentity identity;
        private DiagnosticSettings diagnostics;
        private Boolean publicNetworkAccess;
        private Lock lock;
        private Map<String, String> tags;
        private List<RoleAssignmentOptions> roleAssignments;

        private Builder() {}

        /**
         * Sets {@link ApiGatewayProps#name()}.
         *
         * @param name the value
         * @return this builder
         */
        public Builder name(String name) { this.name = name; return this; }

        /**
         * Sets {@link ApiGatewayProps#resourceGroup()}.
         *
         * @param resourceGroup the value
         * @return this builder
         */
        public Builder resourceGroup(IResourceGroup resourceGroup) { this.resourceGroup = resourceGroup; return this; }

        /**
         * Sets {@link ApiGatewayProps#location()}.
         *
         * @param location the value
         * @return this builder
         */
        public Builder location(String location) { this.location = location; return this; }

        /**
         * Sets {@link ApiGatewayProps#sku()}.
         *
         * @param sku the value
         * @return this builder
         */
        public Builder sku(String sku) { this.sku = sku; return this; }

        /**
         * Sets {@link ApiGatewayProps#units()}.
         *
         * @param units the value
         * @return this builder
         */
        public Builder units(Integer units) { this.units = units; return this; }

        /**
         * Sets {@link ApiGatewayProps#publisherName()}.
         *
         * @param publisherName the value
         * @return this builder
         */
        public Builder publisherName(String publisherName) { this.publisherName = publisherName; return this; }

        /**
         * Sets {@link ApiGatewayProps#publisherEmail()}.
         *
         * @param publisherEmail the value
         * @return this builder
         */
        public Builder publisherEmail(String publisherEmail) { this.publisherEmail = publisherEmail; return this; }

        /**
         * Sets {@link ApiGatewayProps#gatewaySubnet()}.
         *
         * @param gatewaySubnet the value
         * @return this builder
         */
        public Builder gatewaySubnet(ISubnet gatewaySubnet) { this.gatewaySubnet = gatewaySubnet; return this; }

        /**
         * Sets {@link ApiGatewayProps#privateEndpoints()}.
         *
         * @param privateEndpoints the value
         * @return this builder
         */
        public Builder privateEndpoints(List<PrivateEndpointOptions> privateEndpoints) { this.privateEndpoints = privateEndpoints; return this; }

        /**
         * Sets {@link ApiGatewayProps#internalDnsZones()}.
         *
         * @param internalDnsZones the value
         * @return this builder
         */
        public Builder internalDnsZones(List<IPrivateDnsZone> internalDnsZones) { this.internalDnsZones = internalDnsZones; return this; }

        /**
         * Sets {@link ApiGatewayProps#identity()}.
         *
         * @param identity the value
         * @return this builder
         */
        public Builder identity(IUserAssignedIdentity identity) { this.identity = identity; return this; }

        /**
         * Sets {@link ApiGatewayProps#diagnostics()}.
         *
         * @param diagnostics the value
         * @return this builder
         */
        public Builder diagnostics(DiagnosticSettings diagnostics) { this.diagnostics = diagnostics; return this; }

        /**
         * Sets {@link ApiGatewayProps#publicNetworkAccess()}.
         *
         * @param publicNetworkAccess the value
         * @return this builder
         */
        public Builder publicNetworkAccess(Boolean publicNetworkAccess) { this.publicNetworkAccess = publicNetworkAccess; return this; }

        /**
         * Sets {@link ApiGatewayProps#lock()}.
         *
         * @param lock the value
         * @return this builder
         */
        public Builder lock(Lock lock) { this.lock = lock; return this; }

        /**
         * Sets {@link ApiGatewayProps#tags()}.
         *
         * @param tags the value
         * @return this builder
         */
        public Builder tags(Map<String, String> tags) { this.tags = tags; return this; }

        /**
         * Sets {@link ApiGatewayProps#roleAssignments()}.
         *
         * @param roleAssignments the value
         * @return this builder
         */
        public Builder roleAssignments(List<RoleAssignmentOptions> roleAssignments) { this.roleAssignments = roleAssignments; return this; }

        /**
         * @return the validated, immutable props
         * @throws io.github.aoaiplatform.core.InvalidPropsException naming every invalid field
         */
        public ApiGatewayProps build() { return new ApiGatewayProps(name, resourceGroup, location, sku, units, publisherName, publisherEmail, gatewaySubnet, privateEndpoints, internalDnsZones, identity, diagnostics, publicNetworkAccess, lock, tags, roleAssignments); }
    }
}
