package org.vss4j;

/**
 * One bit of a component's flags.
 *
 * <p>Mirrors the C enum {@code VSS_COMPONENT_FLAGS}; values from {@code vswriter.h} (checked against the mingw-w64
 * headers).
 */
public enum ComponentFlag implements NativeFlag {
    /** VSS_CF_BACKUP_RECOVERY = 1. */
    BACKUP_RECOVERY(1, "VSS_CF_BACKUP_RECOVERY"),
    /** VSS_CF_APP_ROLLBACK_RECOVERY = 2. */
    APP_ROLLBACK_RECOVERY(2, "VSS_CF_APP_ROLLBACK_RECOVERY"),
    /** VSS_CF_NOT_SYSTEM_STATE = 4. */
    NOT_SYSTEM_STATE(4, "VSS_CF_NOT_SYSTEM_STATE");

    private final int value;
    private final String nativeName;

    ComponentFlag(int value, String nativeName) {
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

    /** The bits of {@code mask} as a set; bits vss4j does not know are ignored. */
    public static java.util.Set<ComponentFlag> fromMask(int mask) {
        return NativeFlag.decode(ComponentFlag.class, mask);
    }

    /** The mask of a set of bits. */
    public static int toMask(java.util.Collection<ComponentFlag> flags) {
        return NativeFlag.encode(flags);
    }
}
