package org.vss4j.sim.win32;

import com.sun.jna.Pointer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.vss4j.abi.NativeExport;
import org.vss4j.com.Win32Error;
import org.vss4j.sim.SimulatedMachine;
import org.vss4j.sim.abi.BlockKind;
import org.vss4j.sim.abi.NativeCallback;
import org.vss4j.sim.abi.NativeHeap;

/**
 * {@code BackupRead}, {@code BackupSeek} and {@code BackupWrite} (Microsoft docs, "BackupRead function", "BackupSeek
 * function", "BackupWrite function", "WIN32_STREAM_ID structure"). The context the first call allocates is a tracked
 * native block: one never freed by a last call with {@code bAbort} TRUE fails the leak check. BackupRead returns the
 * file's data ({@code BACKUP_DATA}), then its security descriptor ({@code BACKUP_SECURITY_DATA}, with
 * {@code bProcessSecurity} TRUE), then its alternate data streams ({@code BACKUP_ALTERNATE_DATA}, named
 * {@code :name:$DATA}) in name order: Microsoft documents no order, this is the simulator's (docs/backup-semantics.md).
 * BackupWrite applies security descriptors and alternate data streams to the simulated volume's facts.
 */
final class BackupStreams {

    static final int BACKUP_DATA = 1;
    static final int BACKUP_SECURITY_DATA = 3;
    static final int BACKUP_ALTERNATE_DATA = 4;
    static final int STREAM_CONTAINS_SECURITY = 2;
    /** {@code sizeof(WIN32_STREAM_ID)} on x64, which the buffer must exceed ("BackupRead function"). */
    static final int STREAM_ID_SIZE = 24;
    /** The header on the wire: the members before {@code cStreamName}. */
    static final int HEADER = 20;

    /** One stream of a BackupRead: its header and name, then its data from memory or from the file's channel. */
    private record Stream(byte[] header, byte[] data, long size) {
    }

    /** A BackupRead's position: the stream, and the offset in its header+data. */
    private static final class ReadContext {
        final FileHandles.OpenFile file;
        final List<Stream> streams;
        int index;
        long offset;

        ReadContext(FileHandles.OpenFile file, List<Stream> streams) {
            this.file = file;
            this.streams = streams;
        }
    }

    /** A BackupWrite's unparsed bytes. */
    private static final class WriteContext {
        final FileHandles.OpenFile file;
        final ByteArrayOutputStream pending = new ByteArrayOutputStream();

        WriteContext(FileHandles.OpenFile file) {
            this.file = file;
        }
    }

    private static final Map<Long, Object> CONTEXTS = new ConcurrentHashMap<>();

    private BackupStreams() {
    }

    static void register(Map<NativeExport, NativeCallback> table) {
        Win32Function.put(table, NativeExport.BackupRead, 0, a -> read(a.pointer(0), a.pointer(1), a.int32(2),
                a.pointer(3), a.int32(4) != 0, a.int32(5) != 0, a.pointer(6)));
        Win32Function.put(table, NativeExport.BackupSeek, 0, a -> seek(a.pointer(0), a.int32(1), a.int32(2),
                a.pointer(3), a.pointer(4), a.pointer(5)));
        Win32Function.put(table, NativeExport.BackupWrite, 0, a -> write(a.pointer(0), a.pointer(1), a.int32(2),
                a.pointer(3), a.int32(4) != 0, a.int32(5) != 0, a.pointer(6)));
    }

