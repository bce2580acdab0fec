package io.github.aoaiplatform.apim.policy;

/** The representative document used by the golden test. */
final class SamplePolicies {

    static final String TOKEN_VARIABLE = "msi-access-token";

    private SamplePolicies() {
    }

    static PolicyDocument defaultApiPolicy() {
        return PolicyDocument.builder()
                .inbound(
                        ValidateAzureAdToken.builder("{{aad-tenant-id}}")
                                .failedValidationErrorMessage("Unauthorized. Access token is missing or invalid.")
                                .clientApplicationIds("{{client-app-id}}")
                                .audiences("api://aoai-platform", "{{api-audience}}")
                                .requiredClaims(RequiredClaim.anyOf("roles", "AOAI.User", "AOAI.Admin"))
                                .build(),
                        Cors.builder()
                                .allowCredentials(true)
                                .allowedOrigins("https://portal.contoso.com", "https://chat.contoso.com")
                                .preflightResultMaxAge(300)
                                .exposeHeaders("x-ratelimit-remaining-tokens", "x-request-id")
                                .build(),
                        LlmTokenLimit.builder(LlmFlavor.AZURE_OPENAI,
                                        "@(context.Request.Headers.GetValueOrDefault(\"x-client-id\", context.Subscription.Id))")
                                .tokensPerMinute(10_000)
                                .tokenQuota(5_000_000, TokenQuotaPeriod.MONTHLY)
                                .estimatePromptTokens(true)
                                .remainingTokensHeaderName("x-ratelimit-remaining-tokens")
                                .tokensConsumedHeaderName("x-tokens-consumed")
                                .build(),
                        EmitTokenMetric.builder(LlmFlavor.AZURE_OPENAI, "aoai-platform")
                                .dimension(MetricDimension.API_ID)
                                .dimension(MetricDimension.SUBSCRIPTION_ID)
                                .dimension(MetricDimension.LOCATION)
                                .dimension("Client ID", "@(context.Request.Headers.GetValueOrDefault(\"x-client-id\", \"unknown\"))")
                                .build(),
                        SetBackendService.backendId("aoai-backend-pool"),
                        AuthenticationManagedIdentity.builder()
                                .clientId("{{apim-uami-client-id}}")
                                .outputTokenVariableName(TOKEN_VARIABLE)
                                .build(),
                        SetHeader.bearerTokenFromVariable(TOKEN_VARIABLE),
                        SetHeader.delete("api-key"))
                .backend(Retry.onThrottlingAndServerErrors(3))
                .outbound(SetHeader.override("x-request-id", "@(context.RequestId.ToString())"))
                .onError(GenericErrors.onErrorSection())
                .build();
    }
}
