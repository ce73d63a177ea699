package org.vss4j.sim.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.vss4j.ApplicationLevel;
import org.vss4j.BackupSchema;
import org.vss4j.ComponentType;
import org.vss4j.DirectedTarget;
import org.vss4j.FileRestoreStatus;
import org.vss4j.RestoreMethod;
import org.vss4j.RestoreTarget;
import org.vss4j.SourceType;
import org.vss4j.UsageType;
import org.vss4j.VssComponent;
import org.vss4j.WriterRestore;
import org.vss4j.session.BackupSession;
import org.vss4j.session.ComponentSelection;
import org.vss4j.session.RestoreItem;
import org.vss4j.session.RestoreOutcome;
import org.vss4j.session.RestoreResult;
import org.vss4j.session.RestoreSession;
import org.vss4j.sim.SimulatedMachine;
import org.vss4j.sim.VssSimulatorExtension;
import org.vss4j.writer.BorrowedWriterComponents;
import org.vss4j.writer.CreateWriterMetadata;
import org.vss4j.writer.VssWriter;

/**
 * What a writer decides for its component in OnPreRestore (Microsoft docs, "IVssComponent::SetRestoreTarget",
 * "IVssComponent::SetPreRestoreFailureMsg") is what the {@link RestoreSession} items follow: it reads the components
 * again after PreRestore ("Overview of Preparing for Restore").
 */
@ExtendWith(VssSimulatorExtension.class)
class WriterRestoreDecisionsTest {

    private static final UUID WRITER_ID = UUID.fromString("5b9f3c2e-8d41-4a6f-b7e0-1c2d3e4f5a6b");
    private static final Duration T = Duration.ofSeconds(30);

    @TempDir
    Path temp;

    SessionFixture fx;

    @BeforeEach
    void setUp(SimulatedMachine m) {
        fx = new SessionFixture(m, temp);
        SessionFixture.write(fx.c, "data\\a.txt", "a");
    }

    /**
     * A Java writer with one file group {@code Data} (C:\data\*), with or without the alternate location mapping
     * C:\data to C:\alt\data, that runs {@code atPreRestore} on it.
     */
    private static final class DecidingWriter extends VssWriter {

        private final RestoreMethod method;
        private final Consumer<VssComponent> atPreRestore;
        private final boolean mapping;

        DecidingWriter(RestoreMethod method, Consumer<VssComponent> atPreRestore, boolean mapping) {
            this.method = method;
            this.atPreRestore = atPreRestore;
            this.mapping = mapping;
            initialize(WRITER_ID, "Deciding Writer", "instance-1", UsageType.USERDATA, SourceType.TRANSACTEDDB,
                    ApplicationLevel.FRONT_END, Duration.ofSeconds(20));
            subscribe();
        }

        @Override
        protected boolean onIdentify(CreateWriterMetadata m) {
            m.addComponent(ComponentType.FILEGROUP, null, "Data", null, null, false, false, true, true, 0);
            m.addFilesToFileGroup(null, "Data", "C:\\data", "*", false, null,
                    CreateWriterMetadata.DEFAULT_BACKUP_TYPE_MASK);
            m.setRestoreMethod(method, null, null, WriterRestore.ALWAYS, false);
            if (mapping) {
                m.addAlternateLocationMapping("C:\\data", "*", false, "C:\\alt\\data");
            }
            m.setBackupSchema(BackupSchema.WRITER_SUPPORTS_NEW_TARGET.value());
            return true;
        }

        @Override
        protected boolean onPrepareSnapshot() {
            return true;
        }

        @Override
        protected boolean onFreeze() {
            return true;
        }

        @Override
        protected boolean onThaw() {
            return true;
        }

        @Override
        protected boolean onAbort() {
            return true;
        }

        @Override
        protected boolean onPreRestore(BorrowedWriterComponents components) {
            for (int i = 0; i < components.getComponentCount(); i++) {
                try (VssComponent c = components.getComponent(i)) {
                    atPreRestore.accept(c);
                }
            }
            return true;
        }
    }

