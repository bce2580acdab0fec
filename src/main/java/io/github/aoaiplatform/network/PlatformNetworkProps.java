package io.github.aoaiplatform.network;

import io.github.aoaiplatform.core.Cidr;
import io.github.aoaiplatform.core.DiagnosticSettings;
import io.github.aoaiplatform.core.IResourceGroup;
import io.github.aoaiplatform.core.PropsCheck;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The inputs of a {@link PlatformNetwork}.
 *
 * @param name                 the virtual network's name: 2-64 letters, digits, {@code _ . -}. Required.
 * @param resourceGroup        the resource group of the network and its security groups. Required.
 * @param location             the region; Defaults to: the resource group's.
 * @param addressSpace         the virtual network's IPv4 CIDR, e.g. {@code 10.10.0.0/22}. Required.
 * @param subnets              a CIDR inside {@code addressSpace} per role, no two overlapping, each at least its role's
 *                             {@link SubnetRole#maxPrefix()}; {@code GATEWAY} and {@code PRIVATE_ENDPOINTS} are
 *                             required, {@code APP} and {@code AGENTS} optional. Required.
 * @param gatewayMode          how API Management attaches to the gateway subnet; Defaults to:
 *                             {@link GatewayNetworkMode#INTERNAL_INJECTION}.
 * @param ddosProtectionPlanId the resource id of a DDoS protection plan to enable on the network; Defaults to: none.
 * @param subnetNaming         names each subnet and its network security group; Defaults to:
 *                             {@link SubnetNaming#defaults(String)} of {@code name}.
 * @param diagnostics          where the network (logs and metrics) and its security groups (logs; they have no
 *                             metrics) send diagnostics, or {@link DiagnosticSettings#disabled(String)}. Required.
 * @param tags                 tags of the network and its security groups; Defaults to: none.
 */
public record PlatformNetworkProps(String name, IResourceGroup resourceGroup, String location, String addressSpace,
                                   Map<SubnetRole, String> subnets, GatewayNetworkMode gatewayMode,
                                   String ddosProtectionPlanId, SubnetNaming subnetNaming, DiagnosticSettings diagnostics,
                                   Map<String, String> tags) {
    /** The Azure resource type of a DDoS protection plan id. */
    public static final String DDOS_PROTECTION_PLAN_TYPE = "Microsoft.Network/ddosProtectionPlans";
    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]{0,62}[a-zA-Z0-9_]");
    /** The roles every platform network has. */
    static final List<SubnetRole> REQUIRED_ROLES = List.of(SubnetRole.GATEWAY, SubnetRole.PRIVATE_ENDPOINTS);

    /**
     * Validates, fills defaults and copies.
     *
     * @param name                 see {@link #name()}
     * @param resourceGroup        see {@link #resourceGroup()}
     * @param location             see {@link #location()}
     * @param addressSpace         see {@link #addressSpace()}
     * @param subnets              see {@link #subnets()}
     * @param gatewayMode          see {@link #gatewayMode()}
     * @param ddosProtectionPlanId see {@link #ddosProtectionPlanId()}
     * @param subnetNaming         see {@link #subnetNaming()}
     * @param diagnostics          see {@link #diagnostics()}
     * @param tags                 see {@link #tags()}
     */
    public PlatformNetworkProps {
        Map<SubnetRole, String> byRole = new EnumMap<>(SubnetRole.class);
        if (subnets != null) byRole.putAll(subnets);
        subnets = Collections.unmodifiableMap(byRole);
        tags = tags == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(tags));
        gatewayMode = gatewayMode == null ? GatewayNetworkMode.INTERNAL_INJECTION : gatewayMode;
        PropsCheck check = PropsCheck.of("PlatformNetworkProps");
        if (check.require("name", name)) {
            check.matches("name", name, NAME, "2-64 letters, digits, _ . -, starting with a letter or digit");
            if (subnetNaming == null) subnetNaming = SubnetNaming.defaults(name);
        }
        if (check.require("resourceGroup", resourceGroup) && location == null) location = resourceGroup.location();
        check.region("location", location);
        check.require("diagnostics", diagnostics);
        checkAddressing(check, addressSpace, subnets, ddosProtectionPlanId);
        check.throwIfAny();
    }

    /**
     * The addressing rules of {@link PlatformNetworkProps}, for callers that validate these fields alone (the stack-file
     * loader): {@code addressSpace} is a CIDR, the required roles have subnets, each subnet is a CIDR inside
     * {@code addressSpace}, large enough for its role and overlapping no other, and {@code ddosProtectionPlanId} is a
     * DDoS protection plan id. Unresolved tokens are skipped.
     *
     * @param check                where the problems go, with the fields' props names
     * @param addressSpace         see {@link #addressSpace()}
     * @param subnets              see {@link #subnets()}
     * @param ddosProtectionPlanId see {@link #ddosProtectionPlanId()}
     */
    public static void checkAddressing(PropsCheck check, String addressSpace, Map<SubnetRole, String> subnets,
                                       String ddosProtectionPlanId) {
        Cidr vnet = null;
        if (check.require("addressSpace", addressSpace) && !PropsCheck.isToken(addressSpace)) {
            try {
                vnet = Cidr.parse(addressSpace);
            } catch (IllegalArgumentException e) {
                check.add("addressSpace", e.getMessage());
            }
        }
        for (SubnetRole required : REQUIRED_ROLES)
            if (!subnets.containsKey(required))
                check.add(field(required), "is required (a CIDR inside addressSpace)");
        Map<SubnetRole, Cidr> parsed = new EnumMap<>(SubnetRole.class);
        subnets.forEach((role, text) -> {
            if (PropsCheck.isToken(text)) return;
            try {
                parsed.put(role, Cidr.parse(text));
            } catch (IllegalArgumentException e) {
                check.add(field(role), e.getMessage());
            }
        });
        List<SubnetRole> roles = new ArrayList<>(parsed.keySet());
        for (int i = 0; i < roles.size(); i++) {
            SubnetRole role = roles.get(i);
            Cidr c = parsed.get(role);
            if (vnet != null && !vnet.contains(c)) check.add(field(role), c + " is not inside addressSpace " + vnet);
            if (c.prefix() > role.maxPrefix())
                check.add(field(role), c + " is too small for the " + role.configKey() + " subnet; use a /" + role.maxPrefix() + " or larger");
            for (int j = i + 1; j < roles.size(); j++) {
                Cidr d = parsed.get(roles.get(j));
                if (c.overlaps(d)) check.add(field(role), c + " overlaps " + field(roles.get(j)) + " " + d);
            }
        }
        check.resourceId("ddosProtectionPlanId", ddosProtectionPlanId, DDOS_PROTECTION_PLAN_TYPE);
    }

    private static String field(SubnetRole role) { return "subnets." + role.configKey(); }

    /** @return a builder for {@link PlatformNetworkProps}; required fields are checked by {@link Builder#build()} */
    public static Builder builder() { return new Builder(); }

    /** Builds {@link PlatformNetworkProps}: one setter per component, defaults and validation in the record. */
    public static final class Builder {
        private String name;
        private IResourceGroup resourceGroup;
        private String location;
        private String addressSpace;
        private Map<SubnetRole, String> subnets;
        private GatewayNetworkMode gatewayMode;
        private String ddosProtectionPlanId;
        private SubnetNaming subnetNaming;
        private DiagnosticSettings diagnostics;
        private Map<String, String> tags;

        private Builder() {}

        /**
         * Sets {@link PlatformNetworkProps#name()}.
         *
         * @param name the value
         * @return this builder
         */
        public Builder name(String name) { this.name = name; return this; }

        /**
         * Sets {@link PlatformNetworkProps#resourceGroup()}.
         *
         * @param resourceGroup the value
         * @return this builder
         */
        public Builder resourceGroup(IResourceGroup resourceGroup) { this.resourceGroup = resourceGroup; return this; }

        /**
         * Sets {@link PlatformNetworkProps#location()}.
         *
         * @param location the value
         * @return this builder
         */
        public Builder location(String location) { this.location = location; return this; }

        /**
         * Sets {@link PlatformNetworkProps#addressSpace()}.
         *
         * @param addressSpace the value
         * @return this builder
         */
        public Builder addressSpace(String addressSpace) { this.addressSpace = addressSpace; return this; }

        /**
         * Sets {@link PlatformNetworkProps#subnets()}.
         *
         * @param subnets the value
         * @return this builder
         */
        public Builder subnets(Map<SubnetRole, String> subnets) { this.subnets = subnets; return this; }

        /**
         * Sets {@link PlatformNetworkProps#gatewayMode()}.
         *
         * @param gatewayMode the value
         * @return this builder
         */
        public Builder gatewayMode(GatewayNetworkMode gatewayMode) { this.gatewayMode = gatewayMode; return this; }

        /**
         * Sets {@link PlatformNetworkProps#ddosProtectionPlanId()}.
         *
         * @param ddosProtectionPlanId the value
         * @return this builder
         */
        public Builder ddosProtectionPlanId(String ddosProtectionPlanId) { this.ddosProtectionPlanId = ddosProtectionPlanId; return this; }

        /**
         * Sets {@link PlatformNetworkProps#subnetNaming()}.
         *
         * @param subnetNaming the value
         * @return this builder
         */
        public Builder subnetNaming(SubnetNaming subnetNaming) { this.subnetNaming = subnetNaming; return this; }

        /**
         * Sets {@link PlatformNetworkProps#diagnostics()}.
         *
         * @param diagnostics the value
         * @return this builder
         */
        public Builder diagnostics(DiagnosticSettings diagnostics) { this.diagnostics = diagnostics; return this; }

        /**
         * Sets {@link PlatformNetworkProps#tags()}.
         *
         * @param tags the value
         * @return this builder
         */
        public Builder tags(Map<String, String> tags) { this.tags = tags; return this; }

        /**
         * @return the validated, immutable props
         * @throws io.github.aoaiplatform.core.InvalidPropsException naming every invalid field
         */
        public PlatformNetworkProps build() { return new PlatformNetworkProps(name, resourceGroup, location, addressSpace, subnets, gatewayMode, ddosProtectionPlanId, subnetNaming, diagnostics, tags); }
    }
}
