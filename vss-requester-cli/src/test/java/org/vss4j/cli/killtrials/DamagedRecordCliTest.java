package org.vss4j.cli.killtrials;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One damaged record in the simulator's state directory used to fail every {@code vss} command (each opens the
 * machine); now the command runs, the other shadow copies are listed, and stderr names the file and what is wrong.
 */
class DamagedRecordCliTest {

    @TempDir
    Path work;

    private List<String> vss(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--sim-volume", "D:\\=" + work.resolve("d"), "--sim-state", work.resolve("state")
                .toString()));
        return all;
    }

    @Test
    void anEmptyRecordIsReportedAndTheOtherShadowCopiesAreListed() throws Exception {
        Files.createDirectories(work.resolve("d"));
        Path links = Files.createDirectories(work.resolve("links"));
        for (int i = 0; i < 2; i++) {
            assertThat(ForkedVss.run(work, links, vss("snapshot", "create", "--persistent", "D:\\")).exit())
                    .isZero();
        }
        Path record;
        try (Stream<Path> records = Files.list(work.resolve("state").resolve("snapshots"))) {
            record = records.filter(f -> f.toString().endsWith(".snapshot")).sorted().findFirst().orElseThrow();
        }
        Files.write(record, new byte[0]);
        String damaged = record.getFileName().toString().replace(".snapshot", "");

        ForkedVss.Result r = ForkedVss.run(work, links, vss("snapshot", "list"));

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("shadow copy {").doesNotContain(damaged);
        assertThat(r.err()).contains("WARN", "skipped the record " + record, "empty (no fields at all)")
                .doesNotContain("NullPointerException");
    }
}
