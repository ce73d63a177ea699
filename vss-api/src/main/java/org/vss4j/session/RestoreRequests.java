package org.vss4j.session;

import java.util.ArrayList;
import java.util.List;
import org.vss4j.VssHresult;
import org.vss4j.WriterComponentInfo;

/**
 * The items of one selected component with what the caller asked for it before PreRestore: only some subcomponents
 * of a component set ({@code AddRestoreSubcomponent}), new targets ({@code AddNewTarget}). Every request that cannot
 * be honoured fails the session in {@code SET_RESTORE_OPTIONS} naming the writer, the HRESULT and what to do.
 */
final class RestoreRequests {

    private RestoreRequests() {
    }

    static List<RestoreItem> plan(ComponentRef ref, GatheredWriter writer, WriterComponentInfo set,
            List<RestoreItem> planned, RestoreSessionBuilder config, NewTargets targets,
            RestoreProcedures.Allowed allowed) {
        RestoreSessionBuilder.Requested key = new RestoreSessionBuilder.Requested(ref.writer().writerId(),
                ref.fullPath());
        List<RestoreItem> items = subcomponentItems(ref, writer, set, planned,
                config.subcomponents.getOrDefault(key, List.of()), allowed);
        List<NewTargets.Explicit> explicit = targets.explicitOf(key);
        for (NewTargets.Explicit e : explicit) {
            RestoreItem item = items.stream().filter(i -> e.isOf(i.files())).findFirst().orElseThrow(() ->
                    fail(ref, VssHresult.VSS_E_OBJECT_NOT_FOUND, "newTarget(...) names file set " + e.path() + "\\"
                            + e.filespec() + (e.recursive() ? " (recursive)" : "") + ", which component "
                            + ref.fullPath() + " does not restore; its file sets: " + items.stream()
                            .map(i -> FileSetKeys.describe(i.files())).toList()
                            + "; give path, file spec and recursion exactly as the writer declares them"));
            if (!item.relocatable()) {
                throw fail(ref, VssHresult.E_INVALIDARG, "newTarget(...) for " + e.path() + "\\" + e.filespec()
                        + ": its writer's restore method is " + item.method().nativeName() + " (" + item.reason()
                        + "), which says nothing of how its files may be written, even elsewhere; leave it out");
            }
        }
        List<RestoreItem> out = new ArrayList<>();
        for (RestoreItem item : items) {
            String target;
            try {
                target = item.relocatable() ? targets.targetOf(item) : null;
            } catch (IllegalArgumentException badPath) {
                throw fail(ref, VssHresult.E_INVALIDARG, badPath.getMessage());
            }
            if (target == null) {
                out.add(item);
                continue;
            }
            NewTargets.checkSupported(ref, writer.metadata().backupSchema(), explicit.stream()
                    .noneMatch(e -> e.isOf(item.files())));
            out.add(item.copied(RestoreItem.Action.COPY_TO_NEW_TARGET, target));
        }
        return out;
    }

    /**
     * With subcomponents asked for: only their file sets, as {@code writer} declares them (the stored Writer Metadata
     * Document of the instance backed up where the caller gave it, else the running writer), planned with the
     * procedures the caller allows.
     */
    private static List<RestoreItem> subcomponentItems(ComponentRef ref, GatheredWriter writer,
            WriterComponentInfo set, List<RestoreItem> planned, List<RestoreSessionBuilder.RestoreSubcomponentChoice> subs,
            RestoreProcedures.Allowed allowed) {
        if (subs.isEmpty()) {
            return planned;
        }
        List<RestoreItem> items = new ArrayList<>();
        for (RestoreSessionBuilder.RestoreSubcomponentChoice sub : subs) {
            items.addAll(RestorePlan.itemsOf(ref, writer.metadata(), subcomponent(ref, writer, set, sub), allowed));
        }
        return items;
    }

    /**
     * The running writer's declaration of {@code sub}: below the component set, not selectable for backup and
     * selectable for restore (Microsoft docs, "IVssBackupComponents::AddRestoreSubcomponent").
     */
    private static WriterComponentInfo subcomponent(ComponentRef set, GatheredWriter writer,
            WriterComponentInfo root, RestoreSessionBuilder.RestoreSubcomponentChoice sub) {
        WriterComponentInfo info = writer.components().stream()
                .filter(m -> RestoreSession.fullPath(m.logicalPath(), m.name()).equalsIgnoreCase(sub.fullPath()))
                .findFirst().orElseThrow(() -> fail(set, VssHresult.VSS_E_OBJECT_NOT_FOUND, "the running writer "
                        + writer.ref() + " declares no subcomponent " + sub.fullPath() + "; name one of its "
                        + "components below " + set.fullPath()));
        if (!GatheredWriter.contains(root, info)) {
            throw fail(set, VssHresult.VSS_E_OBJECT_NOT_FOUND, "subcomponent " + sub.fullPath() + " is not in the "
                    + "component set " + set.fullPath() + " defines: its logical path must be " + set.fullPath()
                    + " or below it (Microsoft docs, \"Logical Pathing of Components\")");
        }
        if (info.selectable() || !info.selectableForRestore()) {
            throw fail(set, VssHresult.E_INVALIDARG, "subcomponent " + sub.fullPath() + " is "
                    + (info.selectable() ? "selectable for backup" : "not selectable for restore")
                    + ": AddRestoreSubcomponent takes a subcomponent not selectable for backup but selectable for "
                    + "restore (Microsoft docs, \"IVssBackupComponents::AddRestoreSubcomponent\"); restore the "
                    + "whole component instead");
        }
        return info;
    }

    private static BackupException fail(ComponentRef ref, VssHresult hr, String detail) {
        return BackupException.ofWriter(BackupPhase.SET_RESTORE_OPTIONS, ref.writer(), hr.code(), "component "
                + ref.fullPath() + " of writer " + ref.writer() + ": " + detail, null);
    }
}
