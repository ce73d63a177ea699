package org.vss4j;

/**
 * One bit of a writer's backup schema: the backup and restore features it supports.
 *
 * <p>Mirrors the C enum {@code VSS_BACKUP_SCHEMA}; values from {@code vss.h} (checked against the mingw-w64 headers).
 */
public enum BackupSchema implements NativeFlag {
    /** VSS_BS_UNDEFINED = 0. */
    UNDEFINED(0, "VSS_BS_UNDEFINED"),
    /** VSS_BS_DIFFERENTIAL = 1. */
    DIFFERENTIAL(1, "VSS_BS_DIFFERENTIAL"),
    /** VSS_BS_INCREMENTAL = 2. */
    INCREMENTAL(2, "VSS_BS_INCREMENTAL"),
    /** VSS_BS_EXCLUSIVE_INCREMENTAL_DIFFERENTIAL = 4. */
    EXCLUSIVE_INCREMENTAL_DIFFERENTIAL(4, "VSS_BS_EXCLUSIVE_INCREMENTAL_DIFFERENTIAL"),
    /** VSS_BS_LOG = 8. */
    LOG(8, "VSS_BS_LOG"),
    /** VSS_BS_COPY = 16. */
    COPY(16, "VSS_BS_COPY"),
    /** VSS_BS_TIMESTAMPED = 32. */
    TIMESTAMPED(32, "VSS_BS_TIMESTAMPED"),
    /** VSS_BS_LAST_MODIFY = 64. */
    LAST_MODIFY(64, "VSS_BS_LAST_MODIFY"),
    /** VSS_BS_LSN = 128. */
    LSN(128, "VSS_BS_LSN"),
    /** VSS_BS_WRITER_SUPPORTS_NEW_TARGET = 256. */
    WRITER_SUPPORTS_NEW_TARGET(256, "VSS_BS_WRITER_SUPPORTS_NEW_TARGET"),
    /** VSS_BS_WRITER_SUPPORTS_RESTORE_WITH_MOVE = 512. */
    WRITER_SUPPORTS_RESTORE_WITH_MOVE(512, "VSS_BS_WRITER_SUPPORTS_RESTORE_WITH_MOVE"),
    /** VSS_BS_INDEPENDENT_SYSTEM_STATE = 1024. */
    INDEPENDENT_SYSTEM_STATE(1024, "VSS_BS_INDEPENDENT_SYSTEM_STATE"),
    /** VSS_BS_ROLLFORWARD_RESTORE = 4096. */
    ROLLFORWARD_RESTORE(4096, "VSS_BS_ROLLFORWARD_RESTORE"),
    /** VSS_BS_RESTORE_RENAME = 8192. */
    RESTORE_RENAME(8192, "VSS_BS_RESTORE_RENAME"),
    /** VSS_BS_AUTHORITATIVE_RESTORE = 16384. */
    AUTHORITATIVE_RESTORE(16384, "VSS_BS_AUTHORITATIVE_RESTORE"),
    /** VSS_BS_WRITER_SUPPORTS_PARALLEL_RESTORES = 32768. */
    WRITER_SUPPORTS_PARALLEL_RESTORES(32768, "VSS_BS_WRITER_SUPPORTS_PARALLEL_RESTORES");

    private final int value;
    private final String nativeName;

    BackupSchema(int value, String nativeName) {
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

    /** The bits of {@code mask} as a set; bits vss4j does not know are ignored. */
    public static java.util.Set<BackupSchema> fromMask(int mask) {
        return NativeFlag.decode(BackupSchema.class, mask);
    }

    /** The mask of a set of bits. */
    public static int toMask(java.util.Collection<BackupSchema> flags) {
        return NativeFlag.encode(flags);
    }
}
