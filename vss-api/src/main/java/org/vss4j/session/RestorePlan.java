package org.vss4j.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.vss4j.FileSet;
import org.vss4j.RestoreMethod;
import org.vss4j.WriterComponentInfo;
import org.vss4j.WriterMetadata;
import org.vss4j.WriterRestoreMethod;

/**
 * Decides, from the writer's restore method (Microsoft docs, "VSS_RESTOREMETHOD_ENUM",
 * "IVssExamineWriterMetadata::GetRestoreMethod"), what becomes of each file set of a component selected for restore.
 */
final class RestorePlan {

    private RestorePlan() {
    }

    /** The items of {@code info}: its file sets, database files and log files, each with its decision. */
    static List<RestoreItem> itemsOf(ComponentRef ref, WriterMetadata writer, WriterComponentInfo info) {
        return itemsOf(ref, writer, info, RestoreProcedures.Allowed.NONE);
    }

    /** As {@link #itemsOf(ComponentRef, WriterMetadata, WriterComponentInfo)}, with the procedures the caller allows. */
    static List<RestoreItem> itemsOf(ComponentRef ref, WriterMetadata writer, WriterComponentInfo info,
            RestoreProcedures.Allowed allowed) {
        List<FileSet> sets = new ArrayList<>(info.files());
        sets.addAll(info.databaseFiles());
        sets.addAll(info.logFiles());
        WriterRestoreMethod rm = writer.restoreMethod();
        RestoreMethod method = rm == null ? RestoreMethod.UNDEFINED : rm.method();
        List<RestoreItem> out = new ArrayList<>();
        for (FileSet f : sets) {
            RestoreItem.Action procedure = RestoreProcedures.actionOf(method, rm, allowed);
            out.add(procedure != null ? new RestoreItem(ref, f, method, procedure, f.path(), null)
                    : decide(ref, f, method, rm, writer.alternateLocationMappings()));
        }
        return out;
    }

    private static RestoreItem decide(ComponentRef ref, FileSet f, RestoreMethod method, WriterRestoreMethod rm,
            List<FileSet> mappings) {
        return switch (method) {
            case RESTORE_IF_NOT_THERE -> new RestoreItem(ref, f, method, RestoreItem.Action.COPY_IF_NOT_THERE,
                    f.path(), null);
            case RESTORE_IF_CAN_REPLACE -> new RestoreItem(ref, f, method, RestoreItem.Action.REPLACE_IF_POSSIBLE,
                    f.path(), null);
            case RESTORE_TO_ALTERNATE_LOCATION -> {
                FileSet mapping = mappingOf(f, mappings);
                yield mapping == null
                        ? notRestored(ref, f, method, "needs an alternate location mapping the writer does not report "
                                + "for " + f.path() + "\\" + f.filespec())
                        : new RestoreItem(ref, f, method, RestoreItem.Action.COPY_TO_ALTERNATE_LOCATION,
                                mapping.alternateLocation(), null);
            }
            case STOP_RESTORE_START, RESTORE_STOP_START -> notRestored(ref, f, method, "needs service stop"
                    + (rm.service() != null ? " (" + rm.service() + ")" : "")
                    + (rm.service() != null ? RestoreProcedures.HOW_TO_STOP_SERVICES : ": the writer names no service"));
            case RESTORE_AT_REBOOT, RESTORE_AT_REBOOT_IF_CANNOT_REPLACE -> notRestored(ref, f, method,
                    "needs reboot" + RestoreProcedures.HOW_TO_RESTORE_AT_REBOOT);
            case CUSTOM -> notRestored(ref, f, method, "needs custom procedure"
                    + (rm.userProcedure() != null ? " (" + rm.userProcedure() + ")" : ""));
            // Microsoft docs, "Setting VSS Restore Methods": VSS_RME_UNDEFINED indicates a writer error; nothing
            // tells how the files may go back, so they are not copied as plain files.
            case UNDEFINED -> notRestored(ref, f, method, "needs custom procedure (the writer declares no restore "
                    + "method)");
        };
    }

    private static RestoreItem notRestored(ComponentRef ref, FileSet f, RestoreMethod method, String reason) {
        return new RestoreItem(ref, f, method, RestoreItem.Action.NOT_RESTORED, null, reason);
    }

    /**
     * The writer's mapping of {@code f}: same path (case-insensitive, as Windows paths compare), file spec and
     * recursion (Microsoft docs, "IVssExamineWriterMetadata::GetAlternateLocationMapping").
     */
    static FileSet mappingOf(FileSet f, List<FileSet> mappings) {
        String path = strip(f.path());
        return mappings.stream().filter(m -> strip(m.path()).equals(path)
                && m.filespec().equalsIgnoreCase(f.filespec()) && m.recursive() == f.recursive()
                && m.alternateLocation() != null).findFirst().orElse(null);
    }

    private static String strip(String p) {
        String s = p.toLowerCase(Locale.ROOT);
        return s.endsWith("\\") ? s.substring(0, s.length() - 1) : s;
    }
}
