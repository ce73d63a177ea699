package org.vss4j.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.vss4j.contract.Steps.writerStatuses;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.vss4j.BackupComponents;
import org.vss4j.BackupType;
import org.vss4j.ExamineWriterMetadata;
import org.vss4j.VssComponent;
import org.vss4j.WriterComponents;
import org.vss4j.WriterMetadataEntry;
import org.vss4j.WriterState;
import org.vss4j.WriterStatus;

/**
 * A component-mode backup through the four phases of Microsoft's overview pages ("Overview of Backup Initialization",
 * "Overview of Pre-Backup Tasks", "Overview of Actual Backup Of Files"), in order: initialisation, pre-backup (backup
 * options, previous stamp, PrepareForBackup, DoSnapshotSet, writer status after each asynchronous step), backing up
 * files (SetBackupSucceeded, BackupComplete, final status) and the documents saved after DoSnapshotSet.
 */
@VssContract
class BackupPhasesContractTest {

    @Test
    void aComponentModeBackupGoesThroughTheDocumentedPhases(VssTarget target) {
        try (BackupComponents bc = BackupComponents.create()) {
            // Backup initialization: SetContext is optional (VSS_CTX_BACKUP by default).
            bc.initializeForBackup(null);
            bc.setBackupState(true, false, BackupType.FULL, false);
            bc.gatherWriterMetadata().finish(Steps.timeout());
            Optional<Steps.Chosen> chosen = Steps.topLevelComponent(bc, target.componentWriterName());
            assumeThat(chosen).as("a top-level component of '" + target.componentWriterName() + "' on " + target.name())
                    .isPresent();
            Steps.Chosen c = chosen.get();

            // Pre-backup tasks.
            bc.addComponent(c.instanceId(), c.writerId(), c.type(), c.logicalPath(), c.name());
            bc.setBackupOptions(c.writerId(), c.type(), c.logicalPath(), c.name(), "vss4j-contract");
            bc.setPreviousBackupStamp(c.writerId(), c.type(), c.logicalPath(), c.name(), "vss4j-stamp-1");
            bc.startSnapshotSet();
            bc.addToSnapshotSet(target.volume(), BackupComponents.GUID_NULL);
            bc.prepareForBackup().finish(Steps.timeout());
            assertThat(writerStatuses(bc)).noneMatch(WriterStatus::isFailed);
            bc.doSnapshotSet().finish(Steps.timeout());
            List<WriterStatus> afterSnapshot = writerStatuses(bc);
            assertThat(afterSnapshot).noneMatch(WriterStatus::isFailed);
            assertThat(afterSnapshot).filteredOn(s -> s.instanceId().equals(c.instanceId()))
                    .extracting(WriterStatus::state).containsExactly(WriterState.WAITING_FOR_BACKUP_COMPLETE);

            // The documents, saved after DoSnapshotSet completed (Microsoft docs,
            // "Overview of Actual Backup Of Files").
            String bcd = bc.saveAsXml();
            assertThat(bcd).contains(c.name());
            List<String> wmds = new ArrayList<>();
            for (int i = 0; i < bc.getWriterMetadataCount(); i++) {
                try (WriterMetadataEntry e = bc.getWriterMetadata(i)) {
                    wmds.add(e.metadata().saveAsXml());
                }
            }
            assertThat(wmds).isNotEmpty().allSatisfy(x -> assertThat(x).isNotBlank());
            try (ExamineWriterMetadata reloaded = ExamineWriterMetadata.fromXml(wmds.get(0))) {
                assertThat(reloaded.getIdentity().writerName()).isNotBlank();
            }

            // Backing up files: the component was saved.
            bc.setBackupSucceeded(c.instanceId(), c.writerId(), c.type(), c.logicalPath(), c.name(), true);
            assertThat(component(bc, c)).satisfies(v -> {
                assertThat(v.succeeded()).isTrue();
                assertThat(v.options()).isEqualTo("vss4j-contract");
                assertThat(v.previousStamp()).isEqualTo("vss4j-stamp-1");
            });
            bc.backupComplete().finish(Steps.timeout());
            assertThat(writerStatuses(bc)).filteredOn(s -> s.instanceId().equals(c.instanceId()))
                    .extracting(WriterStatus::state).containsExactly(WriterState.STABLE);
        }
    }

    /** What the Backup Components Document says of the chosen component. */
    record ComponentView(boolean succeeded, String options, String previousStamp) {
    }

    private static ComponentView component(BackupComponents bc, Steps.Chosen c) {
        for (int w = 0; w < bc.getWriterComponentsCount(); w++) {
            try (WriterComponents wc = bc.getWriterComponents(w)) {
                if (!wc.getWriterInfo().instanceId().equals(c.instanceId())) {
                    continue;
                }
                for (int i = 0; i < wc.getComponentCount(); i++) {
                    try (VssComponent v = wc.getComponent(i)) {
                        if (v.getComponentName().equals(c.name())) {
                            return new ComponentView(v.getBackupSucceeded(), v.getBackupOptions(),
                                    v.getPreviousBackupStamp());
                        }
                    }
                }
            }
        }
        throw new AssertionError("component " + c.name() + " is not in the Backup Components Document");
    }
}
