package org.vss4j.examples.logwriter;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32;

/**
 * What a log file holds: how many complete records (with contiguous sequence numbers from 0 and valid checksums), how
 * many bytes they take, and whether anything follows them (a torn or corrupt tail, the sign of an inconsistent copy).
 *
 * @param records    complete, valid records from the start
 * @param validBytes bytes those records take
 * @param fileBytes  the file's size
 */
public record LogCheck(long records, long validBytes, long fileBytes) {

    /** Whether the file is exactly a sequence of valid records: what a consistent backup of the log must be. */
    public boolean isClean() {
        return validBytes == fileBytes;
    }

    /** Checks {@code file} (a missing file is an empty log). */
    public static LogCheck of(Path file) throws IOException {
        if (!Files.exists(file)) {
            return new LogCheck(0, 0, 0);
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            long pos = 0;
            long seq = 0;
            ByteBuffer header = ByteBuffer.allocate(AppendOnlyLog.HEADER);
            while (pos + AppendOnlyLog.HEADER + AppendOnlyLog.TRAILER <= size) {
                header.clear();
                ch.read(header, pos);
                header.flip();
                long recordSeq = header.getLong();
                int length = header.getInt();
                long end = pos + AppendOnlyLog.HEADER + length + AppendOnlyLog.TRAILER;
                if (recordSeq != seq || length < 0 || end > size) {
                    break;
                }
                ByteBuffer body = ByteBuffer.allocate(AppendOnlyLog.HEADER + length + AppendOnlyLog.TRAILER);
                ch.read(body, pos);
                CRC32 crc = new CRC32();
                crc.update(body.array(), 0, AppendOnlyLog.HEADER + length);
                if (body.getInt(AppendOnlyLog.HEADER + length) != (int) crc.getValue()) {
                    break;
                }
                pos += body.capacity();
                seq++;
            }
            return new LogCheck(seq, pos, size);
        }
    }
}
