package org.vss4j;

/**
 * Whether a writer has an alternate writer.
 *
 * <p>Mirrors the C enum {@code VSS_ALTERNATE_WRITER_STATE}; values from {@code vswriter.h} (checked against the
 * mingw-w64 headers).
 */
public enum AlternateWriterState implements NativeEnum {
    /** VSS_AWS_UNDEFINED = 0. */
    UNDEFINED(0, "VSS_AWS_UNDEFINED"),
    /** VSS_AWS_NO_ALTERNATE_WRITER = 1. */
    NO_ALTERNATE_WRITER(1, "VSS_AWS_NO_ALTERNATE_WRITER"),
    /** VSS_AWS_ALTERNATE_WRITER_EXISTS = 2. */
    ALTERNATE_WRITER_EXISTS(2, "VSS_AWS_ALTERNATE_WRITER_EXISTS"),
    /** VSS_AWS_THIS_IS_ALTERNATE_WRITER = 3. */
    THIS_IS_ALTERNATE_WRITER(3, "VSS_AWS_THIS_IS_ALTERNATE_WRITER");

    private final int value;
    private final String nativeName;

    AlternateWriterState(int value, String nativeName) {
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
    public static AlternateWriterState fromValue(int value) {
        return NativeEnum.decode(AlternateWriterState.class, value);
    }
}
