package org.vss4j.sim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import org.vss4j.files.FileAttribute;
import org.vss4j.files.ReparseTag;

/**
 * What a Windows file system knows about a simulated volume's entries and a host directory cannot say: reparse points
 * and their tags, attributes such as HIDDEN and SYSTEM, directories that deny access, directories whose names are
 * case-sensitive. A sidecar table keyed by the path below the volume root ({@code dir/file.txt}; {@code \} is accepted
 * and case is kept, as the host's names are). The simulated {@code FindFirstFileW} reports entries with these facts,
 * and every shadow copy gets a copy of its volume's facts as they were when it was made (docs/simulator-file-system.md).
 *
 * <p>Links (symbolic links, junctions, mount points) are made here as real host symbolic links, so code that follows
 * one really goes where the link leads, on Windows as in the simulator: a junction with an absolute target inside a
 * shadow copy leads to the live volume.
 */
public final class FileSystemFacts {

    /** {@code \System Volume Information}: at every volume root and shadow copy root, denying access to everyone. */
    public static final String SYSTEM_VOLUME_INFORMATION = "System Volume Information";

    /** The attributes of a cloud placeholder whose data is not on the disk (see {@link #cloudPlaceholder}). */
    static final int DEHYDRATED = FileAttribute.RECALL_ON_DATA_ACCESS | FileAttribute.OFFLINE
            | FileAttribute.SPARSE_FILE;

    /**
     * One entry's facts: its reparse tag (0: none), attribute bits added to what the host shows (for a link,
     * {@code DIRECTORY} says it is a directory link), and its size when the host file does not hold the data (-1:
     * the host file's size).
     */
    public record Fact(int reparseTag, int attributes, long size) {
    }

    private final Path root;
    private final Map<String, Fact> entries = new LinkedHashMap<>();
    private final Set<String> denied = new LinkedHashSet<>();
    private final Set<String> caseSensitive = new LinkedHashSet<>();
    /** Security descriptors (self-relative, as BackupRead returns them) by entry (docs/backup-semantics.md). */
    private final Map<String, byte[]> security = new LinkedHashMap<>();
    /** Alternate data streams by entry, each by its name ({@code name}, stored without {@code :...:$DATA}). */
    private final Map<String, TreeMap<String, byte[]>> streams = new LinkedHashMap<>();
    /**
     * On a live volume: when the simulator last changed an entry's metadata that the host file does not hold (its
     * security descriptor, alternate data streams, attributes, reparse point), which NTFS's ChangeTime counts.
     */
    private final Map<String, Instant> metadataChanged = new HashMap<>();
    /** In a shadow copy: each entry's ChangeTime when the copy was made; null for a live volume's facts. */
    private ChangeTimeTable changeTimesAtSnapshot;

    FileSystemFacts(Path root) {
        this.root = root;
    }

    /**
     * The host directory these facts describe (a volume's root or a shadow copy's directory).
     *
     * @return the host directory
     */
    public Path root() {
        return root;
    }

    /**
     * {@code path}, an existing file, is deduplicated: a reparse point with {@code IO_REPARSE_TAG_DEDUP} whose data
     * Windows reads from the chunk store (Microsoft docs, "Data Deduplication Overview"). Its content is the host
     * file's.
     *
     * @param path the file, relative to {@link #root()} ({@code \} or {@code /} separated)
     * @return these facts
     */
    public FileSystemFacts deduplicated(String path) {
        return dataFile(path, ReparseTag.DEDUP.value(), 0);
    }

    /**
     * {@code path}, an existing file, is compressed by WOF (CompactOS): {@code IO_REPARSE_TAG_WOF}.
     *
     * @param path the file, relative to {@link #root()} ({@code \} or {@code /} separated)
     * @return these facts
     */
    public FileSystemFacts wofCompressed(String path) {
        return dataFile(path, ReparseTag.WOF.value(), 0);
    }

