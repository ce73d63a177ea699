package org.vss4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The names SnapshotMount derives; the links themselves are tested against the simulated kernel32. */
class SnapshotMountTest {

    @Test
    void aDriveLetterExposureIsReadAtItsRootNotDriveRelative() {
        // "X:" alone is the current directory of drive X; the shadow copy's root is "X:\".
        assertThat(SnapshotMount.rootName("X:")).isEqualTo("X:\\");
        assertThat(SnapshotMount.rootName("X:\\")).isEqualTo("X:\\");
        assertThat(SnapshotMount.rootName("C:\\mnt\\snap")).isEqualTo("C:\\mnt\\snap\\");
        assertThat(SnapshotMount.rootName(null)).isNull();
        assertThat(SnapshotMount.rootName("")).isNull();
    }

    @Test
    void theLinkTargetIsTheDeviceWithItsTrailingBackslash() {
        String device = "\\\\?\\GLOBALROOT\\Device\\HarddiskVolumeShadowCopy7";
        assertThat(SnapshotMount.deviceRoot(device)).isEqualTo(device + "\\");
        assertThat(SnapshotMount.deviceRoot(device + "\\")).isEqualTo(device + "\\");
        assertThatThrownBy(() -> SnapshotMount.deviceRoot("")).isInstanceOf(IllegalArgumentException.class);
    }
}
