package org.vss4j;

/** A Java enum that mirrors a C enum: each constant carries its exact native value and C name. */
public interface NativeEnum {

    /** The native value (a 32-bit C enum). */
    int value();

    /** The constant's name in the Windows headers, e.g. {@code VSS_BT_FULL}. */
    String nativeName();

    /** The constant of {@code type} with the native value {@code value}. */
    static <E extends Enum<E> & NativeEnum> E decode(Class<E> type, int value) {
        for (E e : type.getEnumConstants()) {
            if (e.value() == value) {
                return e;
            }
        }
        throw new IllegalArgumentException("No " + type.getSimpleName() + " has the native value " + value);
    }
}
