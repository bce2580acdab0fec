package io.github.aoaiplatform.openai;

import io.github.aoaiplatform.core.DiagnosticSettings;
import io.github.aoaiplatform.core.IResourceGroup;
import io.github.aoaiplatform.core.IUserAssignedIdentity;
import io.github.aoaiplatform.core.Lock;
import io.github.aoaiplatform.core.ManagedIdentities;
import io.github.aoaiplatform.core.PrivateEndpointOptions;
import io.github.aoaiplatform.core.PropsCheck;
import io.github.aoaiplatform.core.RoleAssignmentOptions;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The inputs of an {@link OpenAiAccount}. The defaults are the secure ones: private, Entra ID only.
 *
 * @param name                account name, also its custom subdomain ({@code <name>.openai.azure.com}): 2-64 lower-case
 *                            letters, digits or hyphens, starting and ending with a letter or digit. Required.
 * @param resourceGroup       the resource group. Required.
 * @param location            region; Defaults to: the resource group's.
 * @param kind                {@code OpenAI} or {@code AIServices}; Defaults to: {@code OpenAI}.
 * @param privateEndpoints    the account's private endpoints (group {@code account}). Required, at least one, unless
 *                            {@code publicNetworkAccess}.
 * @param diagnostics         where the account's logs and metrics go, or why none; Required (opt out with
 *                            {@link DiagnosticSettings#disabled(String)}).
 * @param identities          the managed identities the account runs as; the customer-managed key's identity is added
 *                            to them; Defaults to: system-assigned only.
 * @param customerManagedKey  encrypt with a customer-managed key; Defaults to: none (Microsoft-managed keys).
 * @param publicNetworkAccess allow public network access; Defaults to: false.
 * @param localAuth           allow API keys; Defaults to: false (Entra ID only).
 * @param lock                a lock on the account and its private endpoints; Defaults to: none.
 * @param roleAssignments     roles to assign on the account; Defaults to: none (see also
 *                            {@link OpenAiAccount#grantInvoke}).
 * @param tags                tags on the account and its private endpoints; Defaults to: none.
 * @param allowedFqdns        the only host names the account may reach outbound (outbound network access is always
 *                            restricted, so a prompt cannot make the model fetch from an arbitrary URL), each a host
 *                            name without scheme or path, once; Defaults to: none (no outbound access).
 * @param defaultContentFilter the content filter of a deployment that names none ({@link DeploymentOptions#contentFilter()}):
 *                            a {@link ContentFilter} on the account or a built-in {@code Microsoft.*} policy; Defaults
 *                            to: {@code Microsoft.DefaultV2}.
 */
public record OpenAiAccountProps(String name, IResourceGroup resourceGroup, String location, String kind,
                                 List<PrivateEndpointOptions> privateEndpoints, DiagnosticSettings diagnostics,
                                 ManagedIdentities identities, CustomerManagedKeyOptions customerManagedKey,
                                 boolean publicNetworkAccess, boolean localAuth, Lock lock,
                                 List<RoleAssignmentOptions> roleAssignments, Map<String, String> tags,
                                 List<String> allowedFqdns, String defaultContentFilter) {
    /** The account kinds the library supports. */
    public static final List<String> KINDS = List.of("OpenAI", "AIServices");
    /** A host name: dot-separated labels of letters, digits and hyphens (a leading {@code *.} wildcard allowed). */
    public static final Pattern FQDN = Pattern.compile("(\\*\\.)?([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}");
    private static final Pattern SUBDOMAIN = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?");

    /**
     * Validates every field and fills defaults.
     *
     * @param name see {@link #name()}
     * @param resourceGroup see {@link #resourceGroup()}
     * @param location see {@link #location()}
     * @param kind see {@link #kind()}
     * @param privateEndpoints see {@link #privateEndpoints()}
     * @param diagnostics see {@link #diagnostics()}
     * @param identities see {@link #identities()}
     * @param customerManagedKey see {@link #customerManagedKey()}
     * @param publicNetworkAccess see {@link #publicNetworkAccess()}
     * @param localAuth see {@link #localAuth()}
     * @param lock see {@link #lock()}
     * @param roleAssignments see {@link #roleAssignments()}
     * @param tags see {@link #tags()}
     * @param allowedFqdns see {@link #allowedFqdns()}
     * @param defaultContentFilter see {@link #defaultContentFilter()}
     * @throws io.github.aoaiplatform.core.InvalidPropsException naming every invalid field
     */
    public OpenAiAccountProps {
        kind = kind == null ? "OpenAI" : kind;
        privateEndpoints = privateEndpoints == null ? List.of() : List.copyOf(privateEndpoints);
        identities = withKeyIdentity(identities == null ? ManagedIdentities.systemAssignedOnly() : identities, customerManagedKey);
        roleAssignments = roleAssignments == null ? List.of() : List.copyOf(roleAssignments);
        tags = tags == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(tags));
        allowedFqdns = allowedFqdns == null ? List.of() : List.copyOf(allowedFqdns);
        defaultContentFilter = defaultContentFilter == null ? "Microsoft.DefaultV2" : defaultContentFilter;
        PropsCheck check = PropsCheck.of("OpenAiAccountProps");
        Set<String> fqdns = new HashSet<>();
        for (int i = 0; i < allowedFqdns.size(); i++)
            check.matches("allowedFqdns[" + i + "]", allowedFqdns.get(i), FQDN, "a host name such as api.contoso.com, without scheme or path")
                    .check(fqdns.add(allowedFqdns.get(i)), "allowedFqdns[" + i + "]", "'" + allowedFqdns.get(i) + "' is listed twice");
        if (check.require("name", name))
            check.matches("name", name, SUBDOMAIN, "2-64 lower-case letters, digits or hyphens (it is the custom subdomain)");
        if (check.require("resourceGroup", resourceGroup) && location == null) location = resourceGroup.location();
        check.region("location", location);
        check.check(KINDS.contains(kind), "kind", "'" + kind + "' must be one of " + KINDS);
        check.check(publicNetworkAccess || !privateEndpoints.isEmpty(), "privateEndpoints",
                "must list at least one private endpoint: the account is private-only (or set publicNetworkAccess)");
        check.require("diagnostics", diagnostics);
        check.throwIfAny();
    }

    /** The identities plus the key's identity, which the account must run as to read the key. */
    private static ManagedIdentities withKeyIdentity(ManagedIdentities identities, CustomerManagedKeyOptions key) {
        if (key == null || key.identity() == null || identities.userAssigned().contains(key.identity())) return identities;
        List<IUserAssignedIdentity> userAssigned = new ArrayList<>(identities.userAssigned());
        userAssigned.add(key.identity());
        return new ManagedIdentities(identities.systemAssigned(), userAssigned);
    }

    /** @return a builder for {@link OpenAiAccountProps}; required fields are checked by {@link Builder#build()} */
    public static Builder builder() { return new Builder(); }

    /** Builds {@link OpenAiAccountProps}: one setter per component, defaults and validation in the record. */
    public static final class Builder {
        private String name;
        private IResourceGroup resourceGroup;
        private String location;
        private String kind;
        private List<PrivateEndpointOptions> privateEndpoints;
        private DiagnosticSettings diagnostics;
        private ManagedIdentities identities;
        private CustomerManagedKeyOptions customerManagedKey;
        private boolean publicNetworkAccess;
        private boolean localAuth;
        private Lock lock;
        private List<RoleAssignmentOptions> roleAssignments;
        private Map<String, String> tags;
        private List<String> allowedFqdns;
        private String defaultContentFilter;

        private Builder() {}

        /**
         * Sets {@link OpenAiAccountProps#name()}.
         *
         * @param name the value
         * @return this builder
         */
        public Builder name(String name) { this.name = name; return this; }

        /**
         * Sets {@link OpenAiAccountProps#resourceGroup()}.
         *
         * @param resourceGroup the value
         * @return this builder
         */
        public Builder resourceGroup(IResourceGroup resourceGroup) { this.resourceGroup = resourceGroup; return this; }

        /**
         * Sets {@link OpenAiAccountProps#location()}.
         *
         * @param location the value
         * @return this builder
         */
        public Builder location(String location) { this.location = location; return this; }

        /**
         * Sets {@link OpenAiAccountProps#kind()}.
         *
         * @param kind the value
         * @return this builder
         */
        public Builder kind(String kind) { this.kind = kind; return this; }

        /**
         * Sets {@link OpenAiAccountProps#privateEndpoints()}.
         *
         * @param privateEndpoints the value
         * @return this builder
         */
        public Builder privateEndpoints(List<PrivateEndpointOptions> privateEndpoints) { this.privateEndpoints = privateEndpoints; return this; }

        /**
         * Sets {@link OpenAiAccountProps#diagnostics()}.
         *
         * @param diagnostics the value
         * @return this builder
         */
        public Builder diagnostics(DiagnosticSettings diagnostics) { this.diagnostics = diagnostics; return this; }

        /**
         * Sets {@link OpenAiAccountProps#identities()}.
         *
         * @param identities the value
         * @return this builder
         */
        public Builder identities(ManagedIdentities identities) { this.identities = identities; return this; }

        /**
         * Sets {@link OpenAiAccountProps#customerManagedKey()}.
         *
         * @param customerManagedKey the value
         * @return this builder
         */
        public Builder customerManagedKey(CustomerManagedKeyOptions customerManagedKey) { this.customerManagedKey = customerManagedKey; return this; }

        /**
         * Sets {@link OpenAiAccountProps#publicNetworkAccess()}.
         *
         * @param publicNetworkAccess the value
         * @return this builder
         */
        public Builder publicNetworkAccess(boolean publicNetworkAccess) { this.publicNetworkAccess = publicNetworkAccess; return this; }

        /**
         * Sets {@link OpenAiAccountProps#localAuth()}.
         *
         * @param localAuth the value
         * @return this builder
         */
        public Builder localAuth(boolean localAuth) { this.localAuth = localAuth; return this; }

        /**
         * Sets {@link OpenAiAccountProps#lock()}.
         *
         * @param lock the value
         * @return this builder
         */
        public Builder lock(Lock lock) { this.lock = lock; return this; }

        /**
         * Sets {@link OpenAiAccountProps#roleAssignments()}.
         *
         * @param roleAssignments the value
         * @return this builder
         */
        public Builder roleAssignments(List<RoleAssignmentOptions> roleAssignments) { this.roleAssignments = roleAssignments; return this; }

        /**
         * Sets {@link OpenAiAccountProps#tags()}.
         *
         * @param tags the value
         * @return this builder
         */
        public Builder tags(Map<String, String> tags) { this.tags = tags; return this; }

        /**
         * Sets {@link OpenAiAccountProps#allowedFqdns()}.
         *
         * @param allowedFqdns the value
         * @return this builder
         */
        public Builder allowedFqdns(List<String> allowedFqdns) { this.allowedFqdns = allowedFqdns; return this; }

        /**
         * Sets {@link OpenAiAccountProps#defaultContentFilter()}.
         *
         * @param defaultContentFilter the value
         * @return this builder
         */
        public Builder defaultContentFilter(String defaultContentFilter) { this.defaultContentFilter = defaultContentFilter; return this; }

        /**
         * @return the validated, immutable props
         * @throws io.github.aoaiplatform.core.InvalidPropsException naming every invalid field
         */
        public OpenAiAccountProps build() { return new OpenAiAccountProps(name, resourceGroup, location, kind, privateEndpoints, diagnostics, identities, customerManagedKey, publicNetworkAccess, localAuth, lock, roleAssignments, tags, allowedFqdns, defaultContentFilter); }
    }
}
