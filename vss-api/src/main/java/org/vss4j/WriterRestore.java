package org.vss4j;

/**
 * Whether a writer takes part in restore.
 *
 * <p>Mirrors the C enum {@code VSS_WRITERRESTORE_ENUM}; values from {@code vswriter.h} (checked against the mingw-w64
 * headers).
 */
public enum WriterRestore implements NativeEnum {
    /** VSS_WRE_UNDEFINED = 0. */
    UNDEFINED(0, "VSS_WRE_UNDEFINED"),
    /** VSS_WRE_NEVER = 1. */
    NEVER(1, "VSS_WRE_NEVER"),
    /** VSS_WRE_IF_REPLACE_FAILS = 2. */
    IF_REPLACE_FAILS(2, "VSS_WRE_IF_REPLACE_FAILS"),
    /** VSS_WRE_ALWAYS = 3. */
    ALWAYS(3, "VSS_WRE_ALWAYS");

    private final int value;
    private final String nativeName;

    WriterRestore(int value, String nativeName) {
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
    public static WriterRestore fromValue(int value) {
        return NativeEnum.decode(WriterRestore.class, value);
    }
}
