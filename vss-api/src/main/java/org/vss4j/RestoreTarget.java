package org.vss4j;

/**
 * Where a component is restored.
 *
 * <p>Mirrors the C enum {@code VSS_RESTORE_TARGET}; values from {@code vswriter.h} (checked against the mingw-w64
 * headers).
 */
public enum RestoreTarget implements NativeEnum {
    /** VSS_RT_UNDEFINED = 0. */
    UNDEFINED(0, "VSS_RT_UNDEFINED"),
    /** VSS_RT_ORIGINAL = 1. */
    ORIGINAL(1, "VSS_RT_ORIGINAL"),
    /** VSS_RT_ALTERNATE = 2. */
    ALTERNATE(2, "VSS_RT_ALTERNATE"),
    /** VSS_RT_DIRECTED = 3. */
    DIRECTED(3, "VSS_RT_DIRECTED"),
    /** VSS_RT_ORIGINAL_LOCATION = 4. */
    ORIGINAL_LOCATION(4, "VSS_RT_ORIGINAL_LOCATION");

    private final int value;
    private final String nativeName;

    RestoreTarget(int value, String nativeName) {
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
    public static RestoreTarget fromValue(int value) {
        return NativeEnum.decode(RestoreTarget.class, value);
    }
}
