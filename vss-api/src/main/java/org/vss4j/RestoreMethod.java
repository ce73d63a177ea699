package org.vss4j;

/**
 * How a writer's data must be restored.
 *
 * <p>Mirrors the C enum {@code VSS_RESTOREMETHOD_ENUM}; values from {@code vswriter.h} (checked against the mingw-w64
 * headers).
 */
public enum RestoreMethod implements NativeEnum {
    /** VSS_RME_UNDEFINED = 0. */
    UNDEFINED(0, "VSS_RME_UNDEFINED"),
    /** VSS_RME_RESTORE_IF_NOT_THERE = 1. */
    RESTORE_IF_NOT_THERE(1, "VSS_RME_RESTORE_IF_NOT_THERE"),
    /** VSS_RME_RESTORE_IF_CAN_REPLACE = 2. */
    RESTORE_IF_CAN_REPLACE(2, "VSS_RME_RESTORE_IF_CAN_REPLACE"),
    /** VSS_RME_STOP_RESTORE_START = 3. */
    STOP_RESTORE_START(3, "VSS_RME_STOP_RESTORE_START"),
    /** VSS_RME_RESTORE_TO_ALTERNATE_LOCATION = 4. */
    RESTORE_TO_ALTERNATE_LOCATION(4, "VSS_RME_RESTORE_TO_ALTERNATE_LOCATION"),
    /** VSS_RME_RESTORE_AT_REBOOT = 5. */
    RESTORE_AT_REBOOT(5, "VSS_RME_RESTORE_AT_REBOOT"),
    /** VSS_RME_RESTORE_AT_REBOOT_IF_CANNOT_REPLACE = 6. */
    RESTORE_AT_REBOOT_IF_CANNOT_REPLACE(6, "VSS_RME_RESTORE_AT_REBOOT_IF_CANNOT_REPLACE"),
    /** VSS_RME_CUSTOM = 7. */
    CUSTOM(7, "VSS_RME_CUSTOM"),
    /** VSS_RME_RESTORE_STOP_START = 8. */
    RESTORE_STOP_START(8, "VSS_RME_RESTORE_STOP_START");

    private final int value;
    private final String nativeName;

    RestoreMethod(int value, String nativeName) {
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
    public static RestoreMethod fromValue(int value) {
        return NativeEnum.decode(RestoreMethod.class, value);
    }
}
