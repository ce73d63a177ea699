package org.vss4j.sim;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.vss4j.files.FileAttribute;

/**
 * The renames {@code MoveFileExW} with {@code MOVEFILE_DELAY_UNTIL_REBOOT} registered on a simulated machine (Windows
 * keeps them in the {@code PendingFileRenameOperations} value of
 * {@code HKLM\SYSTEM\CurrentControlSet\Control\Session Manager}), performed in order by
 * {@link SimulatedMachine#reboot()}: the Session Manager does them at boot, before the files are in use.
 */
public final class PendingRenames {

    /**
     * One registered rename: the Win32 paths as given, the host paths they name, whether it replaces, and the facts of
     * the volume holding both with the two names below its root (a rename keeps the file's attributes, security
     * descriptor and streams, as a plain MoveFileExW does; {@link FileSystemFacts#moved}).
     */
    public record Rename(String from, String to, Path hostFrom, Path hostTo, boolean replace, FileSystemFacts facts,
            String relativeFrom, String relativeTo) {
    }

    private final List<Rename> pending = new ArrayList<>();

    PendingRenames() {
    }

    /**
     * Used by the simulator: registers a rename.
     *
     * @param rename the rename MoveFileExW registered
     */
    public synchronized void add(Rename rename) {
        pending.add(rename);
    }

    /**
     * The renames registered and not yet performed, in order.
     *
     * @return the pending renames, in the order registered
     */
    public synchronized List<Rename> pending() {
        return List.copyOf(pending);
    }

    /**
     * Performs every rename in order and forgets them; each file takes its facts to its new name. A rename is skipped,
     * as the Session Manager skips it (and logs it) at boot, when its source is gone, when its target exists without
     * the replace flag, or when the target is READONLY: the boot-time rename is a FileRenameInformation without
     * {@code FILE_RENAME_IGNORE_READONLY_ATTRIBUTE}, which the file system refuses for a read-only target as it does
     * for a plain MoveFileExW (Microsoft docs, "FILE_RENAME_INFORMATION structure").
     *
     * @return the renames performed
     */
    synchronized List<Rename> apply() {
        List<Rename> done = new ArrayList<>();
        for (Rename r : pending) {
            try {
                if (!Files.exists(r.hostFrom(), LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                if (Files.exists(r.hostTo(), LinkOption.NOFOLLOW_LINKS) && (!r.replace() || readOnly(r))) {
                    continue;
                }
                Files.move(r.hostFrom(), r.hostTo(), StandardCopyOption.REPLACE_EXISTING);
                r.facts().moved(r.relativeFrom(), r.relativeTo());
                done.add(r);
            } catch (IOException e) {
                // Skipped like a rename the Session Manager cannot do.
            }
        }
        pending.clear();
        return done;
    }

    private static boolean readOnly(Rename r) {
        return r.facts().fact(r.relativeTo()).map(f -> (f.attributes() & FileAttribute.READONLY) != 0).orElse(false);
    }
}
