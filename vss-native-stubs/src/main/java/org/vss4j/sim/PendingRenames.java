package org.vss4j.sim;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The renames {@code MoveFileExW} with {@code MOVEFILE_DELAY_UNTIL_REBOOT} registered on a simulated machine (Windows
 * keeps them in the {@code PendingFileRenameOperations} value of
 * {@code HKLM\SYSTEM\CurrentControlSet\Control\Session Manager}), performed in order by
 * {@link SimulatedMachine#reboot()}: the Session Manager does them at boot, before the files are in use.
 */
public final class PendingRenames {

    /** One registered rename: the Win32 paths as given, the host paths they name, whether it replaces. */
    public record Rename(String from, String to, Path hostFrom, Path hostTo, boolean replace) {
    }

    private final List<Rename> pending = new ArrayList<>();

    PendingRenames() {
    }

    /** Used by the simulator: registers a rename. */
    public synchronized void add(Rename rename) {
        pending.add(rename);
    }

    /** The renames registered and not yet performed, in order. */
    public synchronized List<Rename> pending() {
        return List.copyOf(pending);
    }

    /**
     * Performs every rename in order and forgets them. A rename whose source is gone, or whose target exists without
     * the replace flag, is skipped, as the Session Manager skips it (and logs it) at boot.
     *
     * @return the renames performed
     */
    synchronized List<Rename> apply() {
        List<Rename> done = new ArrayList<>();
        for (Rename r : pending) {
            try {
                if (!Files.exists(r.hostFrom()) || (!r.replace() && Files.exists(r.hostTo()))) {
                    continue;
                }
                Files.move(r.hostFrom(), r.hostTo(), StandardCopyOption.REPLACE_EXISTING);
                done.add(r);
            } catch (IOException e) {
                // Skipped like a rename the Session Manager cannot do.
            }
        }
        pending.clear();
        return done;
    }
}
