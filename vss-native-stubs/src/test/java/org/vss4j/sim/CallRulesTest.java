package org.vss4j.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.jna.ptr.PointerByReference;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.vss4j.BackupComponents;
import org.vss4j.BackupType;
import org.vss4j.ObjectType;
import org.vss4j.SnapshotAttribute;
import org.vss4j.SnapshotContext;
import org.vss4j.SnapshotProperties;
import org.vss4j.VssEnumObject;
import org.vss4j.VssException;
import org.vss4j.VssHresult;
import org.vss4j.abi.vtable.IUnknown;
import org.vss4j.abi.vtable.IVssBackupComponents;
import org.vss4j.com.ComObject;
import org.vss4j.com.Guids;

/**
 * The call rules Microsoft documents for IVssBackupComponents, with the codes the simulator returns for them
 * (docs/simulator-call-rules.md): SetContext once, the trailing backslash of volume names, ExposeSnapshot's NULL
 * target, Query's S_FALSE, DeleteSnapshots within the context.
 */
@ExtendWith(VssSimulatorExtension.class)
class CallRulesTest {

    private static final Duration T = Duration.ofSeconds(30);

    @TempDir
    Path volumeDir;

    private static void fails(VssHresult expected, String method, ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(VssException.class, e -> {
            assertThat(e.is(expected)).as(e.getMessage()).isTrue();
            assertThat(e.operation()).isEqualTo("IVssBackupComponents::" + method);
        });
    }

    /** A shadow copy of {@code volume} in {@code context} that outlives its requester; its id. */
    private static UUID persistentSnapshot(Volume volume, SnapshotContext context) {
        boolean writers = (context.value() & SnapshotAttribute.NO_WRITERS.value()) == 0;
        try (BackupComponents b = BackupComponents.create()) {
            b.initializeForBackup(null);
            b.setContext(context);
            b.setBackupState(false, false, BackupType.COPY, false);
            if (writers) {
                b.gatherWriterMetadata().finish(T);
            }
            b.startSnapshotSet();
            UUID id = b.addToSnapshotSet(volume.guidName(), BackupComponents.GUID_NULL);
            if (writers) {
                b.prepareForBackup().finish(T);
            }
            b.doSnapshotSet().finish(T);
            if (writers) {
                b.backupComplete().finish(T);
            }
            return id;
        }
    }

    // ---- SetContext ---------------------------------------------------------------------------------------------

    @Test
    void setContextCanBeCalledOnlyOnce() {
        try (BackupComponents b = BackupComponents.create()) {
            b.initializeForBackup(null);
            b.setContext(SnapshotContext.ALL);
            fails(VssHresult.VSS_E_BAD_STATE, "SetContext", () -> b.setContext(SnapshotContext.ALL));
            fails(VssHresult.VSS_E_BAD_STATE, "SetContext", () -> b.setContext(SnapshotContext.BACKUP));
        }
    }

    @Test
    void aRejectedContextDoesNotCountAsTheOneCall() {
        try (BackupComponents b = BackupComponents.create()) {
            b.initializeForBackup(null);
            fails(VssHresult.E_INVALIDARG, "SetContext", () -> b.setContext(12345));
            b.setContext(SnapshotContext.FILE_SHARE_BACKUP);
            fails(VssHresult.VSS_E_BAD_STATE, "SetContext", () -> b.setContext(SnapshotContext.FILE_SHARE_BACKUP));
        }
    }

    @Test
    void setContextOnARestoreObjectIsBadState(SimulatedMachine machine) {
        String bcd;
        try (BackupComponents b = BackupComponents.create()) {
            b.initializeForBackup(null);
            bcd = b.saveAsXml();
        }
        try (BackupComponents r = BackupComponents.create()) {
            r.initializeForRestore(bcd);
            fails(VssHresult.VSS_E_BAD_STATE, "SetContext", () -> r.setContext(SnapshotContext.BACKUP));
        }
    }

    // ---- volume names -------------------------------------------------------------------------------------------

