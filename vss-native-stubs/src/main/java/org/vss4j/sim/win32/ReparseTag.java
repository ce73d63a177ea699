package org.vss4j.sim.win32;

/**
 * Reparse point tags (winnt.h; Microsoft docs, "Reparse Point Tags"), what {@code FindFirstFileW} reports in
 * {@code dwReserved0} when an entry has {@code FILE_ATTRIBUTE_REPARSE_POINT}.
 */
public final class ReparseTag {

    /** A junction or a volume mount point (a mounted folder): both use this tag. A name surrogate. */
    public static final int MOUNT_POINT = 0xA0000003;
    /** A symbolic link, to a file or to a directory. A name surrogate. */
    public static final int SYMLINK = 0xA000000C;
    /** A file whose data Data Deduplication moved into its chunk store. Carries data. */
    public static final int DEDUP = 0x80000013;
    /** A file compressed by the Windows Overlay Filter (CompactOS, {@code compact /exe}). Carries data. */
    public static final int WOF = 0x80000017;
    /** A cloud files placeholder (OneDrive and other sync engines). Carries data, possibly not on the disk. */
    public static final int CLOUD = 0x9000001A;
    /** The bits {@code IO_REPARSE_TAG_CLOUD_1} .. {@code _F} set in {@link #CLOUD} ({@code IO_REPARSE_TAG_CLOUD_MASK}). */
    public static final int CLOUD_MASK = 0x0000F000;
    /** Bit 29, "name surrogate": the reparse point stands for another named entity (a link). */
    public static final int NAME_SURROGATE_BIT = 0x20000000;

    private ReparseTag() {
    }

    /** {@code IO_REPARSE_TAG_CLOUD_n} for n in 1..15 ({@code 0x9000n01A}). */
    public static int cloud(int n) {
        if (n < 0 || n > 15) {
            throw new IllegalArgumentException("cloud tag variants are 0..15: " + n);
        }
        return CLOUD | (n << 12);
    }

    /** Whether {@code tag} is a cloud files tag, any variant. */
    public static boolean isCloud(int tag) {
        return (tag & ~CLOUD_MASK) == CLOUD;
    }

    /** {@code IsReparseTagNameSurrogate}: whether the reparse point is a link to another entity. */
    public static boolean isNameSurrogate(int tag) {
        return (tag & NAME_SURROGATE_BIT) != 0;
    }
}
