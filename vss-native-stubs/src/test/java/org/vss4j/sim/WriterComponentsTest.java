package org.vss4j.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.jna.Pointer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.vss4j.BackupComponents;
import org.vss4j.BackupType;
import org.vss4j.ComponentFailure;
import org.vss4j.ComponentState;
import org.vss4j.ComponentType;
import org.vss4j.DifferencedFile;
import org.vss4j.FileRestoreStatus;
import org.vss4j.PartialFile;
import org.vss4j.RestoreTarget;
import org.vss4j.RollForward;
import org.vss4j.RollForwardType;
import org.vss4j.VssComponent;
import org.vss4j.VssException;
import org.vss4j.VssHresult;
import org.vss4j.WriterComponents;
import org.vss4j.WriterComponentsSnapshot;
import org.vss4j.WriterInfo;
import org.vss4j.sim.vss.WriterComponentsObject;

/**
 * {@code GetWriterComponentsCount}/{@code GetWriterComponents}, {@code IVssWriterComponentsExt} (two vtable pointers,
 * released through the IUnknown at +8) and {@code IVssComponent} with Ex/Ex2, through the binding against the
 * simulator: what the requester set and what the writer recorded come back, with zero leaks.
 */
@ExtendWith(VssSimulatorExtension.class)
class WriterComponentsTest {

    private static final Duration T = Duration.ofSeconds(30);
    private static final PartialFile PARTIAL = new PartialFile("C:\\db", "big.mdf", "0:4096,8192:4096", "pages");
    private static final DifferencedFile BY_TIME = new DifferencedFile("C:\\db", "*.ldf", true, null,
            Instant.parse("2024-05-01T12:30:00.1234567Z"));
    private static final DifferencedFile BY_LSN = new DifferencedFile("C:\\db\\log", "*.trn", false, "LSN:42",
            Instant.parse("1601-01-01T00:00:00Z"));
    private static final ComponentFailure FAILURE = new ComponentFailure(VssHresult.VSS_E_WRITERERROR_RETRYABLE.code(),
            0x80004005, "disk busy", 0);

    @TempDir
    Path volumeDir;

    private static SimulatedWriter databaseWriter() {
        SimulatedWriter w = SimulatedWriter.builder("Database Writer")
                .component(WriterComponent.database("Server", "db1")).component(WriterComponent.fileGroup(null, "Config"))
                .build();
        w.recordsAt(WriterEvent.PREPARE_FOR_BACKUP, "Server", "db1", d -> d.withBackupMetadata("meta:1")
                .withPartialFile(PARTIAL).withPrepareForBackupFailureMsg("prepared with warnings")
                .withFailure(FAILURE));
        w.recordsAt(WriterEvent.POST_SNAPSHOT, "Server", "db1", d -> d.withBackupStamp("stamp-2")
                .withDifferencedFile(BY_TIME).withDifferencedFile(BY_LSN).withPostSnapshotFailureMsg("late"));
        return w;
    }

    /** A backup up to SetBackupSucceeded of db1, then {@code body}. */
    private void backup(SimulatedMachine machine, java.util.function.Consumer<BackupComponents> body) {
        SimulatedWriter w = machine.addWriter(databaseWriter());
        Volume v = machine.addVolume(volumeDir);
        var id = w.metadata();
        try (BackupComponents b = BackupComponents.create()) {
            b.initializeForBackup(null);
            b.setBackupState(true, false, BackupType.INCREMENTAL, true);
            b.gatherWriterMetadata().finish(T);
            b.addComponent(id.instanceId(), id.writerClassId(), ComponentType.DATABASE, "Server", "db1");
            b.addComponent(id.instanceId(), id.writerClassId(), ComponentType.FILEGROUP, null, "Config");
            b.setBackupOptions(id.writerClassId(), ComponentType.DATABASE, "Server", "db1", "compress=yes");
            b.setPreviousBackupStamp(id.writerClassId(), ComponentType.DATABASE, "Server", "db1", "stamp-1");
            b.prepareForBackup().finish(T);
            b.startSnapshotSet();
            b.addToSnapshotSet(v.guidName(), BackupComponents.GUID_NULL);
            b.doSnapshotSet().finish(T);
            b.setBackupSucceeded(id.instanceId(), id.writerClassId(), ComponentType.DATABASE, "Server", "db1", true);
            body.accept(b);
        }
    }

