package io.github.aoaiplatform.network;

import java.util.List;

/**
 * One NSG rule in the least-privilege rule sets of {@link NsgRules}.
 *
 * @param name        the rule's name, e.g. {@code AllowVnetHttps}
 * @param priority    100-4096; lower wins, and the deny-all rules sit at 4096
 * @param direction   {@code Inbound} or {@code Outbound}
 * @param access      {@code Allow} or {@code Deny}
 * @param protocol    {@code Tcp}, {@code Udp} or {@code *}
 * @param source      the source address prefix or service tag
 * @param destination the destination address prefix or service tag
 * @param ports       the destination ports
 * @param description why the rule exists
 */
public record NsgRule(String name, int priority, String direction, String access, String protocol,
                      String source, String destination, List<String> ports, String description) {
    /**
     * Checks the priority and copies the ports.
     *
     * @param name        see {@link #name()}
     * @param priority    see {@link #priority()}
     * @param direction   see {@link #direction()}
     * @param access      see {@link #access()}
     * @param protocol    see {@link #protocol()}
     * @param source      see {@link #source()}
     * @param destination see {@link #destination()}
     * @param ports       see {@link #ports()}
     * @param description see {@link #description()}
     */
    public NsgRule {
        if (priority < 100 || priority > 4096) throw new IllegalArgumentException("NSG rule " + name + ": priority must be 100-4096");
        ports = List.copyOf(ports);
    }

    static NsgRule allowIn(String name, int priority, String protocol, String source, String destination, List<String> ports, String why) {
        return new NsgRule(name, priority, "Inbound", "Allow", protocol, source, destination, ports, why);
    }

    static NsgRule allowOut(String name, int priority, String protocol, String source, String destination, List<String> ports, String why) {
        return new NsgRule(name, priority, "Outbound", "Allow", protocol, source, destination, ports, why);
    }

    static NsgRule deny(String direction, String name, String source, String destination) {
        return new NsgRule(name, 4096, direction, "Deny", "*", source, destination, List.of("*"),
                "Deny everything not allowed above");
    }
}
