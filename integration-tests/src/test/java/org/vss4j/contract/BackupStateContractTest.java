package org.vss4j.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vss4j.contract.Steps.writerStatuses;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vss4j.BackupComponents;
import org.vss4j.BackupType;
import org.vss4j.WriterIdentity;
import org.vss4j.WriterMetadataEntry;
import org.vss4j.WriterStatus;

/**
 * The backup state (Microsoft docs, "VSS Backup State"): every backup type goes through a volume-mode shadow copy with
 * the writers content; and writer classes disabled before GatherWriterMetadata stay out of the backup.
 */
@VssContract
class BackupStateContractTest {

    @ParameterizedTest
    @EnumSource(value = BackupType.class, names = {"FULL", "INCREMENTAL", "DIFFERENTIAL", "LOG", "COPY"})
    void eachBackupTypeTakesAShadowCopyWithContentWriters(BackupType type, VssTarget target) {
        try (BackupComponents bc = BackupComponents.create()) {
            bc.initializeForBackup(null);
            bc.setBackupState(false, false, type, false);
            bc.gatherWriterMetadata().finish(Steps.timeout());
            bc.startSnapshotSet();
            UUID id = bc.addToSnapshotSet(target.volume(), BackupComponents.GUID_NULL);
            bc.prepareForBackup().finish(Steps.timeout());
            bc.doSnapshotSet().finish(Steps.timeout());
            assertThat(bc.getSnapshotProperties(id).snapshotId()).isEqualTo(id);
            assertThat(writerStatuses(bc)).as(type.nativeName()).noneMatch(WriterStatus::isFailed);
            bc.backupComplete().finish(Steps.timeout());
            assertThat(writerStatuses(bc)).as(type.nativeName()).noneMatch(WriterStatus::isFailed);
        }
    }

    @Test
    void aWriterClassDisabledBeforeGatherWriterMetadataIsLeftOut(VssTarget target) {
        WriterIdentity some;
        try (BackupComponents discovery = BackupComponents.create()) {
            discovery.initializeForBackup(null);
            discovery.setBackupState(false, false, BackupType.COPY, false);
            discovery.gatherWriterMetadata().finish(Steps.timeout());
            assertThat(discovery.getWriterMetadataCount()).isPositive();
            try (WriterMetadataEntry e = discovery.getWriterMetadata(0)) {
                some = e.metadata().getIdentity();
            }
        }
        try (BackupComponents bc = BackupComponents.create()) {
            bc.initializeForBackup(null);
            bc.setBackupState(false, false, BackupType.COPY, false);
            bc.disableWriterClasses(List.of(some.writerId()));
            bc.gatherWriterMetadata().finish(Steps.timeout());
            for (int i = 0; i < bc.getWriterMetadataCount(); i++) {
                try (WriterMetadataEntry e = bc.getWriterMetadata(i)) {
                    assertThat(e.metadata().getIdentity().writerId()).as(some.writerName())
                            .isNotEqualTo(some.writerId());
                }
            }
        }
    }
}
