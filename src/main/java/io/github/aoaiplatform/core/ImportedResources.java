package io.github.aoaiplatform.core;

/**
 * Shared rule for the {@code fromResourceId} factories: a resource id must name the expected resource type, and the
 * message names the factory's parameter.
 */
public final class ImportedResources {
    private ImportedResources() {}

    /**
     * Parses a resource id given to a {@code fromResourceId} factory.
     *
     * @param factory      the factory, e.g. {@code OpenAiAccount.fromResourceId}, named in the message
     * @param resourceId   the id
     * @param expectedType e.g. {@code Microsoft.CognitiveServices/accounts}
     * @return the parsed id
     * @throws InvalidPropsException naming {@code resourceId} when the id is malformed or of another type
     */
    public static AzureResourceId parse(String factory, String resourceId, String expectedType) {
        PropsCheck check = PropsCheck.of(factory);
        if (check.require("resourceId", resourceId)) check.resourceId("resourceId", resourceId, expectedType);
        check.throwIfAny();
        return AzureResourceId.parse(resourceId, expectedType);
    }
}
