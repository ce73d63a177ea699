package org.vss4j;

/**
 * What a writer's data is used for.
 *
 * <p>Mirrors the C enum {@code VSS_USAGE_TYPE}; values from {@code vswriter.h} (checked against the mingw-w64 headers).
 */
public enum UsageType implements NativeEnum {
    /** VSS_UT_UNDEFINED = 0. */
    UNDEFINED(0, "VSS_UT_UNDEFINED"),
    /** VSS_UT_BOOTABLESYSTEMSTATE = 1. */
    BOOTABLESYSTEMSTATE(1, "VSS_UT_BOOTABLESYSTEMSTATE"),
    /** VSS_UT_SYSTEMSERVICE = 2. */
    SYSTEMSERVICE(2, "VSS_UT_SYSTEMSERVICE"),
    /** VSS_UT_USERDATA = 3. */
    USERDATA(3, "VSS_UT_USERDATA"),
    /** VSS_UT_OTHER = 4. */
    OTHER(4, "VSS_UT_OTHER");

    private final int value;
    private final String nativeName;

    UsageType(int value, String nativeName) {
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
    public static UsageType fromValue(int value) {
        return NativeEnum.decode(UsageType.class, value);
    }
}