    private static int read(Pointer handle, Pointer buffer, int length, Pointer count, boolean abort,
            boolean security, Pointer contextOut) {
        if (contextOut == null) {
            return FileHandles.failInt(Win32Error.ERROR_INVALID_PARAMETER);
        }
        if (abort) {
            return free("BackupRead", contextOut);
        }
        FileHandles.OpenFile f = FileHandles.get(handle);
        if (f == null) {
            return notOpen("BackupRead", handle);
        }
        if (count == null || buffer == null || length <= STREAM_ID_SIZE) {
            // "The buffer size must be greater than the size of a WIN32_STREAM_ID structure"; the code is the
            // simulator's choice.
            return FileHandles.failInt(Win32Error.ERROR_INVALID_PARAMETER);
        }
        Object c = context(contextOut);
        ReadContext ctx;
        if (c == null) {
            if (!f.canRead()) {
                return FileHandles.failInt(Win32Error.ERROR_ACCESS_DENIED);
            }
            if (f.dataWithheld()) {
                return FileHandles.failInt(FileHandles.ERROR_CLOUD_FILE_READ_ONLY_VOLUME);
            }
            ctx = new ReadContext(f, streams(f, security));
            allocate(contextOut, ctx, "BackupRead");
        } else if (c instanceof ReadContext r && r.file == f) {
            ctx = r;
        } else {
            return misuse("BackupRead with a context that is not this file's BackupRead context");
        }
        int written = 0;
        try {
            while (written < length && ctx.index < ctx.streams.size()) {
                Stream s = ctx.streams.get(ctx.index);
                long total = s.header().length + s.size();
                if (ctx.offset >= total) {
                    ctx.index++;
                    ctx.offset = 0;
                    continue;
                }
                int n;
                if (ctx.offset < s.header().length) {
                    n = (int) Math.min(length - written, s.header().length - ctx.offset);
                    buffer.write(written, s.header(), (int) ctx.offset, n);
                } else {
                    long at = ctx.offset - s.header().length;
                    int want = (int) Math.min(length - written, s.size() - at);
                    if (s.data() != null) {
                        buffer.write(written, s.data(), (int) at, want);
                        n = want;
                    } else {
                        ByteBuffer b = buffer.getByteBuffer(written, want);
                        n = f.channel().read(b, at);
                        if (n <= 0) {
                            // The file shrank while read: the stream's announced size cannot be met.
                            return FileHandles.failInt(Win32Error.ERROR_HANDLE_EOF);
                        }
                    }
                }
                written += n;
                ctx.offset += n;
            }
        } catch (IOException e) {
            return FileHandles.failInt(Win32Error.ERROR_ACCESS_DENIED);
        }
        count.setInt(0, written);
        return 1;
    }

    /** The streams of {@code f}: data (a file), security (if asked and known), each alternate data stream. */
    private static List<Stream> streams(FileHandles.OpenFile f, boolean security) {
        List<Stream> out = new ArrayList<>();
        if (!f.directory() && f.channel() != null) {
            long size;
            try {
                size = f.channel().size();
            } catch (IOException e) {
                size = 0;
            }
            out.add(new Stream(header(BACKUP_DATA, 0, size, ""), null, size));
        }
        if (f.facts() != null) {
            if (security) {
                f.facts().securityDescriptor(f.relative()).ifPresent(sd -> out.add(new Stream(
                        header(BACKUP_SECURITY_DATA, STREAM_CONTAINS_SECURITY, sd.length, ""), sd, sd.length)));
            }
            f.facts().alternateStreams(f.relative()).forEach((name, data) -> out.add(new Stream(
                    header(BACKUP_ALTERNATE_DATA, 0, data.length, ":" + name + ":$DATA"), data, data.length)));
        }
        return out;
    }

    static byte[] header(int id, int attributes, long size, String name) {
        // Every WCHAR as it is, a lone surrogate too (BackupStreamHeader.nameBytes).
        byte[] n = org.vss4j.files.BackupStreamHeader.nameBytes(name);
        return ByteBuffer.allocate(HEADER + n.length).order(ByteOrder.LITTLE_ENDIAN).putInt(id).putInt(attributes)
                .putLong(size).putInt(n.length).put(n).array();
    }

