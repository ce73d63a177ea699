package org.vss4j.sim;

import org.vss4j.SnapshotMount;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.vss4j.BackupComponents;
import org.vss4j.BackupType;
import org.vss4j.ObjectType;
import org.vss4j.ProviderProperties;
import org.vss4j.ProviderType;
import org.vss4j.SnapshotContext;
import org.vss4j.SnapshotProperties;
import org.vss4j.SnapshotState;
import org.vss4j.VssEnumObject;
import org.vss4j.VssException;
import org.vss4j.VssHresult;

/**
 * {@code IVssBackupComponents::Query} and {@code IVssEnumObject} through the binding: snapshots filtered by the
 * requester's context, providers, and the enumerator contract. Every element's strings are freed (the extension fails
 * the test otherwise).
 */
@ExtendWith(VssSimulatorExtension.class)
class QueryTest {

    private static final Duration T = Duration.ofSeconds(30);

    @TempDir
    Path volumeDir;

    /** A snapshot set of {@code volume} in {@code context}; returns {setId, snapshotId}. */
    private static UUID[] snapshot(BackupComponents b, Volume volume, SnapshotContext context) {
        b.initializeForBackup(null);
        b.setContext(context);
        b.setBackupState(false, false, BackupType.FULL, false);
        b.gatherWriterMetadata().finish(T);
        UUID setId = b.startSnapshotSet();
        UUID snapshotId = b.addToSnapshotSet(volume.guidName(), BackupComponents.GUID_NULL);
        b.prepareForBackup().finish(T);
        b.doSnapshotSet().finish(T);
        return new UUID[] {setId, snapshotId};
    }

    @Test
    void queryAfterDoSnapshotSetListsTheSnapshotWithItsProperties(SimulatedMachine machine) throws Exception {
        Files.writeString(volumeDir.resolve("a.txt"), "a");
        Volume volume = machine.addVolume(volumeDir);
        try (BackupComponents b = BackupComponents.create()) {
            UUID[] ids = snapshot(b, volume, SnapshotContext.BACKUP);
            List<SnapshotProperties> listed = b.querySnapshots();
            assertThat(listed).singleElement().satisfies(p -> {
                assertThat(p.snapshotId()).isEqualTo(ids[1]);
                assertThat(p.snapshotSetId()).isEqualTo(ids[0]);
                assertThat(p.snapshotsCount()).isEqualTo(1);
                assertThat(p.originalVolumeName()).isEqualTo(volume.guidName());
                assertThat(p.originatingMachine()).isEqualTo(machine.name());
                assertThat(p.providerId()).isEqualTo(SimulatedMachine.PROVIDER_ID);
                assertThat(p.state()).isEqualTo(SnapshotState.CREATED);
                assertThat(p.isPersistent()).isFalse();
            });
            try (SnapshotMount mount = SnapshotMount.open(listed.get(0))) {
                assertThat(mount.root().resolve("a.txt")).hasContent("a");
            }
            assertThat(listed.get(0)).isEqualTo(b.getSnapshotProperties(ids[1]));
            b.backupComplete().finish(T);
        }
    }

    @Test
    void aPersistentSnapshotIsVisibleToASecondRequesterWithCtxAllUntilDeleted(SimulatedMachine machine) {
        Volume volume = machine.addVolume(volumeDir);
        UUID[] ids;
        try (BackupComponents creator = BackupComponents.create()) {
            ids = snapshot(creator, volume, SnapshotContext.APP_ROLLBACK);
        }
        try (BackupComponents admin = BackupComponents.create()) {
            admin.initializeForBackup(null);
            admin.setContext(SnapshotContext.ALL);
            assertThat(admin.querySnapshots()).singleElement().satisfies(p -> {
                assertThat(p.snapshotId()).isEqualTo(ids[1]);
                assertThat(p.isPersistent()).isTrue();
            });
            assertThat(admin.deleteSnapshots(ids[0], ObjectType.SNAPSHOT_SET, true).deletedCount()).isEqualTo(1);
            assertThat(admin.querySnapshots()).isEmpty();
        }
    }

    @Test
    void theDefaultBackupContextDoesNotSeeSnapshotsOfAnotherContext(SimulatedMachine machine) {
        Volume volume = machine.addVolume(volumeDir);
        UUID[] ids;
        try (BackupComponents creator = BackupComponents.create()) {
            ids = snapshot(creator, volume, SnapshotContext.APP_ROLLBACK);
        }
        try (BackupComponents backupContext = BackupComponents.create();
                BackupComponents rollbackContext = BackupComponents.create()) {
            backupContext.initializeForBackup(null);
            assertThat(backupContext.querySnapshots()).isEmpty();
            rollbackContext.initializeForBackup(null);
            rollbackContext.setContext(SnapshotContext.APP_ROLLBACK);
            assertThat(rollbackContext.querySnapshots()).extracting(SnapshotProperties::snapshotId)
                    .containsExactly(ids[1]);
            rollbackContext.deleteSnapshots(ids[0], ObjectType.SNAPSHOT_SET, true);
        }
    }

