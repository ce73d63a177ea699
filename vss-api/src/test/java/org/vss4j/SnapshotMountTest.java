package org.vss4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The names SnapshotMount derives; the links themselves are tested against the simulated kernel32. */
class SnapshotMountTest {

    @Test
    void aDriveLetterExposureIsReadAtItsRootNotDriveRelative() {
        // "X:" alone is the current directory of drive X; the shadow copy's root is "X:\".
        assertThat(SnapshotMount.directoryName("X:")).isEqualTo("X:\\");
        assertThat(SnapshotMount.directoryName("X:\\")).isEqualTo("X:\\");
        assertThat(SnapshotMount.directoryName("C:\\mnt\\snap")).isEqualTo("C:\\mnt\\snap\\");
        assertThat(SnapshotMount.directoryName(null)).isNull();
        assertThat(SnapshotMount.directoryName("")).isNull();
    }

    @Test
    void theLinkTargetIsTheDeviceWithItsTrailingBackslash() {
        String device = "\\\\?\\GLOBALROOT\\Device\\HarddiskVolumeShadowCopy7";
        assertThat(SnapshotMount.directoryName(device)).isEqualTo(device + "\\");
        assertThat(SnapshotMount.directoryName(device + "\\")).isEqualTo(device + "\\");
    }

    @Test
    void aShadowCopyWithoutADeviceObjectCannotBeMounted() {
        for (String device : new String[] {null, ""}) {
            SnapshotProperties p = new SnapshotProperties(UUID.randomUUID(), UUID.randomUUID(), 1, device, null, null,
                    null, null, null, null, 0, null, null);
            assertThatThrownBy(() -> SnapshotMount.open(p)).as(String.valueOf(device))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has no device object");
        }
    }
}
