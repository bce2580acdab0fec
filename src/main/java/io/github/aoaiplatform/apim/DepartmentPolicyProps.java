package io.github.aoaiplatform.apim;

import io.github.aoaiplatform.apim.policy.TokenQuotaPeriod;
import io.github.aoaiplatform.core.PropsCheck;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A department's limits and membership: the inputs of {@link DepartmentPolicy#document}.
 *
 * @param name                   department (API Management product) name: 2-32 lower-case letters, digits or hyphens,
 *                               starting with a letter, not {@code starter} or {@code unlimited} (API Management's
 *                               built-in products). Required.
 * @param groupIds               Entra group object ids (GUIDs) whose members may call; Defaults to: none.
 * @param clientAppIds           client app ids (GUIDs) that may call; Defaults to: none (with no groups either: anyone with
 *                               a subscription key).
 * @param allowedDeployments     deployments the department may call; each must be served by the API; Defaults to: all.
 * @param tokensPerMinute        department tokens per minute; must be &gt; 0. Required.
 * @param tokenQuota             department tokens per {@code tokenQuotaPeriod}, &gt; 0; Defaults to: none.
 * @param tokenQuotaPeriod       period of {@code tokenQuota}; Defaults to: Monthly.
 * @param requestsPerMinute      department requests per minute, &gt; 0; Defaults to: none.
 * @param tokensPerMinutePerUser per-user tokens per minute inside the department, 1 to {@code tokensPerMinute};
 *                               Defaults to: none.
 * @param backendToken           get the token for the department's own account in another Entra tenant (its backend has
 *                               {@link OpenAiBackend#tokenFromProduct()}); Defaults to: none (the gateway identity's token).
 * @param accountOperations      whether the department may call the account-wide operations (files, batches): they list,
 *                               read and cancel everything on the account, so on accounts that several departments share
 *                               they leak across departments; Defaults to: true.
 * @param accountBackendId       the backend (or pool) of the department's own account, where its account-wide calls go
 *                               (they are then admitted next to its allowed deployments); Defaults to: none (the API's
 *                               default backend).
 */
public record DepartmentPolicyProps(String name, List<String> groupIds, List<String> clientAppIds, List<String> allowedDeployments,
                                    Integer tokensPerMinute, Long tokenQuota, TokenQuotaPeriod tokenQuotaPeriod,
                                    Integer requestsPerMinute, Integer tokensPerMinutePerUser, FederatedTokenOptions backendToken,
                                    Boolean accountOperations, String accountBackendId) {
    /** API Management's built-in products, which a department cannot replace. */
    public static final Set<String> RESERVED_NAMES = Set.of("starter", "unlimited");
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{1,31}");

    /**
     * Validates every field, fills defaults and copies collections; see the record's components.
     *
     * @param name see {@link #name()}
     * @param groupIds see {@link #groupIds()}
     * @param clientAppIds see {@link #clientAppIds()}
     * @param allowedDeployments see {@link #allowedDeployments()}
     * @param tokensPerMinute see {@link #tokensPerMinute()}
     * @param tokenQuota see {@link #tokenQuota()}
     * @param tokenQuotaPeriod see {@link #tokenQuotaPeriod()}
     * @param requestsPerMinute see {@link #requestsPerMinute()}
     * @param tokensPerMinutePerUser see {@link #tokensPerMinutePerUser()}
     * @param backendToken see {@link #backendToken()}
     * @param accountOperations see {@link #accountOperations()}
     * @param accountBackendId see {@link #accountBackendId()}
     */
    public DepartmentPolicyProps {
        PropsCheck check = PropsCheck.of("DepartmentPolicyProps");
        if (check.require("name", name)) {
            check.matches("name", name, NAME, "2-32 lower-case letters, digits or hyphens, starting with a letter");
            check.check(!RESERVED_NAMES.contains(name), "name", "'" + name + "' is a built-in API Management product; choose another name");
        }
        groupIds = groupIds == null ? List.of() : List.copyOf(groupIds);
        clientAppIds = clientAppIds == null ? List.of() : List.copyOf(clientAppIds);
        for (int i = 0; i < groupIds.size(); i++) check.guid("groupIds[" + i + "]", groupIds.get(i));
        for (int i = 0; i < clientAppIds.size(); i++) check.guid("clientAppIds[" + i + "]", clientAppIds.get(i));
        allowedDeployments = allowedDeployments == null ? List.of() : List.copyOf(allowedDeployments);
        if (check.require("tokensPerMinute", tokensPerMinute))
            check.check(tokensPerMinute > 0, "tokensPerMinute", "must be > 0, got " + tokensPerMinute);
        check.check(tokenQuota == null || tokenQuota > 0, "tokenQuota", "must be > 0, got " + tokenQuota + "; leave it unset for no quota");
        tokenQuotaPeriod = tokenQuotaPeriod == null ? TokenQuotaPeriod.MONTHLY : tokenQuotaPeriod;
        check.check(requestsPerMinute == null || requestsPerMinute > 0, "requestsPerMinute",
                "must be > 0, got " + requestsPerMinute + "; leave it unset for no request limit");
        if (tokensPerMinutePerUser != null)
            check.check(tokensPerMinutePerUser > 0 && (tokensPerMinute == null || tokensPerMinutePerUser <= tokensPerMinute),
                    "tokensPerMinutePerUser", tokensPerMinutePerUser + " must be between 1 and tokensPerMinute (" + tokensPerMinute + ")");
        accountOperations = accountOperations == null ? Boolean.TRUE : accountOperations;
        check.check(accountBackendId == null || accountOperations, "accountBackendId",
                "is only used when accountOperations is on (the department's own account takes its files and batches)");
        check.throwIfAny();
    }

    /** @return the department-wide counter key, {@value DepartmentPolicy#COUNTER_PREFIX}{@code <name>} */
    public String counterKey() { return DepartmentPolicy.COUNTER_PREFIX + name; }

    /** @return a builder for {@link DepartmentPolicyProps}; required fields are checked by {@link Builder#build()} */
    public static Builder builder() { return new Builder(); }

    /** Builds {@link DepartmentPolicyProps}: one setter per component, defaults and validation in the record. */
    public static final class Builder {
        private String name;
        private List<String> groupIds;
        private List<String> clientAppIds;
        private List<String> allowedDeployments;
        private Integer tokensPerMinute;
        private Long tokenQuota;
        private TokenQuotaPeriod tokenQuotaPeriod;
        private Integer requestsPerMinute;
        private Integer tokensPerMinutePerUser;
        private FederatedTokenOptions backendToken;
        private Boolean accountOperations;
        private String accountBackendId;

        private Builder() {}

        /**
         * Sets {@link DepartmentPolicyProps#name()}.
         *
         * @param name the value
         * @return this builder
         */
        public Builder name(String name) { this.name = name; return this; }

        /**
         * Sets {@link DepartmentPolicyProps#groupIds()}.
         *
         * @param groupIds the value
         * @return this builder
         */
        public Builder groupIds(List<String> groupIds) { this.groupIds = groupIds; return this; }

        /**
         * Sets {@link DepartmentPolicyProps#clientAppIds()}.
         *
         * @param clientAppIds the value
         * @return this builder
         */
        public Builder clientAppIds(List<String> clientAppIds) { this.clientAppIds = clientAppIds; return this; }

        /**
         * Sets {@link DepartmentPolicyProps#allowedDeployments()}.
         *
         * @param allowedDeployments the value
         * @return this builder
         */
        public Builder allowedDeployments(List<String> allowedDeployments) { this.allowedDeployments = allowedDeployments; return this; }

        /**
         * Sets {@link DepartmentPolicyProps#tokensPerMinute()}.
         *
         * @param tokensPerMinute the value
         * @return this builder
         */
        public Builder tokensPerMinute(Integer tokensPerMinute) { this.tokensPerMinute = tokensPerMinute; return this; }

        /**
         * Sets {@link DepartmentPolicyProps#tokenQuota()}.
         *
         * @param tokenQuota the value
         * @return this builder
         */
        public Builder tokenQuota(Long tokenQuota) { this.tokenQuota = tokenQuota; return this; }

        /**
         * Sets {@link DepartmentPolicyProps#tokenQuotaPeriod()}.
         *
         * @param tokenQuotaPeriod the value
         * @return this builder
         */
        public Builder tokenQuotaPeriod(TokenQuotaPeriod tokenQuotaPeriod) { this.tokenQuotaPeriod = tokenQuotaPeriod; return this; }

        /**
         * Sets {@link DepartmentPolicyProps#requestsPerMinute()}.
         *
         * @param requestsPerMinute the value
         * @return this builder
         */
        public Builder requestsPerMinute(Integer requestsPerMinute) { this.requestsPerMinute = requestsPerMinute; return this; }

        /**
         * Sets {@link DepartmentPolicyProps#tokensPerMinutePerUser()}.
         *
         * @param tokensPerMinutePerUser the value
         * @return this builder
         */
        public Builder tokensPerMinutePerUser(Integer tokensPerMinutePerUser) { this.tokensPerMinutePerUser = tokensPerMinutePerUser; return this; }

        /**
         * Sets {@link DepartmentPolicyProps#backendToken()}.
         *
         * @param backendToken the value
         * @return this builder
         */
        public Builder backendToken(FederatedTokenOptions backendToken) { this.backendToken = backendToken; return this; }

        /**
         * Sets {@link DepartmentPolicyProps#accountOperations()}.
         *
         * @param accountOperations the value
         * @return this builder
         */
        public Builder accountOperations(Boolean accountOperations) { this.accountOperations = accountOperations; return this; }

        /**
         * Sets {@link DepartmentPolicyProps#accountBackendId()}.
         *
         * @param accountBackendId the value
         * @return this builder
         */
        public Builder accountBackendId(String accountBackendId) { this.accountBackendId = accountBackendId; return this; }

        /**
         * @return the validated, immutable props
         * @throws io.github.aoaiplatform.core.InvalidPropsException naming every invalid field
         */
        public DepartmentPolicyProps build() { return new DepartmentPolicyProps(name, groupIds, clientAppIds, allowedDeployments, tokensPerMinute, tokenQuota, tokenQuotaPeriod, requestsPerMinute, tokensPerMinutePerUser, backendToken, accountOperations, accountBackendId); }
    }
}
