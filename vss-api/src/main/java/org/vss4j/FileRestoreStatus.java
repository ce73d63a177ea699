package org.vss4j;

/**
 * How many files of a component were restored.
 *
 * <p>Mirrors the C enum {@code VSS_FILE_RESTORE_STATUS}; values from {@code vswriter.h} (checked against the mingw-w64
 * headers).
 */
public enum FileRestoreStatus implements NativeEnum {
    /** VSS_RS_UNDEFINED = 0. */
    UNDEFINED(0, "VSS_RS_UNDEFINED"),
    /** VSS_RS_NONE = 1. */
    NONE(1, "VSS_RS_NONE"),
    /** VSS_RS_ALL = 2. */
    ALL(2, "VSS_RS_ALL"),
    /** VSS_RS_FAILED = 3. */
    FAILED(3, "VSS_RS_FAILED");

    private final int value;
    private final String nativeName;

    FileRestoreStatus(int value, String nativeName) {
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
    public static FileRestoreStatus fromValue(int value) {
        return NativeEnum.decode(FileRestoreStatus.class, value);
    }
}
