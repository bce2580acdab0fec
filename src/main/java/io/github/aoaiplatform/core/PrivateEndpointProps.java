package io.github.aoaiplatform.core;

import com.hashicorp.cdktf.ITerraformDependable;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The inputs of a {@link PrivateEndpoint}. Resource constructs do not build these themselves: they take
 * {@link PrivateEndpointOptions} and render them with {@link ResourceInterfaces#privateEndpoints}.
 *
 * @param name              the endpoint's name: 2-80 letters, digits, {@code _ . -}; its NIC is {@code <name>-nic}.
 *                          Required.
 * @param resourceGroupName the endpoint's resource group (a reference when the group is created in the same stack).
 *                          Required.
 * @param subnet            the subnet the endpoint goes into. Required.
 * @param location          the endpoint's region; Defaults to: the subnet's region.
 * @param targetResourceId  the resource the endpoint connects to. Required.
 * @param subresource       the private link group id, e.g. {@code account} (Azure OpenAI) or {@code Gateway} (API
 *                          Management v2). Required.
 * @param dnsZones          private DNS zones of the endpoint's zone group; Defaults to: none (no zone group: DNS is
 *                          managed elsewhere, e.g. by the hub's policy).
 * @param staticIp          a static private IPv4 address in the subnet; Defaults to: dynamic.
 * @param tags              tags of the endpoint; Defaults to: none.
 * @param dependsOn         what must exist before the endpoint (e.g. what its DNS records need); Defaults to: nothing.
 * @param approvalRequest   ask the target's owner to approve the connection, with this message (1-140 characters): for a
 *                          resource in a subscription or Entra tenant this deployment has no rights in; Defaults to: none
 *                          (approved automatically, which needs rights on the target).
 */
public record PrivateEndpointProps(String name, String resourceGroupName, ISubnet subnet, String location,
                                   String targetResourceId, String subresource, List<IPrivateDnsZone> dnsZones,
                                   String staticIp, Map<String, String> tags, List<ITerraformDependable> dependsOn,
                                   String approvalRequest) {
    /** The longest approval request message Azure accepts. */
    public static final int MAX_APPROVAL_REQUEST = 140;
    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]{0,78}[a-zA-Z0-9_]");

    /**
     * Validates, fills defaults and copies.
     *
     * @param name              see {@link #name()}
     * @param resourceGroupName see {@link #resourceGroupName()}
     * @param subnet            see {@link #subnet()}
     * @param location          see {@link #location()}
     * @param targetResourceId  see {@link #targetResourceId()}
     * @param subresource       see {@link #subresource()}
     * @param dnsZones          see {@link #dnsZones()}
     * @param staticIp          see {@link #staticIp()}
     * @param tags              see {@link #tags()}
     * @param dependsOn         see {@link #dependsOn()}
     * @param approvalRequest   see {@link #approvalRequest()}
     */
    public PrivateEndpointProps {
        dnsZones = dnsZones == null ? List.of() : List.copyOf(dnsZones);
        tags = tags == null ? Map.of() : Collections.unmodifiableMap(new java.util.LinkedHashMap<>(tags));
        dependsOn = dependsOn == null ? List.of() : List.copyOf(dependsOn);
        PropsCheck check = PropsCheck.of("PrivateEndpointProps");
        if (check.require("name", name)) check.matches("name", name, NAME, "2-80 letters, digits, _ . -, starting with a letter or digit");
        check.require("resourceGroupName", resourceGroupName);
        if (check.require("subnet", subnet) && location == null) location = subnet.location();
        check.region("location", location);
        check.require("targetResourceId", targetResourceId);
        check.require("subresource", subresource);
        check.matches("staticIp", staticIp, PrivateEndpointOptions.IPV4, "an IPv4 address in the subnet, e.g. 10.10.1.10");
        check.check(approvalRequest == null || (!approvalRequest.isBlank() && approvalRequest.length() <= MAX_APPROVAL_REQUEST),
                "approvalRequest", "must be 1-" + MAX_APPROVAL_REQUEST + " characters; leave it unset for automatic approval");
        check.throwIfAny();
    }

    /** @return a builder for {@link PrivateEndpointProps}; required fields are checked by {@link Builder#build()} */
    public static Builder builder() { return new Builder(); }

    /** Builds {@link PrivateEndpointProps}: one setter per component, defaults and validation in the record. */
    public static final class Builder {
        private String name;
        private String resourceGroupName;
        private ISubnet subnet;
        private String location;
        private String targetResourceId;
        private String subresource;
        private List<IPrivateDnsZone> dnsZones;
        private String staticIp;
        private String approvalRequest;
        private Map<String, String> tags;
        private List<ITerraformDependable> dependsOn;

        private Builder() {}

        /**
         * Sets {@link PrivateEndpointProps#name()}.
         *
         * @param name the value
         * @return this builder
         */
        public Builder name(String name) { this.name = name; return this; }

        /**
         * Sets {@link PrivateEndpointProps#resourceGroupName()}.
         *
         * @param resourceGroupName the value
         * @return this builder
         */
        public Builder resourceGroupName(String resourceGroupName) { this.resourceGroupName = resourceGroupName; return this; }

        /**
         * Sets {@link PrivateEndpointProps#subnet()}.
         *
         * @param subnet the value
         * @return this builder
         */
        public Builder subnet(ISubnet subnet) { this.subnet = subnet; return this; }

        /**
         * Sets {@link PrivateEndpointProps#location()}.
         *
         * @param location the value
         * @return this builder
         */
        public Builder location(String location) { this.location = location; return this; }

        /**
         * Sets {@link PrivateEndpointProps#targetResourceId()}.
         *
         * @param targetResourceId the value
         * @return this builder
         */
        public Builder targetResourceId(String targetResourceId) { this.targetResourceId = targetResourceId; return this; }

        /**
         * Sets {@link PrivateEndpointProps#subresource()}.
         *
         * @param subresource the value
         * @return this builder
         */
        public Builder subresource(String subresource) { this.subresource = subresource; return this; }

        /**
         * Sets {@link PrivateEndpointProps#dnsZones()}.
         *
         * @param dnsZones the value
         * @return this builder
         */
        public Builder dnsZones(List<IPrivateDnsZone> dnsZones) { this.dnsZones = dnsZones; return this; }

        /**
         * Sets {@link PrivateEndpointProps#staticIp()}.
         *
         * @param staticIp the value
         * @return this builder
         */
        public Builder staticIp(String staticIp) { this.staticIp = staticIp; return this; }

        /**
         * Sets {@link PrivateEndpointProps#tags()}.
         *
         * @param tags the value
         * @return this builder
         */
        public Builder tags(Map<String, String> tags) { this.tags = tags; return this; }

        /**
         * Sets {@link PrivateEndpointProps#dependsOn()}.
         *
         * @param dependsOn the value
         * @return this builder
         */
        public Builder dependsOn(List<? extends ITerraformDependable> dependsOn) {
            this.dependsOn = dependsOn == null ? null : List.copyOf(dependsOn);
            return this;
        }

        /**
         * Sets {@link PrivateEndpointProps#approvalRequest()}.
         *
         * @param approvalRequest the value
         * @return this builder
         */
        public Builder approvalRequest(String approvalRequest) { this.approvalRequest = approvalRequest; return this; }

        /**
         * @return the validated, immutable props
         * @throws io.github.aoaiplatform.core.InvalidPropsException naming every invalid field
         */
        public PrivateEndpointProps build() { return new PrivateEndpointProps(name, resourceGroupName, subnet, location, targetResourceId, subresource, dnsZones, staticIp, tags, dependsOn, approvalRequest); }
    }
}
