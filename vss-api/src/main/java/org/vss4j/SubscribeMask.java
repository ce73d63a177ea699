package org.vss4j;

/**
 * One bit of the event mask a writer subscribes with.
 *
 * <p>Mirrors the C enum {@code VSS_SUBSCRIBE_MASK}; values from {@code vswriter.h} (checked against the mingw-w64
 * headers).
 */
public enum SubscribeMask implements NativeFlag {
    /** VSS_SM_POST_SNAPSHOT_FLAG = 1. */
    POST_SNAPSHOT_FLAG(1, "VSS_SM_POST_SNAPSHOT_FLAG"),
    /** VSS_SM_BACKUP_EVENTS_FLAG = 2. */
    BACKUP_EVENTS_FLAG(2, "VSS_SM_BACKUP_EVENTS_FLAG"),
    /** VSS_SM_RESTORE_EVENTS_FLAG = 4. */
    RESTORE_EVENTS_FLAG(4, "VSS_SM_RESTORE_EVENTS_FLAG"),
    /** VSS_SM_IO_THROTTLING_FLAG = 8. */
    IO_THROTTLING_FLAG(8, "VSS_SM_IO_THROTTLING_FLAG"),
    /** VSS_SM_ALL_FLAGS = -1. */
    ALL_FLAGS(-1, "VSS_SM_ALL_FLAGS");

    private final int value;
    private final String nativeName;

    SubscribeMask(int value, String nativeName) {
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
    public static java.util.Set<SubscribeMask> fromMask(int mask) {
        return NativeFlag.decode(SubscribeMask.class, mask);
    }

    /** The mask of a set of bits. */
    public static int toMask(java.util.Collection<SubscribeMask> flags) {
        return NativeFlag.encode(flags);
    }
}
