package io.github.aoaiplatform.core;

import java.util.Objects;

/**
 * A management lock on a resource (the Azure Verified Modules {@code lock} interface). A null lock in props means no
 * lock.
 *
 * @param kind  what the lock prevents. Required.
 * @param notes why the lock exists, shown to whoever hits it; Defaults to: a sentence naming the kind.
 */
public record Lock(LockKind kind, String notes) {
    /**
     * Validates and fills defaults; see the record's components.
     *
     * @param kind see {@link #kind()}
     * @param notes see {@link #notes()}
     */
    public Lock {
        Objects.requireNonNull(kind, "kind is required");
        notes = notes != null ? notes : "Managed by aoai-platform: remove the lock in code before deleting";
    }

    /**
     * @return a {@link LockKind#CAN_NOT_DELETE} lock with the default notes: what stateful production resources get
     */
    public static Lock canNotDelete() { return new Lock(LockKind.CAN_NOT_DELETE, null); }
}
