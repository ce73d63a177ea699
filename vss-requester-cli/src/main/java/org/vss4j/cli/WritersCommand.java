package org.vss4j.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.vss4j.BackupComponents;
import org.vss4j.BackupType;
import org.vss4j.WriterIdentity;
import org.vss4j.WriterMetadataEntry;
import org.vss4j.WriterStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vss writers}: the writers on the system, their identity and state (like {@code vssadmin list writers}). */
@Command(name = "writers", mixinStandardHelpOptions = true, description = "List the VSS writers and their state.")
final class WritersCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private SimulatorOptions simulator;

    @Option(names = "--timeout", defaultValue = "PT2M", description = "Longest wait for each step (ISO-8601).")
    private Duration timeout;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        simulator.prepare(out);
        try {
            try (BackupComponents bc = BackupComponents.create()) {
                bc.initializeForBackup(null);
                bc.setBackupState(true, false, BackupType.COPY, false);
                bc.gatherWriterMetadata().finish(timeout);
                int n = bc.getWriterMetadataCount();
                for (int i = 0; i < n; i++) {
                    try (WriterMetadataEntry e = bc.getWriterMetadata(i)) {
                        WriterIdentity id = e.metadata().getIdentity();
                        out.printf("Writer name: '%s'%n   Writer Id: {%s}%n   Writer Instance Id: {%s}%n   Usage: %s, "
                                + "source: %s%n", id.writerName(), id.writerId(), id.instanceId(), id.usage().nativeName(),
                                id.source().nativeName());
                    }
                }
                bc.gatherWriterStatus().finish(timeout);
                try {
                    for (int i = 0; i < bc.getWriterStatusCount(); i++) {
                        WriterStatus s = bc.getWriterStatus(i);
                        out.printf("State of '%s': %s%s%n", s.writerName(), s.state().nativeName(),
                                s.failureHresult() != 0 ? String.format(" (last error 0x%08X)", s.failureHresult()) : "");
                    }
                } finally {
                    bc.freeWriterStatus();
                }
            }
        } finally {
            simulator.close();
        }
        return 0;
    }
}
