package org.vss4j.sim;

import org.vss4j.SnapshotMount;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.vss4j.BackupComponents;
import org.vss4j.ObjectType;
import org.vss4j.RootAndLogicalPrefixPaths;
import org.vss4j.SnapshotAttribute;
import org.vss4j.SnapshotContext;
import org.vss4j.SnapshotProperties;
import org.vss4j.VssAsync;
import org.vss4j.VssException;
import org.vss4j.VssHresult;
import org.vss4j.abi.vtable.IVssBackupComponents;

/**
 * Snapshot management through the production binding: ExposeSnapshot / UnexposeSnapshot (read through the exposed name
 * as a java.nio Path), BreakSnapshotSet, RevertToSnapshot / QueryRevertStatus, ImportSnapshots, and the Ex3/Ex4 methods
 * reached by QueryInterface, with the HRESULTs Microsoft documents for misuse.
 */
@ExtendWith(VssSimulatorExtension.class)
class SnapshotManagementTest {

    private static final Duration T = Duration.ofSeconds(30);
    /** VSS_CTX_NAS_ROLLBACK: persistent, no writers (vss.h). */
    private static final int PERSISTENT_NO_WRITERS = SnapshotContext.NAS_ROLLBACK.value();
    /** VSS_CTX_FILE_SHARE_BACKUP: non-persistent, no writers. */
    private static final int NON_PERSISTENT_NO_WRITERS = SnapshotContext.FILE_SHARE_BACKUP.value();

    @TempDir
    Path volumeDir;
    @TempDir
    Path elsewhere;

    private SimulatedMachine machine;
    private Volume volume;

    @BeforeEach
    void volume(SimulatedMachine m) throws Exception {
        machine = m;
        Files.writeString(volumeDir.resolve("data.txt"), "before");
        Files.createDirectories(volumeDir.resolve("sub"));
        Files.writeString(volumeDir.resolve("sub/inner.txt"), "inner");
        volume = m.addVolume(volumeDir, "C:\\");
    }

    /** A snapshot of C:\ in {@code context} (no writers), made by {@code bc}; its id. */
    private static UUID snapshot(BackupComponents bc, int context) {
        bc.initializeForBackup(null);
        bc.setContext(context);
        bc.startSnapshotSet();
        UUID id = bc.addToSnapshotSet("C:\\", BackupComponents.GUID_NULL);
        bc.doSnapshotSet().finish(T);
        return id;
    }

    private static VssHresult failure(Runnable call) {
        try {
            call.run();
        } catch (VssException e) {
            return e.known().orElseThrow();
        }
        throw new AssertionError("the call succeeded");
    }

    @Test
    void persistentSnapshotExposedAtMountedFolderIsReadableUntilUnexposed() throws Exception {
        try (BackupComponents bc = BackupComponents.create()) {
            UUID id = snapshot(bc, PERSISTENT_NO_WRITERS);
            Files.writeString(volumeDir.resolve("data.txt"), "after");
            Path mount = Files.createDirectory(volumeDir.resolve("ShadowOfC"));

            String exposed = bc.exposeSnapshotLocally(id, "C:\\ShadowOfC");

            assertThat(exposed).isEqualTo("C:\\ShadowOfC");
            assertThat(Files.readString(mount.resolve("data.txt"))).isEqualTo("before");
            SnapshotProperties props = bc.getSnapshotProperties(id);
            assertThat(props.exposedName()).isEqualTo("C:\\ShadowOfC");
            assertThat(props.exposedPath()).isNull();
            assertThat(props.attributes()).contains(SnapshotAttribute.EXPOSED_LOCALLY);
            assertThat(failure(() -> bc.exposeSnapshotLocally(id, "X:"))).isEqualTo(VssHresult.VSS_E_BAD_STATE);

            bc.unexposeSnapshot(id);

            assertThat(Files.isSymbolicLink(mount)).isFalse();
            try (Stream<Path> left = Files.list(mount)) {
                assertThat(left).isEmpty();
            }
            SnapshotProperties after = bc.getSnapshotProperties(id);
            assertThat(after.exposedName()).isNull();
            assertThat(after.attributes()).doesNotContain(SnapshotAttribute.EXPOSED_LOCALLY);
            assertThat(failure(() -> bc.unexposeSnapshot(id))).isEqualTo(VssHresult.VSS_E_OBJECT_NOT_FOUND);
        }
    }