    @Test
    void volumeNamesNeedTheirTrailingBackslash(SimulatedMachine machine, @TempDir Path mounted) {
        Volume d = machine.addVolume(volumeDir, "D:\\");
        machine.addVolume(mounted, "D:\\mnt\\data\\");
        try (BackupComponents b = BackupComponents.create()) {
            b.initializeForBackup(null);
            String guidWithout = d.guidName().substring(0, d.guidName().length() - 1);
            for (String without : new String[] {"D:", guidWithout, "D:\\mnt\\data"}) {
                fails(VssHresult.VSS_E_OBJECT_NOT_FOUND, "IsVolumeSupported",
                        () -> b.isVolumeSupported(BackupComponents.GUID_NULL, without));
            }
            assertThat(b.isVolumeSupported(BackupComponents.GUID_NULL, "D:\\")).isTrue();
            b.startSnapshotSet();
            for (String without : new String[] {"D:", guidWithout, "D:\\mnt\\data"}) {
                fails(VssHresult.VSS_E_OBJECT_NOT_FOUND, "AddToSnapshotSet",
                        () -> b.addToSnapshotSet(without, BackupComponents.GUID_NULL));
            }
            b.addToSnapshotSet("D:\\", BackupComponents.GUID_NULL);
            b.addToSnapshotSet("d:\\MNT\\data\\", BackupComponents.GUID_NULL);
            b.abortBackup();
        }
    }

