package org.vss4j.session;

import java.util.List;
import org.vss4j.ComponentState;
import org.vss4j.FileSet;
import org.vss4j.RestoreMethod;
import org.vss4j.RestoreTarget;

/**
 * What a writer decided in its OnPreRestore for one component, read back with {@code GetWriterComponents} after
 * PreRestore, applied to the items planned before it (Microsoft docs, "Overview of Preparing for Restore",
 * "VSS_RESTORE_TARGET", "IVssComponent::GetRestoreTarget", "IVssComponent::GetPreRestoreFailureMsg"). A restore
 * target modifies or overrides the restore method ("VSS_RESTORE_TARGET"), except for the two reboot methods, which
 * restore targets cannot affect ("Setting VSS Restore Targets"):
 *
 * <ul>
 *   <li>a PreRestore failure message: the writer failed the component; none of its files are restored;</li>
 *   <li>{@code VSS_RT_ORIGINAL} (the default): the restore method decides, as planned;</li>
 *   <li>{@code VSS_RT_ALTERNATE}: every file set of a method that copies files (if not there, if can replace, to
 *       alternate location, and the two service stop methods: no service stop then) goes to the writer's alternate
 *       location mapping; one without a mapping is not restored (a writer error: the page says the writer sets it
 *       only when every file has one);</li>
 *   <li>{@code VSS_RT_ORIGINAL_LOCATION}: the file sets of those copying methods go back where they were backed up,
 *       even where the method said alternate location (with or without a mapping) or a mapping applied;</li>
 *   <li>{@code VSS_RT_DIRECTED}: the writer's directed targets ({@code GetDirectedTarget}) say which byte ranges of
 *       which backed-up file go to which ranges of which file; the session does not perform them and reports the
 *       component not restored with them counted;</li>
 *   <li>{@code VSS_RT_UNDEFINED}: a writer error (the page); not restored.</li>
 * </ul>
 * The caller's new target ({@code AddNewTarget}) wins over {@code VSS_RT_ORIGINAL_LOCATION} and
 * {@code VSS_RT_ALTERNATE} (Microsoft docs, "Overview of Actual File Restoration": "If necessary, ignore all specified
 * restore locations and restore to a new location specified in an earlier call to AddNewTarget"); only a directed or
 * undefined target leaves it not restored. A custom procedure or {@code VSS_RME_UNDEFINED} stays not restored
 * whatever the target. Last, the component is taken as a unit ({@link RestorePlan#asAUnit}).
 */
final class RestoreTargets {

    private RestoreTargets() {
    }

    /** The items of a component after the writer's PreRestore, from what it recorded in {@code state}. */
    static List<RestoreItem> apply(List<RestoreItem> planned, ComponentState state, List<FileSet> mappings) {
        if (state.preRestoreFailureMsg() != null && !state.preRestoreFailureMsg().isEmpty()) {
            String why = "its writer failed it at PreRestore: " + state.preRestoreFailureMsg();
            return planned.stream().map(i -> i.notRestored(why)).toList();
        }
        RestoreTarget target = state.restoreTarget() == null ? RestoreTarget.ORIGINAL : state.restoreTarget();
        return RestorePlan.asAUnit(planned.stream().map(i -> retarget(i, target, state, mappings)).toList());
    }

    private static RestoreItem retarget(RestoreItem item, RestoreTarget target, ComponentState state,
            List<FileSet> mappings) {
        switch (target) {
            case DIRECTED:
                return !item.toCopy() ? item : item.notRestored("needs directed restore (its writer set restore "
                        + "target VSS_RT_DIRECTED with " + state.directedTargets().size() + " directed target(s)), "
                        + "which the session does not perform");
            case UNDEFINED:
                return !item.toCopy() ? item : item.notRestored("writer error: its writer set restore target "
                        + "VSS_RT_UNDEFINED");
            case ORIGINAL:
                return item;
            default:
                break;
        }
        if (item.action() == RestoreItem.Action.COPY_TO_NEW_TARGET || !followsTarget(item.method())) {
            return item;
        }
        if (target == RestoreTarget.ORIGINAL_LOCATION) {
            // "VSS_RESTORE_TARGET": "restored to the location at which they were at backup time, even if the
            // original restore method ... was VSS_RME_RESTORE_TO_ALTERNATE_LOCATION": a missing mapping no longer
            // matters. A service stop item (allowed) already replaces in place; one not allowed still needs it.
            return switch (item.method()) {
                case RESTORE_IF_NOT_THERE -> item.copied(RestoreItem.Action.COPY_IF_NOT_THERE, item.files().path());
                case RESTORE_IF_CAN_REPLACE, RESTORE_TO_ALTERNATE_LOCATION ->
                        item.copied(RestoreItem.Action.REPLACE_IF_POSSIBLE, item.files().path());
                default -> item;
            };
        }
        // VSS_RT_ALTERNATE: the writer wants its live files left where they are, so no service stop either.
        FileSet mapping = RestorePlan.mappingOf(item.files(), mappings);
        return mapping == null
                ? item.notRestored("writer error: its writer set restore target VSS_RT_ALTERNATE but reports no "
                        + "alternate location mapping for " + FileSetKeys.describe(item.files()))
                : item.copied(RestoreItem.Action.COPY_TO_ALTERNATE_LOCATION, mapping.alternateLocation());
    }

    /**
     * Whether a restore target moves the files of {@code method}: the copying methods and the service stops; not the
     * reboot methods ("Setting VSS Restore Targets"), a custom procedure or an undefined method (a writer error).
     */
    private static boolean followsTarget(RestoreMethod method) {
        return switch (method) {
            case RESTORE_IF_NOT_THERE, RESTORE_IF_CAN_REPLACE, RESTORE_TO_ALTERNATE_LOCATION, STOP_RESTORE_START,
                    RESTORE_STOP_START -> true;
            default -> false;
        };
    }
}