    @Test
    void aNonPersistentSnapshotIsGoneFromQueriesOnceItsRequesterIsReleased(SimulatedMachine machine) {
        Volume volume = machine.addVolume(volumeDir);
        try (BackupComponents observer = BackupComponents.create()) {
            observer.initializeForBackup(null);
            observer.setContext(SnapshotContext.ALL);
            try (BackupComponents creator = BackupComponents.create()) {
                snapshot(creator, volume, SnapshotContext.BACKUP);
                assertThat(observer.querySnapshots()).hasSize(1);
            }
            assertThat(observer.querySnapshots()).isEmpty();
        }
    }

    @Test
    void manySnapshotsAreFetchedAcrossSeveralNextBatches(SimulatedMachine machine) throws Exception {
        // More than one batch of 16 elements, so Next returns S_OK with a full batch and then S_FALSE with the rest.
        int count = 20;
        List<Volume> volumes = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            volumes.add(machine.addVolume(Files.createDirectory(volumeDir.resolve("v" + i))));
        }
        try (BackupComponents b = BackupComponents.create()) {
            b.initializeForBackup(null);
            b.setContext(SnapshotContext.FILE_SHARE_BACKUP);
            UUID setId = b.startSnapshotSet();
            for (Volume v : volumes) {
                b.addToSnapshotSet(v.guidName(), BackupComponents.GUID_NULL);
            }
            b.doSnapshotSet().finish(T);
            List<SnapshotProperties> listed = b.querySnapshots();
            assertThat(listed).hasSize(count).allSatisfy(p -> assertThat(p.snapshotSetId()).isEqualTo(setId));
            assertThat(listed).extracting(SnapshotProperties::originalVolumeName)
                    .containsExactlyInAnyOrderElementsOf(volumes.stream().map(Volume::guidName).toList());
        }
    }

    @Test
    void theEnumeratorSkipsResetsAndClones(SimulatedMachine machine) throws Exception {
        for (int i = 0; i < 3; i++) {
            machine.addVolume(Files.createDirectory(volumeDir.resolve("v" + i)));
        }
        try (BackupComponents b = BackupComponents.create()) {
            b.initializeForBackup(null);
            b.setContext(SnapshotContext.FILE_SHARE_BACKUP);
            b.startSnapshotSet();
            for (Volume v : machine.volumes()) {
                b.addToSnapshotSet(v.guidName(), BackupComponents.GUID_NULL);
            }
            b.doSnapshotSet().finish(T);
            List<UUID> all = b.querySnapshots().stream().map(SnapshotProperties::snapshotId).toList();
            try (VssEnumObject<SnapshotProperties> e = b.openSnapshotQuery().orElseThrow()) {
                assertThat(e.skip(1)).isTrue();
                assertThat(e.next(1)).extracting(SnapshotProperties::snapshotId).containsExactly(all.get(1));
                try (VssEnumObject<SnapshotProperties> copy = e.cloneEnumerator()) {
                    assertThat(e.next(5)).extracting(SnapshotProperties::snapshotId).containsExactly(all.get(2));
                    assertThat(e.next(1)).isEmpty();
                    assertThat(copy.readAll()).extracting(SnapshotProperties::snapshotId).containsExactly(all.get(2));
                }
                assertThat(e.skip(1)).isFalse();
                e.reset();
                assertThat(e.readAll()).extracting(SnapshotProperties::snapshotId).containsExactlyElementsOf(all);
            }
        }
    }

    @Test
    void theProviderQueryListsTheSimulatorsProvider(SimulatedMachine machine) {
        SimulatedProvider expected = machine.provider();
        try (BackupComponents b = BackupComponents.create()) {
            b.initializeForBackup(null);
            List<ProviderProperties> providers = b.queryProviders();
            assertThat(providers).containsExactly(new ProviderProperties(expected.id(), expected.name(),
                    ProviderType.SYSTEM, expected.version(), expected.versionId(), expected.classId()));
            assertThat(providers.get(0).providerId()).isEqualTo(SimulatedMachine.PROVIDER_ID);
        }
    }

    @Test
    void queryBeforeInitializeForBackupIsBadState(SimulatedMachine machine) {
        try (BackupComponents b = BackupComponents.create()) {
            assertThatThrownBy(b::querySnapshots).isInstanceOfSatisfying(VssException.class, e -> {
                assertThat(e.is(VssHresult.VSS_E_BAD_STATE)).isTrue();
                assertThat(e.operation()).isEqualTo("IVssBackupComponents::Query");
            });
        }
    }

    @Test
    void aFailingNextNamesIVssEnumObjectAndEveryEnumeratorIsReleased(SimulatedMachine machine) {
        machine.faults().failOnCall(org.vss4j.abi.vtable.IVssEnumObject.Next, 1, VssHresult.E_OUTOFMEMORY);
        try (BackupComponents b = BackupComponents.create()) {
            b.initializeForBackup(null);
            assertThatThrownBy(b::queryProviders).isInstanceOfSatisfying(VssException.class,
                    e -> assertThat(e.operation()).isEqualTo("IVssEnumObject::Next"));
            try (VssEnumObject<ProviderProperties> unread = b.openProviderQuery().orElseThrow()) {
                assertThat(unread.isClosed()).isFalse();
            }
        }
    }
}
