package org.vss4j;

/**
 * The kind of data store a writer manages.
 *
 * <p>Mirrors the C enum {@code VSS_SOURCE_TYPE}; values from {@code vswriter.h} (checked against the mingw-w64
 * headers).
 */
public enum SourceType implements NativeEnum {
    /** VSS_ST_UNDEFINED = 0. */
    UNDEFINED(0, "VSS_ST_UNDEFINED"),
    /** VSS_ST_TRANSACTEDDB = 1. */
    TRANSACTEDDB(1, "VSS_ST_TRANSACTEDDB"),
    /** VSS_ST_NONTRANSACTEDDB = 2. */
    NONTRANSACTEDDB(2, "VSS_ST_NONTRANSACTEDDB"),
    /** VSS_ST_OTHER = 3. */
    OTHER(3, "VSS_ST_OTHER");

    private final int value;
    private final String nativeName;

    SourceType(int value, String nativeName) {
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
    public static SourceType fromValue(int value) {
        return NativeEnum.decode(SourceType.class, value);
    }
}