    private static int seek(Pointer handle, int low, int high, Pointer lowOut, Pointer highOut, Pointer contextOut) {
        if (lowOut == null || highOut == null || contextOut == null) {
            return FileHandles.failInt(Win32Error.ERROR_INVALID_PARAMETER);
        }
        FileHandles.OpenFile f = FileHandles.get(handle);
        if (f == null) {
            return notOpen("BackupSeek", handle);
        }
        long want = (Integer.toUnsignedLong(high) << 32) | Integer.toUnsignedLong(low);
        long moved = 0;
        if (context(contextOut) instanceof ReadContext ctx && ctx.file == f && ctx.index < ctx.streams.size()) {
            Stream s = ctx.streams.get(ctx.index);
            // Only within the current stream's data: BackupSeek "cannot be used to skip over" a header.
            if (ctx.offset >= s.header().length) {
                moved = Math.min(want, s.header().length + s.size() - ctx.offset);
                ctx.offset += moved;
            }
        } else if (context(contextOut) != null) {
            return misuse("BackupSeek with a context that is not this file's BackupRead context");
        }
        lowOut.setInt(0, (int) moved);
        highOut.setInt(0, (int) (moved >>> 32));
        if (moved < want) {
            // It "returns zero" when it could not seek the requested amount; the code is the simulator's choice.
            return FileHandles.failInt(Win32Error.ERROR_SEEK);
        }
        return 1;
    }

    private static int write(Pointer handle, Pointer buffer, int length, Pointer count, boolean abort,
            boolean security, Pointer contextOut) {
        if (contextOut == null) {
            return FileHandles.failInt(Win32Error.ERROR_INVALID_PARAMETER);
        }
        if (abort) {
            return free("BackupWrite", contextOut);
        }
        FileHandles.OpenFile f = FileHandles.get(handle);
        if (f == null) {
            return notOpen("BackupWrite", handle);
        }
        if (count == null || (buffer == null && length != 0)) {
            return FileHandles.failInt(Win32Error.ERROR_INVALID_PARAMETER);
        }
        if (!f.canWrite()) {
            return FileHandles.failInt(Win32Error.ERROR_ACCESS_DENIED);
        }
        Object c = context(contextOut);
        WriteContext ctx;
        if (c == null) {
            ctx = new WriteContext(f);
            allocate(contextOut, ctx, "BackupWrite");
        } else if (c instanceof WriteContext w && w.file == f) {
            ctx = w;
        } else {
            return misuse("BackupWrite with a context that is not this file's BackupWrite context");
        }
        if (length > 0) {
            ctx.pending.write(buffer.getByteArray(0, length), 0, length);
        }
        int error = apply(ctx, security);
        if (error != Win32Error.ERROR_SUCCESS) {
            return FileHandles.failInt(error);
        }
        count.setInt(0, length);
        return 1;
    }

    /** Applies every complete stream of the pending bytes; 0, or the Win32 error to fail with. */
    private static int apply(WriteContext ctx, boolean security) {
        byte[] all = ctx.pending.toByteArray();
        int at = 0;
        while (all.length - at >= HEADER) {
            ByteBuffer b = ByteBuffer.wrap(all, at, HEADER).order(ByteOrder.LITTLE_ENDIAN);
            int id = b.getInt();
            b.getInt();
            long size = b.getLong();
            int nameSize = b.getInt();
            if (size < 0 || size > Integer.MAX_VALUE || nameSize < 0 || nameSize % 2 != 0) {
                return Win32Error.ERROR_INVALID_DATA;
            }
            long end = (long) at + HEADER + nameSize + size;
            if (end > all.length) {
                break;
            }
            String name = org.vss4j.files.BackupStreamHeader.name(java.util.Arrays.copyOfRange(all, at + HEADER,
                    at + HEADER + nameSize));
            byte[] data = java.util.Arrays.copyOfRange(all, at + HEADER + nameSize, (int) end);
            int error = applyOne(ctx.file, id, name, data, security);
            if (error != Win32Error.ERROR_SUCCESS) {
                return error;
            }
            at = (int) end;
        }
        ctx.pending.reset();
        ctx.pending.write(all, at, all.length - at);
        return Win32Error.ERROR_SUCCESS;
    }