    @Test
    void driveLetterExposureMapsToTheSnapshotDirectory() throws Exception {
        try (BackupComponents bc = BackupComponents.create()) {
            UUID id = snapshot(bc, PERSISTENT_NO_WRITERS);
            assertThat(bc.exposeSnapshotLocally(id, "x:")).isEqualTo("X:");
            Path drive = machine.exposedDirectory("X:").orElseThrow();
            assertThat(Files.readString(drive.resolve("sub/inner.txt"))).isEqualTo("inner");
            assertThat(failure(() -> bc.exposeSnapshotLocally(id, "C:"))).isEqualTo(VssHresult.VSS_E_BAD_STATE);
            bc.unexposeSnapshot(id);
            assertThat(machine.exposedDirectory("X:")).isEmpty();
            assertThat(Files.exists(drive)).isFalse();
        }
    }

    @Test
    void remoteExposureSharesThePathFromRoot() throws Exception {
        try (BackupComponents bc = BackupComponents.create()) {
            UUID id = snapshot(bc, NON_PERSISTENT_NO_WRITERS);
            assertThat(bc.exposeSnapshot(id, "\\sub", SnapshotAttribute.EXPOSED_REMOTELY, "subOfC")).isEqualTo("subOfC");
            assertThat(Files.readString(machine.exposedDirectory("subOfC").orElseThrow().resolve("inner.txt")))
                    .isEqualTo("inner");
            SnapshotProperties props = bc.getSnapshotProperties(id);
            assertThat(props.exposedName()).isEqualTo("subOfC");
            assertThat(props.exposedPath()).isEqualTo("\\sub");
            assertThat(props.attributes()).contains(SnapshotAttribute.EXPOSED_REMOTELY);
            bc.unexposeSnapshot(id);
        }
    }

    @Test
    void exposeMisuseGivesTheDocumentedCodes() throws Exception {
        Path notEmpty = Files.createDirectory(elsewhere.resolve("busy"));
        Files.writeString(notEmpty.resolve("f"), "x");
        try (BackupComponents bc = BackupComponents.create()) {
            UUID nonPersistent = snapshot(bc, NON_PERSISTENT_NO_WRITERS);
            // "Only persistent shadow copies ... can be exposed locally" (Exposing and Surfacing Shadow Copied Volumes).
            assertThat(failure(() -> bc.exposeSnapshotLocally(nonPersistent, "X:")))
                    .isEqualTo(VssHresult.E_INVALIDARG);
            assertThat(failure(() -> bc.exposeSnapshotLocally(UUID.randomUUID(), "X:")))
                    .isEqualTo(VssHresult.VSS_E_OBJECT_NOT_FOUND);
            assertThat(failure(() -> bc.exposeSnapshot(nonPersistent, null, SnapshotAttribute.PERSISTENT, "s")))
                    .isEqualTo(VssHresult.E_INVALIDARG);
        }
        try (BackupComponents bc = BackupComponents.create()) {
            UUID persistent = snapshot(bc, PERSISTENT_NO_WRITERS);
            assertThat(failure(() -> bc.exposeSnapshotLocally(persistent, notEmpty.toString())))
                    .isEqualTo(VssHresult.E_INVALIDARG);
            // A mounted folder is a folder of a volume of the machine: a host directory names none, even empty.
            Path empty = Files.createDirectory(elsewhere.resolve("empty"));
            assertThat(failure(() -> bc.exposeSnapshotLocally(persistent, empty.toString())))
                    .isEqualTo(VssHresult.E_INVALIDARG);
            Files.createDirectory(volumeDir.resolve("busy"));
            Files.writeString(volumeDir.resolve("busy/f"), "x");
            assertThat(failure(() -> bc.exposeSnapshotLocally(persistent, "C:\\busy")))
                    .isEqualTo(VssHresult.E_INVALIDARG);
            assertThat(failure(() -> bc.exposeSnapshot(persistent, "\\sub", SnapshotAttribute.EXPOSED_LOCALLY, "X:")))
                    .isEqualTo(VssHresult.E_INVALIDARG);
        }
        try (BackupComponents fresh = BackupComponents.create()) {
            assertThat(failure(() -> fresh.exposeSnapshotLocally(UUID.randomUUID(), "X:")))
                    .isEqualTo(VssHresult.VSS_E_BAD_STATE);
        }
    }

