package org.vss4j.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.vss4j.ComponentType;

class BackupItemTableTest {

    private static final WriterRef WRITER = new WriterRef(UUID.randomUUID(), UUID.randomUUID(), "W");
    private static final ComponentRef DATA = new ComponentRef(WRITER, ComponentType.FILEGROUP, "", "data");
    private static final Path ROOT = Path.of("/snap/c");

    private static BackupItem item(String dir, String name, ItemKind kind, int tag) {
        String original = "C:\\" + (dir.isEmpty() ? "" : dir + "\\") + name;
        Path host = dir.isEmpty() ? ROOT.resolve(name) : ROOT.resolve(dir.replace('\\', '/')).resolve(name);
        return new BackupItem(WRITER, DATA, DATA, host, original, false, "C:\\", kind, tag);
    }

    private static String key(BackupItem i) {
        return "\\\\?\\volume{c}\\|" + i.originalPath().substring(3);
    }

    @Test
    void everyItemReadsBackEqualAndIsFoundByEqualityAndByKey() {
        BackupItemTable table = new BackupItemTable();
        List<BackupItem> added = new ArrayList<>();
        for (int d = 0; d < 30; d++) {
            for (int f = 0; f < 40; f++) {
                BackupItem i = item(d == 0 ? "" : "d" + d + "\\sub", "f" + f + ".dat",
                        f % 7 == 0 ? ItemKind.LINK : ItemKind.FILE, f % 7 == 0 ? 0xA000000C : 0);
                added.add(i);
                assertThat(table.add(i, key(i))).isEqualTo(added.size() - 1);
            }
        }

        assertThat(table).hasSize(1200).containsExactlyElementsOf(added);
        for (int n = 0; n < added.size(); n++) {
            BackupItem copy = new BackupItem(added.get(n).writer(), added.get(n).component(),
                    added.get(n).addedComponent(), Path.of(added.get(n).inSnapshot().toString()),
                    new String(added.get(n).originalPath()), false, "C:\\", added.get(n).kind(),
                    added.get(n).reparseTag());
            assertThat(table.indexOf(copy)).isEqualTo(n);
            assertThat(table.indexOfKey(key(added.get(n)))).isEqualTo(n);
            assertThat(table.addedComponent(n)).isEqualTo(DATA);
        }
    }

    @Test
    void anItemThatDiffersInAnyPartIsNotFound() {
        BackupItemTable table = new BackupItemTable();
        BackupItem i = item("d", "a.txt", ItemKind.FILE, 0);
        table.add(i, key(i));

        assertThat(table.indexOf(new BackupItem(WRITER, DATA, null, i.inSnapshot(), i.originalPath(), false, "C:\\")))
                .isEqualTo(-1);
        assertThat(table.contains(item("d", "a.txt", ItemKind.LINK, 0))).isFalse();
        assertThat(table.contains(item("d", "b.txt", ItemKind.FILE, 0))).isFalse();
        assertThat(table.indexOf("C:\\d\\a.txt")).isEqualTo(-1);
        assertThat(table.indexOfKey(key(i).toUpperCase())).isEqualTo(-1);
    }

    @Test
    void anItemWhosePathsAreNotItsDirectoryAndNameIsKeptWhole() {
        BackupItemTable table = new BackupItemTable();
        // Read from an alternate location under another name: its original path ends in another name.
        BackupItem moved = new BackupItem(WRITER, DATA, DATA, ROOT.resolve("alt/x.tmp"), "C:\\d\\x.dat", true, "C:\\");
        BackupItem plain = item("d", "y.dat", ItemKind.FILE, 0);
        table.add(moved, "k|d\\x.dat");
        table.add(plain, key(plain));

        assertThat(table).containsExactly(moved, plain);
        assertThat(table.indexOf(moved)).isZero();
        assertThat(table.indexOfKey("k|d\\x.dat")).isZero();
    }

    @Test
    void itIsReadOnly() {
        BackupItemTable table = new BackupItemTable();
        BackupItem i = item("", "a", ItemKind.FILE, 0);
        table.add(i, key(i));

        assertThatThrownBy(() -> table.add(i)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> table.remove(0)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> table.get(1)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void onceTheKeysAreDroppedItemsAreStillFoundByEquality() {
        BackupItemTable table = new BackupItemTable();
        BackupItem i = item("d", "a", ItemKind.FILE, 0);
        table.add(i, key(i));
        table.dropKeys();

        assertThat(table.indexOf(i)).isZero();
        assertThatThrownBy(() -> table.indexOfKey(key(i))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> table.add(i, key(i))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void reportsKeepTheLastWordPerItem() {
        ItemReports r = new ItemReports();
        r.report(3, "denied");
        r.report(5, null);
        r.report(100, "gone");
        r.report(100, null);

        assertThat(r.failure(0, "not reported")).isEqualTo("not reported");
        assertThat(r.failure(3, "not reported")).isEqualTo("denied");
        assertThat(r.saved(3)).isFalse();
        assertThat(r.failure(5, "not reported")).isNull();
        assertThat(r.saved(100)).isTrue();
        assertThat(r.failure(100, "not reported")).isNull();
    }
}
