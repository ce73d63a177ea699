package org.vss4j.session;

import java.util.ArrayList;
import java.util.List;
import org.vss4j.FileSet;
import org.vss4j.RestoreMethod;
import org.vss4j.WriterComponentInfo;
import org.vss4j.WriterMetadata;
import org.vss4j.WriterRestoreMethod;

/**
 * Decides, from the writer's restore method (Microsoft docs, "VSS_RESTOREMETHOD_ENUM",
 * "IVssExamineWriterMetadata::GetRestoreMethod"), what becomes of each file set of a component selected for restore.
 * The metadata is the stored Writer Metadata Document of the instance backed up where the caller gave it, else the
 * running writer's ("Overview of Preparing for Restore": the requester uses the stored documents to determine what is
 * to be restored and how).
 */
final class RestorePlan {

    private RestorePlan() {
    }

    /** The items of {@code info}: its file sets, database files and log files, each with its decision. */
    static List<RestoreItem> itemsOf(ComponentRef ref, WriterMetadata writer, WriterComponentInfo info,
            RestoreProcedures.Allowed allowed) {
        WriterRestoreMethod rm = writer.restoreMethod();
        RestoreMethod method = rm == null ? RestoreMethod.UNDEFINED : rm.method();
        List<RestoreItem> out = new ArrayList<>();
        for (FileSet f : fileSetsOf(info)) {
            RestoreItem.Action procedure = RestoreProcedures.actionOf(method, rm, allowed);
            out.add(procedure != null ? new RestoreItem(ref, f, method, procedure, f.path(), null)
                    : decide(ref, f, method, rm, writer.alternateLocationMappings()));
        }
        return out;
    }

    /** The file sets of {@code info}: file group files, then database files, then log files. */
    static List<FileSet> fileSetsOf(WriterComponentInfo info) {
        List<FileSet> sets = new ArrayList<>(info.files());
        sets.addAll(info.databaseFiles());
        sets.addAll(info.logFiles());
        return sets;
    }

    private static RestoreItem decide(ComponentRef ref, FileSet f, RestoreMethod method, WriterRestoreMethod rm,
            List<FileSet> mappings) {
        RestoreItem original = new RestoreItem(ref, f, method, RestoreItem.Action.NOT_RESTORED, null, null);
        FileSet mapping = mappingOf(f, mappings);
        return switch (method) {
            // "VSS_RESTOREMETHOD_ENUM", both methods: "If a file's alternate location mapping is defined, files
            // should be written to the alternate location."
            case RESTORE_IF_NOT_THERE -> mapping != null
                    ? original.copied(RestoreItem.Action.COPY_TO_ALTERNATE_LOCATION, mapping.alternateLocation())
                    : original.copied(RestoreItem.Action.COPY_IF_NOT_THERE, f.path());
            case RESTORE_IF_CAN_REPLACE -> mapping != null
                    ? original.copied(RestoreItem.Action.COPY_TO_ALTERNATE_LOCATION, mapping.alternateLocation())
                    : original.copied(RestoreItem.Action.REPLACE_IF_POSSIBLE, f.path());
            // Microsoft docs, "Setting VSS Restore Methods": a writer that sets this method without a mapping for
            // every file set makes an error the requester reports as such.
            case RESTORE_TO_ALTERNATE_LOCATION -> mapping == null
                    ? original.notRestored(NO_MAPPING + FileSetKeys.describe(f))
                    : original.copied(RestoreItem.Action.COPY_TO_ALTERNATE_LOCATION, mapping.alternateLocation());
            case STOP_RESTORE_START, RESTORE_STOP_START -> original.notRestored("needs service stop"
                    + (rm.service() != null ? " (" + rm.service() + ")" : "")
                    + (rm.service() != null ? RestoreProcedures.HOW_TO_STOP_SERVICES : ": the writer names no service"));
            case RESTORE_AT_REBOOT, RESTORE_AT_REBOOT_IF_CANNOT_REPLACE -> original.notRestored(
                    "needs reboot" + RestoreProcedures.HOW_TO_RESTORE_AT_REBOOT);
            case CUSTOM -> original.notRestored("needs custom procedure"
                    + (rm.userProcedure() != null ? " (" + rm.userProcedure() + ")" : ""));
            // Microsoft docs, "Setting VSS Restore Methods": VSS_RME_UNDEFINED indicates a writer error; nothing
            // tells how the files may go back, so they are not copied.
            case UNDEFINED -> original.notRestored("writer error: the writer declares no restore method "
                    + "(VSS_RME_UNDEFINED)");
        };
    }

    /** The start of the reason of a VSS_RME_RESTORE_TO_ALTERNATE_LOCATION file set without a mapping. */
    static final String NO_MAPPING = "writer error: restore method VSS_RME_RESTORE_TO_ALTERNATE_LOCATION without an "
            + "alternate location mapping for ";

    /**
     * The writer's mapping of {@code f}: same path, file spec and recursion ({@link FileSetKeys}; Microsoft docs,
     * "IVssExamineWriterMetadata::GetAlternateLocationMapping").
     */
    static FileSet mappingOf(FileSet f, List<FileSet> mappings) {
        return mappings.stream().filter(m -> FileSetKeys.same(m, f) && m.alternateLocation() != null).findFirst()
                .orElse(null);
    }

    /**
     * The files of a component are processed as a unit (Microsoft docs, "Overview of Actual File Restoration"):
     * if one item is not restored, none is, each with the first item's reason. Copying the rest would turn a clean
     * VSS_RS_NONE into VSS_RS_FAILED.
     */
    static List<RestoreItem> asAUnit(List<RestoreItem> items) {
        String first = items.stream().filter(i -> !i.toCopy()).map(RestoreItem::reason).findFirst().orElse(null);
        if (first == null) {
            return items;
        }
        return items.stream().map(i -> i.toCopy() ? i.notRestored(first) : i).toList();
    }
}
