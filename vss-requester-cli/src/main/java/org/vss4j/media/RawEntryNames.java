package org.vss4j.media;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The entry names of a tar exactly as the archive holds them, in order (file, directory, link and special entries;
 * not the PAX and GNU long-name records). Commons Compress reads a name from a PAX {@code path} record or a GNU long
 * name with its leading {@code /} removed (and, on Windows, its drive letter), which would turn {@code /etc/x} into
 * {@code etc/x}; the restore judges the names the archive really holds, and refuses the absolute ones. Only the
 * headers are read: the data is skipped.
 */
final class RawEntryNames {

    private static final int RECORD = 512;

    private RawEntryNames() {
    }

    /** The names, or fewer than the archive's entries if it ends early (the restore then reports the damage). */
    static List<String> of(Path tar) throws IOException {
        List<String> out = new ArrayList<>();
        try (FileChannel ch = FileChannel.open(tar, StandardOpenOption.READ)) {
            long pos = 0;
            String longName = null;
            ByteBuffer header = ByteBuffer.allocate(RECORD);
            while (true) {
                header.clear();
                if (!readFully(ch, header, pos)) {
                    return out;
                }
                byte[] h = header.array();
                if (allZero(h)) {
                    return out;
                }
                long size = size(h);
                byte type = h[156];
                long dataStart = pos + RECORD;
                pos = dataStart + (size + RECORD - 1) / RECORD * RECORD;
                if (type == 'x' || type == 'L') {
                    if (size > 16 * 1024 * 1024) {
                        return out;
                    }
                    ByteBuffer data = ByteBuffer.allocate((int) size);
                    if (!readFully(ch, data, dataStart)) {
                        return out;
                    }
                    String value = type == 'L' ? cString(data.array(), 0, (int) size)
                            : paxPath(new String(data.array(), StandardCharsets.UTF_8));
                    if (value != null) {
                        longName = value;
                    }
                    continue;
                }
                if (type == 'g' || type == 'K') {
                    continue;
                }
                String name = longName != null ? longName : ustarName(h);
                longName = null;
                out.add(name);
            }
        }
    }

    private static String ustarName(byte[] h) {
        String name = cString(h, 0, 100);
        boolean ustar = h[257] == 'u' && h[258] == 's' && h[259] == 't' && h[260] == 'a' && h[261] == 'r';
        String prefix = ustar ? cString(h, 345, 155) : "";
        return prefix.isEmpty() ? name : prefix + "/" + name;
    }

    /** The {@code path} of a PAX record set ({@code "<len> path=<value>\n"} lines), or null. */
    private static String paxPath(String records) {
        String path = null;
        int i = 0;
        while (i < records.length()) {
            int space = records.indexOf(' ', i);
            int nl = records.indexOf('\n', space + 1);
            if (space < 0 || nl < 0) {
                break;
            }
            String kv = records.substring(space + 1, nl);
            if (kv.startsWith("path=")) {
                path = kv.substring(5);
            }
            i = nl + 1;
        }
        return path;
    }

    private static long size(byte[] h) {
        if ((h[124] & 0x80) != 0) { // base-256, for sizes of 8 GiB and more
            long v = 0;
            for (int i = 125; i < 136; i++) {
                v = (v << 8) | (h[i] & 0xff);
            }
            return v;
        }
        String s = cString(h, 124, 12).trim();
        return s.isEmpty() ? 0 : Long.parseLong(s, 8);
    }

    private static String cString(byte[] b, int off, int len) {
        int end = off;
        while (end < off + len && b[end] != 0) {
            end++;
        }
        return new String(b, off, end - off, StandardCharsets.UTF_8);
    }

    private static boolean allZero(byte[] b) {
        for (byte x : b) {
            if (x != 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean readFully(FileChannel ch, ByteBuffer buf, long pos) throws IOException {
        long p = pos;
        while (buf.hasRemaining()) {
            int n = ch.read(buf, p);
            if (n < 0) {
                return false;
            }
            p += n;
        }
        return true;
    }

    /**
     * Whether {@code parsed} is what Commons Compress makes of {@code raw}: the same name, or with its leading
     * {@code /}, drive letter or {@code \\} separators changed.
     */
    static boolean sameEntry(String raw, String parsed) {
        return raw.equals(parsed) || loose(raw).equals(loose(parsed));
    }

    private static String loose(String name) {
        String n = name.replace('\\', '/');
        if (n.length() >= 2 && n.charAt(1) == ':') {
            n = n.substring(2);
        }
        while (n.startsWith("/")) {
            n = n.substring(1);
        }
        return n;
    }
}
