package org.vss4j.procedures;

import java.util.Objects;
import org.vss4j.com.Exports;
import org.vss4j.com.Utf16;

/**
 * Replaces a file at the next reboot: {@code MoveFileExW(staged, target, MOVEFILE_DELAY_UNTIL_REBOOT |
 * MOVEFILE_REPLACE_EXISTING)} (Microsoft docs, "MoveFileExW function"), what {@code VSS_RME_RESTORE_AT_REBOOT} asks
 * of a requester. Windows records the rename in the {@code PendingFileRenameOperations} registry value and the Session
 * Manager performs it at boot, before the files are in use; the call "can be used only if the process is in the context
 * of a user who belongs to the administrators group or the LocalSystem account" (same page), else it fails with
 * ERROR_ACCESS_DENIED. {@code MOVEFILE_COPY_ALLOWED} cannot be combined with the delay, so the staged file must be on
 * the target's volume: {@link #stagingPath} puts it in the target's directory.
 */
public final class RebootReplace {

    /** {@code MOVEFILE_REPLACE_EXISTING}, {@code MOVEFILE_DELAY_UNTIL_REBOOT} (winbase.h). */
    static final int MOVEFILE_REPLACE_EXISTING = 0x1;
    static final int MOVEFILE_DELAY_UNTIL_REBOOT = 0x4;
    /** What {@link #stagingPath} appends to a target's name. */
    public static final String STAGING_SUFFIX = ".vss4j-restore-at-reboot";

    private final Exports exports;

    public RebootReplace(Exports exports) {
        this.exports = Objects.requireNonNull(exports, "exports");
    }

    /** Through {@link Exports#current()}. */
    public static RebootReplace local() {
        return new RebootReplace(Exports.current());
    }

    /** The staging file for {@code target}: the same directory, the name plus {@link #STAGING_SUFFIX}. */
    public static String stagingPath(String target) {
        return target + STAGING_SUFFIX;
    }

    /**
     * Registers the replacement of {@code target} by {@code staged} at the next reboot.
     *
     * @throws ProcedureException naming MoveFileExW and the error (ERROR_ACCESS_DENIED without administrator rights)
     */
    public void schedule(String staged, String target) {
        if (!exports.moveFileEx(Utf16.toNative("lpExistingFileName", staged), Utf16.toNative("lpNewFileName", target),
                MOVEFILE_DELAY_UNTIL_REBOOT | MOVEFILE_REPLACE_EXISTING)) {
            throw new ProcedureException("MoveFileExW(" + staged + ", " + target
                    + ", MOVEFILE_DELAY_UNTIL_REBOOT | MOVEFILE_REPLACE_EXISTING)", exports.lastError(), null);
        }
    }
}
