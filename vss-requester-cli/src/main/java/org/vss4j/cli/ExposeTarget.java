package org.vss4j.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.vss4j.BackupComponents;
import org.vss4j.SnapshotProperties;
import org.vss4j.VssException;
import org.vss4j.files.DirectoryEntry;
import org.vss4j.files.DirectoryLister;

/**
 * Why {@code ExposeSnapshot} refused to expose a shadow copy locally, looked up after it failed: VSS answers a wrong
 * target with one generic code (Microsoft docs, "IVssBackupComponents::ExposeSnapshot": E_INVALIDARG, "One of the
 * parameter values is not valid"), so the command looks at what it was given, as Windows sees it (through the export
 * seam: GetLogicalDrives, FindFirstFileW), and says what is wrong in front of VSS's own error, which it keeps.
 *
 * <p>What a local exposure needs (same page): a persistent shadow copy, not exposed already (a shadow copy has one
 * exposed name, VSS_SNAPSHOT_PROP's m_pwszExposedName), at "a drive letter followed by a colon" that is free, or at a
 * mounted folder, an empty folder of a volume (Microsoft docs, "Creating Mounted Folders").
 */
final class ExposeTarget {

    private static final Pattern DRIVE = Pattern.compile("[A-Za-z]:\\\\?");

    private ExposeTarget() {
    }

    /** {@code failure} of exposing {@code id} at {@code at}, with the reason in front when one is found. */
    static VssException explain(BackupComponents bc, UUID id, String at, VssException failure) {
        return problem(bc, id, at).<VssException>map(why -> new ExplainedVssFailure(why, failure)).orElse(failure);
    }

    /** {@code failure} of unexposing {@code id}, explained when the shadow copy exists but is not exposed. */
    static VssException explainUndo(BackupComponents bc, UUID id, VssException failure) {
        Optional<SnapshotProperties> s = find(bc, id);
        if (s.isPresent() && s.get().exposedName() == null && s.get().exposedPath() == null) {
            return new ExplainedVssFailure("the shadow copy {" + id + "} is not exposed", failure);
        }
        return failure;
    }

    private static Optional<String> problem(BackupComponents bc, UUID id, String at) {
        Optional<SnapshotProperties> found = find(bc, id);
        if (found.isEmpty()) {
            return Optional.of("no shadow copy {" + id + "} on this machine: `vss snapshot list` lists them");
        }
        SnapshotProperties s = found.get();
        if (!s.isPersistent()) {
            return Optional.of("the shadow copy {" + id + "} is not persistent: only a persistent one can be exposed "
                    + "at a drive letter or folder (make it with `vss snapshot create --persistent`)");
        }
        if (s.exposedName() != null) {
            return Optional.of("the shadow copy {" + id + "} is already exposed at " + s.exposedName()
                    + ": unexpose it first (`vss snapshot expose --undo " + id + "`)");
        }
        return DRIVE.matcher(at).matches() ? driveProblem(at) : folderProblem(at);
    }

    private static Optional<SnapshotProperties> find(BackupComponents bc, UUID id) {
        try {
            return bc.querySnapshots().stream().filter(p -> p.snapshotId().equals(id)).findFirst();
        } catch (RuntimeException cannotTell) {
            return Optional.empty();
        }
    }

    private static Optional<String> driveProblem(String at) {
        String drive = at.substring(0, 2).toUpperCase(Locale.ROOT);
        int used = org.vss4j.com.Exports.current().getLogicalDrives();
        if (used != 0 && (used & (1 << (drive.charAt(0) - 'A'))) != 0) {
            return Optional.of("the drive letter " + drive + " is in use (a volume or an exposed shadow copy has it): "
                    + "give a free one, or leave it out and vss picks the highest free letter");
        }
        return Optional.empty();
    }

    private static Optional<String> folderProblem(String at) {
        String folder = at.endsWith("\\") && at.length() > 3 ? at.substring(0, at.length() - 1) : at;
        int cut = folder.lastIndexOf('\\');
        if (!folder.matches("[A-Za-z]:\\\\.+") || cut < 2) {
            return Optional.of(at + " is no drive letter and no folder on a volume: give X: or a folder such as "
                    + "C:\\mnt\\shadow (an absolute Windows path)");
        }
        try {
            DirectoryEntry entry = DirectoryLister.entry(Path.of(folder.substring(0, cut + 1)),
                    folder.substring(cut + 1));
            if (entry == null) {
                return Optional.of(at + " does not exist: create an empty folder there first");
            }
            if (!entry.isDirectory()) {
                return Optional.of(at + " is a file, not a folder: give an empty folder");
            }
            List<DirectoryEntry> inside = DirectoryLister.list(Path.of(folder));
            if (!inside.isEmpty()) {
                return Optional.of(at + " is not empty (" + inside.size() + " entr" + (inside.size() == 1 ? "y" : "ies")
                        + "): a shadow copy is exposed only at an empty folder");
            }
        } catch (java.io.IOException | RuntimeException cannotTell) {
            return Optional.of(at + " cannot be read (" + cannotTell.getMessage() + "): give an empty folder on a "
                    + "volume of this machine");
        }
        return Optional.empty();
    }
}
