package org.vss4j;

/**
 * The type of backup ({@code SetBackupState}); the backup state that Microsoft docs, "VSS Backup State", say to store
 * on the backup media.
 *
 * <p>Mirrors the C enum {@code VSS_BACKUP_TYPE}; values from {@code vss.h} (checked against the mingw-w64 headers).
 */
public enum BackupType implements NativeEnum {
    /** VSS_BT_UNDEFINED = 0. */
    UNDEFINED(0, "VSS_BT_UNDEFINED"),
    /** VSS_BT_FULL = 1. */
    FULL(1, "VSS_BT_FULL"),
    /** VSS_BT_INCREMENTAL = 2. */
    INCREMENTAL(2, "VSS_BT_INCREMENTAL"),
    /** VSS_BT_DIFFERENTIAL = 3. */
    DIFFERENTIAL(3, "VSS_BT_DIFFERENTIAL"),
    /** VSS_BT_LOG = 4. */
    LOG(4, "VSS_BT_LOG"),
    /** VSS_BT_COPY = 5. */
    COPY(5, "VSS_BT_COPY"),
    /** VSS_BT_OTHER = 6. */
    OTHER(6, "VSS_BT_OTHER");

    private final int value;
    private final String nativeName;

    BackupType(int value, String nativeName) {
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
    public static BackupType fromValue(int value) {
        return NativeEnum.decode(BackupType.class, value);
    }
}