    @Test
    void deletingAnExposedSnapshotRemovesItsExposure() throws Exception {
        Path mount = Files.createDirectory(volumeDir.resolve("m"));
        try (BackupComponents bc = BackupComponents.create()) {
            UUID id = snapshot(bc, PERSISTENT_NO_WRITERS);
            bc.exposeSnapshotLocally(id, "C:\\m");
            assertThat(bc.deleteSnapshots(id, ObjectType.SNAPSHOT, true).deletedCount()).isEqualTo(1);
            assertThat(Files.isSymbolicLink(mount)).isFalse();
            assertThat(Files.isDirectory(mount)).isTrue();
        }
    }

    @Test
    void breakSnapshotSetNeedsAHardwareProvider() {
        try (BackupComponents bc = BackupComponents.create()) {
            snapshot(bc, PERSISTENT_NO_WRITERS);
            UUID setId = bc.getSnapshotProperties(machine.snapshots().get(0).id()).snapshotSetId();
            assertThat(failure(() -> bc.breakSnapshotSet(setId))).isEqualTo(VssHresult.VSS_E_PROVIDER_VETO);
            assertThat(failure(() -> bc.breakSnapshotSet(UUID.randomUUID())))
                    .isEqualTo(VssHresult.VSS_E_OBJECT_NOT_FOUND);
        }
    }

    @Test
    void brokenSnapshotsBecomeIndependentReadableVolumes() throws Exception {
        machine.useProvider(SimulatedMachine.HARDWARE_PROVIDER);
        try (BackupComponents bc = BackupComponents.create()) {
            UUID id = snapshot(bc, PERSISTENT_NO_WRITERS);
            SnapshotProperties props = bc.getSnapshotProperties(id);
            assertThat(props.attributes()).contains(SnapshotAttribute.HARDWARE_ASSISTED);
            assertThat(props.providerId()).isEqualTo(SimulatedMachine.HARDWARE_PROVIDER.id());

            Path deviceDirectory = machine.snapshots().get(0).directory();
            bc.breakSnapshotSet(props.snapshotSetId());

            assertThat(failure(() -> bc.getSnapshotProperties(id))).isEqualTo(VssHresult.VSS_E_OBJECT_NOT_FOUND);
            assertThat(failure(() -> bc.deleteSnapshots(id, ObjectType.SNAPSHOT, true)))
                    .isEqualTo(VssHresult.VSS_E_OBJECT_NOT_FOUND);
            // The device stays, as the stand-alone volume it now is: still reached through a link to it.
            try (SnapshotMount broken = SnapshotMount.open(props)) {
                assertThat(Files.readString(broken.root().resolve("data.txt"))).isEqualTo("before");
            }
            assertThat(machine.volumes()).anyMatch(v -> v.root().equals(deviceDirectory));
        }
    }

    @Test
    void revertRestoresTheSnapshotContent() throws Exception {
        try (BackupComponents bc = BackupComponents.create()) {
            UUID id = snapshot(bc, PERSISTENT_NO_WRITERS);
            Files.writeString(volumeDir.resolve("data.txt"), "after");
            Files.writeString(volumeDir.resolve("new.txt"), "new");

            bc.revertToSnapshot(id, false);
            try (VssAsync status = bc.queryRevertStatus("C:\\")) {
                status.awaitFinished(T);
            }

            assertThat(Files.readString(volumeDir.resolve("data.txt"))).isEqualTo("before");
            assertThat(Files.readString(volumeDir.resolve("sub/inner.txt"))).isEqualTo("inner");
            assertThat(volumeDir.resolve("new.txt")).doesNotExist();
            assertThat(failure(() -> bc.queryRevertStatus("Q:\\"))).isEqualTo(VssHresult.VSS_E_OBJECT_NOT_FOUND);
            // The name "must include a trailing backslash" and is a Windows volume name, never a host directory.
            assertThat(failure(() -> bc.queryRevertStatus("C:"))).isEqualTo(VssHresult.VSS_E_OBJECT_NOT_FOUND);
            assertThat(failure(() -> bc.queryRevertStatus(volumeDir.toString())))
                    .isEqualTo(VssHresult.VSS_E_OBJECT_NOT_FOUND);
            assertThat(failure(() -> bc.queryRevertStatus(volume.guidName().substring(0,
                    volume.guidName().length() - 1)))).isEqualTo(VssHresult.VSS_E_OBJECT_NOT_FOUND);
            bc.queryRevertStatus("C:\\..\\").close();
        }
    }

