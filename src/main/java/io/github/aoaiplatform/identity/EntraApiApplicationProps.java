package io.github.aoaiplatform.identity;

import io.github.aoaiplatform.core.PropsCheck;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The inputs of an {@link EntraApiApplication}. Every rule on the client registrations lives here, so one exception
 * names every bad field (e.g. {@code appRoles[1].value}, {@code spaClients[0].redirectUris}).
 *
 * @param displayName   the API app's display name; client apps get {@code <displayName> - <client name>}. Required.
 * @param scopeName     the delegated scope (a letter, then up to 119 letters, digits, {@code . _ -}); Defaults to:
 *                      {@value #DEFAULT_SCOPE_NAME}.
 * @param appRoles      the app roles, with unique values; Defaults to: one {@value #DEFAULT_APP_ROLE} role for users and
 *                      applications.
 * @param spaClients    single-page app registrations, pre-authorized for the scope; Defaults to: none.
 * @param daemonClients daemon app registrations, each granted one of {@code appRoles}; Defaults to: none.
 * @param groupClaims   put the caller's security groups in its tokens ({@code groups} claim), which department
 *                      membership by group needs; Defaults to: false.
 */
public record EntraApiApplicationProps(String displayName, String scopeName, List<AppRoleOptions> appRoles,
                                       List<SpaClientOptions> spaClients, List<DaemonClientOptions> daemonClients,
                                       Boolean groupClaims) {
    /** The delegated scope when none is given. */
    public static final String DEFAULT_SCOPE_NAME = "chat";
    /** The app role when none is given. */
    public static final String DEFAULT_APP_ROLE = "Chat.Invoke";

    private static final Pattern VALUE = Pattern.compile("[A-Za-z][A-Za-z0-9._-]{0,119}");
    /** What a valid scope or app-role value looks like, for messages. */
    public static final String VALUE_RULE = "a letter, then only letters, digits, . _ - (at most 120 characters)";
    private static final Set<String> MEMBER_TYPES = Set.of("User", "Application");

    /**

     * Validates, copies and fills defaults; see the record's components.

     *

     * @param displayName   see {@link #displayName()}

     * @param scopeName     see {@link #scopeName()}

     * @param appRoles      see {@link #appRoles()}

     * @param spaClients    see {@link #spaClients()}

     * @param daemonClients see {@link #daemonClients()}

     * @param groupClaims   see {@link #groupClaims()}

     */
    public EntraApiApplicationProps {
        PropsCheck check = PropsCheck.of("EntraApiApplicationProps");
        check.require("displayName", displayName);
        scopeName = scopeName != null ? scopeName : DEFAULT_SCOPE_NAME;
        check.matches("scopeName", scopeName, VALUE, VALUE_RULE);
        appRoles = appRoles == null || appRoles.isEmpty() ? List.of(AppRoleOptions.of(DEFAULT_APP_ROLE)) : List.copyOf(appRoles);
        spaClients = spaClients == null ? List.of() : List.copyOf(spaClients);
        daemonClients = daemonClients == null ? List.of() : List.copyOf(daemonClients);
        groupClaims = groupClaims != null && groupClaims;

        Set<String> roles = new LinkedHashSet<>();
        for (int i = 0; i < appRoles.size(); i++) {
            AppRoleOptions r = appRoles.get(i);
            String field = "appRoles[" + i + "]";
            if (!check.require(field + ".value", r.value())) continue;
            if (!isValidValue(r.value())) check.add(field + ".value", "'" + r.value() + "' must be " + VALUE_RULE);
            else if (!roles.add(r.value())) check.add(field + ".value", "'" + r.value() + "' is defined twice");
            for (String t : r.allowedMemberTypes())
                check.check(MEMBER_TYPES.contains(t), field + ".allowedMemberTypes", "'" + t + "' must be User or Application");
        }
        for (int i = 0; i < spaClients.size(); i++) {
            SpaClientOptions c = spaClients.get(i);
            String field = "spaClients[" + i + "]";
            check.require(field + ".name", c.name());
            check.check(!c.redirectUris().isEmpty(), field + ".redirectUris", "must list at least one redirect URI");
            for (String u : c.redirectUris())
                check.check(isAllowedRedirectUri(u), field + ".redirectUris", "'" + u + "' must use https (or http://localhost)");
        }
        for (int i = 0; i < daemonClients.size(); i++) {
            DaemonClientOptions d = daemonClients.get(i);
            String field = "daemonClients[" + i + "]";
            check.require(field + ".name", d.name());
            check.check(d.role() != null && roles.contains(d.role()), field + ".role",
                    "'" + d.role() + "' is not one of the app roles " + roles);
        }
        check.throwIfAny();
    }

    /**
     * The rule for scope and app-role values.
     *
     * @param value a scope or app-role value
     * @return true when it is a letter, then up to 119 letters, digits, {@code . _ -}
     */
    public static boolean isValidValue(String value) { return value != null && VALUE.matcher(value).matches(); }

    /**
     * The rule for SPA redirect URIs: https, or plain http only for local development on localhost.
     *
     * @param uri a redirect URI
     * @return true when allowed
     */
    public static boolean isAllowedRedirectUri(String uri) {
        return uri != null && (uri.startsWith("https://") || uri.startsWith("http://localhost"));
    }

    /** @return a builder for {@link EntraApiApplicationProps}; required fields are checked by {@link Builder#build()} */
    public static Builder builder() { return new Builder(); }

    /** Builds {@link EntraApiApplicationProps}: one setter per component, defaults and validation in the record. */
    public static final class Builder {
        private String displayName;
        private String scopeName;
        private List<AppRoleOptions> appRoles;
        private List<SpaClientOptions> spaClients;
        private List<DaemonClientOptions> daemonClients;
        private Boolean groupClaims;

        private Builder() {}

        /**
         * Sets {@link EntraApiApplicationProps#displayName()}.
         *
         * @param displayName the value
         * @return this builder
         */
        public Builder displayName(String displayName) { this.displayName = displayName; return this; }

        /**
         * Sets {@link EntraApiApplicationProps#scopeName()}.
         *
         * @param scopeName the value
         * @return this builder
         */
        public Builder scopeName(String scopeName) { this.scopeName = scopeName; return this; }

        /**
         * Sets {@link EntraApiApplicationProps#appRoles()}.
         *
         * @param appRoles the value
         * @return this builder
         */
        public Builder appRoles(List<AppRoleOptions> appRoles) { this.appRoles = appRoles; return this; }

        /**
         * Sets {@link EntraApiApplicationProps#spaClients()}.
         *
         * @param spaClients the value
         * @return this builder
         */
        public Builder spaClients(List<SpaClientOptions> spaClients) { this.spaClients = spaClients; return this; }

        /**
         * Sets {@link EntraApiApplicationProps#daemonClients()}.
         *
         * @param daemonClients the value
         * @return this builder
         */
        public Builder daemonClients(List<DaemonClientOptions> daemonClients) { this.daemonClients = daemonClients; return this; }

        /**
         * Sets {@link EntraApiApplicationProps#groupClaims()}.
         *
         * @param groupClaims the value
         * @return this builder
         */
        public Builder groupClaims(Boolean groupClaims) { this.groupClaims = groupClaims; return this; }

        /**
         * @return the validated, immutable props
         * @throws io.github.aoaiplatform.core.InvalidPropsException naming every invalid field
         */
        public EntraApiApplicationProps build() { return new EntraApiApplicationProps(displayName, scopeName, appRoles, spaClients, daemonClients, groupClaims); }
    }
}
