package io.github.aoaiplatform.apim.policy;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code <cors>} (inbound only).
 *
 * <p>allow-credentials defaults to: {@code false}. At least one origin is required; {@code *} is allowed only
 * without credentials; other origins are {@code scheme://host[:port]} (no path) or named values.
 * Methods default to: {@code GET, POST, OPTIONS}. Allowed headers default to: {@code Authorization, Content-Type}.
 * expose-headers, preflight-result-max-age and terminate-unmatched-request default to: unset.
 */
public final class Cors extends PolicyElement {

    static final String ELEMENT = "cors";

    /** Default allowed methods. */
    public static final List<String> DEFAULT_METHODS = List.of("GET", "POST", "OPTIONS");
    /** Default allowed request headers. */
    public static final List<String> DEFAULT_HEADERS = List.of("Authorization", "Content-Type");

    private final boolean allowCredentials;
    private final Boolean terminateUnmatchedRequest;
    private final List<String> allowedOrigins;
    private final List<String> allowedMethods;
    private final Integer preflightResultMaxAge;
    private final List<String> allowedHeaders;
    private final List<String> exposeHeaders;

    private Cors(Builder b) {
        this.allowCredentials = b.allowCredentials;
        this.terminateUnmatchedRequest = b.terminateUnmatchedRequest;
        this.allowedOrigins = Checks.textList(b.allowedOrigins, ELEMENT, "allowed-origins");
        if (allowedOrigins.isEmpty()) {
            throw Checks.invalid(ELEMENT, "allowed-origins", "requires at least one origin",
                    "call allowedOrigins(\"https://app.contoso.com\")");
        }
        for (String origin : allowedOrigins) {
            checkOrigin(origin);
        }
        this.allowedMethods = Checks.textList(b.allowedMethods, ELEMENT, "allowed-methods");
        if (allowedMethods.isEmpty()) {
            throw Checks.invalid(ELEMENT, "allowed-methods", "requires at least one method", "keep the default or list methods");
        }
        for (String method : allowedMethods) {
            Checks.httpToken(method, ELEMENT, "allowed-methods");
        }
        this.preflightResultMaxAge = b.preflightResultMaxAge == null ? null
                : Checks.requireRange(b.preflightResultMaxAge, 0, Integer.MAX_VALUE, ELEMENT, "preflight-result-max-age", " seconds");
        this.allowedHeaders = Checks.textList(b.allowedHeaders, ELEMENT, "allowed-headers");
        for (String header : allowedHeaders) {
            Checks.httpToken(header, ELEMENT, "allowed-headers");
        }
        this.exposeHeaders = Checks.textList(b.exposeHeaders, ELEMENT, "expose-headers");
        for (String header : exposeHeaders) {
            Checks.httpToken(header, ELEMENT, "expose-headers");
        }
    }

    private void checkOrigin(String origin) {
        if (origin.equals("*")) {
            if (allowCredentials) {
                throw Checks.invalid(ELEMENT, "allow-credentials",
                        "is true, which cannot be combined with the wildcard origin \"*\" in allowed-origins",
                        "list explicit origins or set allowCredentials(false)");
            }
            return;
        }
        if (Checks.isNamedValue(origin)) {
            return;
        }
        try {
            URI uri = new URI(Checks.withoutNamedValues(origin));
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            String path = uri.getRawPath();
            if ((scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null
                    && (path == null || path.isEmpty()) && uri.getRawQuery() == null && uri.getRawFragment() == null
                    && uri.getRawUserInfo() == null) {
                return;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw Checks.invalid(ELEMENT, "allowed-origins", "origin \"" + origin + "\" is not scheme://host[:port]",
                "use e.g. https://app.contoso.com (no path or trailing slash), \"*\" or a named value");
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String elementName() {
        return ELEMENT;
    }

    public boolean allowCredentials() {
        return allowCredentials;
    }

    public List<String> allowedOrigins() {
        return allowedOrigins;
    }

    @Override
    Set<PolicySection> allowedSections() {
        return PolicySection.INBOUND_ONLY;
    }

    @Override
    XmlNode toNode() {
        XmlNode.Builder node = XmlNode.element(ELEMENT)
                .attr("allow-credentials", allowCredentials)
                .attr("terminate-unmatched-request", terminateUnmatchedRequest);
        node.child(XmlNode.element("allowed-origins").textChildren("origin", allowedOrigins).build());
        node.child(XmlNode.element("allowed-methods")
                .attr("preflight-result-max-age", preflightResultMaxAge)
                .textChildren("method", allowedMethods)
                .build());
        if (!allowedHeaders.isEmpty()) {
            node.child(XmlNode.element("allowed-headers").textChildren("header", allowedHeaders).build());
        }
        if (!exposeHeaders.isEmpty()) {
            node.child(XmlNode.element("expose-headers").textChildren("header", exposeHeaders).build());
        }
        return node.build();
    }

    /** Builder; list setters replace previous values (including defaults). */
    public static final class Builder {
        private boolean allowCredentials;
        private Boolean terminateUnmatchedRequest;
        private List<String> allowedOrigins = List.of();
        private List<String> allowedMethods = DEFAULT_METHODS;
        private Integer preflightResultMaxAge;
        private List<String> allowedHeaders = DEFAULT_HEADERS;
        private List<String> exposeHeaders = List.of();

        private Builder() {
        }

        /** Defaults to: {@code false}. */
        public Builder allowCredentials(boolean allowCredentials) {
            this.allowCredentials = allowCredentials;
            return this;
        }

        /** Defaults to: unset (APIM default true). */
        public Builder terminateUnmatchedRequest(boolean terminate) {
            this.terminateUnmatchedRequest = terminate;
            return this;
        }

        /** Required. */
        public Builder allowedOrigins(String... origins) {
            this.allowedOrigins = Arrays.asList(Checks.requireNonNull(origins, ELEMENT, "allowed-origins"));
            return this;
        }

        public Builder allowedOrigins(List<String> origins) {
            this.allowedOrigins = origins;
            return this;
        }

        /** Defaults to: GET, POST, OPTIONS. */
        public Builder allowedMethods(String... methods) {
            this.allowedMethods = Arrays.asList(Checks.requireNonNull(methods, ELEMENT, "allowed-methods"));
            return this;
        }

        /** Seconds browsers may cache the preflight result. Defaults to: unset. */
        public Builder preflightResultMaxAge(int seconds) {
            this.preflightResultMaxAge = seconds;
            return this;
        }

        /** Defaults to: Authorization, Content-Type. An empty call omits {@code <allowed-headers>}. */
        public Builder allowedHeaders(String... headers) {
            this.allowedHeaders = Arrays.asList(Checks.requireNonNull(headers, ELEMENT, "allowed-headers"));
            return this;
        }

        public Builder allowedHeaders(List<String> headers) {
            this.allowedHeaders = headers;
            return this;
        }

        /** Defaults to: none. */
        public Builder exposeHeaders(String... headers) {
            this.exposeHeaders = Arrays.asList(Checks.requireNonNull(headers, ELEMENT, "expose-headers"));
            return this;
        }

        public Cors build() {
            return new Cors(this);
        }
    }
}
