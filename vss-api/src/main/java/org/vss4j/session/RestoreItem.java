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
 * @param reason    why the files are not restored as plain files (e.g. "needs service stop"); null otherwise
 */
public record RestoreItem(ComponentRef component, FileSet files, RestoreMethod method, Action action, String target,
        String reason) {

    /** The copy policy the restore method asks of the caller. */
    public enum Action {
        /** {@code VSS_RME_RESTORE_IF_NOT_THERE}: copy to the original location only where no file is there. */
        COPY_IF_NOT_THERE,
        /** {@code VSS_RME_RESTORE_IF_CAN_REPLACE}: copy to the original location, replacing what can be replaced. */
        REPLACE_IF_POSSIBLE,
        /** {@code VSS_RME_RESTORE_TO_ALTERNATE_LOCATION}: copy to the alternate location the writer mapped. */
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
         * replacing, while the service runs; {@code complete()} stops and starts it so it reads the restored files.
         */
        REPLACE_THEN_RESTART_SERVICE,
        /**
         * {@code VSS_RME_RESTORE_AT_REBOOT} with {@code restoreAtReboot(true)}: write each file to
         * {@link RestoreItem#stagingPath(String)} and report it with {@code RestoreSession.staged}; {@code complete()}
         * schedules its replacement at the next reboot.
         */
        STAGE_FOR_REBOOT,
        /**
         * {@code VSS_RME_RESTORE_AT_REBOOT_IF_CANNOT_REPLACE} with {@code restoreAtReboot(true)}: replace each file
         * where it can be replaced; one that cannot (in use) goes to its staging path, reported with {@code staged}.
         */
        REPLACE_OR_STAGE_FOR_REBOOT,
        /** The restore method needs a service stop, a reboot or a custom procedure: the session does not copy. */
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

    /** Whether the caller is to copy these files. */
    public boolean toCopy() {
        return action != Action.NOT_RESTORED;
    }
}
