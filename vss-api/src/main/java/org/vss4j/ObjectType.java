package org.vss4j;

/**
 * The kind of VSS object a query or delete addresses.
 *
 * <p>Mirrors the C enum {@code VSS_OBJECT_TYPE}; values from {@code vss.h} (checked against the mingw-w64 headers).
 */
public enum ObjectType implements NativeEnum {
    /** VSS_OBJECT_UNKNOWN = 0. */
    UNKNOWN(0, "VSS_OBJECT_UNKNOWN"),
    /** VSS_OBJECT_NONE = 1. */
    NONE(1, "VSS_OBJECT_NONE"),
    /** VSS_OBJECT_SNAPSHOT_SET = 2. */
    SNAPSHOT_SET(2, "VSS_OBJECT_SNAPSHOT_SET"),
    /** VSS_OBJECT_SNAPSHOT = 3. */
    SNAPSHOT(3, "VSS_OBJECT_SNAPSHOT"),
    /** VSS_OBJECT_PROVIDER = 4. */
    PROVIDER(4, "VSS_OBJECT_PROVIDER"),
    /** VSS_OBJECT_TYPE_COUNT = 5. */
    TYPE_COUNT(5, "VSS_OBJECT_TYPE_COUNT");

    private final int value;
    private final String nativeName;

    ObjectType(int value, String nativeName) {
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
    public static ObjectType fromValue(int value) {
        return NativeEnum.decode(ObjectType.class, value);
    }
}
