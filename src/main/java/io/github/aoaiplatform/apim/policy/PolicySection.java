package io.github.aoaiplatform.apim.policy;

import java.util.Set;

/** The four sections of an APIM policy document, in rendering order. */
public enum PolicySection {
    /** {@code <inbound>}: runs on the request before it is forwarded to the backend. */
    INBOUND("inbound"),
    /** {@code <backend>}: runs around forwarding the request to the backend service. */
    BACKEND("backend"),
    /** {@code <outbound>}: runs on the backend's response before it is returned to the caller. */
    OUTBOUND("outbound"),
    /** {@code <on-error>}: runs instead of the remaining policies when any section raises an error. */
    ON_ERROR("on-error");

    static final Set<PolicySection> ALL = Set.of(values());
    static final Set<PolicySection> INBOUND_ONLY = Set.of(INBOUND);

    private final String xmlName;

    PolicySection(String xmlName) {
        this.xmlName = xmlName;
    }

    /**
     * The section's XML element name.
     *
     * @return the element name, e.g. {@code on-error}
     */
    public String xmlName() {
        return xmlName;
    }
}
