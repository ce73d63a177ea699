package org.vss4j.media;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vss4j.files.BackupStreamHeader;
import org.vss4j.files.BackupStreamReader;

/**
 * A file's streams besides its data (security descriptor, alternate data streams ...), as a backup set stores them:
 * the {@code BackupRead} stream format, headers and all, in the data.tar entry {@code .vss4j-streams/<entry name>}
 * right after the file's own entry, recorded in the catalog's {@code file_streams} table (docs/backup-semantics.md).
 * {@code BackupWrite} takes those bytes as they are.
 *
 * @param kinds the streams, comma-separated ({@code security,ads::Zone.Identifier:$DATA})
 * @param bytes the streams in the BackupRead format
 */
record FileStreams(String kinds, byte[] bytes) {

    /** The reserved top-level directory of data.tar: no source root starts with a period (MediaPath). */
    static final String ROOT = ".vss4j-streams";
    /** The streams kept: security descriptor, alternate data streams, extended attributes. */
    static final java.util.Set<Integer> KEPT = java.util.Set.of(BackupStreamHeader.BACKUP_SECURITY_DATA,
            BackupStreamHeader.BACKUP_ALTERNATE_DATA, BackupStreamHeader.BACKUP_EA_DATA);
    /** The most a file's streams besides its data may hold: they are kept in memory while the file is copied. */
    static final int MAX_BYTES = 64 * 1024 * 1024;

    /** The streams entry of the file entry {@code fileEntry}. */
    static String entryOf(String fileEntry) {
        return ROOT + "/" + fileEntry;
    }

    /** Whether {@code entryName} is in the reserved directory (the directory itself included). */
    static boolean isReserved(String entryName) {
        return entryName.equals(ROOT) || entryName.equals(ROOT + "/") || entryName.startsWith(ROOT + "/");
    }

    /** The file entry whose streams {@code streamsEntry} holds. */
    static String fileOf(String streamsEntry) {
        return streamsEntry.substring(ROOT.length() + 1);
    }

    /**
     * The streams of {@link #KEPT}, the others skipped; empty if there is none.
     *
     * @throws IOException if they cannot be read, or hold more than {@link #MAX_BYTES}
     */
    static Optional<FileStreams> read(BackupStreamReader reader, String what) throws IOException {
        return read(reader, what, -1).streams();
    }

    /**
     * What {@link #read(BackupStreamReader, String)} reads, and the file's data as its {@code BACKUP_DATA} stream
     * holds it (Microsoft docs, "WIN32_STREAM_ID structure": "Standard data"), or null.
     *
     * @param streams the streams kept, empty if there is none
     * @param data    the data, or null: none was asked for, the stream is larger or missing (a sparse file's data
     *                comes as BACKUP_SPARSE_BLOCK streams), or there are several
     */
    record WithData(Optional<FileStreams> streams, byte[] data) {
    }

    /**
     * As {@link #read(BackupStreamReader, String)}, keeping the data stream too when it holds at most
     * {@code dataLimit} bytes: a small file's data arrives in the same BackupRead buffers as its other streams, so
     * it need not be read a second time with ReadFile.
     *
     * @param dataLimit the largest data stream kept, -1 for none
     * @throws IOException if they cannot be read, or hold more than {@link #MAX_BYTES}
     */
    static WithData read(BackupStreamReader reader, String what, int dataLimit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<String> kinds = new ArrayList<>();
        byte[] data = null;
        int dataStreams = 0;
        for (Optional<BackupStreamHeader> h = reader.next(); h.isPresent(); h = reader.next()) {
            if (h.get().id() == BackupStreamHeader.BACKUP_DATA) {
                dataStreams++;
                if (h.get().size() <= dataLimit) {
                    data = reader.readData(dataLimit);
                }
                continue;
            }
            if (!KEPT.contains(h.get().id())) {
                // The data is stored as the file's entry. Reparse data, object ids, hard-link and TxF streams are
                // not kept: written back by BackupWrite they would make the restored file a stub of a chunk store
                // or cloud provider, or give it another file's object id.
                continue;
            }
            if (out.size() + h.get().size() > MAX_BYTES) {
                throw new IOException(what + ": its streams besides its data hold more than " + MAX_BYTES + " bytes");
            }
            out.writeBytes(h.get().toBytes());
            out.writeBytes(reader.readData(MAX_BYTES));
            kinds.add(h.get().kind());
        }
        Optional<FileStreams> streams = kinds.isEmpty() ? Optional.empty()
                : Optional.of(new FileStreams(String.join(",", kinds), out.toByteArray()));
        return new WithData(streams, dataStreams == 1 ? data : null);
    }
}