    private static ComponentState expectedDb1() {
        return new ComponentState("Server", ComponentType.DATABASE, "db1", true, List.of(), "meta:1", List.of(PARTIAL),
                false, false, List.of(), List.of(), null, RestoreTarget.ORIGINAL, null, null, "stamp-2",
                "stamp-1", "compress=yes", null, List.of(), FileRestoreStatus.UNDEFINED, List.of(BY_TIME, BY_LSN),
                "prepared with warnings", "late", false, new RollForward(RollForwardType.UNDEFINED, null), null,
                FAILURE);
    }

    private static ComponentState expectedConfig() {
        return new ComponentState(null, ComponentType.FILEGROUP, "Config", false, List.of(), null, List.of(), false,
                false, List.of(), List.of(), null, RestoreTarget.ORIGINAL, null, null, null, null, null, null,
                List.of(), FileRestoreStatus.UNDEFINED, List.of(), null, null, false,
                new RollForward(RollForwardType.UNDEFINED, null), null, ComponentFailure.NONE);
    }

    @Test
    void theDocumentReadsBackWhatTheRequesterSetAndTheWriterRecorded(SimulatedMachine machine) {
        backup(machine, b -> {
            assertThat(b.getWriterComponentsCount()).isEqualTo(1);
            SimulatedWriter w = machine.writer("Database Writer");
            try (WriterComponents wc = b.getWriterComponents(0)) {
                assertThat(wc.read()).isEqualTo(new WriterComponentsSnapshot(w.metadata().instanceId(),
                        w.metadata().writerClassId(), List.of(expectedDb1(), expectedConfig())));
            }
        });
    }

    @Test
    void everyComponentGetterReadsItsField(SimulatedMachine machine) {
        backup(machine, b -> {
            try (WriterComponents wc = b.getWriterComponents(0)) {
                SimulatedWriter w = machine.writer("Database Writer");
                assertThat(wc.getWriterInfo()).isEqualTo(new WriterInfo(w.metadata().instanceId(),
                        w.metadata().writerClassId()));
                assertThat(wc.getComponentCount()).isEqualTo(2);
                try (VssComponent c = wc.getComponent(0)) {
                    assertThat(c.getLogicalPath()).isEqualTo("Server");
                    assertThat(c.getComponentType()).isEqualTo(ComponentType.DATABASE);
                    assertThat(c.getComponentName()).isEqualTo("db1");
                    assertThat(c.getBackupSucceeded()).isTrue();
                    assertThat(c.getAlternateLocationMappingCount()).isZero();
                    assertThat(c.getBackupMetadata()).isEqualTo("meta:1");
                    assertThat(c.getPartialFileCount()).isEqualTo(1);
                    assertThat(c.getPartialFile(0)).isEqualTo(PARTIAL);
                    assertThat(c.isSelectedForRestore()).isFalse();
                    assertThat(c.getAdditionalRestores()).isFalse();
                    assertThat(c.getNewTargetCount()).isZero();
                    assertThat(c.getDirectedTargetCount()).isZero();
                    // SetRestoreMetadata is a PreRestore call (RestoreTest reads one back); none at backup time.
                    assertThat(c.getRestoreMetadata()).isNull();
                    assertThat(c.getRestoreTarget()).isEqualTo(RestoreTarget.ORIGINAL);
                    assertThat(c.getPreRestoreFailureMsg()).isNull();
                    assertThat(c.getPostRestoreFailureMsg()).isNull();
                    assertThat(c.getBackupStamp()).isEqualTo("stamp-2");
                    assertThat(c.getPreviousBackupStamp()).isEqualTo("stamp-1");
                    assertThat(c.getBackupOptions()).isEqualTo("compress=yes");
                    assertThat(c.getRestoreOptions()).isNull();
                    assertThat(c.getRestoreSubcomponentCount()).isZero();
                    assertThat(c.getFileRestoreStatus()).isEqualTo(FileRestoreStatus.UNDEFINED);
                    assertThat(c.getDifferencedFilesCount()).isEqualTo(2);
                    assertThat(c.getDifferencedFile(0)).isEqualTo(BY_TIME);
                    assertThat(c.getDifferencedFile(1)).isEqualTo(BY_LSN);
                    assertThat(c.getPrepareForBackupFailureMsg()).isEqualTo("prepared with warnings");
                    assertThat(c.getPostSnapshotFailureMsg()).isEqualTo("late");
                    assertThat(c.getAuthoritativeRestore()).isFalse();
                    assertThat(c.getRollForward()).isEqualTo(new RollForward(RollForwardType.UNDEFINED, null));
                    assertThat(c.getRestoreName()).isNull();
                    assertThat(c.getFailure()).isEqualTo(FAILURE);
                }
            }
        });
    }

