package org.vss4j.sim.vss;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.vss4j.sim.SimulatedWriterMetadata;

/**
 * Which writers take part in one backup, as {@code EnableWriterClasses}, {@code DisableWriterClasses} and
 * {@code DisableWriterInstances} set it (Microsoft EnableWriterClasses/DisableWriterClasses docs, Remarks): with no
 * call every class is enabled; after the first {@code EnableWriterClasses} only the classes it (and later calls) named
 * are; {@code DisableWriterClasses} disables a class whether or not it was enabled.
 */
final class WriterSelection {

    private final Set<UUID> enabledClasses = new HashSet<>();
    private final Set<UUID> disabledClasses = new HashSet<>();
    private final Set<UUID> disabledInstances = new HashSet<>();
    private boolean onlyEnabledClasses;

    void enableClass(UUID writerClassId) {
        onlyEnabledClasses = true;
        enabledClasses.add(writerClassId);
        disabledClasses.remove(writerClassId);
    }

    void disableClass(UUID writerClassId) {
        enabledClasses.remove(writerClassId);
        disabledClasses.add(writerClassId);
    }

    void disableInstance(UUID instanceId) {
        disabledInstances.add(instanceId);
    }

    boolean takesPart(SimulatedWriterMetadata writer) {
        UUID cls = writer.writerClassId();
        return !disabledClasses.contains(cls) && (!onlyEnabledClasses || enabledClasses.contains(cls))
                && !disabledInstances.contains(writer.instanceId());
    }
}
