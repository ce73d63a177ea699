package org.vss4j.sim.win32;

import com.sun.jna.Pointer;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.vss4j.abi.NativeExport;
import org.vss4j.com.Exports;
import org.vss4j.com.FileTimes;
import org.vss4j.com.Win32Error;
import org.vss4j.files.ReparseTag;
import org.vss4j.sim.FileSystemFacts;
import org.vss4j.sim.SimulatedMachine;
import org.vss4j.sim.SimulatedToken;
import org.vss4j.sim.abi.BlockKind;
import org.vss4j.sim.abi.NativeCallback;
import org.vss4j.sim.abi.NativeHeap;

/**
 * {@code CreateFileW}, {@code ReadFile}, {@code GetFileInformationByHandleEx} and {@code SetFileInformationByHandle}
 * (Microsoft docs, "CreateFileW function", "ReadFile function", "GetFileInformationByHandleEx function",
 * "SetFileInformationByHandle function") for opening existing files and directories of simulated volumes and shadow
 * copies, with the deny model of docs/backup-semantics.md: an entry that denies access ({@link FileSystemFacts#denyAccess})
 * opens only with {@code FILE_FLAG_BACKUP_SEMANTICS} and the privilege enabled in the token (SeBackupPrivilege to
 * read, SeRestorePrivilege to write). A file handle is a tracked native block, closed by {@code CloseHandle}.
 */
final class FileHandles {

    static final int GENERIC_READ = 0x80000000;
    static final int GENERIC_WRITE = 0x40000000;
    static final int READ_CONTROL = 0x00020000;
    static final int WRITE_DAC = 0x00040000;
    static final int WRITE_OWNER = 0x00080000;
    static final int FILE_READ_DATA = 0x0001;
    static final int FILE_READ_ATTRIBUTES = 0x0080;
    static final int FILE_WRITE_ATTRIBUTES = 0x0100;
    static final int OPEN_EXISTING = 3;
    static final int FILE_FLAG_BACKUP_SEMANTICS = 0x02000000;
    static final int FILE_FLAG_OPEN_REPARSE_POINT = 0x00200000;
    static final int FILE_FLAG_OVERLAPPED = 0x40000000;
    /** What needs write access: data, attributes, DACL, owner. */
    static final int WRITES = GENERIC_WRITE | WRITE_DAC | WRITE_OWNER | FILE_WRITE_ATTRIBUTES | 0x0002 | 0x0004;
    /** {@code FileBasicInfo}, and {@code sizeof(FILE_BASIC_INFO)} on x64. */
    static final int FILE_BASIC_INFO_CLASS = 0;
    static final int FILE_BASIC_INFO_SIZE = 40;
    /**
     * {@code FileStandardInfo}, and {@code sizeof(FILE_STANDARD_INFO)} on x64: AllocationSize, EndOfFile (LARGE_INTEGER
     * each), NumberOfLinks (DWORD), DeletePending, Directory (BOOLEAN each), padded to 24 (winbase.h).
     */
    static final int FILE_STANDARD_INFO_CLASS = 1;
    static final int FILE_STANDARD_INFO_SIZE = 24;
    /** "The cloud operation is not supported on a read-only volume" (winerror.h). */
    static final int ERROR_CLOUD_FILE_READ_ONLY_VOLUME = 381;

    private static final Pointer INVALID_HANDLE_VALUE = new Pointer(Exports.INVALID_HANDLE_VALUE);

    /**
     * An open file or directory: its host path (not followed when it is a link), its volume's or shadow copy's facts
     * and path there (null facts outside every volume), the access it was opened with, and its data channel (null
     * for a directory, a link opened itself, or data the shadow copy does not hold).
     */
    record OpenFile(Path host, FileSystemFacts facts, String relative, boolean inShadowCopy, boolean directory,
            int access, FileChannel channel, boolean dataWithheld) {
        boolean canRead() {
            return (access & (GENERIC_READ | FILE_READ_DATA)) != 0;
        }

        boolean canWrite() {
            return (access & GENERIC_WRITE) != 0;
        }
    }

    private static final Map<Long, OpenFile> OPEN = new ConcurrentHashMap<>();

    private FileHandles() {
    }

