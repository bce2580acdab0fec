package io.github.aoaiplatform.network;

import java.util.List;

/** One NSG rule in the least-privilege rule sets of {@link NsgRules}. */
public record NsgRule(String name, int priority, String direction, String access, String protocol,
                      String source, String destination, List<String> ports, String description) {
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
