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
import io.github.aoaiplatform.apim.policy.ReturnResponse;
import io.github.aoaiplatform.apim.policy.SendRequest;
import io.github.aoaiplatform.apim.policy.SetVariable;
import io.github.aoaiplatform.identity.FederatedApplication;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A department's product policy. Product policies run at the API policy's {@code <base/>}, which {@link DefaultPolicy}
 * places right after token validation, so the validated token ({@value DefaultPolicy#JWT_VARIABLE}) is available here.
 * Inbound, in this order:
 * <ol>
 *   <li>{@code <base/>} (the global policy);</li>
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
     * @param p the department's limits and membership
     * @return the policy
     */
    public static PolicyDocument document(DepartmentPolicyProps p) {
        List<PolicyElement> inbound = new ArrayList<>();
        String member = membershipCondition(p);
        if (member != null)
            inbound.add(Choose.builder().when("@(!(" + member + "))", forbidden("DepartmentAccessDenied",
                    "The caller is not a member of department " + p.name() + ".")).build());
        if (!p.accountOperations())
            inbound.add(Choose.builder().when("@(" + ACCOUNT_OPERATION_CONDITION + ")", forbidden("AccountOperationNotAllowed",
                    "Files, batch jobs and stored responses belong to the whole account, which department " + p.name() + " shares with others.")).build());
        if (!p.allowedDeployments().isEmpty()) {
            String allowed = DefaultPolicy.deploymentCondition(p.allowedDeployments());
            if (p.accountBackendId() != null) allowed = ACCOUNT_OPERATION_CONDITION + " || " + allowed;
            inbound.add(Choose.builder().when("@(!(" + allowed + "))",
                    forbidden("ModelNotAllowed", "Department " + p.name() + " may not call this deployment.")).build());
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
        if (p.backendToken() != null) inbound.addAll(backendToken(p.name(), p.backendToken()));
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
    private static List<PolicyElement> backendToken(String name, FederatedTokenOptions t) {
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
                        Choose.builder().when("@(" + response + ".StatusCode != 200)", ReturnResponse.builder(502, "Bad Gateway")
                                .header("Content-Type", "application/json")
                                .body("{\"error\":{\"code\":\"TenantTokenUnavailable\",\"message\":\"Department " + name
                                        + " has not consented to the platform's application, or its tenant refused the token.\"}}")
                                .build()).build(),
                        SetVariable.of(token, "@((string)" + response + ".Body.As<JObject>()[\"access_token\"])"),
                        CacheStoreValue.of(key, "@((string)context.Variables[\"" + token + "\"])", FederatedTokenOptions.CACHE_SECONDS))
                        .build());
    }

    private static String urlEncode(String value) { return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8); }

    /** The C# condition that the caller belongs to the department, or null when anyone with a key does. */
    static String membershipCondition(DepartmentPolicyProps p) {
        List<String> alternatives = new ArrayList<>();
        String jwt = DefaultPolicy.JWT;
        if (!p.groupIds().isEmpty())
            alternatives.add("(" + jwt + ".Claims.ContainsKey(\"groups\") && " + jwt + ".Claims[\"groups\"].Intersect("
                    + stringArray(p.groupIds()) + ").Any())");
        if (!p.clientAppIds().isEmpty())
            alternatives.add(stringArray(p.clientAppIds()) + ".Contains(" + DefaultPolicy.APP + ")");
        return alternatives.isEmpty() ? null : String.join(" || ", alternatives);
    }

    private static String stringArray(List<String> values) {
        return "new string[] {" + values.stream().map(v -> "\"" + v.toLowerCase() + "\"").collect(Collectors.joining(", ")) + "}";
    }

    private static ReturnResponse forbidden(String code, String message) {
        return ReturnResponse.builder(403, "Forbidden")
                .header("Content-Type", "application/json")
                .body("{\"error\":{\"code\":\"" + code + "\",\"message\":\"" + message + "\"}}")
                .build();
    }
}
