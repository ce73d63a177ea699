package org.vss4j;

/**
 * The roll-forward operation a restore asks for.
 *
 * <p>Mirrors the C enum {@code VSS_ROLLFORWARD_TYPE}; values from {@code vss.h} (checked against the mingw-w64
 * headers).
 */
public enum RollForwardType implements NativeEnum {
    /** VSS_RF_UNDEFINED = 0. */
    UNDEFINED(0, "VSS_RF_UNDEFINED"),
    /** VSS_RF_NONE = 1. */
    NONE(1, "VSS_RF_NONE"),
    /** VSS_RF_ALL = 2. */
    ALL(2, "VSS_RF_ALL"),
    /** VSS_RF_PARTIAL = 3. */
    PARTIAL(3, "VSS_RF_PARTIAL");

    private final int value;
    private final String nativeName;

    RollForwardType(int value, String nativeName) {
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
    public static RollForwardType fromValue(int value) {
        return NativeEnum.decode(RollForwardType.class, value);
    }
}
