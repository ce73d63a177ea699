package org.vss4j;

/**
 * The type of restore ({@code SetRestoreState}).
 *
 * <p>Mirrors the C enum {@code VSS_RESTORE_TYPE}; values from {@code vss.h} (checked against the mingw-w64 headers).
 */
public enum RestoreType implements NativeEnum {
    /** VSS_RTYPE_UNDEFINED = 0. */
    UNDEFINED(0, "VSS_RTYPE_UNDEFINED"),
    /** VSS_RTYPE_BY_COPY = 1. */
    BY_COPY(1, "VSS_RTYPE_BY_COPY"),
    /** VSS_RTYPE_IMPORT = 2. */
    IMPORT(2, "VSS_RTYPE_IMPORT"),
    /** VSS_RTYPE_OTHER = 3. */
    OTHER(3, "VSS_RTYPE_OTHER");

    private final int value;
    private final String nativeName;

    RestoreType(int value, String nativeName) {
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
    public static RestoreType fromValue(int value) {
        return NativeEnum.decode(RestoreType.class, value);
    }
}
