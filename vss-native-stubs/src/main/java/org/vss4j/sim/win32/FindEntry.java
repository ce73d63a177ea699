package org.vss4j.sim.win32;

import org.vss4j.files.FileAttribute;
import org.vss4j.files.ReparseTag;
import com.sun.jna.Pointer;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import org.vss4j.abi.struct.Win32FindDataW;
import org.vss4j.sim.FileSystemFacts;

/**
 * One directory entry as {@code FindFirstFileW}/{@code FindNextFileW} report it in a {@code WIN32_FIND_DATAW}
 * (Microsoft docs, "WIN32_FIND_DATAW structure"): attributes, reparse tag, size and the three times, from the host
 * entry (never following a link) and its {@linkplain FileSystemFacts facts}.
 */
record FindEntry(String name, int attributes, int reparseTag, long size, FileTime created, FileTime accessed,
        FileTime written) {

    /** 100 ns intervals from 1601-01-01 to 1970-01-01, the FILETIME epoch to the Unix one. */
    private static final long FILETIME_UNIX_EPOCH = 116_444_736_000_000_000L;
    private static final Win32FindDataW.Offsets AT = Win32FindDataW.OFFSETS;
    /** {@code WCHAR cAlternateFileName[14]} (minwinbase.h). */
    private static final int ALTERNATE_NAME_CHARS = 14;
    /** Each thread's copy of the structure being written, little-endian as Windows lays it out. */
    private static final ThreadLocal<ByteBuffer> SCRATCH = ThreadLocal.withInitial(
            () -> ByteBuffer.allocate(AT.size()).order(ByteOrder.LITTLE_ENDIAN));

    /** The entry {@code child} (named {@code name}) with {@code fact} (or null); empty if it vanished meanwhile. */
    static Optional<FindEntry> of(Path child, String name, FileSystemFacts.Fact fact) {
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(child, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.of(of(child, name, a, fact));
    }

    /** The entry {@code child} (named {@code name}) with its own attributes {@code a} (link not followed). */
    static FindEntry of(Path child, String name, BasicFileAttributes a, FileSystemFacts.Fact fact) {
        boolean hostLink = a.isSymbolicLink();
        boolean tagged = fact != null && fact.reparseTag() != 0;
        int tag = tagged ? fact.reparseTag() : hostLink ? ReparseTag.SYMLINK.value() : 0;
        int extra = fact == null ? 0 : fact.attributes();
        boolean directory;
        if (hostLink) {
            // A link reports its own attributes, not its target's ("WIN32_FIND_DATAW structure"): whether it is a
            // directory link was fixed when it was made, and recorded then (a fact, or OutsideLinks). For a link
            // made on the host by a test, with no record, the host target is the best evidence.
            directory = tagged ? (extra & FileAttribute.DIRECTORY) != 0
                    : OutsideLinks.directory(child).orElseGet(() -> Files.isDirectory(child));
        } else {
            directory = a.isDirectory();
        }
        int attributes = (extra & ~FileAttribute.DIRECTORY) | (directory ? FileAttribute.DIRECTORY
                : FileAttribute.ARCHIVE) | (tag != 0 ? FileAttribute.REPARSE_POINT : 0);
        long size;
        if (directory || (hostLink && (tag == 0 || ReparseTag.isNameSurrogate(tag)))) {
            size = 0;
        } else {
            size = fact != null && fact.size() >= 0 ? fact.size() : a.size();
        }
        return new FindEntry(name, attributes, tag, size, a.creationTime(), a.lastAccessTime(), a.lastModifiedTime());
    }

    /** {@code .} or {@code ..}: the directory {@code dir} (followed) under that name. */
    static FindEntry dot(String name, Path dir) throws IOException {
        BasicFileAttributes a = Files.readAttributes(dir, BasicFileAttributes.class);
        return new FindEntry(name, FileAttribute.DIRECTORY, 0, 0, a.creationTime(), a.lastAccessTime(),
                a.lastModifiedTime());
    }

    /**
     * {@code System Volume Information} at the root {@code root}: {@code HIDDEN|SYSTEM|DIRECTORY}, listed without a
     * host directory (so the user's directories are not touched), with the root's times.
     */
    static FindEntry systemVolumeInformation(Path root) throws IOException {
        return dot(FileSystemFacts.SYSTEM_VOLUME_INFORMATION, root).withAttributes(FileAttribute.HIDDEN
                | FileAttribute.SYSTEM);
    }

    FindEntry withAttributes(int bits) {
        return new FindEntry(name, attributes | bits, reparseTag, size, created, accessed, written);
    }

    /**
     * Fills the caller's {@code WIN32_FIND_DATAW} at {@code p}: laid out member by member at the offsets of
     * {@link Win32FindDataW#OFFSETS} (the layout the ABI conformance test checks) in this thread's scratch copy, then
     * copied in one native write; no {@code Structure} is built per entry.
     */
    void write(Pointer p) {
        int length = name.length();
        if (length > Win32FindDataW.MAX_PATH - 1) {
            throw new IllegalStateException("a name longer than MAX_PATH - 1 WCHARs cannot be listed: " + name);
        }
        ByteBuffer d = SCRATCH.get();
        d.putInt(AT.fileAttributes(), attributes);
        // A FILETIME is two DWORDs, low part first ("FILETIME structure"): one little-endian 64-bit value.
        d.putLong(AT.creationTime(), fileTime(created));
        d.putLong(AT.lastAccessTime(), fileTime(accessed));
        d.putLong(AT.lastWriteTime(), fileTime(written));
        d.putInt(AT.fileSizeHigh(), (int) (size >>> 32));
        d.putInt(AT.fileSizeLow(), (int) size);
        // "If the dwFileAttributes member includes the FILE_ATTRIBUTE_REPARSE_POINT attribute, this member specifies
        // the reparse tag. Otherwise, this value is undefined": 0 then.
        d.putInt(AT.reserved0(), (attributes & FileAttribute.REPARSE_POINT) != 0 ? reparseTag : 0);
        d.putInt(AT.reserved1(), 0);
        byte[] bytes = d.array();
        int at = AT.fileName();
        for (int i = 0; i < length; i++) {
            d.putChar(at + 2 * i, name.charAt(i));
        }
        // The rest of cFileName zeroed (its NUL included). No 8.3 name in cAlternateFileName: short-name generation
        // is off on the volumes the simulator stands for (docs).
        Arrays.fill(bytes, at + 2 * length, at + 2 * Win32FindDataW.MAX_PATH, (byte) 0);
        Arrays.fill(bytes, AT.alternateFileName(), AT.alternateFileName() + 2 * ALTERNATE_NAME_CHARS, (byte) 0);
        p.write(0, bytes, 0, AT.size());
    }

    /** {@code t} as a FILETIME: 100 ns intervals since 1601-01-01 UTC. */
    static long fileTime(FileTime t) {
        Instant i = t.toInstant();
        return Math.addExact(Math.multiplyExact(i.getEpochSecond(), 10_000_000L), i.getNano() / 100)
                + FILETIME_UNIX_EPOCH;
    }
}
