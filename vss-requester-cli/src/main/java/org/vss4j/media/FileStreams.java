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
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<String> kinds = new ArrayList<>();
        for (Optional<BackupStreamHeader> h = reader.next(); h.isPresent(); h = reader.next()) {
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
        return kinds.isEmpty() ? Optional.empty() : Optional.of(new FileStreams(String.join(",", kinds),
                out.toByteArray()));
    }
}
