package org.vss4j;

/**
 * A shadow copy context for {@code SetContext}: a combination of snapshot attributes.
 *
 * <p>Mirrors the C enum {@code VSS_SNAPSHOT_CONTEXT}; values from {@code vss.h} (checked against the mingw-w64
 * headers).
 */
public enum SnapshotContext implements NativeEnum {
    /** VSS_CTX_BACKUP = 0. */
    BACKUP(0, "VSS_CTX_BACKUP"),
    /** VSS_CTX_FILE_SHARE_BACKUP = 16. */
    FILE_SHARE_BACKUP(16, "VSS_CTX_FILE_SHARE_BACKUP"),
    /** VSS_CTX_NAS_ROLLBACK = 25. */
    NAS_ROLLBACK(25, "VSS_CTX_NAS_ROLLBACK"),
    /** VSS_CTX_APP_ROLLBACK = 9. */
    APP_ROLLBACK(9, "VSS_CTX_APP_ROLLBACK"),
    /** VSS_CTX_CLIENT_ACCESSIBLE = 29. */
    CLIENT_ACCESSIBLE(29, "VSS_CTX_CLIENT_ACCESSIBLE"),
    /** VSS_CTX_CLIENT_ACCESSIBLE_WRITERS = 13. */
    CLIENT_ACCESSIBLE_WRITERS(13, "VSS_CTX_CLIENT_ACCESSIBLE_WRITERS"),
    /** VSS_CTX_ALL = -1. */
    ALL(-1, "VSS_CTX_ALL");

    private final int value;
    private final String nativeName;

    SnapshotContext(int value, String nativeName) {
        this.value = value;
        this.nativeName = nativeName;
    }

    @Override
    public int value() {
        return value;
    }

    @Override
    public String nativeName() {
        return nativeName;
    }

    /** The constant with the native value {@code value}. */
    public static SnapshotContext fromValue(int value) {
        return NativeEnum.decode(SnapshotContext.class, value);
    }
}
