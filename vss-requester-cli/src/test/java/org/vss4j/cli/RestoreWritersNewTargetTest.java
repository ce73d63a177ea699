package org.vss4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vss4j.BackupSchema;
import org.vss4j.FileSet;
import org.vss4j.RestoreMethod;
import org.vss4j.WriterRestore;
import org.vss4j.cli.BackupRunFixture.Run;
import org.vss4j.sim.SimulatedWriter;
import org.vss4j.sim.WriterEvent;

/**
 * {@code vss restore --writers --to WINDOWS-DIR}: every file set the writers let the requester copy goes under the
 * directory (RestoreSessionBuilder.newTargetRoot, AddNewTarget), written through the simulated volume that holds it;
 * a writer without VSS_BS_WRITER_SUPPORTS_NEW_TARGET is refused (exit code 13, nothing written), a host path or a
 * path on no declared volume is a usage error.
 */
class RestoreWritersNewTargetTest {

    @TempDir
    Path root;

    RestoreWritersFixture fixture;

    @BeforeEach
    void backedUp() throws IOException {
        fixture = new RestoreWritersFixture(root);
        fixture.write("data/orders.db", "42 orders");
        fixture.write("data/sub/old.db", "old orders");
        fixture.backUp(m -> m.addWriter(orders(BackupSchema.WRITER_SUPPORTS_NEW_TARGET.value())), "D:\\data");
        fixture.write("data/orders.db", "damaged");
    }

    private static SimulatedWriter orders(int schema) {
        return RestoreWritersFixture.ordersWriter()
                .restoreMethod(RestoreMethod.RESTORE_IF_CAN_REPLACE, null, null, WriterRestore.ALWAYS, false)
                .backupSchema(schema)
                .build();
    }

    @Test
    void theFilesGoUnderTheNewTargetAndTheWriterIsToldAtPreRestore() throws IOException {
        SimulatedWriter w = orders(BackupSchema.WRITER_SUPPORTS_NEW_TARGET.value());

        Run r = fixture.vss(m -> m.addWriter(w), "restore", fixture.media.toString(), "--writers", "--to",
                "D:\\restored", "--json");

        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(fixture.read("restored/D/data/orders.db")).isEqualTo("42 orders");
        assertThat(fixture.read("restored/D/data/sub/old.db")).isEqualTo("old orders");
        assertThat(fixture.read("data/orders.db")).isEqualTo("damaged");
        assertThat(w.seenAt(WriterEvent.PRE_RESTORE)).singleElement().satisfies(c -> assertThat(c.newTargets())
                .extracting(FileSet::alternateLocation).containsExactly("D:\\restored\\D\\data"));
        assertThat(r.json().get("newTarget").asText()).isEqualTo("D:\\restored");
        assertThat(r.json().get("components").get(0).get("files").asInt()).isEqualTo(2);
        assertThat(r.err()).contains("the files to copy under the new target D:\\restored");
    }

    @Test
    void aWriterThatDoesNotSupportNewTargetsIsRefusedAndNothingIsWritten() throws IOException {
        SimulatedWriter w = orders(BackupSchema.DIFFERENTIAL.value());

        Run text = fixture.vss(m -> m.addWriter(w), "restore", fixture.media.toString(), "--writers", "--to",
                "D:\\restored");
        Run json = fixture.vss(m -> m.addWriter(orders(BackupSchema.DIFFERENTIAL.value())), "restore",
                fixture.media.toString(), "--writers", "--to", "D:\\restored", "--json");

        assertThat(text.exit()).as(text.out() + text.err()).isEqualTo(ExitCodes.COMPONENTS_NOT_RESTORED);
        assertThat(text.out()).contains("writer Orders Writer: not restored: cannot give component orders",
                "VSS_BS_WRITER_SUPPORTS_NEW_TARGET", "restore without --to")
                .doesNotContain("newTargetRoot").doesNotContain("check the values passed");
        assertThat(text.out().lines().count()).isEqualTo(1);
        assertThat(text.err()).contains("nothing was restored");
        assertThat(w.events()).doesNotContain(WriterEvent.PRE_RESTORE);
        assertThat(fixture.disk.resolve("restored")).doesNotExist();
        assertThat(json.exit()).isEqualTo(ExitCodes.COMPONENTS_NOT_RESTORED);
        JsonNode f = json.json().get("failure");
        assertThat(f.get("phase").asText()).isEqualTo("SET_RESTORE_OPTIONS");
        assertThat(f.get("writer").asText()).isEqualTo("Orders Writer");
        assertThat(f.get("message").asText()).contains("VSS_BS_WRITER_SUPPORTS_NEW_TARGET");
    }

    @Test
    void aHostPathOrAPathOnNoVolumeIsAUsageError() {
        String host = fixture.work.resolve("t").toString();

        Run hostPath = fixture.vss(m -> { }, "restore", fixture.media.toString(), "--writers", "--to", host);
        Run relative = fixture.vss(m -> { }, "restore", fixture.media.toString(), "--writers", "--to", "restored");
        Run noVolume = fixture.vss(m -> { }, "restore", fixture.media.toString(), "--writers", "--to", "Q:\\restored");

        assertThat(hostPath.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(hostPath.err()).contains("--to " + host, "must be an absolute Windows path",
                "restore without --writers");
        assertThat(relative.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(relative.err()).contains("must be an absolute Windows path");
        assertThat(noVolume.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(noVolume.err()).contains("--to Q:\\restored", "is no volume of the simulated machine",
                "D:\\ = ");
        assertThat(fixture.work.resolve("t")).doesNotExist();
    }
}
