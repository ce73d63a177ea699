package org.vss4j;

/**
 * A writer's state as reported by {@code GetWriterStatus}.
 *
 * <p>Mirrors the C enum {@code VSS_WRITER_STATE}; values from {@code vss.h} (checked against the mingw-w64 headers).
 */
public enum WriterState implements NativeEnum {
    /** VSS_WS_UNKNOWN = 0. */
    UNKNOWN(0, "VSS_WS_UNKNOWN"),
    /** VSS_WS_STABLE = 1. */
    STABLE(1, "VSS_WS_STABLE"),
    /** VSS_WS_WAITING_FOR_FREEZE = 2. */
    WAITING_FOR_FREEZE(2, "VSS_WS_WAITING_FOR_FREEZE"),
    /** VSS_WS_WAITING_FOR_THAW = 3. */
    WAITING_FOR_THAW(3, "VSS_WS_WAITING_FOR_THAW"),
    /** VSS_WS_WAITING_FOR_POST_SNAPSHOT = 4. */
    WAITING_FOR_POST_SNAPSHOT(4, "VSS_WS_WAITING_FOR_POST_SNAPSHOT"),
    /** VSS_WS_WAITING_FOR_BACKUP_COMPLETE = 5. */
    WAITING_FOR_BACKUP_COMPLETE(5, "VSS_WS_WAITING_FOR_BACKUP_COMPLETE"),
    /** VSS_WS_FAILED_AT_IDENTIFY = 6. */
    FAILED_AT_IDENTIFY(6, "VSS_WS_FAILED_AT_IDENTIFY"),
    /** VSS_WS_FAILED_AT_PREPARE_BACKUP = 7. */
    FAILED_AT_PREPARE_BACKUP(7, "VSS_WS_FAILED_AT_PREPARE_BACKUP"),
    /** VSS_WS_FAILED_AT_PREPARE_SNAPSHOT = 8. */
    FAILED_AT_PREPARE_SNAPSHOT(8, "VSS_WS_FAILED_AT_PREPARE_SNAPSHOT"),
    /** VSS_WS_FAILED_AT_FREEZE = 9. */
    FAILED_AT_FREEZE(9, "VSS_WS_FAILED_AT_FREEZE"),
    /** VSS_WS_FAILED_AT_THAW = 10. */
    FAILED_AT_THAW(10, "VSS_WS_FAILED_AT_THAW"),
    /** VSS_WS_FAILED_AT_POST_SNAPSHOT = 11. */
    FAILED_AT_POST_SNAPSHOT(11, "VSS_WS_FAILED_AT_POST_SNAPSHOT"),
    /** VSS_WS_FAILED_AT_BACKUP_COMPLETE = 12. */
    FAILED_AT_BACKUP_COMPLETE(12, "VSS_WS_FAILED_AT_BACKUP_COMPLETE"),
    /** VSS_WS_FAILED_AT_PRE_RESTORE = 13. */
    FAILED_AT_PRE_RESTORE(13, "VSS_WS_FAILED_AT_PRE_RESTORE"),
    /** VSS_WS_FAILED_AT_POST_RESTORE = 14. */
    FAILED_AT_POST_RESTORE(14, "VSS_WS_FAILED_AT_POST_RESTORE"),
    /** VSS_WS_FAILED_AT_BACKUPSHUTDOWN = 15. */
    FAILED_AT_BACKUPSHUTDOWN(15, "VSS_WS_FAILED_AT_BACKUPSHUTDOWN"),
    /** VSS_WS_COUNT = 16. */
    COUNT(16, "VSS_WS_COUNT");

    private final int value;
    private final String nativeName;

    WriterState(int value, String nativeName) {
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
    public static WriterState fromValue(int value) {
        return NativeEnum.decode(WriterState.class, value);
    }
}
