package org.vss4j.session;

import java.util.List;
import org.vss4j.WriterComponentInfo;

/**
 * A component the session adds to the Backup Components Document, with the components it includes: itself and, when it
 * defines a component set, its subcomponents (included implicitly; Microsoft docs, "Overview of Pre-Backup Tasks").
 *
 * @param writer        the writer
 * @param component     the component added
 * @param members       the component and its implicitly included subcomponents
 * @param backupOptions the {@code SetBackupOptions} string, or null
 */
record SelectedComponent(GatheredWriter writer, WriterComponentInfo component, List<WriterComponentInfo> members,
        String backupOptions) {

    ComponentRef ref() {
        return writer.refOf(component);
    }
}