    private static int applyOne(FileHandles.OpenFile f, int id, String name, byte[] data, boolean security) {
        if (id == BACKUP_SECURITY_DATA && !security) {
            // "If this parameter is FALSE, the function skips the ACL data" ("BackupWrite function").
            return Win32Error.ERROR_SUCCESS;
        }
        if (id != BACKUP_SECURITY_DATA && id != BACKUP_ALTERNATE_DATA) {
            // Data, extended attributes, reparse data, sparse blocks ... are not modelled (docs).
            return Win32Error.ERROR_NOT_SUPPORTED;
        }
        if (f.facts() == null) {
            // Outside every simulated volume there is nowhere to keep them: the simulator's choice (docs).
            return Win32Error.ERROR_NOT_SUPPORTED;
        }
        if (id == BACKUP_SECURITY_DATA) {
            if ((f.access() & (FileHandles.WRITE_DAC | FileHandles.WRITE_OWNER)) == 0) {
                return Win32Error.ERROR_ACCESS_DENIED;
            }
            if (!SimulatedMachine.current().token().isEnabled("SeRestorePrivilege")) {
                // The descriptor is not interpreted, so whose owner it names is unknown: the simulator takes it to
                // name another owner, which only a holder of an enabled SeRestorePrivilege may set (docs).
                return ERROR_INVALID_OWNER;
            }
            f.facts().securityDescriptor(f.relative(), data);
            return Win32Error.ERROR_SUCCESS;
        }
        if (!name.startsWith(":") || !name.endsWith(":$DATA") || name.length() <= ":$DATA".length() + 1) {
            return Win32Error.ERROR_INVALID_DATA;
        }
        f.facts().alternateStream(f.relative(), name.substring(1, name.length() - ":$DATA".length()), data);
        return Win32Error.ERROR_SUCCESS;
    }

    /** {@code ERROR_INVALID_OWNER}: "This security ID may not be assigned as the owner of this object" (winerror.h). */
    static final int ERROR_INVALID_OWNER = 1307;

    private static Object context(Pointer contextOut) {
        Pointer p = contextOut.getPointer(0);
        return p == null ? null : CONTEXTS.get(Pointer.nativeValue(p));
    }

    private static void allocate(Pointer contextOut, Object ctx, String function) {
        Pointer p = NativeHeap.allocate(BlockKind.BACKUP_CONTEXT, 8, 0, function + " context");
        CONTEXTS.put(Pointer.nativeValue(p), ctx);
        contextOut.setPointer(0, p);
    }

    /** The last call, {@code bAbort} TRUE: frees the context (none allocated yet: nothing to do). */
    private static int free(String function, Pointer contextOut) {
        Pointer p = contextOut.getPointer(0);
        if (p == null) {
            return 1;
        }
        if (CONTEXTS.remove(Pointer.nativeValue(p)) == null || !NativeHeap.free(BlockKind.BACKUP_CONTEXT, p,
                function + " (bAbort TRUE)")) {
            return misuse(function + " with bAbort TRUE on a context that is not live");
        }
        return 1;
    }

    private static int notOpen(String function, Pointer handle) {
        SimulatedMachine.current().ledger().error(function + " on " + (handle == null ? "NULL"
                : "0x" + Long.toHexString(Pointer.nativeValue(handle))) + ", which is not an open file handle");
        return FileHandles.failInt(Win32Error.ERROR_INVALID_HANDLE);
    }

    private static int misuse(String what) {
        SimulatedMachine.current().ledger().error(what);
        return FileHandles.failInt(Win32Error.ERROR_INVALID_PARAMETER);
    }
}
