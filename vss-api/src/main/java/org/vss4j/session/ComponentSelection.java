package org.vss4j.session;

import java.util.Locale;
import java.util.UUID;

/**
 * What to back up of a writer: all of it, or one component (with its component set). The writer is named by its name
 * or its class id; the component by its full logical path, {@code logicalPath\name} (or just {@code name}).
 *
 * @param writerName     the writer's name, or null when {@code writerClassId} names it
 * @param writerClassId  the writer's class id, or null when {@code writerName} names it
 * @param componentPath  {@code logicalPath\name} of the component, or null for the whole writer
 * @param backupOptions  a writer-specific option string for {@code SetBackupOptions}, or null
 */
public record ComponentSelection(String writerName, UUID writerClassId, String componentPath, String backupOptions) {

    public ComponentSelection {
        if ((writerName == null) == (writerClassId == null)) {
            throw new IllegalArgumentException("name the writer by its name or by its class id");
        }
    }

    /** Every component of the writer named {@code writerName} that a full backup of the writer needs. */
    public static ComponentSelection writer(String writerName) {
        return new ComponentSelection(writerName, null, null, null);
    }

    /** Every component of the writer of class {@code writerClassId} that a full backup of it needs. */
    public static ComponentSelection writer(UUID writerClassId) {
        return new ComponentSelection(null, writerClassId, null, null);
    }

    /** The component {@code componentPath} ({@code logicalPath\name}) of the writer named {@code writerName}. */
    public static ComponentSelection component(String writerName, String componentPath) {
        return new ComponentSelection(writerName, null, componentPath, null);
    }

    /** The component {@code componentPath} of the writer of class {@code writerClassId}. */
    public static ComponentSelection component(UUID writerClassId, String componentPath) {
        return new ComponentSelection(null, writerClassId, componentPath, null);
    }

    /** The same selection with {@code options} passed to {@code SetBackupOptions} for each component it adds. */
    public ComponentSelection withBackupOptions(String options) {
        return new ComponentSelection(writerName, writerClassId, componentPath, options);
    }

    /** Whether the selection is for the whole writer. */
    public boolean isWholeWriter() {
        return componentPath == null;
    }

    boolean names(WriterRef writer) {
        return writerClassId != null ? writerClassId.equals(writer.writerId())
                : writerName.equalsIgnoreCase(writer.name());
    }

    String writerLabel() {
        return writerName != null ? "'" + writerName + "'" : writerClassId.toString();
    }

    boolean names(ComponentRef c) {
        return componentPath.replace('/', '\\').toLowerCase(Locale.ROOT).equals(c.fullPath().toLowerCase(Locale.ROOT));
    }
}
