package org.vss4j.session;

import org.vss4j.FileSet;
import org.vss4j.RestoreMethod;

/**
 * One file set of a component to restore, with where its files go, as the writer's restore method decides it
 * (Microsoft docs, "VSS_RESTOREMETHOD_ENUM", "Overview of Actual File Restoration").
 *
 * @param component the component selected for restore
 * @param files     the file set of the writer's metadata ({@code path}, {@code filespec}, {@code recursive})
 * @param method    the writer's restore method ({@code GetRestoreMethod}); {@link RestoreMethod#UNDEFINED} if it
 *                  declares none
 * @param action    what the caller is to do with the files
 * @param target    the directory the files go to (the original path, the alternate location, or the new target
 *                  the caller chose); null when
 *                  {@link Action#NOT_RESTORED}
 * @param reason    why the files are not restored ({@link Action#NOT_RESTORED}, e.g. "needs service stop"); null
 *                  otherwise
 */
public record RestoreItem(ComponentRef component, FileSet files, RestoreMethod method, Action action, String target,
        String reason) {

    /**
     * The copy policy the restore method (and the writer's restore target) asks of the caller. The files of a
     * component are processed as a unit (Microsoft docs, "Overview of Actual File Restoration"): when one file set of
     * a component cannot be restored, the session makes every item of the component {@link #NOT_RESTORED}.
     */
    public enum Action {
        /**
         * {@code VSS_RME_RESTORE_IF_NOT_THERE} without an alternate location mapping: the session found no file of
         * the component at the original location after PreRestore, so copy every file there. Had any file been there,
         * none of the component's files would be restored ("VSS_RESTOREMETHOD_ENUM": "if a version of any file
         * managed by a selected component ... is currently on the disk, none of the files ... should be restored"),
         * and the session makes the component {@link #NOT_RESTORED} itself. A file that appears between the check
         * and the copy is a failure of the item: report it {@code failed}, never skip it and report it restored.
         */
        COPY_IF_NOT_THERE,
        /**
         * {@code VSS_RME_RESTORE_IF_CAN_REPLACE} without an alternate location mapping: copy to the original
         * location, replacing; a file that cannot be replaced fails the item.
         */
        REPLACE_IF_POSSIBLE,
        /**
         * Copy to the alternate location the writer mapped ({@code GetAlternateLocationMapping}, recorded with
         * {@code AddAlternativeLocationMapping}): {@code VSS_RME_RESTORE_TO_ALTERNATE_LOCATION}; also
         * {@code VSS_RME_RESTORE_IF_NOT_THERE} and {@code VSS_RME_RESTORE_IF_CAN_REPLACE} when the file set has a
         * mapping ("VSS_RESTOREMETHOD_ENUM": "If a file's alternate location mapping is defined, files should be
         * written to the alternate location"), and the writer's restore target {@code VSS_RT_ALTERNATE}.
         */
        COPY_TO_ALTERNATE_LOCATION,
        /**
         * The caller chose a new location for the files ({@code AddNewTarget}): copy them there. The location is the
         * caller's, so no file of the writer's is in the way; what is there is replaced.
         */
        COPY_TO_NEW_TARGET,
        /**
         * {@code VSS_RME_STOP_RESTORE_START} with {@code stopServices(true)}: the session stopped the writer's service
         * after PreRestore; copy to the original location, replacing; {@code complete()} starts it again.
         */
        REPLACE_WITH_SERVICE_STOPPED,
        /**
         * {@code VSS_RME_RESTORE_STOP_START} with {@code stopServices(true)}: copy to the original location,
         * replacing, while the service runs; after PostRestore the session stops and starts it so it reads the
         * restored files.
         */
        REPLACE_THEN_RESTART_SERVICE,
        /**
         * {@code VSS_RME_RESTORE_AT_REBOOT} with {@code restoreAtReboot(true)}: write each file to
         * {@link RestoreItem#stagingPath(String)} and report it with {@code RestoreSession.staged}; {@code complete()}
         * schedules its replacement at the next reboot.
         */
        STAGE_FOR_REBOOT,
        /**
         * {@code VSS_RME_RESTORE_AT_REBOOT_IF_CANNOT_REPLACE} with {@code restoreAtReboot(true)}: replace the files if
         * every one of the component's files can be replaced; if any file of the component cannot be replaced (in
         * use), write <em>all</em> of the component's files, of every one of its items, to their staging paths and
         * report each with {@code staged} ("VSS_RESTOREMETHOD_ENUM": "If there are versions of any of the files ...
         * that cannot be overwritten, then all the files managed by the selected component ... should be restored
         * after the computer is restarted"). The session cannot see which files could be replaced, so this rule is
         * the caller's.
         */
        REPLACE_OR_STAGE_FOR_REBOOT,
        /**
         * The session does not let the caller copy these files; {@link RestoreItem#reason()} says why: the restore
         * method needs a service stop, a reboot or a custom procedure the session does not perform; a writer error
         * (restore method {@code VSS_RME_UNDEFINED}, a missing alternate location mapping, restore target
         * {@code VSS_RT_UNDEFINED}); a directed restore; the writer failed the component at PreRestore; a service that
         * would not stop; files present for {@code VSS_RME_RESTORE_IF_NOT_THERE}; or another file set of the same
         * component that cannot be restored.
         */
        NOT_RESTORED
    }

    /**
     * Where a file of this item goes when it is replaced at the next reboot: the same directory as
     * {@code targetFile} (a delayed rename cannot cross volumes), the name plus
     * {@link org.vss4j.procedures.RebootReplace#STAGING_SUFFIX}.
     */
    public String stagingPath(String targetFile) {
        return org.vss4j.procedures.RebootReplace.stagingPath(targetFile);
    }

    /**
     * Whether the files are copied as plain files with no procedure around the copy: the items a new target or the
     * writer's restore target may send elsewhere. A service stop or a reboot replacement belongs to the files' own
     * location, so those items keep where the restore method puts them.
     */
    boolean plainCopy() {
        return switch (action) {
            case COPY_IF_NOT_THERE, REPLACE_IF_POSSIBLE, COPY_TO_ALTERNATE_LOCATION, COPY_TO_NEW_TARGET -> true;
            default -> false;
        };
    }

    /** This item, not restored for {@code why}: the one way the session makes an item {@link Action#NOT_RESTORED}. */
    RestoreItem notRestored(String why) {
        return new RestoreItem(component, files, method, Action.NOT_RESTORED, null, why);
    }

    /** This item, copied with {@code how} to {@code to}. */
    RestoreItem copied(Action how, String to) {
        return new RestoreItem(component, files, method, how, to, null);
    }

    /**
     * Whether a new target ({@code AddNewTarget}) may take these files: every restore method but
     * {@code VSS_RME_CUSTOM} and {@code VSS_RME_UNDEFINED}. A service stop or a reboot replacement exists to replace
     * files in use where they are; at a new location nothing holds them, so they are copied there as plain files,
     * whether or not the caller allowed the procedure, and without it.
     */
    boolean relocatable() {
        return method != RestoreMethod.CUSTOM && method != RestoreMethod.UNDEFINED;
    }

    /** Whether the caller is to copy these files. */
    public boolean toCopy() {
        return action != Action.NOT_RESTORED;
    }
}
