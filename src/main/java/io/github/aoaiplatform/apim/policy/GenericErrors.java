package io.github.aoaiplatform.apim.policy;

import java.util.List;

/**
 * Generic on-error handling that never leaks backend or exception details to callers.
 *
 * <p>{@link #onErrorSection()} returns one {@code <choose>} (the document adds {@code <base />} before it):
 * <ol>
 *   <li>Status 401, 403 or 429 already set by the gateway (token validation, quota, rate/token limits): the status
 *       and headers such as {@code Retry-After} / {@code WWW-Authenticate} are kept; only the body is replaced by a
 *       generic JSON error and Content-Type is set to {@code application/json}.</li>
 *   <li>Error raised by {@code forward-request}, or with reason {@code BackendConnectionFailure} or {@code Timeout}
 *       (backend unreachable or timed out): {@code 503 Service Unavailable}.</li>
 *   <li>Anything else: {@code 500 Internal Server Error}.</li>
 * </ol>
 * Bodies have the shape {@code {"error":{"code":"…","message":"…","requestId":"<context.RequestId>"}}}.
 * {@code context.LastError} (source, reason, message) is never echoed; the request id lets operators correlate
 * with gateway logs.
 */
public final class GenericErrors {

    /** Status codes whose status and headers are kept (body replaced). */
    public static final List<Integer> PASSTHROUGH_STATUS_CODES = List.of(401, 403, 429);

    /** Condition of the pass-through branch. */
    public static final String PASSTHROUGH_CONDITION = "@(context.Response != null && (context.Response.StatusCode == 401"
            + " || context.Response.StatusCode == 403 || context.Response.StatusCode == 429))";

    /** The {@code context.LastError.Reason} values of a backend that could not be reached or did not answer in time. */
    public static final List<String> BACKEND_FAILURE_REASONS = List.of("BackendConnectionFailure", "Timeout");

    /**
     * Condition of the 503 branch: the error came from forwarding to the backend, or its reason is one of
     * {@link #BACKEND_FAILURE_REASONS} (also raised outside forward-request, e.g. when every pool member is tripped).
     */
    public static final String BACKEND_FAILURE_CONDITION = "@(context.LastError != null && (context.LastError.Source == \"forward-request\""
            + BACKEND_FAILURE_REASONS.stream().map(r -> " || context.LastError.Reason == \"" + r + "\"").collect(java.util.stream.Collectors.joining())
            + "))";

    /**
     * The status the on-error section answers with, decided like its branches (a C# expression, for usage records
     * written before the section answers).
     */
    public static final String STATUS_EXPRESSION = "(" + unwrapped(PASSTHROUGH_CONDITION) + " ? context.Response.StatusCode : "
            + unwrapped(BACKEND_FAILURE_CONDITION) + " ? 503 : 500)";

    /** Body of the pass-through branch; the error code is derived from the kept status. */
    public static final String PASSTHROUGH_BODY = """
            @{
                var status = context.Response.StatusCode;
                var code = status == 401 ? "Unauthorized" : (status == 403 ? "Forbidden" : "TooManyRequests");
                return "{\\"error\\":{\\"code\\":\\"" + code + "\\",\\"message\\":\\"The request was rejected by the gateway.\\",\\"requestId\\":\\"" + context.RequestId + "\\"}}";
            }""";

    private static final String JSON = "application/json";

    private GenericErrors() {
    }

    /**
     * The on-error elements described in the class documentation.
     *
     * @return an immutable list holding the one {@code <choose>}; pass it to
     *         {@link PolicyDocument.Builder#onError(List)}
     */
    public static List<PolicyElement> onErrorSection() {
        Choose choose = Choose.builder()
                .when(PASSTHROUGH_CONDITION,
                        SetHeader.override("Content-Type", JSON),
                        SetBody.of(PASSTHROUGH_BODY))
                .when(BACKEND_FAILURE_CONDITION, errorResponse(503, "Service Unavailable", "ServiceUnavailable",
                        "The service is temporarily unavailable. Please retry later."))
                .otherwise(errorResponse(500, "Internal Server Error", "InternalServerError",
                        "The request could not be processed."))
                .build();
        return List.of(choose);
    }

    /** The C# inside a {@code @(...)} expression. */
    private static String unwrapped(String expression) {
        return expression.substring(2, expression.length() - 1);
    }

    /**
     * A {@code return-response} with a JSON body {@code {"error":{"code","message","requestId"}}}.
     * {@code code} and {@code message} are literals and must not contain quotes or backslashes.
     *
     * @param status the HTTP status code, 100 to 599
     * @param reason the reason phrase, e.g. {@code Service Unavailable}
     * @param code the machine-readable error code, e.g. {@code ServiceUnavailable}
     * @param message the human-readable error message
     * @return the return-response policy, with Content-Type {@code application/json}
     * @throws IllegalArgumentException if a value is blank or {@code code} or {@code message} contains a quote or
     *         backslash
     */
    public static ReturnResponse errorResponse(int status, String reason, String code, String message) {
        return ReturnResponse.builder(status, reason)
                .header("Content-Type", JSON)
                .body(jsonErrorExpression(code, message))
                .build();
    }

    /** {@code @("{\"error\":{…,\"requestId\":\"" + context.RequestId + "\"}}")}. */
    static String jsonErrorExpression(String code, String message) {
        for (String[] literal : new String[][] {{"code", code}, {"message", message}}) {
            Checks.requireText(literal[1], "return-response", literal[0], "pass a plain-text " + literal[0]);
            if (literal[1].contains("\"") || literal[1].contains("\\")) {
                throw Checks.invalid("return-response", literal[0], "must not contain quotes or backslashes",
                        "use plain text");
            }
        }
        return "@(\"{\\\"error\\\":{\\\"code\\\":\\\"" + code + "\\\",\\\"message\\\":\\\"" + message
                + "\\\",\\\"requestId\\\":\\\"\" + context.RequestId + \"\\\"}}\")";
    }
}
