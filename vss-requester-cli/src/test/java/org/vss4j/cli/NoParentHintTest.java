package org.vss4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vss4j.abi.NativeExport;
import org.vss4j.cli.BackupRunFixture.Run;
import org.vss4j.media.BackupSetReader;

/**
 * An incremental backup with no complete full set to build on: the message says when the newest full set is partial
 * (so no parent), and the command it suggests is the user's own, with {@code --type full}.
 */
class NoParentHintTest extends InProcessBackupTest {

    @BeforeEach
    void files() throws IOException {
        fixture.write("data/a.txt", "hello");
    }

    @Test
    void aPartialFullIsNamedAsNoParentAndTheSuggestionKeepsTheOptions() throws IOException {
        Path media = work.resolve("m");
        // A full backup that cannot open its file (another process holds it) is partial.
        Run full = fixture.vss(m -> m.faults().failWin32OnCall(NativeExport.CreateFileW, 1,
                32 /* ERROR_SHARING_VIOLATION, winerror.h */), "backup", "D:\\data",
                "--to", media.toString(), "--no-writers", "--type", "full");
        assertThat(full.exit()).as(full.err() + full.out()).isEqualTo(ExitCodes.PARTIAL);
        String partial = BackupSetReader.open(media).list().get(0).metadata().setId();

        Run incr = fixture.vss("backup", "D:\\data", "--to", media.toString(), "--no-writers", "--type=incremental");

        assertThat(incr.exit()).isEqualTo(ExitCodes.NO_PARENT);
        assertThat(incr.err()).contains("the newest full set, " + partial + ", is partial and so no parent",
                "run a full backup first: vss backup 'D:\\data' --to " + media + " --no-writers --sim-volume 'D:\\="
                        + disk + "' --sim-state " + state + " --type full");
    }

    @Test
    void theSuggestionReplacesTheTypeInEitherForm() {
        assertThat(NoParentHint.asFull(List.of("backup", "D:\\", "--type", "incremental", "--json")))
                .containsExactly("backup", "D:\\", "--json", "--type", "full");
        assertThat(NoParentHint.asFull(List.of("backup", "--type=differential", "D:\\")))
                .containsExactly("backup", "D:\\", "--type", "full");
    }
}
