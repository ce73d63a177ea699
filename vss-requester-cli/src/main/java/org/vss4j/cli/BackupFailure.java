package org.vss4j.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vss4j.VssException;
import org.vss4j.media.BackupSetInfo;
import org.vss4j.media.BackupSetReader;

/**
 * A backup that failed, said as its error and, on the next line, what MEDIA holds of it: no set (the session failed
 * before the first file, or the partial set was removed), or the set published and left {@code unconfirmed} (it
 * failed after publishing: docs/backup-sets.md, "Crash safety"). What MEDIA holds is read back from MEDIA, not
 * guessed from where the failure came from.
 */
final class BackupFailure {

    /**
     * The session's message when its step failed in one call: {@code backup session, DO_SNAPSHOT_SET failed: X
     * [IVssBackupComponents::DoSnapshotSet failed: X] - why}; said with the call alone, the step named once.
     */
    private static final Pattern ONE_CALL = Pattern.compile(
            "backup session, \\w+ failed: (.+?) \\[(\\S+) failed: \\1\\]( - .*)?", Pattern.DOTALL);

    private BackupFailure() {
    }

    /** {@code e}, from before the first file was stored: nothing was written to {@code media}. */
    static RuntimeException beforeTheCopy(VssException e, Path media) {
        return new Vss(e, "no backup set was written to " + media + ": the backup was aborted (AbortBackup)");
    }

    /** {@code e}, from storing the files or completing the session, with what {@code media} holds of set {@code setId}. */
    static RuntimeException duringTheCopy(Exception e, Path media, String setId) {
        String left = leftIn(media, setId);
        if (e instanceof VssException v) {
            return new Vss(v, left);
        }
        return new Other(e, left);
    }

    private static String leftIn(Path media, String setId) {
        try {
            for (BackupSetInfo s : BackupSetReader.open(media).list()) {
                if (s.metadata().setId().equals(setId)) {
                    return "backup set " + setId + " stays in " + media + " as '" + s.state() + "': its data is "
                            + "whole, but the writers' outcome is not recorded (docs/backup-sets.md, \"Crash safety\")";
                }
            }
            return "no backup set was written to " + media + ": the backup was aborted (AbortBackup) and the partial "
                    + "set removed";
        } catch (IOException | RuntimeException unreadable) {
            return "what " + media + " holds of set " + setId + " is unknown: " + IoReasons.messageOf(unreadable);
        }
    }

    /** The session's message with its step named once (as the call that failed, when one call did). */
    static String stepOnce(String message) {
        Matcher m = ONE_CALL.matcher(message);
        if (!m.matches()) {
            return message;
        }
        return m.group(2) + " failed: " + m.group(1) + (m.group(3) == null ? "" : m.group(3));
    }

    /** A VSS failure (exit code 3). */
    static final class Vss extends VssException {

        private static final long serialVersionUID = 1L;
        private final String text;

        Vss(VssException cause, String left) {
            super(cause.hresult(), cause.operation(), null, cause);
            this.text = "backup failed: " + stepOnce(cause.getMessage()) + "\n" + "vss: " + left;
        }

        @Override
        public String getMessage() {
            return text;
        }
    }

    /** Any other failure, such as I/O on MEDIA (exit code 4). */
    static final class Other extends RuntimeException {

        private static final long serialVersionUID = 1L;

        Other(Exception cause, String left) {
            super(IoReasons.messageOf(cause) + "\n" + "vss: " + left, cause);
        }
    }
}
