package org.vss4j;

/**
 * The type of a writer component.
 *
 * <p>Mirrors the C enum {@code VSS_COMPONENT_TYPE}; values from {@code vswriter.h} (checked against the mingw-w64
 * headers).
 */
public enum ComponentType implements NativeEnum {
    /** VSS_CT_UNDEFINED = 0. */
    UNDEFINED(0, "VSS_CT_UNDEFINED"),
    /** VSS_CT_DATABASE = 1. */
    DATABASE(1, "VSS_CT_DATABASE"),
    /** VSS_CT_FILEGROUP = 2. */
    FILEGROUP(2, "VSS_CT_FILEGROUP");

    private final int value;
    private final String nativeName;

    ComponentType(int value, String nativeName) {
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
    public static ComponentType fromValue(int value) {
        return NativeEnum.decode(ComponentType.class, value);
    }
}
