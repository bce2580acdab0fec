package io.github.aoaiplatform.apim.policy;

import java.util.List;
import java.util.Set;

/**
 * One APIM policy statement (e.g. {@code <cors>}). Instances are immutable and validated on construction;
 * there is deliberately no raw-XML escape hatch.
 */
public abstract sealed class PolicyElement
        permits AuthenticationManagedIdentity, Base, CacheLookupValue, CacheStoreValue, Choose, Cors, EmitMetric, EmitTokenMetric, ForwardRequest, IncludeFragment,
                LlmTokenLimit, LogToEventHub, QuotaByKey, RateLimitByKey, Retry, ReturnResponse, SetBackendService,
                SendRequest, SetBody, SetHeader, SetVariable, Trace, ValidateAzureAdToken, ValidateJwt {

    PolicyElement() {
    }

    /**
     * The APIM element name this policy renders, e.g. {@code azure-openai-token-limit}.
     *
     * @return the XML element name
     */
    public abstract String elementName();

    /**
     * Renders this element alone as a pretty-printed XML fragment (no XML declaration).
     *
     * @return the XML fragment with 4-space indentation and {@code \n} line ends
     */
    public final String toXml() {
        return XmlRenderer.render(toNode());
    }

    @Override
    public final String toString() {
        return toXml();
    }

    abstract XmlNode toNode();

    /** Sections in which APIM accepts this policy. Defaults to: all sections. */
    Set<PolicySection> allowedSections() {
        return PolicySection.ALL;
    }

    /** Policies nested inside this one (retry children, choose branches). Defaults to: none. */
    List<PolicyElement> nestedElements() {
        return List.of();
    }
}
