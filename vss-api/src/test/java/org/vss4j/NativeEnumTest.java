package org.vss4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class NativeEnumTest {

    @Test
    void enumsCarryTheExactNativeValues() {
        // vss.h.
        assertThat(BackupType.FULL.value()).isEqualTo(1);
        assertThat(BackupType.COPY.value()).isEqualTo(5);
        assertThat(SnapshotContext.CLIENT_ACCESSIBLE.value()).isEqualTo(0x1D);
        assertThat(SnapshotContext.ALL.value()).isEqualTo(-1);
        assertThat(WriterState.FAILED_AT_FREEZE.value()).isEqualTo(9);
        assertThat(ApplicationLevel.AUTO.value()).isEqualTo(-1);
        assertThat(WriterState.fromValue(9)).isEqualTo(WriterState.FAILED_AT_FREEZE);
        assertThat(WriterState.FAILED_AT_FREEZE.nativeName()).isEqualTo("VSS_WS_FAILED_AT_FREEZE");
    }

    @Test
    void contextsAreTheirAttributeCombinations() {
        int nasRollback = SnapshotAttribute.toMask(EnumSet.of(SnapshotAttribute.PERSISTENT,
                SnapshotAttribute.NO_AUTO_RELEASE, SnapshotAttribute.NO_WRITERS));
        assertThat(SnapshotContext.NAS_ROLLBACK.value()).isEqualTo(nasRollback);
    }

    @Test
    void flagMasksDecodeToSingleBitsOnly() {
        // VSS_FSBT_ALL_BACKUP_REQUIRED (15) is a convenience value, not a bit of its own.
        assertThat(FileSpecBackupType.fromMask(0x0F)).containsExactlyInAnyOrder(
                FileSpecBackupType.FULL_BACKUP_REQUIRED, FileSpecBackupType.DIFFERENTIAL_BACKUP_REQUIRED,
                FileSpecBackupType.INCREMENTAL_BACKUP_REQUIRED, FileSpecBackupType.LOG_BACKUP_REQUIRED);
        assertThat(SnapshotAttribute.fromMask(0x1D)).containsExactlyInAnyOrder(SnapshotAttribute.PERSISTENT,
                SnapshotAttribute.CLIENT_ACCESSIBLE, SnapshotAttribute.NO_AUTO_RELEASE, SnapshotAttribute.NO_WRITERS);
    }

    @Test
    void unknownValuesAreRejectedByName() {
        assertThatThrownBy(() -> BackupType.fromValue(42)).hasMessageContaining("BackupType")
                .hasMessageContaining("42");
    }
}