    static void register(Map<NativeExport, NativeCallback> table) {
        Win32Function.put(table, NativeExport.CreateFileW, INVALID_HANDLE_VALUE, a -> create(a.wideString(0),
                a.int32(1), a.int32(2), a.pointer(3), a.int32(4), a.int32(5), a.pointer(6)));
        Win32Function.put(table, NativeExport.ReadFile, 0, a -> read(a.pointer(0), a.pointer(1), a.int32(2),
                a.pointer(3), a.pointer(4)));
        Win32Function.put(table, NativeExport.GetFileInformationByHandleEx, 0, a -> information(a.pointer(0),
                a.int32(1), a.pointer(2), a.int32(3)));
        Win32Function.put(table, NativeExport.SetFileInformationByHandle, 0, a -> setInformation(a.pointer(0),
                a.int32(1), a.pointer(2), a.int32(3)));
    }

    /** The open file behind {@code handle}, or null if it is no open file handle. */
    static OpenFile get(Pointer handle) {
        if (handle == null || !NativeHeap.isLive(BlockKind.FILE_HANDLE, handle)) {
            return null;
        }
        return OPEN.get(Pointer.nativeValue(handle));
    }

    /** {@code CloseHandle} of a file handle; false if {@code handle} is none. */
    static boolean close(Pointer handle) {
        OpenFile f = handle == null ? null : OPEN.get(Pointer.nativeValue(handle));
        if (f == null || !NativeHeap.free(BlockKind.FILE_HANDLE, handle, "CloseHandle")) {
            return false;
        }
        OPEN.remove(Pointer.nativeValue(handle));
        if (f.channel() != null) {
            try {
                f.channel().close();
            } catch (IOException ignored) {
                // A read-only host channel: closing it cannot lose data.
            }
        }
        return true;
    }

