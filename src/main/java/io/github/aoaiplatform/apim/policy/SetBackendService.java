package io.github.aoaiplatform.apim.policy;

import java.util.Set;

/**
 * {@code <set-backend-service>} (inbound or backend): routes to an APIM backend entity (backend-id, e.g. a
 * load-balanced pool) or to a base-url. Exactly one of the two is rendered.
 */
public final class SetBackendService extends PolicyElement {

    static final String ELEMENT = "set-backend-service";
    private static final Set<PolicySection> SECTIONS = Set.of(PolicySection.INBOUND, PolicySection.BACKEND);

    private final String baseUrl;
    private final String backendId;

    private SetBackendService(String baseUrl, String backendId) {
        this.baseUrl = baseUrl;
        this.backendId = backendId;
    }

    /**
     * Routes to the APIM backend (or backend pool) with this id; named values and expressions allowed.
     *
     * @param backendId the backend's name; must not be blank
     * @return the policy rendering backend-id
     */
    public static SetBackendService backendId(String backendId) {
        return new SetBackendService(null, Checks.requireText(backendId, ELEMENT, "backend-id",
                "pass the name of an APIM backend or backend pool"));
    }

    /**
     * Routes to an absolute http(s) URL, a named value or an expression.
     *
     * @param baseUrl the backend's base URL
     * @return the policy rendering base-url
     * @throws IllegalArgumentException if the URL is not an absolute http(s) URL, named value or expression
     */
    public static SetBackendService baseUrl(String baseUrl) {
        return new SetBackendService(Checks.urlOrNamedValueOrExpression(baseUrl, ELEMENT, "base-url", false), null);
    }

    @Override
    public String elementName() {
        return ELEMENT;
    }

    /**
     * The backend-id, or {@code null} when base-url is used.
     *
     * @return the backend id, or {@code null}
     */
    public String backendIdValue() {
        return backendId;
    }

    /**
     * The base-url, or {@code null} when backend-id is used.
     *
     * @return the base URL, or {@code null}
     */
    public String baseUrlValue() {
        return baseUrl;
    }

    @Override
    Set<PolicySection> allowedSections() {
        return SECTIONS;
    }

    @Override
    XmlNode toNode() {
        return XmlNode.element(ELEMENT).attr("base-url", baseUrl).attr("backend-id", backendId).build();
    }
}