    @Test
    void badIndexesAreEInvalidArg(SimulatedMachine machine) {
        backup(machine, b -> {
            WriterMetadataReadTest.assertInvalidArg(() -> b.getWriterComponents(1),
                    "IVssBackupComponents::GetWriterComponents");
            try (WriterComponents wc = b.getWriterComponents(0)) {
                WriterMetadataReadTest.assertInvalidArg(() -> wc.getComponent(2),
                        "IVssWriterComponentsExt::GetComponent");
                try (VssComponent c = wc.getComponent(0)) {
                    WriterMetadataReadTest.assertInvalidArg(() -> c.getPartialFile(1), "IVssComponent::GetPartialFile");
                    WriterMetadataReadTest.assertInvalidArg(() -> c.getDifferencedFile(2),
                            "IVssComponent::GetDifferencedFile");
                    WriterMetadataReadTest.assertInvalidArg(() -> c.getAlternateLocationMapping(0),
                            "IVssComponent::GetAlternateLocationMapping");
                    WriterMetadataReadTest.assertInvalidArg(() -> c.getNewTarget(0), "IVssComponent::GetNewTarget");
                    WriterMetadataReadTest.assertInvalidArg(() -> c.getDirectedTarget(0),
                            "IVssComponent::GetDirectedTarget");
                    WriterMetadataReadTest.assertInvalidArg(() -> c.getRestoreSubcomponent(0),
                            "IVssComponent::GetRestoreSubcomponent");
                }
            }
        });
    }

    @Test
    void writerComponentsAreReleasedThroughTheIUnknownAtPlus8(SimulatedMachine machine) {
        backup(machine, b -> {
            WriterComponents wc = b.getWriterComponents(0);
            Pointer object = wc.pointer();
            WriterComponentsObject simulated = WriterComponentsObject.at(object);
            assertThat(simulated.references()).isEqualTo(1);
            wc.close();
            assertThat(simulated.releasesThroughUnknown()).isEqualTo(1);
            assertThat(simulated.references()).isZero();
            assertThat(machine.ledger().errors()).isEmpty();
        });
    }

    @Test
    void aReleaseThroughTheObjectStartIsFlagged() {
        SimulatedMachine m = SimulatedMachine.create();
        SimulatedMachine previous = SimulatedMachine.install(m);
        try {
            m.addWriter(databaseWriter());
            try (BackupComponents b = BackupComponents.create()) {
                b.initializeForBackup(null);
                b.gatherWriterMetadata().finish(T);
                var id = m.writer("Database Writer").metadata();
                b.addComponent(id.instanceId(), id.writerClassId(), ComponentType.DATABASE, "Server", "db1");
                try (WriterComponents wc = b.getWriterComponents(0)) {
                    // The mistake a binding makes when it treats the object as a one-vtable COM object: the IUnknown
                    // table (read at +8) called with this = the object start.
                    Pointer unknownTable = wc.pointer().getPointer(8);
                    com.sun.jna.Function release = com.sun.jna.Function.getFunction(unknownTable.getPointer(16));
                    release.invokeInt(new Object[] {wc.pointer()});
                    assertThat(m.ledger().errors()).singleElement().asString()
                            .contains("IUnknown::Release on IVssWriterComponentsExt called with this = the object start");
                }
            }
        } finally {
            SimulatedMachine.install(previous);
            m.close();
        }
    }

    @Test
    void withoutInitializationTheCountIsABadState(SimulatedMachine machine) {
        try (BackupComponents b = BackupComponents.create()) {
            assertThatThrownBy(b::getWriterComponentsCount).isInstanceOf(VssException.class)
                    .satisfies(e -> assertThat(((VssException) e).is(VssHresult.VSS_E_BAD_STATE)).isTrue());
            b.initializeForBackup(null);
            assertThat(b.getWriterComponentsCount()).isZero();
        }
    }
}