    private static Pointer create(String name, int access, int share, Pointer security, int disposition, int flags,
            Pointer template) {
        if (name == null || name.isEmpty() || security != null || template != null) {
            // Security attributes and templates are not modelled: refused, never ignored (docs).
            return fail(Win32Error.ERROR_INVALID_PARAMETER);
        }
        if (disposition != OPEN_EXISTING || (flags & FILE_FLAG_OVERLAPPED) != 0) {
            // Only opening an existing entry synchronously is modelled (docs).
            return fail(Win32Error.ERROR_INVALID_PARAMETER);
        }
        SimulatedMachine machine = SimulatedMachine.current();
        Optional<Path> host;
        try {
            host = Win32Names.hostPath(machine, name);
        } catch (InvalidPathException e) {
            return fail(Win32Error.ERROR_INVALID_NAME);
        }
        if (host.isEmpty()) {
            return fail(Win32Error.ERROR_PATH_NOT_FOUND);
        }
        Path p = host.get().toAbsolutePath().normalize();
        boolean openLink = (flags & FILE_FLAG_OPEN_REPARSE_POINT) != 0;
        Path real;
        try {
            Path parent = p.getParent() == null ? p : RealDirectories.of(p.getParent());
            real = p.getParent() == null ? p : parent.resolve(p.getFileName());
        } catch (IOException e) {
            return fail(Win32Error.ERROR_PATH_NOT_FOUND);
        }
        // One lstat for "is it there, a link, a directory" (each was a call of its own).
        BasicFileAttributes attributes = attributesOf(real);
        if (!openLink && attributes != null && attributes.isSymbolicLink() && !dataReparsePoint(machine, real)) {
            // A link (a name surrogate) is followed unless FILE_FLAG_OPEN_REPARSE_POINT; a host link that stands for
            // a data-carrying reparse point (a withheld placeholder) is no link on Windows.
            try {
                real = real.toRealPath();
            } catch (IOException e) {
                return fail(Win32Error.ERROR_FILE_NOT_FOUND);
            }
            attributes = attributesOf(real);
        }
        if (attributes == null) {
            return fail(Win32Error.ERROR_FILE_NOT_FOUND);
        }
        boolean link = attributes.isSymbolicLink();
        boolean directory = !link && attributes.isDirectory();
        boolean backup = (flags & FILE_FLAG_BACKUP_SEMANTICS) != 0;
        if (directory && !backup) {
            // "You must set this flag to obtain a handle to a directory" (CreateFileW docs).
            return fail(Win32Error.ERROR_ACCESS_DENIED);
        }
        Place place = Place.of(machine, real);
        boolean writes = (access & WRITES) != 0;
        if (place != null && place.inShadowCopy() && writes) {
            // A shadow copy is read-only; the code is the simulator's choice (docs).
            return fail(Win32Error.ERROR_WRITE_PROTECT);
        }
        if (writes && !directory && HeldFiles.isHeld(machine, real)) {
            // A running service holds it open (docs/restore-procedures.md).
            return fail(Win32Error.ERROR_SHARING_VIOLATION);
        }
        if (place != null && place.facts().isDenied(place.relative())) {
            SimulatedToken token = machine.token();
            boolean readAllowed = backup && token.isEnabled("SeBackupPrivilege");
            boolean writeAllowed = backup && token.isEnabled("SeRestorePrivilege");
            // With backup semantics the system grants read access to a holder of an enabled SeBackupPrivilege, and
            // write access to one of SeRestorePrivilege, whatever the ACL says ("CreateFileW function", "Privilege
            // Constants").
            if ((!writes && !readAllowed) || (writes && !writeAllowed)) {
                return fail(Win32Error.ERROR_ACCESS_DENIED);
            }
        }
        FileChannel channel = null;
        boolean withheld = false;
        boolean readsData = (access & (GENERIC_READ | FILE_READ_DATA)) != 0;
        if (readsData && !directory) {
            if (link && dataReparsePoint(machine, real)) {
                // A dehydrated placeholder in a shadow copy: its data is not there (docs/simulator-file-system.md).
                withheld = true;
            } else if (!link) {
                try {
                    channel = FileChannel.open(real, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
                } catch (AccessDeniedException e) {
                    return fail(Win32Error.ERROR_ACCESS_DENIED);
                } catch (NoSuchFileException e) {
                    return fail(Win32Error.ERROR_FILE_NOT_FOUND);
                } catch (IOException e) {
                    return fail(Win32Error.ERROR_ACCESS_DENIED);
                }
            }
        }
        Pointer handle = NativeHeap.allocate(BlockKind.FILE_HANDLE, 8, 0, "CreateFileW " + name);
        OPEN.put(Pointer.nativeValue(handle), new OpenFile(real, place == null ? null : place.facts(),
                place == null ? null : place.relative(), place != null && place.inShadowCopy(), directory, access,
                channel, withheld));
        return handle;
    }

    /** The entry's own attributes (a link not followed), or null where {@code Files.exists} would be false. */
    private static BasicFileAttributes attributesOf(Path real) {
        try {
            return Files.readAttributes(real, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return null;
        }
    }

    /** Whether the facts make {@code real} a data-carrying reparse point (not a name surrogate). */
    private static boolean dataReparsePoint(SimulatedMachine machine, Path real) {
        Place place = Place.of(machine, real);
        Optional<FileSystemFacts.Fact> fact = place == null ? Optional.empty() : place.facts().fact(place.relative());
        return fact.map(f -> f.reparseTag() != 0 && !ReparseTag.isNameSurrogate(f.reparseTag())).orElse(false);
    }

    private static int read(Pointer handle, Pointer buffer, int length, Pointer read, Pointer overlapped) {
        OpenFile f = get(handle);
        if (f == null) {
            return notOpen("ReadFile", handle);
        }
        if (overlapped != null || buffer == null || read == null) {
            // Overlapped reads are not modelled; a NULL count without OVERLAPPED is not allowed ("ReadFile").
            return failInt(Win32Error.ERROR_INVALID_PARAMETER);
        }
        if (!f.canRead()) {
            return failInt(Win32Error.ERROR_ACCESS_DENIED);
        }
        if (f.dataWithheld()) {
            return failInt(ERROR_CLOUD_FILE_READ_ONLY_VOLUME);
        }
        if (f.directory()) {
            return failInt(Win32Error.ERROR_INVALID_FUNCTION);
        }
        read.setInt(0, 0);
        if (f.channel() == null) {
            // A link opened itself holds no data.
            return 1;
        }
        try {
            ByteBuffer b = buffer.getByteBuffer(0, Integer.toUnsignedLong(length));
            int n = f.channel().read(b);
            read.setInt(0, Math.max(n, 0));
            return 1;
        } catch (IOException e) {
            return failInt(Win32Error.ERROR_ACCESS_DENIED);
        }
    }

    private static int information(Pointer handle, int infoClass, Pointer info, int size) {
        OpenFile f = get(handle);
        if (f == null) {
            return notOpen("GetFileInformationByHandleEx", handle);
        }
        if (infoClass == FILE_STANDARD_INFO_CLASS) {
            return standardInformation(f, info, size);
        }
        if (infoClass != FILE_BASIC_INFO_CLASS) {
            // Only FileBasicInfo and FileStandardInfo are modelled (docs).
            return failInt(Win32Error.ERROR_INVALID_PARAMETER);
        }
        if (info == null || size < FILE_BASIC_INFO_SIZE) {
            // STATUS_INFO_LENGTH_MISMATCH, which Win32 reports as ERROR_BAD_LENGTH.
            return failInt(Win32Error.ERROR_BAD_LENGTH);
        }
        if ((f.access() & (GENERIC_READ | FILE_READ_ATTRIBUTES)) == 0) {
            return failInt(Win32Error.ERROR_ACCESS_DENIED);
        }
        FileSystemFacts.Fact fact = f.facts() == null ? null : f.facts().fact(f.relative()).orElse(null);
        Optional<FindEntry> e = FindEntry.of(f.host(), String.valueOf(f.host().getFileName()), fact);
        if (e.isEmpty()) {
            return failInt(Win32Error.ERROR_FILE_NOT_FOUND);
        }
        FindEntry entry = e.get();
        info.setLong(0, FindEntry.fileTime(entry.created()));
        info.setLong(8, FindEntry.fileTime(entry.accessed()));
        info.setLong(16, FindEntry.fileTime(entry.written()));
        info.setLong(24, FindEntry.fileTime(changeTime(f, entry.written())));
        info.setInt(32, entry.attributes());
        info.setInt(36, 0);
        return 1;
    }

    /**
     * {@code FileStandardInfo}: the size from the handle, so it needs the access the handle was opened with (read or
     * read attributes) and never the caller's rights to the path. AllocationSize is the host's allocation
     * ({@code st_blocks}, else EndOfFile); DeletePending is always FALSE (deleting is not modelled).
     */
    private static int standardInformation(OpenFile f, Pointer info, int size) {
        if (info == null || size < FILE_STANDARD_INFO_SIZE) {
            return failInt(Win32Error.ERROR_BAD_LENGTH);
        }
        if ((f.access() & (GENERIC_READ | FILE_READ_ATTRIBUTES)) == 0) {
            return failInt(Win32Error.ERROR_ACCESS_DENIED);
        }
        long end;
        long allocated;
        int links;
        try {
            Map<String, Object> unix = BLOCKS ? null : unixAttributes(f.host());
            if (unix != null) {
                // One lstat for the three (they were a call each); the JDK's unix view has no st_blocks.
                boolean link = Boolean.TRUE.equals(unix.get("isSymbolicLink"));
                end = f.directory() || link ? 0 : (Long) unix.get("size");
                allocated = end;
                links = unix.get("nlink") instanceof Integer i ? i : 1;
            } else {
                boolean link = Files.isSymbolicLink(f.host());
                end = f.directory() || link ? 0 : Files.size(f.host());
                Object blocks = attribute(f.host(), "unix:blocks");
                allocated = blocks instanceof Long b ? b * 512 : end;
                Object n = attribute(f.host(), "unix:nlink");
                links = n instanceof Integer i ? i : 1;
            }
        } catch (NoSuchFileException e) {
            return failInt(Win32Error.ERROR_FILE_NOT_FOUND);
        } catch (IOException e) {
            return failInt(Win32Error.ERROR_ACCESS_DENIED);
        }
        info.setLong(0, allocated);
        info.setLong(8, end);
        info.setInt(16, links);
        info.setByte(20, (byte) 0);
        info.setByte(21, (byte) (f.directory() ? 1 : 0));
        info.setShort(22, (short) 0);
        return 1;
    }

    /**
     * Whether the host's {@code unix} attribute view has {@code blocks} (st_blocks): then the per-attribute reads
     * below take it. OpenJDK's view has none ({@code unix:blocks} is refused), so AllocationSize is EndOfFile.
     */
    private static final boolean BLOCKS = hasBlocks();

    private static boolean hasBlocks() {
        try {
            Files.getAttribute(Path.of("").toAbsolutePath(), "unix:blocks");
            return true;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return false;
        }
    }

    /** The entry's size, link count and link bit in one read; null where the host has no unix view. */
    private static Map<String, Object> unixAttributes(Path p) throws IOException {
        try {
            return Files.readAttributes(p, "unix:size,nlink,isSymbolicLink", LinkOption.NOFOLLOW_LINKS);
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            return null;
        }
    }

    private static Object attribute(Path p, String name) throws IOException {
        try {
            return Files.getAttribute(p, name, LinkOption.NOFOLLOW_LINKS);
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * NTFS's ChangeTime: on a simulated volume or shadow copy, the facts' ({@link FileSystemFacts#changeTime}: in a
     * shadow copy the original's at snapshot time); elsewhere the host's status-change time (Linux {@code ctime}),
     * else the write time.
     */
    private static FileTime changeTime(OpenFile f, FileTime written) {
        if (f.facts() != null && f.relative().indexOf('\\') < 0) {
            try {
                Optional<Instant> t = f.facts().changeTime(f.relative());
                if (t.isPresent()) {
                    return FileTime.from(t.get());
                }
            } catch (IllegalArgumentException e) {
                // A host name no facts key can hold: the host's time below.
            }
        }
        Path p = f.host();
        try {
            Object t = Files.getAttribute(p, "unix:ctime", LinkOption.NOFOLLOW_LINKS);
            return t instanceof FileTime ft ? ft : written;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return written;
        }
    }

    private static int setInformation(Pointer handle, int infoClass, Pointer info, int size) {
        OpenFile f = get(handle);
        if (f == null) {
            return notOpen("SetFileInformationByHandle", handle);
        }
        if (infoClass != FILE_BASIC_INFO_CLASS) {
            return failInt(Win32Error.ERROR_INVALID_PARAMETER);
        }
        if (info == null || size < FILE_BASIC_INFO_SIZE) {
            return failInt(Win32Error.ERROR_BAD_LENGTH);
        }
        if ((f.access() & (GENERIC_WRITE | FILE_WRITE_ATTRIBUTES)) == 0) {
            return failInt(Win32Error.ERROR_ACCESS_DENIED);
        }
        long created = info.getLong(0);
        long accessed = info.getLong(8);
        long written = info.getLong(16);
        int attributes = info.getInt(32);
        if (f.facts() == null && (attributes != 0 || created != 0)) {
            // Outside every simulated volume the host keeps neither attributes nor (on Linux) a settable creation
            // time: the call fails, as BackupWrite there does, rather than report work it did not do
            // (docs/backup-semantics.md). Nothing is changed.
            return failInt(Win32Error.ERROR_NOT_SUPPORTED);
        }
        try {
            // 0 leaves a time as it is ("FILE_BASIC_INFO structure"); -1 (stop updating) is not modelled: as 0.
            Files.getFileAttributeView(f.host(), BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                    .setTimes(time(written), time(accessed), time(created));
        } catch (IOException e) {
            return failInt(Win32Error.ERROR_ACCESS_DENIED);
        }
        if (attributes != 0) {
            f.facts().setAttributes(f.relative(), attributes);
        }
        return 1;
    }

    private static FileTime time(long ticks) {
        if (ticks == 0 || ticks == -1) {
            return null;
        }
        Instant i = FileTimes.toInstant(ticks);
        return FileTime.from(i);
    }

    private static int notOpen(String function, Pointer handle) {
        SimulatedMachine.current().ledger().error(function + " on " + (handle == null ? "NULL"
                : "0x" + Long.toHexString(Pointer.nativeValue(handle))) + ", which is not an open file handle");
        return failInt(Win32Error.ERROR_INVALID_HANDLE);
    }

    private static Pointer fail(int error) {
        LastError.set(error);
        return INVALID_HANDLE_VALUE;
    }

    static int failInt(int error) {
        LastError.set(error);
        return 0;
    }

    /** For messages about a host exception. */
    static String describe(FileSystemException e) {
        return e.getFile() + ": " + e.getReason();
    }
}
