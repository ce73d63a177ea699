package org.vss4j.sim.vss;

import org.vss4j.sim.SimulatedWriterMetadata;
import org.vss4j.sim.WriterComponentData;
import org.vss4j.sim.WriterEvent;

/**
 * A writer that takes part in the simulated machine's backups and restores: a {@link org.vss4j.sim.SimulatedWriter}
 * scripted in Java, or a {@link HostedWriter}, a real writer reached through its native {@code CVssWriter} vtable.
 */
public interface WriterParticipant {

    /**
     * Its Writer Metadata Document (for a hosted writer, what its last Identify declared).
     *
     * @return the writer's metadata
     */
    SimulatedWriterMetadata metadata();

    /**
     * The writer's name, from its metadata.
     *
     * @return the name
     */
    default String name() {
        return metadata().writerName();
    }

    /**
     * What it recorded for a component of the current backup or restore.
     *
     * @param logicalPath the component's logical path, {@code ""} at the root
     * @param componentName the component's name
     * @return what the writer recorded, {@link WriterComponentData#NONE} if nothing
     */
    WriterComponentData recorded(String logicalPath, String componentName);

    /**
     * Whether it receives {@code event} (a hosted writer subscribes to backup and/or restore events).
     *
     * @param event the event
     * @return true if VSS sends {@code event} to this writer; true by default
     */
    default boolean receives(WriterEvent event) {
        return true;
    }

    /**
     * Delivers {@code event} of {@code session}; {@code op} is the asynchronous operation sending it, for hangs and
     * cancellation (null when sent synchronously, as AbortBackup does).
     *
     * @param event the event
     * @param session the backup or restore the event belongs to
     * @param op the asynchronous operation sending it, or null
     * @return how the writer came out of the event
     * @throws InterruptedException if the sending thread is interrupted while the writer hangs
     */
    EventResult deliver(WriterEvent event, WriterSessionContext session, AsyncOperation op)
            throws InterruptedException;
}
