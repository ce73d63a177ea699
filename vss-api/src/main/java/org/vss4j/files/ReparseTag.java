package org.vss4j.files;

import java.util.Locale;

/**
 * The reparse tags a backup meets, and what each means for it (Microsoft docs, "Reparse Point Tags" and winnt.h for
 * the values). A reparse point is a file or directory with {@code FILE_ATTRIBUTE_REPARSE_POINT}; its tag is in
 * {@code WIN32_FIND_DATAW.dwReserved0}.
 *
 * <ul>
 * <li>{@link Handling#LINK}: symbolic links, junctions and volume mount points name another place. A backup records
 * the link itself and never follows it: inside a shadow copy, an absolute junction target ({@code C:\ProgramData})
 * names the <em>live</em> volume, and a mount point leads to another volume, which has its own shadow copy
 * (Microsoft docs, "Working with Mounted Folders and Reparse Points").</li>
 * <li>{@link Handling#DATA}: the file's data is on the volume behind a filter (Data Deduplication, WOF/CompactOS
 * compression, a hydrated cloud file): reading the file through the file system gives its contents, so it is backed
 * up as a file. The JDK on Windows calls these "other" ({@code BasicFileAttributes.isOther}), never regular files.</li>
 * <li>{@link Handling#UNKNOWN}: any other tag. vss4j cannot tell whether reading it gives its data, so it is reported
 * as not backed up, with the tag, instead of being guessed at.</li>
 * </ul>
 */
public enum ReparseTag {
    /** {@code IO_REPARSE_TAG_MOUNT_POINT}: a junction or a volume mount point. */
    MOUNT_POINT(0xA0000003, Handling.LINK),
    /** {@code IO_REPARSE_TAG_SYMLINK}. */
    SYMLINK(0xA000000C, Handling.LINK),
    /** {@code IO_REPARSE_TAG_DEDUP}: a file optimized by Data Deduplication. */
    DEDUP(0x80000013, Handling.DATA),
    /** {@code IO_REPARSE_TAG_WOF}: a file compressed by the Windows Overlay Filter (CompactOS, WIMBoot). */
    WOF(0x80000017, Handling.DATA),
    /** {@code IO_REPARSE_TAG_CLOUD} and its variants {@code IO_REPARSE_TAG_CLOUD_1..F} (0x9000X01A). */
    CLOUD(0x9000001A, Handling.DATA),
    /** {@code IO_REPARSE_TAG_APPEXECLINK}: an app execution alias (WindowsApps). */
    APPEXECLINK(0x8000001B, Handling.UNKNOWN),
    /** {@code IO_REPARSE_TAG_LX_SYMLINK}: a WSL symbolic link. */
    LX_SYMLINK(0xA000001D, Handling.UNKNOWN),
    /** Any tag not listed here. */
    OTHER(0, Handling.UNKNOWN);

    /** What a backup does with a reparse point of this tag. */
    public enum Handling {
        /** Record the link; never follow it. */
        LINK,
        /** Back up the file's contents. */
        DATA,
        /** Report it as not backed up. */
        UNKNOWN
    }

    /** Mask that maps the sixteen cloud variants {@code 0x9000X01A} onto {@code IO_REPARSE_TAG_CLOUD} (winnt.h). */
    private static final int CLOUD_VARIANT_MASK = 0xFFFF0FFF;

    private final int value;
    private final Handling handling;

    ReparseTag(int value, Handling handling) {
        this.value = value;
        this.handling = handling;
    }

    /** The tag's value (for {@link #OTHER}, 0). */
    public int value() {
        return value;
    }

    public Handling handling() {
        return handling;
    }

    /** The tag of {@code value}; {@link #OTHER} for a tag not listed. */
    public static ReparseTag of(int value) {
        int v = (value & CLOUD_VARIANT_MASK) == CLOUD.value ? CLOUD.value : value;
        for (ReparseTag t : values()) {
            if (t != OTHER && t.value == v) {
                return t;
            }
        }
        return OTHER;
    }

    /** {@code IsReparseTagNameSurrogate} (winnt.h): bit 29, the reparse point stands for another named entity. */
    public static boolean isNameSurrogate(int value) {
        return (value & 0x20000000) != 0;
    }

    /** Whether {@code value} is {@code IO_REPARSE_TAG_CLOUD} or one of its variants. */
    public static boolean isCloud(int value) {
        return of(value) == CLOUD;
    }

    /** {@code IO_REPARSE_TAG_NAME (0x...)} for messages. */
    public static String describe(int value) {
        ReparseTag t = of(value);
        String hex = String.format(Locale.ROOT, "0x%08X", value);
        return t == OTHER ? "reparse tag " + hex : "IO_REPARSE_TAG_" + t.name() + " (" + hex + ")";
    }
}
