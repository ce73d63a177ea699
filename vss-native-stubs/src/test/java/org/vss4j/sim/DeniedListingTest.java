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
        // The virtual System Volume Information stays denied (docs/simulator-file-system.md).
        assertThat(FindCalls.failure("D:\\System Volume Information\\*")).isEqualTo(Win32Error.ERROR_ACCESS_DENIED);
    }
}
