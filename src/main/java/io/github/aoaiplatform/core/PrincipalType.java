package io.github.aoaiplatform.core;

/** The kind of Entra ID principal a role is assigned to (the role assignment's {@code principal_type}). */
public enum PrincipalType {
    /** An application's or a managed identity's service principal. */
    SERVICE_PRINCIPAL("ServicePrincipal"),
    /** A user. */
    USER("User"),
    /** A security group. */
    GROUP("Group");

    private final String azureValue;

    PrincipalType(String azureValue) { this.azureValue = azureValue; }

    /** @return the value Azure expects, e.g. {@code ServicePrincipal} */
    public String azureValue() { return azureValue; }
}
