package io.github.aoaiplatform.core;

/** What a management lock prevents. */
public enum LockKind {
    /** Users can read and change the resource but not delete it. */
    CAN_NOT_DELETE("CanNotDelete"),
    /** Users can read the resource but not change or delete it. */
    READ_ONLY("ReadOnly");

    private final String azureValue;

    LockKind(String azureValue) { this.azureValue = azureValue; }

    /** @return the lock level Azure expects */
    public String azureValue() { return azureValue; }
}
