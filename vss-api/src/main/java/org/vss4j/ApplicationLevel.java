package org.vss4j;

/**
 * A writer's freeze level.
 *
 * <p>Mirrors the C enum {@code VSS_APPLICATION_LEVEL}; values from {@code vss.h} (checked against the mingw-w64
 * headers).
 */
public enum ApplicationLevel implements NativeEnum {
    /** VSS_APP_UNKNOWN = 0. */
    UNKNOWN(0, "VSS_APP_UNKNOWN"),
    /** VSS_APP_SYSTEM = 1. */
    SYSTEM(1, "VSS_APP_SYSTEM"),
    /** VSS_APP_BACK_END = 2. */
    BACK_END(2, "VSS_APP_BACK_END"),
    /** VSS_APP_FRONT_END = 3. */
    FRONT_END(3, "VSS_APP_FRONT_END"),
    /** VSS_APP_SYSTEM_RM = 4. */
    SYSTEM_RM(4, "VSS_APP_SYSTEM_RM"),
    /** VSS_APP_AUTO = -1. */
    AUTO(-1, "VSS_APP_AUTO");

    private final int value;
    private final String nativeName;

    ApplicationLevel(int value, String nativeName) {
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
    public static ApplicationLevel fromValue(int value) {
        return NativeEnum.decode(ApplicationLevel.class, value);
    }
}
