package org.vss4j.session;

import java.util.Optional;

/**
 * A path the session cannot place on a volume: not an absolute Win32 path, a name in another namespace, an undefined
 * environment variable, or on no volume of this machine. The message says which path, why, what to do and, once the
 * session knows it, whose path it is (writer, component, role); see docs/volumes.md.
 */
public final class UnresolvablePathException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** Why a path cannot be resolved. */
    public enum Reason {
        /** No drive and no volume: relative to a current directory the writer's service does not share. */
        RELATIVE("it is relative; GetVolumePathNameW would answer with the boot volume (Microsoft docs, "
                + "\"GetVolumePathNameW function\")",
                "give an absolute path: X:\\..., a mounted folder or \\\\?\\Volume{GUID}\\..."),
        /** {@code X:name}: relative to the current directory of drive X. */
        DRIVE_RELATIVE("X:name is relative to the current directory of drive X (Microsoft docs, \"Naming Files, "
                + "Paths, and Namespaces\")", "write X:\\name"),
        /** {@code \name}: relative to the current drive. */
        NO_DRIVE("a path that starts with one backslash is relative to the current drive (Microsoft docs, \"Naming "
                + "Files, Paths, and Namespaces\")", "give the drive letter or the volume GUID name"),
        /** {@code \Device\...}, {@code \??\...}: the NT object namespace, which Win32 volume functions do not read. */
        NT_NAMESPACE("it is an NT namespace name; for those GetVolumePathNameW answers with the boot volume, not the "
                + "volume named (Microsoft docs, \"GetVolumePathNameW function\")",
                "give the drive letter, mounted folder or \\\\?\\Volume{GUID}\\ name of the volume"),
        /** {@code \\.\...}, {@code \\?\GLOBALROOT\...}: a device, not a file on a volume. */
        DEVICE_NAMESPACE("it names a device (\\\\.\\ or \\\\?\\GLOBALROOT\\), not a file on a mounted volume",
                "give the drive letter, mounted folder or \\\\?\\Volume{GUID}\\ name of the volume"),
        /** {@code \\server\share}: a network share. */
        UNC("it is a network share (UNC path); this requester shadow-copies local volumes only",
                "back up the share on the file server itself"),
        /** {@code $AllVolumes$}: every volume, a convention of exclusion lists only. */
        ALL_VOLUMES("$AllVolumes$ stands for every volume (Microsoft docs, \"Excluding Files from Shadow Copies\") "
                + "and names no one volume", "it is honoured in excluded files only; list the volumes explicitly"),
        /** {@code $UserProfile$}: every user profile, a convention of exclusion lists only. */
        USER_PROFILES("$UserProfile$ stands for every user profile (Microsoft docs, \"Excluding Files from Shadow "
                + "Copies\"), which this requester does not enumerate", "list the profile directories explicitly"),
        /** {@code %NAME%} not defined in the machine-scope environment. */
        UNDEFINED_VARIABLE("an environment variable in it is not defined in the machine-scope environment the "
                + "writers' services see (docs/volumes.md)",
                "define it machine-wide or have the writer report an expanded path"),
        /**
         * A {@code ..} that climbs above the volume root ({@code C:\a\..\..\b}). Win32 would quietly stop at the root
         * (GetFullPathNameW), so the path names a place its writer did not mean; refused rather than guessed at.
         */
        ABOVE_ROOT("a '..' in it climbs above the root of its volume; Win32 would quietly stop at the root "
                + "(Microsoft docs, \"GetFullPathNameW function\"), so the path does not name what it says",
                "fix the path: every '..' must follow the name it removes"),
        /**
         * {@code .} or {@code ..} after {@code \\?\}, where names are not normalised: no file has such a name, and a
         * lexical reading would leave the volume's tree.
         */
        LITERAL_DOTS("after \\\\?\\ the names '.' and '..' are not normalised (Microsoft docs, \"Naming Files, "
                + "Paths, and Namespaces\"): they name no file", "drop the \\\\?\\ prefix or the '.' and '..' names"),
        /**
         * A resolved path (from a caller's own {@link VolumeResolver}) whose part below the volume holds {@code .} or
         * {@code ..}: the file list reads it name by name from the snapshot root, where such a name would leave the
         * volume's tree or name no file.
         */
        NOT_CANONICAL("the part of it below its volume, as the volume resolver gave it, holds '.' or '..', and the "
                + "file list reads names as they are", "have the volume resolver return the path without '.' and "
                + "'..' names"),
        /** A filespec with a directory part or a character no file name holds. */
        INVALID_FILESPEC("a filespec names files of one directory and holds no directory part or character a "
                + "file name cannot hold (Microsoft docs, \"IVssCreateWriterMetadata::AddFilesToFileGroup\")",
                "put the directory in the path and the name pattern in the filespec"),
        /** Characters Win32 file names cannot contain. */
        INVALID_NAME("it contains a character Win32 file names cannot contain (Microsoft docs, \"Naming Files, Paths, "
                + "and Namespaces\")", "fix the path"),
        /** Well formed, but no volume of this machine holds it. */
        NO_VOLUME("no volume of this machine holds it", "check that the volume is mounted"),
        /** The volume functions failed for another reason (access denied, a path too long, ...). */
        VOLUME_LOOKUP_FAILED("the volume functions failed on it", "check the path and the requester's rights");

        private final String why;
        private final String todo;

        Reason(String why, String todo) {
            this.why = why;
            this.todo = todo;
        }

        /** Why a path of this kind cannot be resolved. */
        public String why() {
            return why;
        }

        /** What the user can do about it. */
        public String todo() {
            return todo;
        }
    }

    private final String path;
    private final Reason reason;
    private final String detail;
    private final transient WriterRef writer;
    private final String whose;

    UnresolvablePathException(String path, Reason reason, String detail) {
        this(path, reason, detail, null, null, null);
    }

    private UnresolvablePathException(String path, Reason reason, String detail, WriterRef writer, String whose,
            Throwable cause) {
        super(message(path, reason, detail, whose), cause);
        this.path = path;
        this.reason = reason;
        this.detail = detail;
        this.writer = writer;
        this.whose = whose;
    }

    private static String message(String path, Reason reason, String detail, String whose) {
        String what = reason == Reason.INVALID_FILESPEC ? "the filespec '" + path + "' is refused"
                : "'" + path + "' cannot be resolved to a volume";
        return (whose == null ? "" : whose + ": ") + what + ": " + reason.why()
                + (detail == null ? "" : " (" + detail + ")") + "; " + reason.todo();
    }

    /** The same failure, said of {@code whose} (e.g. "file set of component 'db' of writer 'SqlServerWriter'"). */
    UnresolvablePathException of(WriterRef writerOrNull, String whosePath) {
        return new UnresolvablePathException(path, reason, detail, writerOrNull, whosePath, this);
    }

    /** The path as given (after environment expansion, if any). */
    public String path() {
        return path;
    }

    public Reason reason() {
        return reason;
    }

    /** The writer whose path it is, when it is a writer's. */
    public Optional<WriterRef> writer() {
        return Optional.ofNullable(writer);
    }
}