    /** Backs the writer's component up, restores it (reporting every item to copy restored); the session's view. */
    private record Run(java.util.List<RestoreItem> items, RestoreResult result) {
    }

    private Run run(RestoreMethod method, Consumer<VssComponent> atPreRestore, boolean newTarget) {
        return run(method, atPreRestore, newTarget, true);
    }

    private Run run(RestoreMethod method, Consumer<VssComponent> atPreRestore, boolean newTarget, boolean mapping) {
        try (DecidingWriter w = new DecidingWriter(method, atPreRestore, mapping)) {
            String bcd;
            try (BackupSession s = fx.session().components(ComponentSelection.writer(WRITER_ID)).start()) {
                SessionFixture.copyAll(s);
                bcd = s.complete().backupComponentsDocument();
            }
            var builder = RestoreSession.builder().document(bcd).phaseTimeout(T);
            if (newTarget) {
                builder.newTarget(WRITER_ID, "Data", "C:\\data", "*", false, "D:\\new\\data");
            }
            try (RestoreSession s = builder.start()) {
                s.items().stream().filter(RestoreItem::toCopy).forEach(s::restored);
                return new Run(s.items(), s.complete());
            }
        }
    }

    @Test
    void withoutADecisionTheRestoreMethodDecides() {
        Run r = run(RestoreMethod.RESTORE_IF_CAN_REPLACE, c -> { }, false, false);
        assertThat(r.items()).singleElement().satisfies(i -> {
            assertThat(i.action()).isEqualTo(RestoreItem.Action.REPLACE_IF_POSSIBLE);
            assertThat(i.target()).isEqualTo("C:\\data");
        });
        assertThat(r.result().allRestored()).isTrue();
    }

    @Test
    void ifCanReplaceWithAnAlternateLocationMappingWritesToTheAlternateLocation() {
        // "VSS_RESTOREMETHOD_ENUM", VSS_RME_RESTORE_IF_CAN_REPLACE: "If a file's alternate location mapping is
        // defined, files should be written to the alternate location."
        Run r = run(RestoreMethod.RESTORE_IF_CAN_REPLACE, c -> { }, false);
        assertThat(r.items()).singleElement().satisfies(i -> {
            assertThat(i.action()).isEqualTo(RestoreItem.Action.COPY_TO_ALTERNATE_LOCATION);
            assertThat(i.target()).isEqualTo("C:\\alt\\data");
        });
        assertThat(r.result().allRestored()).isTrue();
    }

    @Test
    void aWriterSettingVssRtAlternateSendsTheFilesToItsAlternateLocationMapping() {
        Run r = run(RestoreMethod.RESTORE_IF_CAN_REPLACE, c -> c.setRestoreTarget(RestoreTarget.ALTERNATE), false);
        assertThat(r.items()).singleElement().satisfies(i -> {
            assertThat(i.action()).isEqualTo(RestoreItem.Action.COPY_TO_ALTERNATE_LOCATION);
            assertThat(i.target()).isEqualTo("C:\\alt\\data");
        });
        assertThat(r.result().allRestored()).isTrue();
    }

    @Test
    void aWriterSettingVssRtOriginalLocationOverridesTheAlternateLocationMethod() {
        Run r = run(RestoreMethod.RESTORE_TO_ALTERNATE_LOCATION,
                c -> c.setRestoreTarget(RestoreTarget.ORIGINAL_LOCATION), false);
        assertThat(r.items()).singleElement().satisfies(i -> {
            assertThat(i.action()).isEqualTo(RestoreItem.Action.REPLACE_IF_POSSIBLE);
            assertThat(i.target()).isEqualTo("C:\\data");
        });
    }

