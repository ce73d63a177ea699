package org.vss4j.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.vss4j.com.Exports;
import org.vss4j.com.Win32Error;
import org.vss4j.files.PrivilegedFileAccess;
import org.vss4j.files.Win32PrivilegedFileAccess;

/** FindFirstFileW opens for backup intent: an enabled SeBackupPrivilege lists a directory whose ACL denies access. */
@ExtendWith(VssSimulatorExtension.class)
class DeniedListingTest {

    @Test
    void aDeniedDirectoryIsListedOnceSeBackupPrivilegeIsEnabled(SimulatedMachine machine, @TempDir Path d)
            throws IOException {
        Files.createDirectories(d.resolve("data"));
        Files.writeString(d.resolve("data/a.txt"), "a");
        machine.addVolume(d, "D:\\").facts().denyAccess("data");
        assertThat(FindCalls.failure("D:\\data\\*")).isEqualTo(Win32Error.ERROR_ACCESS_DENIED);

        new Win32PrivilegedFileAccess(Exports.current()).enablePrivilege(PrivilegedFileAccess.SE_BACKUP);

        assertThat(FindCalls.names("D:\\data\\*")).contains("a.txt");
    }

    @Test
    void systemVolumeInformationIsListedEmptyOnlyWithSeBackupPrivilegeEnabled(SimulatedMachine machine,
            @TempDir Path d) throws IOException {
        machine.addVolume(d, "D:\\");
        assertThat(FindCalls.failure("D:\\System Volume Information\\*")).isEqualTo(Win32Error.ERROR_ACCESS_DENIED);
        assertThat(FindCalls.failure("D:\\System Volume Information\\tracking.log"))
                .isEqualTo(Win32Error.ERROR_ACCESS_DENIED);

        new Win32PrivilegedFileAccess(Exports.current()).enablePrivilege(PrivilegedFileAccess.SE_BACKUP);

        // The simulator's holds nothing: only . and .., as in any empty directory below a root.
        assertThat(FindCalls.names("D:\\System Volume Information\\*")).containsExactly(".", "..");
        assertThat(FindCalls.failure("D:\\System Volume Information\\tracking.log"))
                .isEqualTo(Win32Error.ERROR_FILE_NOT_FOUND);
        assertThat(FindCalls.failure("D:\\System Volume Information\\sub\\*"))
                .isEqualTo(Win32Error.ERROR_PATH_NOT_FOUND);
        assertThat(d.resolve("System Volume Information")).doesNotExist();
    }
}
