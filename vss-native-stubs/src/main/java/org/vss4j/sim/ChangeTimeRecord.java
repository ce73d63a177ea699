package org.vss4j.sim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The host's status-change time ({@code ctime}) of every entry of a volume at the moment a shadow copy of it is
 * made, kept compactly: per directory, its entries' names as one sorted block of UTF-8 bytes and their times as
 * {@code long} nanoseconds, so that a volume of a million files costs about 20 bytes per entry, not a map node, a
 * key string and an {@link Instant} each.
 *
 * <p>Why it is needed: a shadow copy keeps every time of a file, ChangeTime included ("FILE_BASIC_INFO
 * structure"), while the simulator's host copy of the volume gets a {@code ctime} of its own. The record is read
 * from the volume itself, on its own thread while the copy is made (the entries do not change meanwhile: the
 * writers are frozen, and the copy reads what this reads).
 */
final class ChangeTimeRecord {

    /** One directory's entries, sorted by their UTF-8 names (unsigned byte order). */
    private record Block(byte[] names, int[] ends, long[] nanos) {

        /** The time of {@code name}, or {@link Long#MIN_VALUE} if it is not one of the entries. */
        long find(byte[] name) {
            int lo = 0;
            int hi = ends.length - 1;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                int from = mid == 0 ? 0 : ends[mid - 1];
                int c = Arrays.compareUnsigned(names, from, ends[mid], name, 0, name.length);
                if (c < 0) {
                    lo = mid + 1;
                } else if (c > 0) {
                    hi = mid - 1;
                } else {
                    return nanos[mid];
                }
            }
            return Long.MIN_VALUE;
        }
    }

    private final Map<String, Block> byDirectory = new HashMap<>();
    /** The volume root's own time; {@link Long#MIN_VALUE} where it could not be read. */
    private long root = Long.MIN_VALUE;
    private int size;

    private ChangeTimeRecord() {
    }

    /** An empty record (a shadow copy recorded without change times reports its host copy's). */
    static ChangeTimeRecord empty() {
        return new ChangeTimeRecord();
    }

    /**
     * Reads the change time of every entry below {@code volumeRoot}, leaving out {@code excluded} (the simulator's
     * own storage) and what it cannot read (such an entry reports its copy's time, docs/simulator-storage.md).
     *
     * @throws UncheckedIOException if the volume root cannot be listed
     * @throws CancelledRecord if the thread is interrupted meanwhile
     */
    static ChangeTimeRecord read(Path volumeRoot, Set<Path> excluded) {
        ChangeTimeRecord r = new ChangeTimeRecord();
        r.root = hostChangeTime(volumeRoot);
        List<Path> pending = new ArrayList<>();
        pending.add(volumeRoot);
        boolean first = true;
        while (!pending.isEmpty()) {
            if (Thread.currentThread().isInterrupted()) {
                throw new CancelledRecord();
            }
            Path dir = pending.remove(pending.size() - 1);
            // Facts keys part names with '/' whatever the host's separator.
            String dirKey = volumeRoot.relativize(dir).toString().replace(dir.getFileSystem().getSeparator(), "/");
            List<byte[]> names = new ArrayList<>();
            List<Long> times = new ArrayList<>();
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
                for (Path e : entries) {
                    if (excluded.contains(e)) {
                        continue;
                    }
                    String name = e.getFileName().toString();
                    if (name.indexOf('\\') >= 0 || name.endsWith(":")) {
                        // No facts key holds such a host name (no NTFS name does): it reports its copy's time.
                        continue;
                    }
                    Entry a = entry(e);
                    if (a == null) {
                        continue; // gone, or the host does not let the simulator read it: its copy's time
                    }
                    names.add(name.getBytes(StandardCharsets.UTF_8));
                    times.add(a.nanos);
                    if (a.directory) {
                        pending.add(e);
                    }
                }
            } catch (IOException e) {
                if (first) {
                    throw new UncheckedIOException("cannot read the change times of volume " + volumeRoot, e);
                }
                // A directory the simulator may not list: its entries report their copies' times.
            }
            first = false;
            if (!names.isEmpty()) {
                r.byDirectory.put(dirKey, block(names, times));
                r.size += names.size();
            }
        }
        return r;
    }

    /** Thrown by {@link #read} when its thread is interrupted (the copy it goes with failed). */
    static final class CancelledRecord extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CancelledRecord() {
            super("the change-time record was cancelled", null, false, false);
        }
    }

    private static Block block(List<byte[]> names, List<Long> times) {
        Integer[] order = new Integer[names.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Arrays.compareUnsigned(names.get(a), names.get(b)));
        int total = 0;
        for (byte[] n : names) {
            total += n.length;
        }
        byte[] all = new byte[total];
        int[] ends = new int[order.length];
        long[] nanos = new long[order.length];
        int at = 0;
        for (int i = 0; i < order.length; i++) {
            byte[] n = names.get(order[i]);
            System.arraycopy(n, 0, all, at, n.length);
            at += n.length;
            ends[i] = at;
            nanos[i] = times.get(order[i]);
        }
        return new Block(all, ends, nanos);
    }

    private record Entry(long nanos, boolean directory) {
    }

    /** One {@code lstat}: the change time and whether to descend (a link to a directory is not followed). */
    private static Entry entry(Path p) {
        try {
            Map<String, Object> a = Files.readAttributes(p, "unix:ctime,isDirectory", LinkOption.NOFOLLOW_LINKS);
            if (a.get("ctime") instanceof FileTime t) {
                return new Entry(nanos(t.toInstant()), Boolean.TRUE.equals(a.get("isDirectory")));
            }
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            // No unix view (a Windows host): the last-write time, as FileSystemFacts reads a live entry's.
            try {
                var b = Files.readAttributes(p, java.nio.file.attribute.BasicFileAttributes.class,
                        LinkOption.NOFOLLOW_LINKS);
                return new Entry(nanos(b.lastModifiedTime().toInstant()), b.isDirectory());
            } catch (IOException x) {
                return null;
            }
        } catch (IOException e) {
            return null;
        }
        return null;
    }

    private static long hostChangeTime(Path p) {
        Entry e = entry(p);
        return e == null ? Long.MIN_VALUE : e.nanos;
    }

    /** Nanoseconds since 1970; {@link Instant}s far outside 1678–2261 are clamped (no file system keeps them). */
    private static long nanos(Instant t) {
        try {
            return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000_000L), t.getNano());
        } catch (ArithmeticException e) {
            return t.getEpochSecond() < 0 ? Long.MIN_VALUE + 1 : Long.MAX_VALUE;
        }
    }

    /**
     * The recorded change time of {@code key} (a facts key: relative, '/'-separated), or null if none was recorded.
     */
    Instant get(String key) {
        long t;
        if (key.isEmpty()) {
            t = root;
        } else {
            int slash = key.lastIndexOf('/');
            Block b = byDirectory.get(slash < 0 ? "" : key.substring(0, slash));
            if (b == null) {
                return null;
            }
            t = b.find(key.substring(slash + 1).getBytes(StandardCharsets.UTF_8));
        }
        return t == Long.MIN_VALUE ? null : Instant.ofEpochSecond(Math.floorDiv(t, 1_000_000_000L),
                Math.floorMod(t, 1_000_000_000L));
    }

    /** A record of these times by facts key (read back from a persistent shadow copy's facts). */
    static ChangeTimeRecord of(Map<String, Instant> times) {
        ChangeTimeRecord r = new ChangeTimeRecord();
        Map<String, List<byte[]>> names = new HashMap<>();
        Map<String, List<Long>> nanos = new HashMap<>();
        times.forEach((key, time) -> {
            if (key.isEmpty()) {
                r.root = nanos(time);
                return;
            }
            int slash = key.lastIndexOf('/');
            String dir = slash < 0 ? "" : key.substring(0, slash);
            names.computeIfAbsent(dir, d -> new ArrayList<>())
                    .add(key.substring(slash + 1).getBytes(StandardCharsets.UTF_8));
            nanos.computeIfAbsent(dir, d -> new ArrayList<>()).add(nanos(time));
        });
        names.forEach((dir, n) -> {
            r.byDirectory.put(dir, block(n, nanos.get(dir)));
            r.size += n.size();
        });
        return r;
    }

    /** Every recorded entry with its time (for a persistent shadow copy's facts file). */
    void forEach(BiConsumer<String, Instant> action) {
        if (root != Long.MIN_VALUE) {
            action.accept("", get(""));
        }
        byDirectory.forEach((dir, b) -> {
            for (int i = 0; i < b.ends.length; i++) {
                int from = i == 0 ? 0 : b.ends[i - 1];
                String name = new String(b.names, from, b.ends[i] - from, StandardCharsets.UTF_8);
                String key = dir.isEmpty() ? name : dir + "/" + name;
                action.accept(key, get(key));
            }
        });
    }

    /** How many entries have a time (the root not counted). */
    int size() {
        return size;
    }
}
