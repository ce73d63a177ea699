package org.vss4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.vss4j.cli.BackupRunFixture.Run;
import org.vss4j.media.BackupSetReader;

/**
 * A failed {@code vss backup} names its step once and says what MEDIA holds of the set; the session's warnings, which
 * the outcome repeats in vss's words, are on stderr only with {@code --verbose}.
 */
class BackupFailureTextTest extends InProcessBackupTest {

    @BeforeEach
    void files() throws IOException {
        fixture.write("data/a.txt", "hello");
    }

    @AfterEach
    void quiet() {
        System.clearProperty(LibraryLog.SESSION_LEVEL);
    }

    @Test
    void aStepThatFailsBeforeTheCopyIsNamedOnceAndNoSetWasWritten() throws IOException {
        Path media = work.resolve("m");
        Run r = fixture.vss("backup", "D:\\data", "--to", media.toString(), "--volume-mode", "--retries", "0",
                "--sim-fault", "DoSnapshotSet=VSS_E_PROVIDER_VETO");

        assertThat(r.exit()).isEqualTo(ExitCodes.VSS_FAILURE);
        assertThat(r.err()).contains("vss: backup failed: IVssBackupComponents::DoSnapshotSet failed: "
                + "VSS_E_PROVIDER_VETO (0x80042306)", "vss: no backup set was written to " + media)
                .doesNotContain("DO_SNAPSHOT_SET");
        assertThat(BackupSetReader.open(media).list()).isEmpty();
    }

    @Test
    void aFailingBackupCompleteLeavesTheSetUnconfirmedAndSaysSo() throws IOException {
        Path media = work.resolve("m");
        Run r = fixture.vss("backup", "D:\\data", "--to", media.toString(), "--volume-mode",
                "--sim-fault", "BackupComplete=VSS_E_UNEXPECTED");

        assertThat(r.exit()).isEqualTo(ExitCodes.VSS_FAILURE);
        String id = BackupSetReader.open(media).list().get(0).metadata().setId();
        assertThat(r.err()).contains("IVssBackupComponents::BackupComplete failed: VSS_E_UNEXPECTED",
                "vss: backup set " + id + " stays in " + media + " as 'unconfirmed'");
    }

    @Test
    void theSessionsWarningsAreShownOnlyWithVerbose() {
        assertThat(LoggerFactory.getLogger("org.vss4j.session.FileListBuilder").isWarnEnabled()).isFalse();
        assertThat(LoggerFactory.getLogger("org.vss4j.session.FileListBuilder").isErrorEnabled()).isTrue();
        assertThat(LoggerFactory.getLogger("org.vss4j.media.SessionBackupSet").isWarnEnabled()).isTrue();

        LibraryLog.verbose();

        assertThat(LoggerFactory.getLogger("org.vss4j.session.AProbeMadeAfterVerbose").isWarnEnabled()).isTrue();
    }

    @Test
    void stepOnceKeepsAMessageThatIsNotOneCall() {
        String writer = "backup session, DO_SNAPSHOT_SET failed: VSS_E_WRITERERROR_TIMEOUT (0x800423F2) [writer x "
                + "failed at Freeze] - why";
        assertThat(BackupFailure.stepOnce(writer)).isEqualTo(writer);
        assertThat(BackupFailure.stepOnce("backup session, PREPARE_FOR_BACKUP failed: E_FAIL (0x80004005) "
                + "[IVssBackupComponents::PrepareForBackup failed: E_FAIL (0x80004005)] - why"))
                .isEqualTo("IVssBackupComponents::PrepareForBackup failed: E_FAIL (0x80004005) - why");
    }
}
