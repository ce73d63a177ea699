package org.vss4j.sim.vss;

import org.vss4j.sim.WriterComponentData;
import org.vss4j.sim.WriterEvent;
import org.vss4j.sim.SimulatedWriterMetadata;

/**
 * A writer that takes part in the simulated machine's backups and restores: a {@link org.vss4j.sim.SimulatedWriter}
 * scripted in Java, or a {@link HostedWriter}, a real writer reached through its native {@code CVssWriter} vtable.
 */
public interface WriterParticipant {

    /** Its Writer Metadata Document (for a hosted writer, what its last Identify declared). */
    SimulatedWriterMetadata metadata();

    default String name() {
        return metadata().writerName();
    }

    /** What it recorded for a component of the current backup or restore. */
    WriterComponentData recorded(String logicalPath, String componentName);

    /** Whether it receives {@code event} (a hosted writer subscribes to backup and/or restore events). */
    default boolean receives(WriterEvent event) {
        return true;
    }

    /**
     * Delivers {@code event} of {@code session}; {@code op} is the asynchronous operation sending it, for hangs and
     * cancellation (null when sent synchronously, as AbortBackup does).
     */
    EventResult deliver(WriterEvent event, WriterSessionContext session, AsyncOperation op)
            throws InterruptedException;
}
