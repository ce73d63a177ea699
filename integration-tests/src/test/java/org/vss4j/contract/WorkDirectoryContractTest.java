package org.vss4j.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.jna.Memory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.vss4j.BackupComponents;
import org.vss4j.ObjectType;
import org.vss4j.SnapshotMount;
import org.vss4j.com.Exports;
import org.vss4j.com.Utf16;

/**
 * The work directory a test gets: named in its long form, and cleaned up without ever deleting through a link, a
 * junction or a shadow copy exposed at a folder in it. On Windows the JDK calls a junction and a mounted folder a
 * directory, so a {@code Files.walk} delete goes through them; here each case is built for real and cleaned up.
 */
@VssContract
class WorkDirectoryContractTest {

    /** What a writer declares under the work directory is named as the shadow copy's listing names it. */
    @Test
    void theWorkDirectoryIsNamedInItsLongForm(VssTarget target) {
        // Only Windows has 8.3 short names (java.io.tmpdir is C:\Users\RUNNER~1\... on the runners); the simulator's
        // GetLongPathNameW returns every existing path unchanged, so there this would prove nothing.
        Assumptions.assumeFalse(target.isSimulator(), "the simulator has no 8.3 short names to expand");
        String declared = target.vssPath(target.workDir());
        assertThat(LongPaths.of(declared)).isEqualTo(declared);
    }

    @Test
    void aShadowCopyLeftExposedInsideIsUnexposedBeforeAnythingIsDeleted(VssTarget target) throws Exception {
        Path dir = Files.createDirectories(target.workDir().resolve("exposed"));
        Path marker = Files.writeString(target.workDir().resolve("marker.txt"), "in the shadow copy");
        Path folder = Files.createDirectory(dir.resolve("mnt"));
        UUID set = Snapshots.persistent(target).setId();
        try {
            UUID snapshot;
            try (BackupComponents bc = Snapshots.administrator()) {
                snapshot = bc.querySnapshots().stream().filter(p -> p.snapshotSetId().equals(set)).findFirst()
                        .orElseThrow().snapshotId();
                bc.exposeSnapshotLocally(snapshot, target.vssPath(folder));
            }
            assertThat(WorkTree.mountPoints(dir)).containsExactly(folder);

            WorkDirectoryCleanup.run(dir, target.vssPath(dir));

            assertThat(dir).doesNotExist();
            try (BackupComponents bc = Snapshots.administrator()) {
                assertThat(bc.getSnapshotProperties(snapshot).exposedName()).as("unexposed").isNull();
                // Nothing was deleted through the folder: the shadow copy still holds the marker.
                try (SnapshotMount mount = bc.mountSnapshot(snapshot)) {
                    assertThat(target.inSnapshot(mount, marker)).hasContent("in the shadow copy");
                }
            }
        } finally {
            Snapshots.deleteAndAwaitGone(set, ObjectType.SNAPSHOT_SET);
        }
    }

    @Test
    void aJunctionIsNeverEnteredAndIsReportedInsteadOfDeleted(VssTarget target) throws Exception {
        Path outside = Files.createDirectories(target.workDir().resolve("outside"));
        Path precious = Files.writeString(outside.resolve("precious.txt"), "not the test's to delete");
        Path dir = Files.createDirectories(target.workDir().resolve("junctioned"));
        Files.writeString(dir.resolve("own.txt"), "the test's");
        Path junction = dir.resolve("j");
        target.createJunction(junction, outside);
        try {
            assertThatThrownBy(() -> WorkDirectoryCleanup.run(dir, target.vssPath(dir)))
                    .isInstanceOf(IOException.class).hasMessageContaining(junction.toString());
            assertThat(precious).hasContent("not the test's to delete");
            assertThat(dir.resolve("own.txt")).as("the directory's own files went").doesNotExist();
            assertThat(Files.exists(junction, LinkOption.NOFOLLOW_LINKS)).as("the junction stays").isTrue();
        } finally {
            // The junction itself (RemoveDirectory on Windows never touches what a junction leads to).
            Files.deleteIfExists(junction);
        }
        WorkDirectoryCleanup.run(dir, target.vssPath(dir));
        assertThat(dir).doesNotExist();
        assertThat(precious).exists();
    }

    @Test
    void aSymbolicLinkIsDeletedItselfNeverWhatItLeadsTo(VssTarget target) throws Exception {
        Path outside = Files.createDirectories(target.workDir().resolve("elsewhere"));
        Path precious = Files.writeString(outside.resolve("precious.txt"), "kept");
        Path dir = Files.createDirectories(target.workDir().resolve("linked"));
        Path link = dir.resolve("l");
        // A directory link made the way SnapshotMount makes its links: CreateSymbolicLinkW through the seam.
        Memory linkName = Utf16.toNative(link.toString());
        Memory targetName = Utf16.toNative(outside.toString());
        assertThat(Exports.current().createSymbolicLink(linkName, targetName, 0x1))
                .as("CreateSymbolicLinkW, last error %d", Exports.current().lastError()).isTrue();

        WorkDirectoryCleanup.run(dir, target.vssPath(dir));

        assertThat(dir).doesNotExist();
        assertThat(precious).hasContent("kept");
    }

}
