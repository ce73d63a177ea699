package org.vss4j;

/**
 * The type of a shadow copy provider.
 *
 * <p>Mirrors the C enum {@code VSS_PROVIDER_TYPE}; values from {@code vss.h} (checked against the mingw-w64 headers).
 */
public enum ProviderType implements NativeEnum {
    /** VSS_PROV_UNKNOWN = 0. */
    UNKNOWN(0, "VSS_PROV_UNKNOWN"),
    /** VSS_PROV_SYSTEM = 1. */
    SYSTEM(1, "VSS_PROV_SYSTEM"),
    /** VSS_PROV_SOFTWARE = 2. */
    SOFTWARE(2, "VSS_PROV_SOFTWARE"),
    /** VSS_PROV_HARDWARE = 3. */
    HARDWARE(3, "VSS_PROV_HARDWARE"),
    /** VSS_PROV_FILESHARE = 4. */
    FILESHARE(4, "VSS_PROV_FILESHARE");

    private final int value;
    private final String nativeName;

    ProviderType(int value, String nativeName) {
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
    public static ProviderType fromValue(int value) {
        return NativeEnum.decode(ProviderType.class, value);
    }
}
