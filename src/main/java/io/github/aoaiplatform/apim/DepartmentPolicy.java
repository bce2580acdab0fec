package io.github.aoaiplatform.apim;

import io.github.aoaiplatform.apim.policy.AuthenticationManagedIdentity;
import io.github.aoaiplatform.apim.policy.CacheLookupValue;
import io.github.aoaiplatform.apim.policy.CacheStoreValue;
import io.github.aoaiplatform.apim.policy.Choose;
import io.github.aoaiplatform.apim.policy.LlmFlavor;
import io.github.aoaiplatform.apim.policy.LlmTokenLimit;
import io.github.aoaiplatform.apim.policy.PolicyDocument;
import io.github.aoaiplatform.apim.policy.PolicyElement;
import io.github.aoaiplatform.apim.policy.RateLimitByKey;
import io.github.aoaiplatform.apim.policy.SendRequest;
import io.github.aoaiplatform.apim.policy.SetVariable;
import io.github.aoaiplatform.identity.FederatedApplication;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A department's product policy. Product policies run at the API policy's {@code <base/>}, which {@link DefaultPolicy}
 * places right after token validation, so the validated token ({@value DefaultPolicy#JWT_VARIABLE}) is available here;
 * the policy reads it null-safely all the same (it would be absent if the product also held another API).
 * Inbound, in this order:
 * <ol>
 *   <li>{@code <base/>} (the global policy);</li>
 *   <li>{@code set-variable} {@value DefaultPolicy#DEPARTMENT_VARIABLE} to the department's name: the API policy answers
 *       403 to calls without it, i.e. to subscriptions of no department;</li>
 *   <li>membership, when groups or client apps are listed: the token's {@code groups} must contain one of the groups or
 *       its {@code azp}/{@code appid} must be one of the client apps, else 403 {@code DepartmentAccessDenied};</li>
 *   <li>account-wide operations (calls that name no deployment, {@value DefaultPolicy#NO_DEPLOYMENT}: files, batches,
 *       stored responses; {@link #ACCOUNT_OPERATION_CONDITION}) get 403 {@code AccountOperationNotAllowed} unless
 *       {@link DepartmentPolicyProps#accountOperations()};</li>
 *   <li>allowed deployments, when the department is restricted: any other deployment gets 403 {@code ModelNotAllowed},
 *       read from the deployment the API policy resolved ({@link DefaultPolicy#DEPLOYMENT_EXPRESSION}, the v1 form's body
 *       {@code model} included). Calls that name no deployment are refused too, because the gateway cannot see which
 *       model a batch file or a stored response uses, unless the department has its own account (every deployment there
 *       is its own);</li>
 *   <li>with its own account ({@link DepartmentPolicyProps#accountBackendId()}): that backend in
 *       {@value DefaultPolicy#TENANT_BACKEND_VARIABLE}, where the API sends its calls that name no deployment;</li>
 *   <li>{@code rate-limit-by-key}: requests per minute for the whole department (429);</li>
 *   <li>{@code azure-openai-token-limit}: tokens per minute and the token quota per period for the whole department
 *       (429 over the rate, 403 over the quota), remaining quota in {@value #REMAINING_QUOTA_HEADER};</li>
 *   <li>{@code azure-openai-token-limit} per user inside the department, keyed on the department and the token's
 *       {@code oid};</li>
 *   <li>with {@link DepartmentPolicyProps#backendToken()} (its own account in another Entra tenant): the token for that
 *       account in {@value DefaultPolicy#BACKEND_TOKEN_VARIABLE}, from the cache or exchanged without a secret
 *       ({@link FederatedTokenOptions}).</li>
 * </ol>
 * Counter keys start with {@value #COUNTER_PREFIX}{@code <name>}, so departments never share a counter.
 */
public final class DepartmentPolicy {
    private DepartmentPolicy() {}

    /**
     * True for the account-wide operations: files, batches and stored responses (retrieve, delete, input items), which
     * reach whatever the account holds, whoever created it (a C# condition on the matched operation's template).
     */
    public static final String ACCOUNT_OPERATION_CONDITION = DefaultPolicy.DEPLOYMENT_EXPRESSION + " == \"" + DefaultPolicy.NO_DEPLOYMENT + "\"";

    /** The prefix of every department counter key. */
    public static final String COUNTER_PREFIX = "department:";
    /** Response header with the department's remaining quota tokens (when it has a quota). */
    public static final String REMAINING_QUOTA_HEADER = "x-department-remaining-quota-tokens";

    /**
     * The product policy document.
     *
     * @param p   the department's limits and membership
     * @param api the settings of the API policy the product runs inside: its usage logger records the department's
     *            rejections (a return-response ends the call before the API policy's outbound and on-error)
     * @return the policy
     */
    public static PolicyDocument document(DepartmentPolicyProps p, DefaultPolicy.Props api) {
        List<PolicyElement> inbound = new ArrayList<>();
        inbound.add(SetVariable.of(DefaultPolicy.DEPARTMENT_VARIABLE, p.name()));
        String member = membershipCondition(p);
        if (member != null)
            inbound.add(DefaultPolicy.rejectUnless(api, member, 403, "Forbidden", "DepartmentAccessDenied",
                    "The caller is not a member of department " + p.name() + "."));
        if (!p.accountOperations())
            inbound.add(DefaultPolicy.rejectUnless(api, "!(" + ACCOUNT_OPERATION_CONDITION + ")", 403, "Forbidden", "AccountOperationNotAllowed",
                    "Files, batch jobs and stored responses belong to the whole account, which department " + p.name() + " shares with others."));
        if (!p.allowedDeployments().isEmpty()) {
            String allowed = DefaultPolicy.deploymentCondition(p.allowedDeployments());
            if (p.accountBackendId() != null) allowed = ACCOUNT_OPERATION_CONDITION + " || " + allowed;
            inbound.add(DefaultPolicy.rejectUnless(api, allowed, 403, "Forbidden",
                    "ModelNotAllowed", "Department " + p.name() + " may not call this deployment."));
        }
        if (p.accountBackendId() != null) inbound.add(SetVariable.of(DefaultPolicy.TENANT_BACKEND_VARIABLE, p.accountBackendId()));
        if (p.requestsPerMinute() != null)
            inbound.add(RateLimitByKey.builder(p.requestsPerMinute(), 60, p.counterKey()).build());
        var department = LlmTokenLimit.builder(LlmFlavor.AZURE_OPENAI, p.counterKey())
                .tokensPerMinute(p.tokensPerMinute())
                .estimatePromptTokens(false);
        if (p.tokenQuota() != null)
            department.tokenQuota(p.tokenQuota(), p.tokenQuotaPeriod()).remainingQuotaTokensHeaderName(REMAINING_QUOTA_HEADER);
        inbound.add(department.build());
        if (p.tokensPerMinutePerUser() != null)
            inbound.add(LlmTokenLimit.builder(LlmFlavor.AZURE_OPENAI, "@(\"" + p.counterKey() + ":\" + " + DefaultPolicy.USER + ")")
                    .tokensPerMinute(p.tokensPerMinutePerUser())
                    .estimatePromptTokens(false)
                    .build());
        if (p.backendToken() != null) inbound.addAll(backendToken(p.name(), p.backendToken(), api));
        return PolicyDocument.builder().inbound(inbound).build();
    }

    /** The response of the token request. */
    static final String TOKEN_RESPONSE_VARIABLE = "backend-token-response";
    /** The gateway identity's token for {@code api://AzureADTokenExchange}: the client assertion. */
    static final String ASSERTION_VARIABLE = "federation-assertion";

    /**
     * The token for the department's account in another Entra tenant, left in {@value DefaultPolicy#BACKEND_TOKEN_VARIABLE}:
     * from the cache (key {@code backend-token:<name>}), else exchanged for the gateway identity's assertion at the
     * tenant's authority (a failed exchange answers 502 {@code TenantTokenUnavailable}) and cached.
     */
    private static List<PolicyElement> backendToken(String name, FederatedTokenOptions t, DefaultPolicy.Props api) {
        String key = "backend-token:" + name;
        String token = DefaultPolicy.BACKEND_TOKEN_VARIABLE;
        String response = "((IResponse)context.Variables[\"" + TOKEN_RESPONSE_VARIABLE + "\"])";
        String form = "@(\"grant_type=client_credentials&client_id=" + t.clientId() + "&scope=" + urlEncode(FederatedTokenOptions.SCOPE)
                + "&client_assertion_type=" + urlEncode("urn:ietf:params:oauth:client-assertion-type:jwt-bearer")
                + "&client_assertion=\" + (string)context.Variables[\"" + ASSERTION_VARIABLE + "\"])";
        return List.of(
                CacheLookupValue.of(key, token),
                Choose.builder().when("@(!context.Variables.ContainsKey(\"" + token + "\"))",
                        AuthenticationManagedIdentity.builder().resource(FederatedApplication.TOKEN_EXCHANGE_AUDIENCE)
                                .clientId(t.identityClientId()).outputTokenVariableName(ASSERTION_VARIABLE).build(),
                        SendRequest.postForm(TOKEN_RESPONSE_VARIABLE, t.tokenEndpoint(), form, 20),
                        DefaultPolicy.rejectUnless(api, response + ".StatusCode == 200", 502, "Bad Gateway", "TenantTokenUnavailable",
                                "Department " + name + " has not consented to the platform application, or its tenant refused the token."),
                        SetVariable.of(token, "@((string)" + response + ".Body.As<JObject>()[\"access_token\"])"),
                        CacheStoreValue.of(key, "@((string)context.Variables[\"" + token + "\"])", FederatedTokenOptions.CACHE_SECONDS))
                        .build());
    }

    private static String urlEncode(String value) { return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8); }

    /** The C# condition that the caller belongs to the department, or null when anyone with a key does. */
    static String membershipCondition(DepartmentPolicyProps p) {
        List<String> alternatives = new ArrayList<>();
        if (!p.groupIds().isEmpty())
            alternatives.add(DefaultPolicy.claimHoldsOneOf("groups", ",", lowerCase(p.groupIds())));
        if (!p.clientAppIds().isEmpty())
            alternatives.add(DefaultPolicy.stringArray(lowerCase(p.clientAppIds())) + ".Contains(" + DefaultPolicy.APP + ")");
        return alternatives.isEmpty() ? null : String.join(" || ", alternatives);
    }

    /** Entra ID writes object and app ids in lower case. */
    private static List<String> lowerCase(List<String> ids) {
        return ids.stream().map(id -> id.toLowerCase(Locale.ROOT)).toList();
    }
}
