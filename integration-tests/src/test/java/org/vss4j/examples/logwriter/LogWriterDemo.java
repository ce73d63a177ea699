package org.vss4j.examples.logwriter;

import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.vss4j.BackupComponents;
import org.vss4j.BackupType;
import org.vss4j.SnapshotMount;
import org.vss4j.contract.VssTarget;

/**
 * Runs the log writer end to end: a load generator appends to an {@link AppendOnlyLog}, the {@link LogWriter} takes part
 * in one shadow copy (holding appends from Freeze to Thaw), and the log inside the shadow copy is checked. On Windows
 * (elevated) it uses the real VSS; elsewhere the simulator.
 *
 * <pre>./mvnw -q -B install -DskipTests &amp;&amp; ./mvnw -q -pl integration-tests exec:java \
 *     -Dexec.mainClass=org.vss4j.examples.logwriter.LogWriterDemo -Dexec.classpathScope=test</pre>
 */
public final class LogWriterDemo {

    private LogWriterDemo() {
    }

    public static void main(String[] args) throws Exception {
        Duration t = Duration.ofMinutes(2);
        try (VssTarget target = VssTarget.open()) {
            Path dir = target.workDir().resolve("orders");
            Path file = dir.resolve("orders.log");
            try (RunningLogWriter running = RunningLogWriter.start(dir, target.vssPath(dir), 3, "demo")) {
                AppendOnlyLog log = running.log();
                LogLoad load = running.load();
                load.awaitAcknowledged(1000, t);
                System.out.printf("%s: writing %s under load (%d records so far)%n", target.name(), file,
                        load.acknowledged());
                try (BackupComponents bc = BackupComponents.create()) {
                    bc.initializeForBackup(null);
                    bc.setBackupState(false, false, BackupType.COPY, false);
                    bc.gatherWriterMetadata().finish(t);
                    bc.startSnapshotSet();
                    UUID snapshot = bc.addToSnapshotSet(target.volume(), BackupComponents.GUID_NULL);
                    bc.prepareForBackup().finish(t);
                    bc.doSnapshotSet().finish(t);
                    try (SnapshotMount mount = bc.mountSnapshot(snapshot)) {
                        LogCheck frozen = LogCheck.of(target.inSnapshot(mount, file));
                        System.out.printf("shadow copy: %d records, %s%n", frozen.records(),
                                frozen.isClean() ? "clean (ends at a record boundary)" : "TORN");
                    }
                    bc.backupComplete().finish(t);
                }
                load.awaitAcknowledged(load.acknowledged() + 1000, t);
                load.close();
                LogCheck live = LogCheck.of(file);
                System.out.printf("live log: %d records, %d acknowledged, froze %d time(s)%n", live.records(),
                        load.acknowledged(), log.holds());
            }
        }
    }
}
