package org.vss4j.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Where {@code newTargetRoot} places a file set's path. */
class NewTargetsTest {

    @Test
    void aDriveLetterBecomesADirectory() {
        assertThat(NewTargets.underRoot("D:\\restore", "C:\\logs\\")).isEqualTo("D:\\restore\\C\\logs");
        assertThat(NewTargets.underRoot("D:\\restore\\", "c:\\logs\\app")).isEqualTo("D:\\restore\\C\\logs\\app");
        assertThat(NewTargets.underRoot("D:\\restore", "C:\\")).isEqualTo("D:\\restore\\C");
        assertThat(NewTargets.underRoot("D:\\restore", "\\\\?\\C:\\logs")).isEqualTo("D:\\restore\\C\\logs");
    }

    @Test
    void uncAndVolumeGuidPathsGoUnderTheirOwnNames() {
        assertThat(NewTargets.underRoot("D:\\restore", "\\\\server\\share\\dir"))
                .isEqualTo("D:\\restore\\UNC\\server\\share\\dir");
        assertThat(NewTargets.underRoot("D:\\restore", "\\\\?\\UNC\\server\\share\\dir"))
                .isEqualTo("D:\\restore\\UNC\\server\\share\\dir");
        assertThat(NewTargets.underRoot("D:\\restore",
                "\\\\?\\Volume{0A1B2C3D-0000-1111-2222-333344445555}\\data\\"))
                .isEqualTo("D:\\restore\\Volume{0a1b2c3d-0000-1111-2222-333344445555}\\data");
    }

    @Test
    void pathsWithoutAPlaceAreRefusedWithWhatToDo() {
        assertThatThrownBy(() -> NewTargets.underRoot("D:\\restore", "%SystemRoot%\\logs"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("environment variables", "its own newTarget");
        assertThatThrownBy(() -> NewTargets.underRoot("D:\\restore", "logs\\app"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no drive, UNC or volume GUID");
        assertThatThrownBy(() -> NewTargets.underRoot("D:\\restore", "\\\\.\\PhysicalDrive0"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
