package org.vss4j.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.vss4j.BackupComponents;
import org.vss4j.ObjectType;
import org.vss4j.ProviderProperties;
import org.vss4j.SnapshotProperties;

/** Query, expose and delete of shadow copies, and which of them outlive their requester. */
@VssContract
class SnapshotManagementContractTest {


    @Test
    void queryListsLiveShadowCopiesAndTheProviders(VssTarget target) {
        UUID set = Snapshots.persistent(target).setId();
        try (BackupComponents bc = Snapshots.administrator()) {
            List<SnapshotProperties> mine = bc.querySnapshots().stream()
                    .filter(p -> p.snapshotSetId().equals(set)).toList();
            assertThat(mine).singleElement().satisfies(p -> {
                assertThat(p.isPersistent()).isTrue();
                assertThat(p.snapshotsCount()).isEqualTo(1);
            });
            assertThat(bc.queryProviders()).extracting(ProviderProperties::name).isNotEmpty();
            assertThat(bc.deleteSnapshots(set, ObjectType.SNAPSHOT_SET, true).deletedCount()).isEqualTo(1);
            // The service deletes on its own time: gone within the deadline, not necessarily at once.
            Snapshots.awaitSetGone(set);
        } finally {
            Snapshots.deleteAndAwaitGone(set, ObjectType.SNAPSHOT_SET);
        }
    }

    @Test
    void aPersistentShadowCopyCanBeExposedAtAnEmptyFolderAndUnexposed(VssTarget target) throws Exception {
        Path marker = Files.writeString(target.workDir().resolve("exposed.txt"), "seen through the folder");
        UUID set = Snapshots.persistent(target).setId();
        Path folder = Files.createDirectory(target.workDir().resolve("mnt"));
        try (BackupComponents bc = Snapshots.administrator()) {
            SnapshotProperties snap = bc.querySnapshots().stream().filter(p -> p.snapshotSetId().equals(set))
                    .findFirst().orElseThrow();
            // The folder is named the Windows way (C:\work\mnt), and read through the folder itself.
            bc.exposeSnapshotLocally(snap.snapshotId(), target.vssPath(folder));
            try {
                Path seen = folder.resolve(target.volumeRoot().relativize(marker).toString());
                assertThat(seen).hasContent("seen through the folder");
            } finally {
                // Unexposed before anything else: nothing may ever delete through the mounted folder.
                bc.unexposeSnapshot(snap.snapshotId());
            }
            assertThat(bc.querySnapshots()).filteredOn(p -> p.snapshotId().equals(snap.snapshotId()))
                    .singleElement().satisfies(p -> assertThat(p.exposedName()).isNull());
        } finally {
            Snapshots.deleteAndAwaitGone(set, ObjectType.SNAPSHOT_SET);
        }
    }
}
