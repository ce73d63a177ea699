package org.vss4j.contract;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.vss4j.BackupComponents;
import org.vss4j.ComponentType;
import org.vss4j.WriterComponentInfo;
import org.vss4j.WriterMetadata;
import org.vss4j.WriterMetadataEntry;
import org.vss4j.WriterStatus;

/** Steps the contract tests repeat: the timeout for asynchronous calls and reading every writer's status. */
final class Steps {

    /** Real VSS can take well over 10 s per shadow copy on a busy runner. */
    static final Duration TIMEOUT = Duration.ofMinutes(3);

    private Steps() {
    }

    /** A writer component chosen for a component-mode backup. */
    record Chosen(UUID instanceId, UUID writerId, ComponentType type, String logicalPath, String name) {
    }

    /** The first top-level component of the writer named {@code writerName} (after GatherWriterMetadata). */
    static Optional<Chosen> topLevelComponent(BackupComponents bc, String writerName) {
        for (int i = 0; i < bc.getWriterMetadataCount(); i++) {
            try (WriterMetadataEntry e = bc.getWriterMetadata(i)) {
                WriterMetadata md = e.metadata().read();
                if (!md.identity().writerName().equalsIgnoreCase(writerName)) {
                    continue;
                }
                for (WriterComponentInfo c : md.components()) {
                    if (c.logicalPath() == null || c.logicalPath().isEmpty()) {
                        return Optional.of(new Chosen(e.instanceId(), md.identity().writerId(), c.type(),
                                c.logicalPath(), c.name()));
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** GatherWriterStatus, every GetWriterStatus, FreeWriterStatus. */
    static List<WriterStatus> writerStatuses(BackupComponents bc) {
        bc.gatherWriterStatus().finish(TIMEOUT);
        try {
            List<WriterStatus> all = new ArrayList<>();
            for (int i = 0; i < bc.getWriterStatusCount(); i++) {
                all.add(bc.getWriterStatus(i));
            }
            return all;
        } finally {
            bc.freeWriterStatus();
        }
    }
}
