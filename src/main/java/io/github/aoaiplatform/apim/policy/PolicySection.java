package io.github.aoaiplatform.apim.policy;

import java.util.Set;

/** The four sections of an APIM policy document, in rendering order. */
public enum PolicySection {
    INBOUND("inbound"),
    BACKEND("backend"),
    OUTBOUND("outbound"),
    ON_ERROR("on-error");

    static final Set<PolicySection> ALL = Set.of(values());
    static final Set<PolicySection> INBOUND_ONLY = Set.of(INBOUND);

    private final String xmlName;

    PolicySection(String xmlName) {
        this.xmlName = xmlName;
    }

    /** Element name, e.g. {@code on-error}. */
    public String xmlName() {
        return xmlName;
    }
}