    /**
     * {@code path}, an existing file, is a cloud files placeholder ({@code IO_REPARSE_TAG_CLOUD}). A hydrated one
     * holds its data; a dehydrated one has {@code RECALL_ON_DATA_ACCESS}, {@code OFFLINE} and {@code SPARSE_FILE}
     * (Microsoft docs, "RtlSetProcessPlaceholderCompatibilityMode function": the reparse point, the sparse bit and
     * the offline bit of an exposed placeholder). Reading it on the live volume gives the host file's content (the
     * sync engine hydrates it); a shadow copy does not hold its data, so reading it there fails.
     *
     * @param path the file, relative to {@link #root()} ({@code \} or {@code /} separated)
     * @param hydrated whether the placeholder holds its data
     * @return these facts
     */
    public FileSystemFacts cloudPlaceholder(String path, boolean hydrated) {
        return dataFile(path, ReparseTag.CLOUD.value(), hydrated ? 0 : DEHYDRATED);
    }

    /**
     * {@code path}, an existing file or directory (not a host link), is a reparse point with {@code tag}, which is not
     * a link's (use {@link #symbolicLink}, {@link #junction}, {@link #mountPoint}), with {@code attributes} added.
     *
     * @param path the file or directory, relative to {@link #root()} ({@code \} or {@code /} separated)
     * @param tag the reparse tag, neither 0 nor a name surrogate's (winnt.h {@code IO_REPARSE_TAG_*})
     * @param attributes the {@code FILE_ATTRIBUTE_*} bits added (winnt.h)
     * @return these facts
     * @throws IllegalArgumentException for a tag that is 0 or a name surrogate's
     */
    public synchronized FileSystemFacts reparsePoint(String path, int tag, int attributes) {
        if (tag == 0 || ReparseTag.isNameSurrogate(tag)) {
            throw new IllegalArgumentException("not a data-carrying reparse tag: 0x" + Integer.toHexString(tag));
        }
        String key = key(path);
        Path p = root.resolve(key);
        if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS) || Files.isSymbolicLink(p)) {
            throw new IllegalArgumentException("no file or directory " + key + " on " + root);
        }
        entries.put(key, new Fact(tag, attributes | attributesOf(key), -1));
        metadataChanged(key);
        return this;
    }

    /**
     * Adds {@code attributes} ({@code HIDDEN}, {@code SYSTEM}, {@code READONLY}, ...) to the entry {@code path}.
     *
     * @param path the entry, relative to {@link #root()} ({@code \} or {@code /} separated)
     * @param attributes the {@code FILE_ATTRIBUTE_*} bits (winnt.h), neither {@code DIRECTORY} nor
     *                   {@code REPARSE_POINT}
     * @return these facts
     * @throws IllegalArgumentException for {@code DIRECTORY} or {@code REPARSE_POINT}, which come from the entry itself
     */
    public synchronized FileSystemFacts attributes(String path, int attributes) {
        if ((attributes & (FileAttribute.DIRECTORY | FileAttribute.REPARSE_POINT)) != 0) {
            throw new IllegalArgumentException("DIRECTORY and REPARSE_POINT come from the entry itself");
        }
        String key = key(path);
        Fact f = entries.get(key);
        entries.put(key, f == null ? new Fact(0, attributes, -1)
                : new Fact(f.reparseTag(), f.attributes() | attributes, f.size()));
        metadataChanged(key);
        return this;
    }

    /**
     * {@code SetFileInformationByHandle} with {@code FILE_BASIC_INFO}: the entry's settable attribute bits
     * ({@link FileAttribute#SETTABLE}, those Microsoft docs, "SetFileAttributesW function", lists as supported) become
     * those of {@code attributes}; the others (its reparse tag, {@code DIRECTORY}, {@code REPARSE_POINT},
     * {@code SPARSE_FILE}, {@code COMPRESSED}, {@code ENCRYPTED}, {@code RECALL_*}), which come from the entry itself,
     * stay as they are whatever {@code attributes} says. {@code FILE_ATTRIBUTE_NORMAL} (0x80) alone clears the
     * settable ones. ARCHIVE stays: files always show it (docs/simulator.md).
     *
     * @param path the entry, relative to {@link #root()}
     * @param attributes the {@code FILE_ATTRIBUTE_*} bits (winnt.h)
     * @return these facts
     */
    public synchronized FileSystemFacts setAttributes(String path, int attributes) {
        String key = key(path);
        Fact f = entries.get(key);
        int kept = f == null ? 0 : f.attributes() & ~FileAttribute.SETTABLE;
        int bits = attributes & FileAttribute.SETTABLE & ~(FileAttribute.ARCHIVE | FileAttribute.NORMAL);
        entries.put(key, new Fact(f == null ? 0 : f.reparseTag(), kept | bits, f == null ? -1 : f.size()));
        metadataChanged(key);
        return this;
    }

    /**
     * {@code MoveFileExW} of {@code from} onto {@code to} in these facts: what {@code to} had (attributes, security
     * descriptor, alternate data streams) goes with the replaced file, and {@code from}'s facts are {@code to}'s now.
     *
     * @param from the entry moved, relative to {@link #root()}
     * @param to   its new name, relative to {@link #root()}
     * @return these facts
     */
    public synchronized FileSystemFacts moved(String from, String to) {
        String f = key(from);
        String t = key(to);
        entries.remove(t);
        security.remove(t);
        streams.remove(t);
        Fact fact = entries.remove(f);
        if (fact != null) {
            entries.put(t, fact);
        }
        byte[] sd = security.remove(f);
        if (sd != null) {
            security.put(t, sd);
        }
        TreeMap<String, byte[]> st = streams.remove(f);
        if (st != null) {
            streams.put(t, st);
        }
        return this;
    }

    /**
     * Makes {@code path} a symbolic link to {@code target} (a host path; a relative target stays relative, as
     * {@code CreateSymbolicLinkW} keeps it): a reparse point with {@code IO_REPARSE_TAG_SYMLINK}, a directory link if
     * {@code directory} (Windows records that when the link is made, whatever the target is later).
     *
     * @param path the link, relative to {@link #root()} ({@code \} or {@code /} separated)
     * @param target the host path it leads to
     * @param directory whether it is a directory link
     * @return these facts
     */
    public synchronized FileSystemFacts symbolicLink(String path, Path target, boolean directory) {
        String key = link(path, target);
        entries.put(key, new Fact(ReparseTag.SYMLINK.value(), directory ? FileAttribute.DIRECTORY : 0, -1));
        return this;
    }

    /**
     * Makes {@code path} a junction to the directory {@code absoluteTarget}: {@code IO_REPARSE_TAG_MOUNT_POINT} and
     * {@code DIRECTORY}. A junction's target is always absolute (Microsoft docs, "REPARSE_DATA_BUFFER structure": the
     * mount point buffer has no relative flag), so inside a shadow copy it still leads to the live volume; the host
     * link does the same.
     *
     * @param path the junction, relative to {@link #root()} ({@code \} or {@code /} separated)
     * @param absoluteTarget the absolute host path of the directory it leads to
     * @return these facts
     * @throws IllegalArgumentException if {@code absoluteTarget} is relative
     */
    public synchronized FileSystemFacts junction(String path, Path absoluteTarget) {
        if (!absoluteTarget.isAbsolute()) {
            throw new IllegalArgumentException("a junction's target is absolute: " + absoluteTarget);
        }
        String key = link(path, absoluteTarget);
        entries.put(key, new Fact(ReparseTag.MOUNT_POINT.value(), FileAttribute.DIRECTORY, -1));
        return this;
    }

    /**
     * Makes {@code path} a volume mount point (a mounted folder) of {@code mounted}: {@code IO_REPARSE_TAG_MOUNT_POINT}
     * and {@code DIRECTORY} (Microsoft docs, "Determining Whether a Directory Is a Mounted Folder"). The host link
     * leads to the live mounted volume, as the mount point does from inside a shadow copy.
     *
     * @param path the mounted folder, relative to {@link #root()} ({@code \} or {@code /} separated)
     * @param mounted the volume mounted there
     * @return these facts
     */
    public synchronized FileSystemFacts mountPoint(String path, Volume mounted) {
        String key = link(path, mounted.root());
        entries.put(key, new Fact(ReparseTag.MOUNT_POINT.value(), FileAttribute.DIRECTORY, -1));
        return this;
    }

    /**
     * The host symbolic link {@code path}, made by {@code CreateSymbolicLinkW}, is a reparse point with
     * {@code IO_REPARSE_TAG_SYMLINK}, a directory link if it was made with {@code SYMBOLIC_LINK_FLAG_DIRECTORY}: Windows
     * fixes that when the link is made, whatever the target is then or later ("CreateSymbolicLinkW function").
     *
     * @param path the existing host link, relative to {@link #root()} ({@code \} or {@code /} separated)
     * @param directory whether it was made as a directory link
     * @return these facts
     * @throws IllegalArgumentException if {@code path} is no host symbolic link
     */
    public FileSystemFacts recordSymbolicLink(String path, boolean directory) {
        String key = key(path);
        if (!Files.isSymbolicLink(root.resolve(key))) {
            throw new IllegalArgumentException("no host link " + key + " on " + root);
        }
        recordLink(key, ReparseTag.SYMLINK.value(), directory);
        return this;
    }

    /** The existing host link {@code key} is a link with {@code tag} (a name surrogate), a directory if so said. */
    synchronized void recordLink(String key, int tag, boolean directory) {
        entries.put(key, new Fact(tag, directory ? FileAttribute.DIRECTORY : 0, -1));
    }

    /**
     * The directory or file {@code directory} (and everything below a directory) deny access
     * ({@code ERROR_ACCESS_DENIED}): its ACL grants the requester nothing. {@code FindFirstFileW} cannot list it;
     * {@code CreateFileW} opens it only with {@code FILE_FLAG_BACKUP_SEMANTICS} and SeBackupPrivilege (to read) or
     * SeRestorePrivilege (to write) enabled in the token (docs/backup-semantics.md).
     *
     * @param directory the directory or file, relative to {@link #root()} ({@code \} or {@code /} separated)
     * @return these facts
     */
    public synchronized FileSystemFacts denyAccess(String directory) {
        String key = key(directory);
        denied.add(key);
        // Its ACL changed: a security descriptor change.
        metadataChanged(key);
        return this;
    }

    /**
     * {@code directory} is case-sensitive (Windows 10 1803 and later, {@code fsutil file setCaseSensitiveInfo}): names
     * in it that differ only by case are different entries, and a name matches only with its own case.
     *
     * @param directory the directory, relative to {@link #root()} ({@code \} or {@code /} separated)
     * @return these facts
     */
    public synchronized FileSystemFacts caseSensitive(String directory) {
        caseSensitive.add(key(directory));
        return this;
    }

    /**
     * The facts of the entry {@code path}, if any. A link's fact (symbolic link, junction, mount point) holds while its
     * host link does: once the link is gone (deleted, or a mounted folder given back its empty directory), so is the
     * reparse point.
     *
     * @param path the entry, relative to {@link #root()} ({@code \} or {@code /} separated)
     * @return the entry's facts, or empty if it has none (a plain file or directory)
     */
    public synchronized Optional<Fact> fact(String path) {
        String key = key(path);
        Fact f = entries.get(key);
        if (f != null && ReparseTag.isNameSurrogate(f.reparseTag()) && !Files.isSymbolicLink(root.resolve(key))) {
            entries.remove(key);
            return Optional.empty();
        }
        return Optional.ofNullable(f);
    }

    /**
     * Whether listing {@code directory} is denied: it or a directory above it denies access, or it is in SVI.
     *
     * @param directory the directory, relative to {@link #root()} ({@code \} or {@code /} separated)
     * @return true if listing it fails with {@code ERROR_ACCESS_DENIED}
     */
    public synchronized boolean isAccessDenied(String directory) {
        String key = key(directory);
        String first = key.contains("/") ? key.substring(0, key.indexOf('/')) : key;
        if (first.equalsIgnoreCase(SYSTEM_VOLUME_INFORMATION)) {
            return true;
        }
        for (String d : denied) {
            if (d.isEmpty() || key.equals(d) || key.startsWith(d + "/")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether {@code directory} was made case-sensitive.
     *
     * @param directory the directory, relative to {@link #root()} ({@code \} or {@code /} separated)
     * @return true if {@link #caseSensitive(String)} was called for exactly that directory
     */
    public synchronized boolean isCaseSensitive(String directory) {
        return caseSensitive.contains(key(directory));
    }

    /**
     * {@code path}, an existing file or directory, has the security descriptor {@code descriptor}: the bytes
     * {@code BackupRead} returns in its {@code BACKUP_SECURITY_DATA} stream (a self-relative
     * {@code SECURITY_DESCRIPTOR}). The simulator keeps the bytes as given and does not interpret them.
     *
     * @param path the entry, relative to {@link #root()} ({@code \} or {@code /} separated)
     * @param descriptor the descriptor's bytes
     * @return these facts
     * @throws IllegalArgumentException if there is no such entry
     */
    public synchronized FileSystemFacts securityDescriptor(String path, byte[] descriptor) {
        String key = existing(path);
        security.put(key, descriptor.clone());
        metadataChanged(key);
        return this;
    }

    /**
     * The security descriptor of {@code path}, if one was given.
     *
     * @param path the entry, relative to {@link #root()}
     * @return its bytes, or empty
     */
    public synchronized Optional<byte[]> securityDescriptor(String path) {
        byte[] d = security.get(key(path));
        return d == null ? Optional.empty() : Optional.of(d.clone());
    }

    /**
     * {@code path}, an existing file or directory, has the alternate data stream {@code name} holding {@code data}
     * (NTFS's named {@code $DATA} stream {@code path:name}; Microsoft docs, "File Streams (Local File Systems)").
     *
     * @param path the entry, relative to {@link #root()} ({@code \} or {@code /} separated)
     * @param name the stream's name, without colons (e.g. {@code Zone.Identifier})
     * @param data its content
     * @return these facts
     * @throws IllegalArgumentException if there is no such entry, or the name is empty or holds {@code :}, {@code /},
     *                                  {@code \} or NUL
     */
    public synchronized FileSystemFacts alternateStream(String path, String name, byte[] data) {
        if (name.isEmpty() || name.chars().anyMatch(c -> c == ':' || c == '/' || c == '\\' || c == 0)) {
            throw new IllegalArgumentException("not a stream name: " + name);
        }
        String key = existing(path);
        streams.computeIfAbsent(key, k -> new TreeMap<>(String.CASE_INSENSITIVE_ORDER)).put(name, data.clone());
        metadataChanged(key);
        return this;
    }

    /**
     * The alternate data streams of {@code path}, by name, in name order without case (NTFS compares stream names
     * without case).
     *
     * @param path the entry, relative to {@link #root()}
     * @return a copy: name to content
     */
    public synchronized Map<String, byte[]> alternateStreams(String path) {
        TreeMap<String, byte[]> s = streams.get(key(path));
        Map<String, byte[]> out = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (s != null) {
            s.forEach((n, d) -> out.put(n, d.clone()));
        }
        return out;
    }

    /**
     * Whether opening {@code path} itself is denied: it, or a directory above it, denies access
     * ({@link #denyAccess}), or it is in System Volume Information.
     *
     * @param path the entry, relative to {@link #root()}
     * @return true if its ACL grants the requester nothing
     */
    public boolean isDenied(String path) {
        return isAccessDenied(path);
    }

    /**
     * The entry's {@code ChangeTime} as {@code GetFileInformationByHandleEx(FileBasicInfo)} reports it. NTFS moves
     * it on any change of the file's data or metadata: content, attributes, times, security descriptor, alternate
     * data streams, rename ("FILE_BASIC_INFO structure": the time the file was changed). In a shadow copy it is the
     * original's at the moment the copy was made ({@link #recordChangeTimes}), as on Windows, where a shadow copy
     * keeps every time of the file. On a live volume it is the later of the host's status-change time (Linux
     * {@code ctime}, which content, rename, mode and time changes move) and the last change the simulator made to
     * metadata the host file does not hold (security descriptor, alternate data streams, attributes, reparse point).
     *
     * @param path the entry, relative to {@link #root()}
     * @return its change time, or empty if the entry is not there
     */
    public synchronized Optional<Instant> changeTime(String path) {
        String key = key(path);
        if (changeTimesAtSnapshot != null) {
            Instant then = changeTimesAtSnapshot.get(key);
            if (then != null) {
                return Optional.of(then);
            }
        }
        return liveChangeTime(key);
    }

    private Optional<Instant> liveChangeTime(String key) {
        Instant host = hostChangeTime(root.resolve(key));
        if (host == null) {
            return Optional.empty();
        }
        Instant simulated = metadataChanged.get(key);
        return Optional.of(simulated != null && simulated.isAfter(host) ? simulated : host);
    }

    /** The host's status-change time ({@code unix:ctime}), else its last-write time; null if it is not there. */
    private static Instant hostChangeTime(Path p) {
        try {
            Object t = Files.getAttribute(p, "unix:ctime", LinkOption.NOFOLLOW_LINKS);
            if (t instanceof FileTime ft) {
                return ft.toInstant();
            }
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            // No unix view (a Windows host): the last-write time below.
        } catch (IOException e) {
            return null;
        }
        try {
            return Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS).toInstant();
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * The simulator changed the metadata of {@code key}: its ChangeTime moves forward, past the one it had (FILETIME
     * counts 100 ns), so that a change made within the host clock's resolution is still seen.
     */
    private void metadataChanged(String key) {
        if (changeTimesAtSnapshot != null) {
            // A shadow copy's facts are only made by the store; its times stay those of the snapshot.
            return;
        }
        Instant now = Instant.now();
        Instant was = liveChangeTime(key).orElse(null);
        if (was != null && !now.isAfter(was)) {
            now = was.plusNanos(100);
        }
        metadataChanged.put(key, now);
    }

    /**
     * In a shadow copy's facts: records the ChangeTime of every entry of the volume {@code live} now, the moment
     * the copy is taken, so the shadow copy reports the originals' and not the host copy's (a copy has its own
     * {@code ctime}). Entries below {@code excluded} (the simulator's own storage) are left out.
     */
    synchronized void recordChangeTimes(FileSystemFacts live, Set<Path> excluded) {
        ChangeTimeTable times = new ChangeTimeTable();
        Path from = live.root();
        try {
            Files.walkFileTree(from, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    if (excluded.contains(dir)) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    record(dir);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (!excluded.contains(file)) {
                        record(file);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException exc) {
                    // An entry the host does not let the simulator read: it reports the copy's time (docs).
                    return FileVisitResult.CONTINUE;
                }

                private void record(Path p) {
                    String name = from.relativize(p).toString();
                    if (name.indexOf('\\') >= 0) {
                        // A host name holding '\' (no NTFS name does) has no facts: it reports its copy's time.
                        return;
                    }
                    String key;
                    try {
                        key = key(name);
                    } catch (IllegalArgumentException e) {
                        return; // a host name no facts key can hold (e.g. ending with ':'): the same
                    }
                    live.changeTime(key).ifPresent(t -> times.put(key, t));
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the change times of volume " + from, e);
        }
        changeTimesAtSnapshot = times;
    }

    private String existing(String path) {
        String key = key(path);
        if (!Files.exists(root.resolve(key), LinkOption.NOFOLLOW_LINKS)) {
            throw new IllegalArgumentException("no file or directory " + key + " on " + root);
        }
        return key;
    }

    /** The same facts for the shadow copy of this volume in {@code snapshotDirectory}. */
    synchronized FileSystemFacts copyFor(Path snapshotDirectory) {
        FileSystemFacts c = new FileSystemFacts(snapshotDirectory);
        c.entries.putAll(entries);
        c.denied.addAll(denied);
        c.caseSensitive.addAll(caseSensitive);
        security.forEach((k, d) -> c.security.put(k, d.clone()));
        streams.forEach((k, m) -> {
            TreeMap<String, byte[]> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            m.forEach((n, d) -> copy.put(n, d.clone()));
            c.streams.put(k, copy);
        });
        return c;
    }

    /** RevertToSnapshot: the volume's facts become the shadow copy's. */
    synchronized void replaceWith(FileSystemFacts snapshotFacts) {
        FileSystemFacts from = snapshotFacts.copyFor(root);
        entries.clear();
        entries.putAll(from.entries);
        denied.clear();
        denied.addAll(from.denied);
        caseSensitive.clear();
        caseSensitive.addAll(from.caseSensitive);
        security.clear();
        security.putAll(from.security);
        streams.clear();
        streams.putAll(from.streams);
        // The reverted files are the host's copies now: their change times are those of the revert (docs).
        metadataChanged.clear();
    }

    /**
     * In a shadow copy (these facts' root is its directory): a dehydrated placeholder's data is not on the volume, so
     * the copy does not hold it either. Its host file becomes a link to itself, which every read fails on (with
     * "too many levels of symbolic links"), even as root; its size is kept as a fact, for {@code FindFirstFileW}.
     */
    synchronized void withholdDehydratedData() {
        for (Map.Entry<String, Fact> e : new ArrayList<>(entries.entrySet())) {
            Fact f = e.getValue();
            Path p = root.resolve(e.getKey());
            if (!ReparseTag.isCloud(f.reparseTag()) || (f.attributes() & DEHYDRATED) == 0
                    || !Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            try {
                BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                Files.delete(p);
                Files.createSymbolicLink(p, p.getFileName());
                try {
                    Files.getFileAttributeView(p, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                            .setTimes(a.lastModifiedTime(), a.lastAccessTime(), a.creationTime());
                } catch (IOException | UnsupportedOperationException ignored) {
                    // The link's own times are then its creation time: only FindFirstFileW's times differ.
                }
                entries.put(e.getKey(), new Fact(f.reparseTag(), f.attributes(), a.size()));
            } catch (IOException x) {
                throw new UncheckedIOException("cannot withhold the data of placeholder " + p, x);
            }
        }
    }

    /** For a persistent shadow copy's record. */
    synchronized Properties toProperties() {
        Properties p = new Properties();
        entries.forEach((k, f) -> p.setProperty("entry." + k, Integer.toHexString(f.reparseTag()) + ","
                + Integer.toHexString(f.attributes()) + "," + f.size()));
        denied.forEach(d -> p.setProperty("denied." + d, ""));
        caseSensitive.forEach(d -> p.setProperty("caseSensitive." + d, ""));
        // '|' is in no NTFS name, so it parts an entry from a stream name unambiguously.
        security.forEach((k, d) -> p.setProperty("security." + k, HexFormat.of().formatHex(d)));
        streams.forEach((k, m) -> m.forEach((n, d) -> p.setProperty("stream." + k + "|" + n,
                HexFormat.of().formatHex(d))));
        if (changeTimesAtSnapshot != null) {
            changeTimesAtSnapshot.forEach((k, t) -> p.setProperty("changeTime." + k, t.toString()));
        }
        return p;
    }

    /**
     * Facts of {@code root} read back from {@link #toProperties()}.
     *
     * @throws IllegalArgumentException naming the property, if an entry is not {@code <tag>,<attributes>,<size>}
     */
    static FileSystemFacts fromProperties(Path root, Properties p) {
        FileSystemFacts f = new FileSystemFacts(root);
        // Only a shadow copy's facts are recorded; one recorded without change times reports its host copy's.
        f.changeTimesAtSnapshot = new ChangeTimeTable();
        for (String name : p.stringPropertyNames()) {
            if (name.startsWith("entry.")) {
                String value = p.getProperty(name);
                String[] v = value.split(",");
                try {
                    if (v.length != 3) {
                        throw new NumberFormatException("3 comma-separated values expected, " + v.length + " found");
                    }
                    f.entries.put(name.substring("entry.".length()), new Fact(Integer.parseUnsignedInt(v[0], 16),
                            Integer.parseUnsignedInt(v[1], 16), Long.parseLong(v[2])));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(name + "=" + value + " is not <reparse tag (hex)>,"
                            + "<attributes (hex)>,<size> (" + e.getMessage() + ")", e);
                }
            } else if (name.startsWith("denied.")) {
                f.denied.add(name.substring("denied.".length()));
            } else if (name.startsWith("caseSensitive.")) {
                f.caseSensitive.add(name.substring("caseSensitive.".length()));
            } else if (name.startsWith("changeTime.")) {
                try {
                    f.changeTimesAtSnapshot.put(name.substring("changeTime.".length()),
                            Instant.parse(p.getProperty(name)));
                } catch (java.time.format.DateTimeParseException e) {
                    throw new IllegalArgumentException(name + "=" + p.getProperty(name) + " is not an ISO-8601 "
                            + "instant", e);
                }
            } else if (name.startsWith("security.")) {
                f.security.put(name.substring("security.".length()), hex(name, p.getProperty(name)));
            } else if (name.startsWith("stream.") && name.indexOf('|') > 0) {
                String rest = name.substring("stream.".length());
                int bar = rest.indexOf('|');
                f.streams.computeIfAbsent(rest.substring(0, bar), k -> new TreeMap<>(String.CASE_INSENSITIVE_ORDER))
                        .put(rest.substring(bar + 1), hex(name, p.getProperty(name)));
            }
        }
        return f;
    }

    private static byte[] hex(String name, String value) {
        try {
            return HexFormat.of().parseHex(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + "=" + value + " is not hexadecimal bytes", e);
        }
    }

    private synchronized FileSystemFacts dataFile(String path, int tag, int attributes) {
        String key = key(path);
        if (!Files.isRegularFile(root.resolve(key), LinkOption.NOFOLLOW_LINKS)) {
            throw new IllegalArgumentException("no file " + key + " on " + root);
        }
        entries.put(key, new Fact(tag, attributes | attributesOf(key), -1));
        metadataChanged(key);
        return this;
    }

    private int attributesOf(String key) {
        Fact f = entries.get(key);
        return f == null ? 0 : f.attributes();
    }

    private String link(String path, Path target) {
        String key = key(path);
        Path link = root.resolve(key);
        try {
            Files.createSymbolicLink(link, target);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make the link " + link + " -> " + target, e);
        }
        return key;
    }

    /** {@code a\b/c} as {@code a/b/c}; {@code ""} is the root. Rejects absolute paths and {@code ..}. */
    static String key(String path) {
        List<String> parts = new ArrayList<>();
        for (String s : path.replace('\\', '/').split("/")) {
            if (s.isEmpty() || s.equals(".")) {
                continue;
            }
            if (s.equals("..") || s.endsWith(":")) {
                throw new IllegalArgumentException("a path below the volume root is needed: " + path);
            }
            parts.add(s);
        }
        return String.join("/", parts);
    }

    @Override
    public synchronized String toString() {
        return "facts of " + root + ": " + entries + (denied.isEmpty() ? "" : " denied " + denied)
                + (caseSensitive.isEmpty() ? "" : " case-sensitive " + caseSensitive);
    }
}
