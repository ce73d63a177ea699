package org.vss4j;

/**
 * One bit of a file set's backup-type mask: which backup types need the files and the snapshot.
 *
 * <p>Mirrors the C enum {@code VSS_FILE_SPEC_BACKUP_TYPE}; values from {@code vss.h} (checked against the mingw-w64
 * headers).
 */
public enum FileSpecBackupType implements NativeFlag {
    /** VSS_FSBT_FULL_BACKUP_REQUIRED = 1. */
    FULL_BACKUP_REQUIRED(1, "VSS_FSBT_FULL_BACKUP_REQUIRED"),
    /** VSS_FSBT_DIFFERENTIAL_BACKUP_REQUIRED = 2. */
    DIFFERENTIAL_BACKUP_REQUIRED(2, "VSS_FSBT_DIFFERENTIAL_BACKUP_REQUIRED"),
    /** VSS_FSBT_INCREMENTAL_BACKUP_REQUIRED = 4. */
    INCREMENTAL_BACKUP_REQUIRED(4, "VSS_FSBT_INCREMENTAL_BACKUP_REQUIRED"),
    /** VSS_FSBT_LOG_BACKUP_REQUIRED = 8. */
    LOG_BACKUP_REQUIRED(8, "VSS_FSBT_LOG_BACKUP_REQUIRED"),
    /** VSS_FSBT_FULL_SNAPSHOT_REQUIRED = 256. */
    FULL_SNAPSHOT_REQUIRED(256, "VSS_FSBT_FULL_SNAPSHOT_REQUIRED"),
    /** VSS_FSBT_DIFFERENTIAL_SNAPSHOT_REQUIRED = 512. */
    DIFFERENTIAL_SNAPSHOT_REQUIRED(512, "VSS_FSBT_DIFFERENTIAL_SNAPSHOT_REQUIRED"),
    /** VSS_FSBT_INCREMENTAL_SNAPSHOT_REQUIRED = 1024. */
    INCREMENTAL_SNAPSHOT_REQUIRED(1024, "VSS_FSBT_INCREMENTAL_SNAPSHOT_REQUIRED"),
    /** VSS_FSBT_LOG_SNAPSHOT_REQUIRED = 2048. */
    LOG_SNAPSHOT_REQUIRED(2048, "VSS_FSBT_LOG_SNAPSHOT_REQUIRED"),
    /** VSS_FSBT_CREATED_DURING_BACKUP = 65536. */
    CREATED_DURING_BACKUP(65536, "VSS_FSBT_CREATED_DURING_BACKUP"),
    /** VSS_FSBT_ALL_BACKUP_REQUIRED = 15. */
    ALL_BACKUP_REQUIRED(15, "VSS_FSBT_ALL_BACKUP_REQUIRED"),
    /** VSS_FSBT_ALL_SNAPSHOT_REQUIRED = 3840. */
    ALL_SNAPSHOT_REQUIRED(3840, "VSS_FSBT_ALL_SNAPSHOT_REQUIRED");

    private final int value;
    private final String nativeName;

    FileSpecBackupType(int value, String nativeName) {
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
    public static java.util.Set<FileSpecBackupType> fromMask(int mask) {
        return NativeFlag.decode(FileSpecBackupType.class, mask);
    }

    /** The mask of a set of bits. */
    public static int toMask(java.util.Collection<FileSpecBackupType> flags) {
        return NativeFlag.encode(flags);
    }
}
