package org.vss4j.session;

import java.util.ArrayList;
import java.util.List;
import org.vss4j.ComponentState;
import org.vss4j.FileSet;
import org.vss4j.RestoreMethod;
import org.vss4j.RestoreTarget;

/**
 * What a writer decided in its OnPreRestore for one component, read back with {@code GetWriterComponents} after
 * PreRestore, applied to the items planned before it (Microsoft docs, "Overview of Preparing for Restore",
 * "VSS_RESTORE_TARGET", "IVssComponent::GetRestoreTarget", "IVssComponent::GetPreRestoreFailureMsg").
 *
 * <ul>
 *   <li>a PreRestore failure message: the writer failed the component; none of its files are restored;</li>
 *   <li>{@code VSS_RT_ORIGINAL} (the default): the restore method decides, as planned (new targets included);</li>
 *   <li>{@code VSS_RT_ALTERNATE}: every file set goes to the writer's alternate location mapping; one without a
 *       mapping is not restored (the page: the writer sets it only when every file set has one);</li>
 *   <li>{@code VSS_RT_ORIGINAL_LOCATION}: the files go back where they were backed up, even where the method said
 *       alternate location or the caller chose a new target;</li>
 *   <li>{@code VSS_RT_DIRECTED}: the writer's directed targets ({@code GetDirectedTarget}) say which byte ranges of
 *       which backed-up file go to which ranges of which file; the session does not perform them and reports the
 *       component not restored with them counted;</li>
 *   <li>{@code VSS_RT_UNDEFINED}: a writer error (the page); not restored.</li>
 * </ul>
 * A restore target never makes copyable what the restore method keeps from the caller (service stop, reboot, custom
 * procedure: Microsoft docs, "Setting VSS Restore Targets": a reboot restore cannot be affected by restore targets),
 * and never moves the files of a service stop or a reboot replacement the caller allowed: those procedures are about
 * the files where they are; only a directed or undefined target leaves them not restored.
 */
final class RestoreTargets {

    private RestoreTargets() {
    }

    /** The items of a component after the writer's PreRestore, from what it recorded in {@code state}. */
    static List<RestoreItem> apply(List<RestoreItem> planned, ComponentState state, List<FileSet> mappings) {
        if (state.preRestoreFailureMsg() != null && !state.preRestoreFailureMsg().isEmpty()) {
            return notRestored(planned, "its writer failed it at PreRestore: " + state.preRestoreFailureMsg());
        }
        RestoreTarget target = state.restoreTarget() == null ? RestoreTarget.ORIGINAL : state.restoreTarget();
        List<RestoreItem> out = new ArrayList<>();
        for (RestoreItem item : planned) {
            if (item.plainCopy()) {
                out.add(retarget(item, target, state, mappings));
            } else if (item.toCopy() && (target == RestoreTarget.DIRECTED || target == RestoreTarget.UNDEFINED)) {
                // A service stop or reboot replacement of the original files: still nothing to copy for a directed
                // restore or a writer error.
                out.add(retarget(item, target, state, mappings));
            } else {
                out.add(item);
            }
        }
        return out;
    }

    private static RestoreItem retarget(RestoreItem item, RestoreTarget target, ComponentState state,
            List<FileSet> mappings) {
        return switch (target) {
            case ORIGINAL -> item;
            case ORIGINAL_LOCATION -> new RestoreItem(item.component(), item.files(), item.method(),
                    item.method() == RestoreMethod.RESTORE_IF_NOT_THERE ? RestoreItem.Action.COPY_IF_NOT_THERE
                            : RestoreItem.Action.REPLACE_IF_POSSIBLE, item.files().path(), null);
            case ALTERNATE -> {
                FileSet mapping = RestorePlan.mappingOf(item.files(), mappings);
                yield mapping == null
                        ? notRestored(item, "its writer set restore target VSS_RT_ALTERNATE but reports no "
                                + "alternate location mapping for " + item.files().path() + "\\"
                                + item.files().filespec())
                        : new RestoreItem(item.component(), item.files(), item.method(),
                                RestoreItem.Action.COPY_TO_ALTERNATE_LOCATION, mapping.alternateLocation(), null);
            }
            case DIRECTED -> notRestored(item, "needs directed restore (its writer set restore target "
                    + "VSS_RT_DIRECTED with " + state.directedTargets().size() + " directed target(s)), which the "
                    + "session does not perform");
            case UNDEFINED -> notRestored(item, "its writer set restore target VSS_RT_UNDEFINED (a writer error)");
        };
    }

    private static List<RestoreItem> notRestored(List<RestoreItem> items, String reason) {
        return items.stream().map(i -> notRestored(i, reason)).toList();
    }

    private static RestoreItem notRestored(RestoreItem i, String reason) {
        return new RestoreItem(i.component(), i.files(), i.method(), RestoreItem.Action.NOT_RESTORED, null, reason);
    }
}
