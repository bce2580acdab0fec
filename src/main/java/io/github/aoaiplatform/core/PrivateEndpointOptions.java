package io.github.aoaiplatform.core;

import java.util.ArrayList;
import java.util.List;

/**
 * A private endpoint for a resource (the Azure Verified Modules {@code private_endpoints} interface).
 *
 * @param subnet   the subnet the endpoint goes into; the endpoint takes the subnet's region. Required.
 * @param dnsZones private DNS zones for the endpoint's zone group; Defaults to: none (DNS is managed elsewhere, e.g.
 *                 by the hub's policy).
 * @param name     the endpoint's name (its NIC is {@code <name>-nic}); Defaults to: {@code pep-<resource name>}.
 * @param staticIp a static private IP in the subnet; Defaults to: dynamic.
 */
public record PrivateEndpointOptions(ISubnet subnet, List<IPrivateDnsZone> dnsZones, String name, String staticIp) {
    /** A dotted-quad IPv4 address (also used by {@link PrivateEndpointProps}). */
    static final java.util.regex.Pattern IPV4 = java.util.regex.Pattern.compile(
            "((25[0-5]|2[0-4]\\d|1?\\d?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1?\\d?\\d)");

    /**
     * Validates and copies.
     *
     * @param subnet   see {@link #subnet()}
     * @param dnsZones see {@link #dnsZones()}
     * @param name     see {@link #name()}
     * @param staticIp see {@link #staticIp()}
     */
    public PrivateEndpointOptions {
        dnsZones = dnsZones == null ? List.of() : List.copyOf(dnsZones);
        PropsCheck check = PropsCheck.of("PrivateEndpointOptions");
        check.require("subnet", subnet);
        check.matches("staticIp", staticIp, IPV4, "an IPv4 address in the subnet, e.g. 10.10.1.10");
        check.throwIfAny();
    }

    /**
     * @param subnet   the endpoint's subnet
     * @param dnsZones the zones of its zone group
     * @return options with the default name and a dynamic IP
     */
    public static PrivateEndpointOptions in(ISubnet subnet, List<IPrivateDnsZone> dnsZones) {
        return new PrivateEndpointOptions(subnet, dnsZones, null, null);
    }

    /** @return a builder */
    public static Builder builder() { return new Builder(); }

    /** Builds {@link PrivateEndpointOptions}; see the record's components for meaning and defaults. */
    public static final class Builder {
        private ISubnet subnet;
        private final List<IPrivateDnsZone> dnsZones = new ArrayList<>();
        private String name;
        private String staticIp;

        private Builder() {}

        /**
         * @param v the endpoint's subnet
         * @return this
         */
        public Builder subnet(ISubnet v) { subnet = v; return this; }
        /**
         * @param v the zones of the zone group
         * @return this
         */
        public Builder dnsZones(List<IPrivateDnsZone> v) { dnsZones.clear(); dnsZones.addAll(v); return this; }
        /**
         * @param v the endpoint's name
         * @return this
         */
        public Builder name(String v) { name = v; return this; }
        /**
         * @param v a static IP
         * @return this
         */
        public Builder staticIp(String v) { staticIp = v; return this; }

        /** @return the validated options */
        public PrivateEndpointOptions build() { return new PrivateEndpointOptions(subnet, dnsZones, name, staticIp); }
    }
}
