package org.vss4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vss4j.BackupSchema;
import org.vss4j.RestoreMethod;
import org.vss4j.RollForward;
import org.vss4j.RollForwardType;
import org.vss4j.WriterRestore;
import org.vss4j.cli.BackupRunFixture.Run;
import org.vss4j.sim.FileSpec;
import org.vss4j.sim.SimulatedWriter;
import org.vss4j.sim.WriterComponent;
import org.vss4j.sim.WriterEvent;

/**
 * {@code vss restore --writers --authoritative | --roll-forward | --restore-name | --additional-restores}: each
 * reaches the writer at PreRestore (SetAuthoritativeRestore, SetRollForward, SetRestoreName, SetAdditionalRestores);
 * a writer whose backup schema lacks the flag is refused before PreRestore (exit code 13); a bad argument is a usage
 * error naming what the set holds.
 */
class RestoreWritersRequestsTest {

    private static final int RECOVERY = BackupSchema.AUTHORITATIVE_RESTORE.value()
            | BackupSchema.ROLLFORWARD_RESTORE.value() | BackupSchema.RESTORE_RENAME.value();

    @TempDir
    Path root;

    RestoreWritersFixture fixture;

    @BeforeEach
    void backedUp() throws IOException {
        fixture = new RestoreWritersFixture(root);
        fixture.write("data/orders.db", "42 orders");
        fixture.write("logs/a.log", "log");
        fixture.backUp(m -> m.addWriter(writer(RECOVERY)), "D:\\data", "D:\\logs");
    }

    private static SimulatedWriter writer(int schema) {
        return RestoreWritersFixture.ordersWriter()
                .component(WriterComponent.fileGroup("", "logs").withFile(FileSpec.of("D:\\logs", "*", true)))
                .restoreMethod(RestoreMethod.RESTORE_IF_CAN_REPLACE, null, null, WriterRestore.ALWAYS, false)
                .backupSchema(schema)
                .build();
    }

    @Test
    void theRecoveryRequestsReachTheWriterAtPreRestore() {
        SimulatedWriter w = writer(RECOVERY);

        Run r = fixture.vss(m -> m.addWriter(w), "restore", fixture.media.toString(), "--writers", "--authoritative",
                "Orders Writer:orders", "--roll-forward", "orders writer:LOGS=partial:LSN 42", "--restore-name",
                "Orders Writer:orders=orders-copy", "--additional-restores", "Orders Writer");

        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(w.seenAt(WriterEvent.PRE_RESTORE)).extracting(c -> c.name() + " authoritative="
                + c.authoritativeRestore() + " rollForward=" + c.rollForward() + " name=" + c.restoreName()
                + " additional=" + c.additionalRestores())
                .containsExactlyInAnyOrder(
                        "orders authoritative=true rollForward=" + new RollForward(RollForwardType.UNDEFINED, null)
                                + " name=orders-copy additional=true",
                        "logs authoritative=false rollForward=" + new RollForward(RollForwardType.PARTIAL, "LSN 42")
                                + " name=null additional=true");
    }

    @Test
    void rollForwardAllAndNone() {
        SimulatedWriter w = writer(RECOVERY);

        Run r = fixture.vss(m -> m.addWriter(w), "restore", fixture.media.toString(), "--writers", "--roll-forward",
                "Orders Writer:orders=all", "--roll-forward", "Orders Writer:logs=NONE");

        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(w.seenAt(WriterEvent.PRE_RESTORE)).extracting(c -> c.name() + "=" + c.rollForward().type())
                .containsExactlyInAnyOrder("orders=ALL", "logs=NONE");
    }

    @Test
    void aWriterWithoutTheSchemaFlagIsRefusedBeforePreRestore() {
        SimulatedWriter w = writer(0);

        Run r = fixture.vss(m -> m.addWriter(w), "restore", fixture.media.toString(), "--writers", "--authoritative",
                "Orders Writer:orders");

        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(ExitCodes.COMPONENTS_NOT_RESTORED);
        assertThat(r.out()).contains("writer Orders Writer: not restored: cannot ask an authoritative restore",
                "VSS_BS_AUTHORITATIVE_RESTORE", "restore without --authoritative")
                .doesNotContain("E_INVALIDARG").doesNotContain("restore without it");
        assertThat(w.events()).doesNotContain(WriterEvent.PRE_RESTORE);
    }

    @Test
    void badArgumentsAreUsageErrors() {
        String m = fixture.media.toString();
        Run writer = fixture.vss(x -> { }, "restore", m, "--writers", "--authoritative", "Nobody");
        Run component = fixture.vss(x -> { }, "restore", m, "--writers", "--additional-restores", "Orders Writer:nope");
        Run noHow = fixture.vss(x -> { }, "restore", m, "--writers", "--roll-forward", "Orders Writer");
        Run badHow = fixture.vss(x -> { }, "restore", m, "--writers", "--roll-forward", "Orders Writer=some");
        Run noPoint = fixture.vss(x -> { }, "restore", m, "--writers", "--roll-forward", "Orders Writer=partial:");
        Run nameOfWriter = fixture.vss(x -> { }, "restore", m, "--writers", "--restore-name", "Orders Writer=x");
        Run noName = fixture.vss(x -> { }, "restore", m, "--writers", "--restore-name", "Orders Writer:orders=");
        Run notChosen = fixture.vss(x -> { }, "restore", m, "--writers", "--component", "Orders Writer:logs",
                "--authoritative", "Orders Writer:orders");
        Run withoutWriters = fixture.vss(x -> { }, "restore", m, "--to", fixture.work.resolve("t").toString(),
                "--roll-forward", "Orders Writer=all");

        assertThat(List.of(writer, component, noHow, badHow, noPoint, nameOfWriter, noName, notChosen,
                withoutWriters)).allSatisfy(r -> assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.USAGE));
        assertThat(writer.err()).contains("--authoritative Nobody: set", "holds no component of a writer named "
                + "Nobody (its writers: [Orders Writer {");
        assertThat(component.err()).contains("--additional-restores Orders Writer:nope: set",
                "holds no component nope of Orders Writer");
        assertThat(noHow.err()).contains("give it as WRITER[:PATH]=all, =none or =partial:POINT");
        assertThat(badHow.err()).contains("'some' is no roll-forward");
        assertThat(noPoint.err()).contains("'partial:' is no roll-forward");
        assertThat(nameOfWriter.err()).contains("--restore-name Orders Writer=x: give it as WRITER:PATH=NAME");
        assertThat(noName.err()).contains("give it as WRITER:PATH=NAME");
        assertThat(notChosen.err()).contains("--authoritative Orders Writer:orders: component orders is not restored "
                + "(--component chooses [logs])");
        assertThat(withoutWriters.err()).contains("--roll-forward goes with --writers");
    }
}
