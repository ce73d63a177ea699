package org.vss4j;

/**
 * One bit of a shadow copy's attribute mask ({@code m_lSnapshotAttributes}, contexts).
 *
 * <p>Mirrors the C enum {@code VSS_VOLUME_SNAPSHOT_ATTRIBUTES}; values from {@code vss.h} (checked against the
 * mingw-w64 headers).
 */
public enum SnapshotAttribute implements NativeFlag {
    /** VSS_VOLSNAP_ATTR_PERSISTENT = 1. */
    PERSISTENT(1, "VSS_VOLSNAP_ATTR_PERSISTENT"),
    /** VSS_VOLSNAP_ATTR_NO_AUTORECOVERY = 2. */
    NO_AUTORECOVERY(2, "VSS_VOLSNAP_ATTR_NO_AUTORECOVERY"),
    /** VSS_VOLSNAP_ATTR_CLIENT_ACCESSIBLE = 4. */
    CLIENT_ACCESSIBLE(4, "VSS_VOLSNAP_ATTR_CLIENT_ACCESSIBLE"),
    /** VSS_VOLSNAP_ATTR_NO_AUTO_RELEASE = 8. */
    NO_AUTO_RELEASE(8, "VSS_VOLSNAP_ATTR_NO_AUTO_RELEASE"),
    /** VSS_VOLSNAP_ATTR_NO_WRITERS = 16. */
    NO_WRITERS(16, "VSS_VOLSNAP_ATTR_NO_WRITERS"),
    /** VSS_VOLSNAP_ATTR_TRANSPORTABLE = 32. */
    TRANSPORTABLE(32, "VSS_VOLSNAP_ATTR_TRANSPORTABLE"),
    /** VSS_VOLSNAP_ATTR_NOT_SURFACED = 64. */
    NOT_SURFACED(64, "VSS_VOLSNAP_ATTR_NOT_SURFACED"),
    /** VSS_VOLSNAP_ATTR_NOT_TRANSACTED = 128. */
    NOT_TRANSACTED(128, "VSS_VOLSNAP_ATTR_NOT_TRANSACTED"),
    /** VSS_VOLSNAP_ATTR_HARDWARE_ASSISTED = 65536. */
    HARDWARE_ASSISTED(65536, "VSS_VOLSNAP_ATTR_HARDWARE_ASSISTED"),
    /** VSS_VOLSNAP_ATTR_DIFFERENTIAL = 131072. */
    DIFFERENTIAL(131072, "VSS_VOLSNAP_ATTR_DIFFERENTIAL"),
    /** VSS_VOLSNAP_ATTR_PLEX = 262144. */
    PLEX(262144, "VSS_VOLSNAP_ATTR_PLEX"),
    /** VSS_VOLSNAP_ATTR_IMPORTED = 524288. */
    IMPORTED(524288, "VSS_VOLSNAP_ATTR_IMPORTED"),
    /** VSS_VOLSNAP_ATTR_EXPOSED_LOCALLY = 1048576. */
    EXPOSED_LOCALLY(1048576, "VSS_VOLSNAP_ATTR_EXPOSED_LOCALLY"),
    /** VSS_VOLSNAP_ATTR_EXPOSED_REMOTELY = 2097152. */
    EXPOSED_REMOTELY(2097152, "VSS_VOLSNAP_ATTR_EXPOSED_REMOTELY"),
    /** VSS_VOLSNAP_ATTR_AUTORECOVER = 4194304. */
    AUTORECOVER(4194304, "VSS_VOLSNAP_ATTR_AUTORECOVER"),
    /** VSS_VOLSNAP_ATTR_ROLLBACK_RECOVERY = 8388608. */
    ROLLBACK_RECOVERY(8388608, "VSS_VOLSNAP_ATTR_ROLLBACK_RECOVERY"),
    /** VSS_VOLSNAP_ATTR_DELAYED_POSTSNAPSHOT = 16777216. */
    DELAYED_POSTSNAPSHOT(16777216, "VSS_VOLSNAP_ATTR_DELAYED_POSTSNAPSHOT"),
    /** VSS_VOLSNAP_ATTR_TXF_RECOVERY = 33554432. */
    TXF_RECOVERY(33554432, "VSS_VOLSNAP_ATTR_TXF_RECOVERY"),
    /** VSS_VOLSNAP_ATTR_FILE_SHARE = 67108864. */
    FILE_SHARE(67108864, "VSS_VOLSNAP_ATTR_FILE_SHARE");

    private final int value;
    private final String nativeName;

    SnapshotAttribute(int value, String nativeName) {
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
    public static java.util.Set<SnapshotAttribute> fromMask(int mask) {
        return NativeFlag.decode(SnapshotAttribute.class, mask);
    }

    /** The mask of a set of bits. */
    public static int toMask(java.util.Collection<SnapshotAttribute> flags) {
        return NativeFlag.encode(flags);
    }
}
