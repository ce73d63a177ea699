package org.vss4j.files;

/**
 * The {@code FILE_ATTRIBUTE_*} bits of {@code WIN32_FIND_DATAW.dwFileAttributes} that vss4j reads (and the simulated
 * kernel32 reports)
 * (winnt.h; Microsoft docs, "File Attribute Constants").
 */
public final class FileAttribute {

    public static final int READONLY = 0x1;
    public static final int HIDDEN = 0x2;
    public static final int SYSTEM = 0x4;
    public static final int DIRECTORY = 0x10;
    /** Set on files when they are created or written ("applications use this attribute to mark files for backup"). */
    public static final int ARCHIVE = 0x20;
    /** "A file that does not have other attributes set", valid only alone: clears the settable bits when set. */
    public static final int NORMAL = 0x80;
    public static final int TEMPORARY = 0x100;
    public static final int SPARSE_FILE = 0x200;
    public static final int REPARSE_POINT = 0x400;
    /** "The data of a file is not available immediately": a placeholder whose data is elsewhere. */
    public static final int OFFLINE = 0x1000;
    /**
     * "The file or directory has no physical representation on the local system; the item is virtual": opening it
     * fetches it (a cloud directory whose entries are not local yet).
     */
    public static final int RECALL_ON_OPEN = 0x00040000;
    /** "The file or directory is not fully present locally": opening or reading it fetches the data (a recall). */
    public static final int RECALL_ON_DATA_ACCESS = 0x00400000;
    public static final int NOT_CONTENT_INDEXED = 0x2000;
    /**
     * The bits a caller can set: the "supported attribute values" of Microsoft docs, "SetFileAttributesW function"
     * (ARCHIVE, HIDDEN, NORMAL, NOT_CONTENT_INDEXED, OFFLINE, READONLY, SYSTEM, TEMPORARY). The others (DIRECTORY,
     * REPARSE_POINT, SPARSE_FILE, COMPRESSED, ENCRYPTED, RECALL_*) come from the file itself and are left as they are.
     */
    public static final int SETTABLE = ARCHIVE | HIDDEN | NORMAL | NOT_CONTENT_INDEXED | OFFLINE | READONLY | SYSTEM
            | TEMPORARY;

    private FileAttribute() {
    }
}
