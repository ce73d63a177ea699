package org.vss4j.sim.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vss4j.sim.session.SessionFixture.restore;

import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.vss4j.BackupSchema;
import org.vss4j.ComponentState;
import org.vss4j.RestoreMethod;
import org.vss4j.RollForward;
import org.vss4j.RollForwardType;
import org.vss4j.VssHresult;
import org.vss4j.WriterRestore;
import org.vss4j.session.BackupException;
import org.vss4j.session.BackupItem;
import org.vss4j.session.BackupPhase;
import org.vss4j.session.BackupSession;
import org.vss4j.session.ComponentSelection;
import org.vss4j.session.RestoreSession;
import org.vss4j.sim.FileSpec;
import org.vss4j.sim.SimulatedMachine;
import org.vss4j.sim.SimulatedWriter;
import org.vss4j.sim.VssSimulatorExtension;
import org.vss4j.sim.WriterComponent;
import org.vss4j.sim.WriterEvent;

/**
 * Authoritative restore, roll-forward and restore name asked of a {@link RestoreSession} (Microsoft docs,
 * "IVssBackupComponentsEx2::SetAuthoritativeRestore", "...::SetRollForward", "...::SetRestoreName"): what the writer
 * reads at PreRestore, and the refusal for a writer whose backup schema does not declare the support.
 */
@ExtendWith(VssSimulatorExtension.class)
class RestoreRecoveryTest {

    private static final int ALL_THREE = BackupSchema.AUTHORITATIVE_RESTORE.value()
            | BackupSchema.ROLLFORWARD_RESTORE.value() | BackupSchema.RESTORE_RENAME.value();

    @TempDir
    Path temp;

    SessionFixture fx;
    SimulatedMachine machine;

    @BeforeEach
    void setUp(SimulatedMachine m) {
        machine = m;
        fx = new SessionFixture(m, temp);
        SessionFixture.write(fx.c, "db\\data.mdf", "pages");
    }

    private SimulatedWriter writer(int schema) {
        return machine.addWriter(SimulatedWriter.builder("DbWriter")
                .component(WriterComponent.fileGroup("", "db").withFile(FileSpec.of("C:\\db", "*", false)))
                .restoreMethod(RestoreMethod.RESTORE_IF_CAN_REPLACE, null, null, WriterRestore.ALWAYS, false)
                .backupSchema(schema).build());
    }

    private String backup(SimulatedWriter w) {
        try (BackupSession s = fx.session().components(ComponentSelection.writer(w.metadata().writerClassId()))
                .start()) {
            s.items().forEach((BackupItem i) -> s.saved(i));
            return s.complete().backupComponentsDocument();
        }
    }

    @Test
    void theWriterReadsEveryRecoveryChoiceAtPreRestore() {
        SimulatedWriter w = writer(ALL_THREE);
        UUID cls = w.metadata().writerClassId();
        String bcd = backup(w);
        try (RestoreSession s = restore(bcd).authoritativeRestore(cls, "db", true)
                .rollForward(cls, "db", RollForwardType.PARTIAL, "LSN 42").restoreName(cls, "db", "db_copy").start()) {
            s.items().forEach(s::restored);
            assertThat(s.complete().allRestored()).isTrue();
        }
        ComponentState seen = w.seenAt(WriterEvent.PRE_RESTORE).get(0);
        assertThat(seen.authoritativeRestore()).isTrue();
        assertThat(seen.rollForward()).isEqualTo(new RollForward(RollForwardType.PARTIAL, "LSN 42"));
        assertThat(seen.restoreName()).isEqualTo("db_copy");
    }

    @Test
    void withoutAskingTheWriterReadsTheDefaults() {
        SimulatedWriter w = writer(ALL_THREE);
        String bcd = backup(w);
        try (RestoreSession s = restore(bcd).start()) {
            s.items().forEach(s::restored);
            s.complete();
        }
        ComponentState seen = w.seenAt(WriterEvent.PRE_RESTORE).get(0);
        assertThat(seen.authoritativeRestore()).isFalse();
        assertThat(seen.restoreName()).isNull();
    }

    @Test
    void aWriterWhoseSchemaLacksTheFlagIsRefusedBeforePreRestore() {
        SimulatedWriter w = writer(BackupSchema.AUTHORITATIVE_RESTORE.value());
        UUID cls = w.metadata().writerClassId();
        String bcd = backup(w);
        assertThatThrownBy(() -> restore(bcd).authoritativeRestore(cls, "db", true)
                .rollForward(cls, "db", RollForwardType.ALL, null).start())
                .isInstanceOfSatisfying(BackupException.class, e -> {
                    assertThat(e.phase()).isEqualTo(BackupPhase.SET_RESTORE_OPTIONS);
                    assertThat(e.hresult()).isEqualTo(VssHresult.E_INVALIDARG.code());
                    assertThat(e.getMessage()).contains("VSS_BS_ROLLFORWARD_RESTORE").contains("DbWriter");
                });
        assertThat(w.events()).doesNotContain(WriterEvent.PRE_RESTORE);
    }

    @Test
    void aComponentNotSelectedIsRefused() {
        SimulatedWriter w = writer(ALL_THREE);
        String bcd = backup(w);
        assertThatThrownBy(() -> restore(bcd).restoreName(w.metadata().writerClassId(), "other", "x").start())
                .isInstanceOfSatisfying(BackupException.class,
                        e -> assertThat(e.hresult()).isEqualTo(VssHresult.VSS_E_OBJECT_NOT_FOUND.code()));
    }

    @Test
    void badChoicesAreRefusedWhenAsked() {
        UUID cls = UUID.randomUUID();
        assertThatThrownBy(() -> RestoreSession.builder().rollForward(cls, "db", RollForwardType.UNDEFINED, null))
                .hasMessageContaining("VSS_RF_UNDEFINED");
        assertThatThrownBy(() -> RestoreSession.builder().rollForward(cls, "db", RollForwardType.PARTIAL, null))
                .hasMessageContaining("restore point");
        assertThatThrownBy(() -> RestoreSession.builder().rollForward(cls, "db", RollForwardType.ALL, "LSN 1"))
                .hasMessageContaining("takes no restore point");
        assertThatThrownBy(() -> RestoreSession.builder().restoreName(cls, "db", ""))
                .hasMessageContaining("E_INVALIDARG");
    }
}
