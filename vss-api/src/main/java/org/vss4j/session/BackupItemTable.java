package org.vss4j.session;

import java.nio.file.Path;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;

/**
 * The items of a file list, stored compactly: a backup may hold millions of files, and one object graph per file (an
 * item with its two paths) costs some 300 bytes where this costs about 50. What items of one directory share is
 * stored once: the writer, components, volume, kind and the alternate-path flag (a <em>group</em>), and the
 * directory (its original path, its path in the shadow copy, and its key in the file list). Per item there remain
 * the indexes of both, its name in one pool ({@link StringPool}), its reparse tag and two hashes. {@link #get} makes the
 * {@link BackupItem} again, equal to the one added; an item whose paths are not its directory's joined with its name
 * is kept whole.
 *
 * <p>Items are found again by equality ({@link #indexOf}) through a {@link HashIndex} of their original paths'
 * hashes, and by the file list's key ({@link #indexOfKey}). Not thread-safe while it is built; read-only afterwards,
 * like the list {@link BackupSession#items()} always returned.
 */
final class BackupItemTable extends AbstractList<BackupItem> implements RandomAccess {

    /** What items share: all but the name and the reparse tag. */
    private record Group(WriterRef writer, ComponentRef component, ComponentRef added, boolean alternate,
            String volumeName, ItemKind kind) {
    }

    /** A directory: the prefix of its items' original paths, their parent in the shadow copy, their key prefix. */
    private record Directory(String originalPrefix, Path host, String keyPrefix) {
    }

    private final List<Group> groups = new ArrayList<>();
    private final Map<Group, Integer> groupIndex = new HashMap<>();
    private final List<Directory> directories = new ArrayList<>();
    private final Map<Directory, Integer> directoryIndex = new HashMap<>();
    /** Items not made of their directory and name, whole, with their keys. */
    private final Map<Integer, BackupItem> irregular = new HashMap<>();
    private final Map<Integer, String> irregularKeys = new HashMap<>();

    private int size;
    private int[] group = new int[16];
    private int[] directory = new int[16];
    private int[] reparseTag = new int[16];
    /** Item i's name is string i. */
    private final StringPool names = new StringPool();
    /** {@code originalPath().hashCode()} and the key's, per item. */
    private int[] pathHash = new int[16];
    private int[] keyHash = new int[16];
    /** The items by their original paths' hashes, and by their keys' hashes. */
    private final HashIndex byPath = new HashIndex();
    private HashIndex byKey = new HashIndex();

    /** Adds {@code item}, known to the file list as {@code key}; returns its index. */
    int add(BackupItem item, String key) {
        requireKeys();
        grow();
        int i = size;
        String name = nameOf(item);
        Path parent = item.inSnapshot().getParent();
        boolean regular = name != null && parent != null && item.originalPath().endsWith(name)
                && key.endsWith(name) && parent.resolve(name).equals(item.inSnapshot());
        if (!regular) {
            irregular.put(i, item);
            irregularKeys.put(i, key);
            name = "";
        }
        String originalPrefix = regular ? item.originalPath().substring(0, item.originalPath().length()
                - name.length()) : "";
        String keyPrefix = regular ? key.substring(0, key.length() - name.length()) : "";
        group[i] = intern(new Group(item.writer(), item.component(), item.addedComponent(), item.fromAlternatePath(),
                item.volumeName(), item.kind()), groups, groupIndex);
        directory[i] = regular ? intern(new Directory(originalPrefix, parent, keyPrefix), directories,
                directoryIndex) : -1;
        reparseTag[i] = item.reparseTag();
        names.add(name);
        pathHash[i] = item.originalPath().hashCode();
        keyHash[i] = key.hashCode();
        size++;
        byPath.add(pathHash[i], i, j -> pathHash[j]);
        byKey.add(keyHash[i], i, j -> keyHash[j]);
        return i;
    }

    @Override
    public BackupItem get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index + " of " + size + " items");
        }
        if (directory[index] < 0) {
            return irregular.get(index);
        }
        Group g = groups.get(group[index]);
        Directory d = directories.get(directory[index]);
        String name = name(index);
        return new BackupItem(g.writer(), g.component(), g.added(), d.host().resolve(name), d.originalPrefix() + name,
                g.alternate(), g.volumeName(), g.kind(), reparseTag[index]);
    }

    @Override
    public int size() {
        return size;
    }

    /** The added component of item {@code index}, without making the item. */
    ComponentRef addedComponent(int index) {
        return groups.get(group[index]).added();
    }

    @Override
    public int indexOf(Object o) {
        if (!(o instanceof BackupItem item) || item.originalPath() == null) {
            return -1;
        }
        int h = item.originalPath().hashCode();
        return byPath.find(h, i -> pathHash[i] == h && get(i).equals(item));
    }

    @Override
    public int lastIndexOf(Object o) {
        // Two equal items are never added: the file list claims each entry once.
        return indexOf(o);
    }

    @Override
    public boolean contains(Object o) {
        return indexOf(o) >= 0;
    }

    /**
     * The file list is done: the keys and their table are dropped (some 12 to 20 bytes per item), and
     * {@link #add} and {@link #indexOfKey} are refused from now on.
     */
    void dropKeys() {
        keyHash = null;
        byKey = null;
        irregularKeys.clear();
    }

    /**
     * The index of the item added with {@code key}, or -1.
     *
     * @throws IllegalStateException after {@link #dropKeys()}
     */
    int indexOfKey(String key) {
        requireKeys();
        int h = key.hashCode();
        return byKey.find(h, i -> keyHash[i] == h && keyOf(i).equals(key));
    }

    private void requireKeys() {
        if (byKey == null) {
            throw new IllegalStateException("the file list is done: its keys were dropped");
        }
    }

    private String keyOf(int i) {
        return directory[i] < 0 ? irregularKeys.get(i) : directories.get(directory[i]).keyPrefix() + name(i);
    }

    private String name(int i) {
        return names.get(i);
    }

    /** The item's name in the shadow copy, or null if it has none. */
    private static String nameOf(BackupItem item) {
        Path file = item.inSnapshot().getFileName();
        return file == null ? null : file.toString();
    }

    private void grow() {
        if (size < group.length) {
            return;
        }
        // Arrays of a million items grow by half, not double: less to allocate while both copies exist.
        int n = group.length + (group.length >> 1);
        group = Arrays.copyOf(group, n);
        directory = Arrays.copyOf(directory, n);
        reparseTag = Arrays.copyOf(reparseTag, n);
        pathHash = Arrays.copyOf(pathHash, n);
        keyHash = Arrays.copyOf(keyHash, n);
    }

    private static <T> int intern(T value, List<T> list, Map<T, Integer> index) {
        Integer i = index.get(value);
        if (i == null) {
            i = list.size();
            list.add(value);
            index.put(value, i);
        }
        return i;
    }
}