    @Test
    void revertNeedsAPersistentSnapshotAndOneRevertAtATime() throws Exception {
        try (BackupComponents bc = BackupComponents.create()) {
            UUID nonPersistent = snapshot(bc, NON_PERSISTENT_NO_WRITERS);
            assertThat(failure(() -> bc.revertToSnapshot(nonPersistent, true)))
                    .isEqualTo(VssHresult.VSS_E_UNSUPPORTED_CONTEXT);
            assertThat(failure(() -> bc.revertToSnapshot(UUID.randomUUID(), true)))
                    .isEqualTo(VssHresult.VSS_E_OBJECT_NOT_FOUND);
        }
        try (BackupComponents bc = BackupComponents.create()) {
            UUID id = snapshot(bc, PERSISTENT_NO_WRITERS);
            Gate held = machine.faults().delay(IVssBackupComponents.RevertToSnapshot);
            bc.revertToSnapshot(id, true);
            assertThat(held.awaitReached(T)).isTrue();
            assertThat(failure(() -> bc.revertToSnapshot(id, true))).isEqualTo(VssHresult.VSS_E_REVERT_IN_PROGRESS);
            held.open();
            bc.queryRevertStatus(volume.guidName()).finish(T);
        }
    }

    @Test
    void transportableHardwareSetIsImportedFromItsDocument() {
        machine.useProvider(SimulatedMachine.HARDWARE_PROVIDER);
        String bcd;
        UUID id;
        try (BackupComponents bc = BackupComponents.create()) {
            id = snapshot(bc, PERSISTENT_NO_WRITERS | SnapshotAttribute.TRANSPORTABLE.value());
            bcd = bc.saveAsXml();
        }
        try (BackupComponents importer = BackupComponents.create()) {
            importer.initializeForBackup(bcd);
            importer.importSnapshots().finish(T);
            assertThat(importer.getSnapshotProperties(id).attributes()).contains(SnapshotAttribute.IMPORTED);
        }
    }

    @Test
    void softwareSnapshotsCannotBeImported() {
        String bcd;
        try (BackupComponents bc = BackupComponents.create()) {
            snapshot(bc, PERSISTENT_NO_WRITERS);
            bcd = bc.saveAsXml();
        }
        try (BackupComponents importer = BackupComponents.create()) {
            assertThat(failure(importer::importSnapshots)).isEqualTo(VssHresult.VSS_E_BAD_STATE);
            importer.initializeForBackup(bcd);
            assertThat(failure(() -> importer.importSnapshots().finish(T)))
                    .isEqualTo(VssHresult.VSS_E_NO_SNAPSHOTS_IMPORTED);
        }
    }

    @Test
    void extensionsAreReachedByQueryInterface() {
        try (BackupComponents a = BackupComponents.create(); BackupComponents b = BackupComponents.create()) {
            UUID session = a.getSessionId();
            assertThat(a.getSessionId()).isEqualTo(session);
            assertThat(b.getSessionId()).isNotEqualTo(session);

            RootAndLogicalPrefixPaths paths = a.getRootAndLogicalPrefixPaths("C:\\sub\\inner.txt", false);
            assertThat(paths).isEqualTo(new RootAndLogicalPrefixPaths("C:\\", volume.guidName()));
            assertThat(failure(() -> a.getRootAndLogicalPrefixPaths("Q:\\nothing", true)))
                    .isEqualTo(VssHresult.VSS_E_OBJECT_NOT_FOUND);
        }
    }

    @Test
    void missingExtensionNamesTheWindowsVersionItNeeds() {
        try (BackupComponents bc = BackupComponents.create()) {
            machine.faults().failOnCall(IVssBackupComponents.QueryInterface, 1, VssHresult.E_NOINTERFACE);
            assertThatThrownBy(() -> bc.unexposeSnapshot(UUID.randomUUID()))
                    .isInstanceOfSatisfying(VssException.class, e -> {
                        assertThat(e.is(VssHresult.E_NOINTERFACE)).isTrue();
                        assertThat(e.operation()).isEqualTo("IVssBackupComponentsEx2::UnexposeSnapshot");
                    })
                    .hasMessageContaining("IVssBackupComponentsEx2").hasMessageContaining("Windows Vista");
        }
    }
}
