package io.github.aoaiplatform.apim;

import io.github.aoaiplatform.apim.policy.Choose;
import io.github.aoaiplatform.apim.policy.LlmFlavor;
import io.github.aoaiplatform.apim.policy.LlmTokenLimit;
import io.github.aoaiplatform.apim.policy.PolicyDocument;
import io.github.aoaiplatform.apim.policy.PolicyElement;
import io.github.aoaiplatform.apim.policy.RateLimitByKey;
import io.github.aoaiplatform.apim.policy.ReturnResponse;
import io.github.aoaiplatform.apim.policy.TokenQuotaPeriod;
import io.github.aoaiplatform.core.Guids;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A department's product policy. Product policies run at the API policy's {@code <base/>}, which {@link DefaultPolicy}
 * places right after token validation, so the validated token ({@value DefaultPolicy#JWT_VARIABLE}) is available here.
 * Inbound, in this order:
 * <ol>
 *   <li>{@code <base/>} (the global policy);</li>
 *   <li>membership, when groups or client apps are listed: the token's {@code groups} must contain one of the groups or
 *       its {@code azp}/{@code appid} must be one of the client apps, else 403 {@code DepartmentAccessDenied};</li>
 *   <li>allowed deployments, when the department is restricted: any other deployment gets 403 {@code ModelNotAllowed};</li>
 *   <li>{@code rate-limit-by-key}: requests per minute for the whole department (429);</li>
 *   <li>{@code azure-openai-token-limit}: tokens per minute and the token quota per period for the whole department
 *       (429 over the rate, 403 over the quota), remaining quota in {@value #REMAINING_QUOTA_HEADER};</li>
 *   <li>{@code azure-openai-token-limit} per user inside the department, keyed on the department and the token's
 *       {@code oid}.</li>
 * </ol>
 * Counter keys start with {@value #COUNTER_PREFIX}{@code <name>}, so departments never share a counter.
 */
public final class DepartmentPolicy {
    private DepartmentPolicy() {}

    public static final String COUNTER_PREFIX = "department:";
    /** Response header with the department's remaining quota tokens (when it has a quota). */
    public static final String REMAINING_QUOTA_HEADER = "x-department-remaining-quota-tokens";
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{1,31}");

    /**
     * @param name                   department (product) name. Required.
     * @param groupIds               Entra group object ids whose members may call; Defaults to: none.
     * @param clientAppIds           client app ids that may call; Defaults to: none (with no groups either: anyone with a key).
     * @param allowedDeployments     deployments the department may call; Defaults to: all.
     * @param tokensPerMinute        department tokens per minute. Must be &gt; 0.
     * @param tokenQuota             department tokens per period; Defaults to: none.
     * @param tokenQuotaPeriod       period of tokenQuota; Defaults to: Monthly.
     * @param requestsPerMinute      department requests per minute; Defaults to: none.
     * @param tokensPerMinutePerUser per-user tokens per minute inside the department; Defaults to: none.
     */
    public record Props(String name, List<String> groupIds, List<String> clientAppIds, List<String> allowedDeployments,
                        int tokensPerMinute, Long tokenQuota, TokenQuotaPeriod tokenQuotaPeriod, Integer requestsPerMinute,
                        Integer tokensPerMinutePerUser) {
        public Props {
            if (name == null || !NAME.matcher(name).matches())
                throw new IllegalArgumentException("department name '" + name + "' must be 2-32 lower-case letters, digits or hyphens");
            groupIds = groupIds == null ? List.of() : List.copyOf(groupIds);
            clientAppIds = clientAppIds == null ? List.of() : List.copyOf(clientAppIds);
            for (String id : groupIds) if (!Guids.isGuid(id)) throw new IllegalArgumentException("group id '" + id + "' is not a GUID");
            for (String id : clientAppIds) if (!Guids.isGuid(id)) throw new IllegalArgumentException("client app id '" + id + "' is not a GUID");
            allowedDeployments = allowedDeployments == null ? List.of() : List.copyOf(allowedDeployments);
            if (tokensPerMinute < 1) throw new IllegalArgumentException("department " + name + ": tokensPerMinute must be > 0");
            if (tokenQuota != null && tokenQuota < 1) throw new IllegalArgumentException("department " + name + ": tokenQuota must be > 0");
            tokenQuotaPeriod = Objects.requireNonNullElse(tokenQuotaPeriod, TokenQuotaPeriod.MONTHLY);
            if (requestsPerMinute != null && requestsPerMinute < 1)
                throw new IllegalArgumentException("department " + name + ": requestsPerMinute must be > 0");
            if (tokensPerMinutePerUser != null && (tokensPerMinutePerUser < 1 || tokensPerMinutePerUser > tokensPerMinute))
                throw new IllegalArgumentException("department " + name + ": tokensPerMinutePerUser must be between 1 and tokensPerMinute");
        }

        /** The department-wide counter key. */
        public String counterKey() { return COUNTER_PREFIX + name; }
    }

    /** The product policy document. */
    public static PolicyDocument document(Props p) {
        List<PolicyElement> inbound = new ArrayList<>();
        String member = membershipCondition(p);
        if (member != null)
            inbound.add(Choose.builder().when("@(!(" + member + "))", forbidden("DepartmentAccessDenied",
                    "The caller is not a member of department " + p.name() + ".")).build());
        if (!p.allowedDeployments().isEmpty())
            inbound.add(Choose.builder().when("@(!(" + DefaultPolicy.deploymentCondition(p.allowedDeployments()) + "))",
                    forbidden("ModelNotAllowed", "Department " + p.name() + " may not call this deployment.")).build());
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
        return PolicyDocument.builder().inbound(inbound).build();
    }

    /** The C# condition that the caller belongs to the department, or null when anyone with a key does. */
    static String membershipCondition(Props p) {
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
