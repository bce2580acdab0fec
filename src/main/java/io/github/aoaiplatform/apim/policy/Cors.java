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

    /**
     * Starts a builder with the defaults listed above; allowed origins must still be set.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String elementName() {
        return ELEMENT;
    }

    /**
     * The allow-credentials attribute.
     *
     * @return whether browsers may send credentials with cross-origin requests
     */
    public boolean allowCredentials() {
        return allowCredentials;
    }

    /**
     * The allowed origins.
     *
     * @return the immutable list of origins, e.g. {@code https://app.contoso.com} or {@code *}
     */
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

        /**
         * Sets allow-credentials: whether browsers may send credentials (cookies, Authorization header) with
         * cross-origin requests. {@code true} cannot be combined with the origin {@code *}. Defaults to: {@code false}.
         *
         * @param allowCredentials whether credentials are allowed
         * @return this builder
         */
        public Builder allowCredentials(boolean allowCredentials) {
            this.allowCredentials = allowCredentials;
            return this;
        }

        /**
         * Sets terminate-unmatched-request: when {@code true}, APIM ends a cross-origin request that matches no CORS
         * setting with an empty {@code 200 OK}. Defaults to: unset (APIM default {@code true}).
         *
         * @param terminate whether to end unmatched cross-origin requests
         * @return this builder
         */
        public Builder terminateUnmatchedRequest(boolean terminate) {
            this.terminateUnmatchedRequest = terminate;
            return this;
        }

        /**
         * Sets the allowed origins, replacing earlier ones. Required: at least one.
         *
         * @param origins {@code scheme://host[:port]} without path, a named value, or {@code *} (only without
         *        credentials)
         * @return this builder
         */
        public Builder allowedOrigins(String... origins) {
            this.allowedOrigins = Arrays.asList(Checks.requireNonNull(origins, ELEMENT, "allowed-origins"));
            return this;
        }

        /**
         * Sets the allowed origins, replacing earlier ones. Required: at least one.
         *
         * @param origins {@code scheme://host[:port]} without path, a named value, or {@code *} (only without
         *        credentials)
         * @return this builder
         */
        public Builder allowedOrigins(List<String> origins) {
            this.allowedOrigins = origins;
            return this;
        }

        /**
         * Sets the allowed HTTP methods, replacing earlier ones. Defaults to: {@code GET, POST, OPTIONS}
         * ({@link Cors#DEFAULT_METHODS}).
         *
         * @param methods HTTP method names; at least one
         * @return this builder
         */
        public Builder allowedMethods(String... methods) {
            this.allowedMethods = Arrays.asList(Checks.requireNonNull(methods, ELEMENT, "allowed-methods"));
            return this;
        }

        /**
         * Sets preflight-result-max-age: seconds browsers may cache the preflight result. Defaults to: unset
         * (APIM default 0).
         *
         * @param seconds the cache time in seconds; &ge; 0
         * @return this builder
         */
        public Builder preflightResultMaxAge(int seconds) {
            this.preflightResultMaxAge = seconds;
            return this;
        }

        /**
         * Sets the request headers cross-origin callers may send, replacing earlier ones. Defaults to:
         * {@code Authorization, Content-Type} ({@link Cors#DEFAULT_HEADERS}). An empty call omits
         * {@code <allowed-headers>}.
         *
         * @param headers header names
         * @return this builder
         */
        public Builder allowedHeaders(String... headers) {
            this.allowedHeaders = Arrays.asList(Checks.requireNonNull(headers, ELEMENT, "allowed-headers"));
            return this;
        }

        /**
         * Sets the request headers cross-origin callers may send, replacing earlier ones. Defaults to:
         * {@code Authorization, Content-Type} ({@link Cors#DEFAULT_HEADERS}). An empty list omits
         * {@code <allowed-headers>}.
         *
         * @param headers header names
         * @return this builder
         */
        public Builder allowedHeaders(List<String> headers) {
            this.allowedHeaders = headers;
            return this;
        }

        /**
         * Sets the response headers browser scripts may read ({@code <expose-headers>}), replacing earlier ones.
         * Defaults to: none.
         *
         * @param headers header names
         * @return this builder
         */
        public Builder exposeHeaders(String... headers) {
            this.exposeHeaders = Arrays.asList(Checks.requireNonNull(headers, ELEMENT, "expose-headers"));
            return this;
        }

        /**
         * Validates the settings and creates the policy.
         *
         * @return the immutable policy
         * @throws IllegalArgumentException if no origin is set, an origin, method or header is malformed, or
         *         credentials are combined with {@code *}
         */
        public Cors build() {
            return new Cors(this);
        }
    }
}