    /**
     * A wide string ends at its first NUL ("Windows Data Types": LPCWSTR), so Windows reads "D:\\", NUL, "junk" as
     * {@code D:\}: the simulator reads it the same way. The binding never sends such a string: it refuses it first,
     * naming the parameter, before any call reaches the simulator (a truncated name would have added D:\ already).
     */
    @Test
    void aVolumeNameIsReadUpToItsFirstNulAndTheBindingRefusesOneHoldingANul(SimulatedMachine machine) {
        machine.addVolume(volumeDir, "D:\\");
        try (BackupComponents b = BackupComponents.create()) {
            b.initializeForBackup(null);
            b.startSnapshotSet();
            assertThatThrownBy(() -> b.addToSnapshotSet("D:\\\u0000E:\\", BackupComponents.GUID_NULL))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("AddToSnapshotSet: pwszVolumeName holds a NUL character at index 3");
            assertThatThrownBy(() -> b.isVolumeSupported(BackupComponents.GUID_NULL, "D:\\\u0000"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("IsVolumeSupported");
            // Nothing reached AddToSnapshotSet: D:\ is not in the set yet.
            b.addToSnapshotSet("D:\\", BackupComponents.GUID_NULL);
            fails(VssHresult.VSS_E_OBJECT_ALREADY_EXISTS, "AddToSnapshotSet",
                    () -> b.addToSnapshotSet("D:\\", BackupComponents.GUID_NULL));
            b.abortBackup();
        }
        try (BackupComponents b = BackupComponents.create()) {
            b.initializeForBackup(null);
            b.startSnapshotSet();
            com.sun.jna.Memory raw = new com.sun.jna.Memory(16);
            raw.write(0, new byte[] {'D', 0, ':', 0, '\\', 0, 0, 0, 'x', 0, 0, 0}, 0, 12);
            int hr = new RawCom(b.pointer(), "IVssBackupComponents").call(IVssBackupComponents.AddToSnapshotSet,
                    raw, Guids.byValue(BackupComponents.GUID_NULL), new com.sun.jna.platform.win32.Guid.GUID());
            assertThat(hr).as("read up to the NUL: D:\\").isEqualTo(VssHresult.S_OK.code());
            fails(VssHresult.VSS_E_OBJECT_ALREADY_EXISTS, "AddToSnapshotSet",
                    () -> b.addToSnapshotSet("D:\\", BackupComponents.GUID_NULL));
            b.abortBackup();
        }
    }

    /**
     * A volume's mount points are what SetVolumeMountPointW takes: a drive root or a mounted folder "with a trailing
     * backslash"; {@code D:} is the current directory of drive D. The simulator refuses others when the volume is
     * added, instead of answering for a name Windows never has.
     */
    @Test
    void aVolumeIsMountedOnlyAtADriveRootOrFolderWithItsTrailingBackslash(SimulatedMachine machine) {
        for (String alias : new String[] {"D:", "D:\\mnt", "D:data\\", volumeDir.toString(), "\\\\?\\D:\\", "1:\\"}) {
            assertThatThrownBy(() -> machine.addVolume(volumeDir, alias)).as(alias)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("trailing backslash");
        }
        assertThat(machine.volumes()).isEmpty();
        machine.addVolume(volumeDir, "d:\\");
        assertThat(machine.volume("D:\\")).isPresent();
    }

    @Test
    void aHostDirectoryIsNoVolumeName(SimulatedMachine machine) {
        machine.addVolume(volumeDir, "D:\\");
        try (BackupComponents b = BackupComponents.create()) {
            b.initializeForBackup(null);
            b.startSnapshotSet();
            fails(VssHresult.VSS_E_OBJECT_NOT_FOUND, "AddToSnapshotSet",
                    () -> b.addToSnapshotSet(volumeDir.toString(), BackupComponents.GUID_NULL));
            fails(VssHresult.VSS_E_OBJECT_NOT_FOUND, "AddToSnapshotSet",
                    () -> b.addToSnapshotSet(volumeDir + "\\", BackupComponents.GUID_NULL));
            b.abortBackup();
        }
    }

    // ---- ExposeSnapshot -----------------------------------------------------------------------------------------

    @Test
    void exposingLocallyNeedsATargetAndRemotelyVssPicksTheShare(SimulatedMachine machine) {
        Volume v = machine.addVolume(volumeDir, "D:\\");
        UUID id = persistentSnapshot(v, SnapshotContext.APP_ROLLBACK);
        try (BackupComponents b = BackupComponents.create()) {
            b.initializeForBackup(null);
            b.setContext(SnapshotContext.ALL);
            fails(VssHresult.E_INVALIDARG, "ExposeSnapshot",
                    () -> b.exposeSnapshot(id, null, SnapshotAttribute.EXPOSED_LOCALLY, null));
            assertThat(b.getSnapshotProperties(id).exposedName()).isNull();
            String share = b.exposeSnapshot(id, null, SnapshotAttribute.EXPOSED_REMOTELY, null);
            assertThat(share).isNotBlank();
            assertThat(b.getSnapshotProperties(id).exposedName()).isEqualTo(share);
            b.unexposeSnapshot(id);
            b.deleteSnapshots(id, ObjectType.SNAPSHOT, true);
        }
    }

    // ---- Query ----------------------------------------------------------------------------------------------------

    @Test
    void aQueryMatchingNothingIsSFalseWithAnEmptyEnumerator(SimulatedMachine machine) {
        try (BackupComponents b = BackupComponents.create()) {
            b.initializeForBackup(null);
            // The raw HRESULT, as Windows gives it (the SDK's VShadow sample tests Query for S_FALSE).
            PointerByReference out = new PointerByReference();
            int hr = new RawCom(b.pointer(), "IVssBackupComponents").call(IVssBackupComponents.Query,
                    Guids.byValue(BackupComponents.GUID_NULL), ObjectType.NONE.value(), ObjectType.SNAPSHOT.value(),
                    out);
            assertThat(hr).isEqualTo(VssHresult.S_FALSE.code());
            assertThat(out.getValue()).isNotNull();
            ComObject.callSlot(out.getValue(), IUnknown.Release);

            assertThat(b.querySnapshots()).isEmpty();
            Optional<VssEnumObject<SnapshotProperties>> open = b.openSnapshotQuery();
            assertThat(open).isPresent();
            try (VssEnumObject<SnapshotProperties> e = open.get()) {
                assertThat(e.next(4)).isEmpty();
            }
        }
    }

    @Test
    void aQueryMatchingSomethingIsSOk(SimulatedMachine machine) {
        Volume v = machine.addVolume(volumeDir, "D:\\");
        UUID id = persistentSnapshot(v, SnapshotContext.APP_ROLLBACK);
        try (BackupComponents b = BackupComponents.create()) {
            b.initializeForBackup(null);
            b.setContext(SnapshotContext.APP_ROLLBACK);
            PointerByReference out = new PointerByReference();
            int hr = new RawCom(b.pointer(), "IVssBackupComponents").call(IVssBackupComponents.Query,
                    Guids.byValue(BackupComponents.GUID_NULL), ObjectType.NONE.value(), ObjectType.SNAPSHOT.value(),
                    out);
            assertThat(hr).isEqualTo(VssHresult.S_OK.code());
            ComObject.callSlot(out.getValue(), IUnknown.Release);
            assertThat(b.querySnapshots()).extracting(SnapshotProperties::snapshotId).containsExactly(id);
            b.deleteSnapshots(id, ObjectType.SNAPSHOT, true);
        }
    }

    @Test
    void sFalseWithoutAnEnumeratorIsAnEmptyListToo(SimulatedMachine machine) {
        // Microsoft does not document whether *ppEnum is set with S_FALSE: an injected S_FALSE leaves it NULL.
        machine.faults().failOnCall(IVssBackupComponents.Query, 1, VssHresult.S_FALSE.code());
        machine.faults().failOnCall(IVssBackupComponents.Query, 2, VssHresult.S_FALSE.code());
        try (BackupComponents b = BackupComponents.create()) {
            b.initializeForBackup(null);
            assertThat(b.querySnapshots()).isEmpty();
            assertThat(b.openSnapshotQuery()).isEmpty();
        }
    }

    // ---- DeleteSnapshots ------------------------------------------------------------------------------------------

    @Test
    void deleteSnapshotsSeesOnlyTheShadowCopiesOfItsContext(SimulatedMachine machine) {
        Volume v = machine.addVolume(volumeDir, "D:\\");
        UUID id = persistentSnapshot(v, SnapshotContext.APP_ROLLBACK);
        try (BackupComponents backupContext = BackupComponents.create()) {
            backupContext.initializeForBackup(null);
            fails(VssHresult.VSS_E_OBJECT_NOT_FOUND, "DeleteSnapshots",
                    () -> backupContext.deleteSnapshots(id, ObjectType.SNAPSHOT, true));
            UUID set = backupContext.getSnapshotProperties(id).snapshotSetId();
            fails(VssHresult.VSS_E_OBJECT_NOT_FOUND, "DeleteSnapshots",
                    () -> backupContext.deleteSnapshots(set, ObjectType.SNAPSHOT_SET, true));
        }
        try (BackupComponents nasContext = BackupComponents.create()) {
            nasContext.initializeForBackup(null);
            nasContext.setContext(SnapshotContext.NAS_ROLLBACK);
            fails(VssHresult.VSS_E_OBJECT_NOT_FOUND, "DeleteSnapshots",
                    () -> nasContext.deleteSnapshots(id, ObjectType.SNAPSHOT, true));
        }
        assertThat(machine.snapshots()).extracting(Snapshot::id).containsExactly(id);
        try (BackupComponents sameContext = BackupComponents.create()) {
            sameContext.initializeForBackup(null);
            sameContext.setContext(SnapshotContext.APP_ROLLBACK);
            assertThat(sameContext.deleteSnapshots(id, ObjectType.SNAPSHOT, true).deletedCount()).isEqualTo(1);
        }
        assertThat(machine.snapshots()).isEmpty();
    }

    @Test
    void ctxAllDeletesAShadowCopyOfAnyContext(SimulatedMachine machine) {
        Volume v = machine.addVolume(volumeDir, "D:\\");
        UUID id = persistentSnapshot(v, SnapshotContext.NAS_ROLLBACK);
        try (BackupComponents all = BackupComponents.create()) {
            all.initializeForBackup(null);
            all.setContext(SnapshotContext.ALL);
            UUID set = all.getSnapshotProperties(id).snapshotSetId();
            assertThat(all.deleteSnapshots(set, ObjectType.SNAPSHOT_SET, true).deletedCount()).isEqualTo(1);
        }
        assertThat(machine.snapshots()).isEmpty();
    }
}
