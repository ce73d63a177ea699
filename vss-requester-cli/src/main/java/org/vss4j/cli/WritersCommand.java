package org.vss4j.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.vss4j.BackupComponents;
import org.vss4j.BackupType;
import org.vss4j.VssHresult;
import org.vss4j.WriterBackupSchema;
import org.vss4j.WriterComponentInfo;
import org.vss4j.WriterIdentity;
import org.vss4j.WriterMetadata;
import org.vss4j.WriterMetadataEntry;
import org.vss4j.WriterRestoreMethod;
import org.vss4j.WriterStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vss writers}: the writers on the system, their state and components (like {@code vssadmin list writers}). */
@Command(name = "writers", mixinStandardHelpOptions = true, abbreviateSynopsis = true,
        description = "List the VSS writers, their state and components (like vssadmin list writers).",
        footer = {"%nExamples:",
            "  vss writers",
            "  vss writers --json",
            "  vss writers --save wmd   (replay them: vss writers --sim-writers wmd)",
            ExitCodes.HELP_WRITERS})
final class WritersCommand implements Callable<Integer> {

    /** One writer as reported: identity, status and its Writer Metadata Document's components. */
    record WriterReport(WriterIdentity identity, WriterStatus status, WriterRestoreMethod restore,
            WriterBackupSchema schema, List<WriterComponentInfo> components) {
    }

    @Spec
    private CommandSpec spec;

    @Mixin
    private SimulatorOptions simulator;

    @Option(names = "--json", description = "Print the writers as JSON on stdout (notes go to stderr).")
    private boolean json;

    @Option(names = "--timeout", defaultValue = "2m", paramLabel = "DURATION",
            description = "Longest wait for each step: 30s, 5m, 2h or ISO-8601 (PT5M). Default: ${DEFAULT-VALUE}.")
    private Duration timeout;

    @Option(names = "--save", paramLabel = "DIR",
            description = "Also write each writer's Writer Metadata Document (SaveAsXML) to DIR, one file per writer "
                    + "named <writer name>-<instance id>.xml, in which _ stands for each character but A-Za-z0-9._-.")
    private Path save;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (save != null) {
            WriterDocumentFiles.checkDirectory(save);
        }
        return Requester.run(simulator, null, bc -> {
            bc.setBackupState(true, false, BackupType.COPY, false);
            bc.gatherWriterMetadata().finish(timeout);
            List<WriterReport> reports = new ArrayList<>();
            Map<WriterIdentity, String> documents = new LinkedHashMap<>();
            Map<UUID, WriterStatus> statuses = statuses(bc);
            for (int i = 0; i < bc.getWriterMetadataCount(); i++) {
                try (WriterMetadataEntry e = bc.getWriterMetadata(i)) {
                    WriterMetadata metadata = e.metadata().read();
                    WriterIdentity id = metadata.identity();
                    reports.add(new WriterReport(id, statuses.get(id.instanceId()), metadata.restoreMethod(),
                            metadata.backupSchema(), metadata.components()));
                    if (save != null) {
                        documents.put(id, e.metadata().saveAsXml());
                    }
                }
            }
            List<Path> saved = new ArrayList<>();
            for (Map.Entry<WriterIdentity, String> d : documents.entrySet()) {
                saved.add(WriterDocumentFiles.save(save, d.getKey(), d.getValue()));
            }
            if (json) {
                Json.print(out, reports.stream().map(r -> JsonForms.Writer.of(r.identity(), r.status(),
                        r.restore(), r.schema(), r.components())).toList());
            } else {
                if (reports.isEmpty()) {
                    out.println("no writers");
                }
                reports.forEach(r -> print(out, r));
                if (save != null) {
                    out.printf("Saved %d Writer Metadata Document(s) in %s%n", saved.size(), save.toAbsolutePath());
                }
            }
            return ExitCodes.OK;
        });
    }

    private Map<UUID, WriterStatus> statuses(BackupComponents bc) {
        Map<UUID, WriterStatus> byInstance = new HashMap<>();
        for (WriterStatus s : bc.writerStatuses(timeout)) {
            byInstance.put(s.instanceId(), s);
        }
        return byInstance;
    }

    private static void print(PrintWriter out, WriterReport r) {
        WriterIdentity id = r.identity();
        out.printf("Writer name: '%s'%n   Writer Id: {%s}%n   Writer Instance Id: {%s}%n   Usage: %s, source: %s%n",
                id.writerName(), id.writerId(), id.instanceId(), id.usage().nativeName(), id.source().nativeName());
        if (r.status() != null) {
            out.printf("   State: %s%s%n", r.status().state().nativeName(), r.status().failureHresult() != 0
                    ? " (last error " + VssHresult.describe(r.status().failureHresult()) + ")" : "");
        }
        WriterRestoreMethod m = r.restore();
        if (m != null && m.method() != null) {
            // What vss restore --writers will do with the writer's files, and which of its options it accepts.
            out.printf("   Restore method: %s%s, writer restore: %s%s%n", m.method().nativeName(),
                    m.service() == null || m.service().isEmpty() ? "" : " (service " + m.service() + ")",
                    m.writerRestore() == null ? "unknown" : m.writerRestore().nativeName(),
                    m.rebootRequired() ? ", reboot required" : "");
        }
        if (r.schema() != null) {
            out.printf("   Backup schema: %s (0x%x)%n", r.schema().schemas().isEmpty() ? "none"
                    : String.join(", ", r.schema().schemas().stream().map(b -> b.nativeName()).toList()),
                    r.schema().mask());
        }
        for (WriterComponentInfo c : r.components()) {
            String path = c.logicalPath() == null || c.logicalPath().isEmpty() ? "" : c.logicalPath() + "\\";
            out.printf("   Component: %s%s (%s%s), %d file set(s)%n", path, c.name(), c.type().nativeName(),
                    c.selectable() ? ", selectable" : "",
                    c.files().size() + c.databaseFiles().size() + c.logFiles().size());
        }
    }
}