    @Test
    void vssRtOriginalLocationRestoresAnAlternateLocationFileSetThatHasNoMapping() {
        // "VSS_RESTORE_TARGET", VSS_RT_ORIGINAL_LOCATION: "even if the original restore method ... was
        // VSS_RME_RESTORE_TO_ALTERNATE_LOCATION": the missing mapping no longer matters.
        Run r = run(RestoreMethod.RESTORE_TO_ALTERNATE_LOCATION,
                c -> c.setRestoreTarget(RestoreTarget.ORIGINAL_LOCATION), false, false);
        assertThat(r.items()).singleElement().satisfies(i -> {
            assertThat(i.action()).isEqualTo(RestoreItem.Action.REPLACE_IF_POSSIBLE);
            assertThat(i.target()).isEqualTo("C:\\data");
        });
        assertThat(r.result().allRestored()).isTrue();
    }

    @Test
    void withoutAMappingOrAChangedTargetAnAlternateLocationFileSetIsAWriterError() {
        Run r = run(RestoreMethod.RESTORE_TO_ALTERNATE_LOCATION, c -> { }, false, false);
        assertThat(r.items()).singleElement().satisfies(i -> assertThat(i.reason()).isEqualTo("writer error: "
                + "restore method VSS_RME_RESTORE_TO_ALTERNATE_LOCATION without an alternate location mapping for "
                + "C:\\data\\*"));
        assertThat(r.result().allRestored()).isFalse();
    }

    @Test
    void theCallersNewTargetWinsOverVssRtOriginalLocationAndVssRtAlternate() {
        // "Overview of Actual File Restoration": "If necessary, ignore all specified restore locations and restore to
        // a new location specified in an earlier call to AddNewTarget".
        for (RestoreTarget t : new RestoreTarget[] {RestoreTarget.ORIGINAL_LOCATION, RestoreTarget.ALTERNATE}) {
            Run r = run(RestoreMethod.RESTORE_TO_ALTERNATE_LOCATION, c -> c.setRestoreTarget(t), true);
            assertThat(r.items()).as("%s", t).singleElement().satisfies(i -> {
                assertThat(i.action()).isEqualTo(RestoreItem.Action.COPY_TO_NEW_TARGET);
                assertThat(i.target()).isEqualTo("D:\\new\\data");
            });
            assertThat(r.result().allRestored()).isTrue();
        }
    }

    @Test
    void aNewTargetStaysWhenTheWriterKeepsVssRtOriginal() {
        Run r = run(RestoreMethod.RESTORE_IF_CAN_REPLACE, c -> { }, true);
        assertThat(r.items()).singleElement().satisfies(i -> {
            assertThat(i.action()).isEqualTo(RestoreItem.Action.COPY_TO_NEW_TARGET);
            assertThat(i.target()).isEqualTo("D:\\new\\data");
        });
    }

    @Test
    void aDirectedRestoreIsReportedNotRestoredWithItsTargets() {
        DirectedTarget t = new DirectedTarget("C:\\data", "a.txt", "0:1", "C:\\data", "b.txt", "0:1");
        Run r = run(RestoreMethod.RESTORE_IF_CAN_REPLACE, c -> {
            c.setRestoreTarget(RestoreTarget.DIRECTED);
            c.addDirectedTarget(t);
        }, false);
        assertThat(r.items()).singleElement().satisfies(i -> {
            assertThat(i.toCopy()).isFalse();
            assertThat(i.reason()).contains("needs directed restore", "VSS_RT_DIRECTED", "1 directed target(s)");
        });
        RestoreOutcome o = r.result().outcomes().get(0);
        assertThat(o.restored()).isFalse();
        assertThat(o.status()).isEqualTo(FileRestoreStatus.NONE);
        assertThat(r.result().allRestored()).isFalse();
    }

    @Test
    void aComponentTheWriterFailsAtPreRestoreIsNotRestoredAndSaysWhy() {
        Run r = run(RestoreMethod.RESTORE_IF_CAN_REPLACE, c -> c.setPreRestoreFailureMsg("database is in use"),
                false);
        assertThat(r.items()).singleElement().satisfies(i -> assertThat(i.toCopy()).isFalse());
        RestoreOutcome o = r.result().outcomes().get(0);
        assertThat(o.restored()).isFalse();
        assertThat(o.status()).isEqualTo(FileRestoreStatus.NONE);
        assertThat(o.reason()).isEqualTo("not restored: its writer failed it at PreRestore: database is in use");
    }
}
