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
import org.vss4j.VssHresult;
import org.vss4j.files.DirectoryEntry;
import org.vss4j.files.DirectoryLister;

/**
 * Why {@code ExposeSnapshot} refused to expose a shadow copy locally, looked up after it failed. Microsoft does not
 * document which code Windows returns for each wrong target (Microsoft docs, "IVssBackupComponents::ExposeSnapshot"
 * lists E_INVALIDARG, "One of the parameter values is not valid", and VSS_E_OBJECT_NOT_FOUND); the simulator answers
 * E_INVALIDARG for all of them, and VSS_E_BAD_STATE for a shadow copy exposed already (docs/simulator-call-rules.md).
 * So the explanation does not depend on the code: for a failure that can be about the arguments (E_INVALIDARG,
 * VSS_E_OBJECT_NOT_FOUND, VSS_E_OBJECT_ALREADY_EXISTS) the command looks at what it was given, as Windows sees it
 * (through the export seam: GetLogicalDrives, FindFirstFileW), and says what is wrong in front of VSS's own error,
 * which it keeps; VSS_E_BAD_STATE is explained only by an exposure that exists already. Any other failure (access
 * denied, a provider's veto) is VSS's own and is shown as it is.
 *
 * <p>What a local exposure needs (same page): a persistent shadow copy, not exposed already (a shadow copy has one
 * exposed name, VSS_SNAPSHOT_PROP's m_pwszExposedName), at "a drive letter followed by a colon" that is free, or at a
 * mounted folder, an empty folder of a volume (Microsoft docs, "Creating Mounted Folders"), named by its drive letter
 * path or its volume GUID path ({@code \\?\Volume{GUID}\mnt}).
 */
final class ExposeTarget {

    private static final Pattern DRIVE = Pattern.compile("[A-Za-z]:\\\\?");
    /** A folder below a drive root or a volume GUID root (Microsoft docs, "Naming a Volume"). */
    private static final Pattern FOLDER = Pattern.compile(
            "(?i)([a-z]:|\\\\\\\\\\?\\\\Volume\\{[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}})\\\\.+");

    /** What is wrong, and whether it is the user's input (exit code 2) or the machine's state (3). */
    private record Problem(String why, boolean badArgument) {

        static Optional<Problem> input(String why) {
            return Optional.of(new Problem(why, true));
        }

        static Optional<Problem> state(String why) {
            return Optional.of(new Problem(why, false));
        }
    }

    private ExposeTarget() {
    }

    /** {@code failure} of exposing {@code id} at {@code at}, with the reason in front when one is found. */
    static VssException explain(BackupComponents bc, UUID id, String at, VssException failure) {
        boolean arguments = aboutTheArguments(failure);
        if (!arguments && !failure.is(VssHresult.VSS_E_BAD_STATE)) {
            return failure;
        }
        return problem(bc, id, at, arguments).<VssException>map(p -> p.badArgument()
                ? ExplainedVssFailure.badArgument(p.why(), failure) : new ExplainedVssFailure(p.why(), failure))
                .orElse(failure);
    }

    /** {@code failure} of unexposing {@code id}, explained when the shadow copy exists but is not exposed. */
    static VssException explainUndo(BackupComponents bc, UUID id, VssException failure) {
        if (!aboutTheArguments(failure)) {
            return failure;
        }
        Optional<SnapshotProperties> s = SnapshotIds.find(bc, id);
        if (s.isPresent() && s.get().exposedName() == null && s.get().exposedPath() == null) {
            return new ExplainedVssFailure("the shadow copy {" + id + "} is not exposed", failure);
        }
        return SnapshotIds.setGivenForShadowCopy(bc, id, "unexpose").<VssException>map(
                why -> ExplainedVssFailure.badArgument(why, failure)).orElse(failure);
    }

    private static boolean aboutTheArguments(VssException failure) {
        return failure.is(VssHresult.E_INVALIDARG) || failure.is(VssHresult.VSS_E_OBJECT_NOT_FOUND)
                || failure.is(VssHresult.VSS_E_OBJECT_ALREADY_EXISTS);
    }

    /** {@code arguments}: the failure's code is one about the arguments, not VSS_E_BAD_STATE. */
    private static Optional<Problem> problem(BackupComponents bc, UUID id, String at, boolean arguments) {
        Optional<SnapshotProperties> found = SnapshotIds.find(bc, id);
        if (found.isPresent() && found.get().exposedName() != null) {
            return Problem.state("the shadow copy {" + id + "} is already exposed at " + found.get().exposedName()
                    + "; unexpose it first (`vss snapshot expose --undo " + id + "`)");
        }
        if (!arguments) {
            return Optional.empty();
        }
        if (found.isEmpty()) {
            Optional<String> aSet = SnapshotIds.setGivenForShadowCopy(bc, id, "expose");
            return aSet.isPresent() ? Problem.input(aSet.get())
                    : Problem.state("no shadow copy {" + id + "} on this machine: `vss snapshot list` lists them");
        }
        SnapshotProperties s = found.get();
        if (!s.isPersistent()) {
            return Problem.state("the shadow copy {" + id + "} is not persistent: only a persistent one can be "
                    + "exposed at a drive letter or folder (make it with `vss snapshot create --persistent`)");
        }
        return DRIVE.matcher(at).matches() ? driveProblem(at) : folderProblem(at);
    }

    private static Optional<Problem> driveProblem(String at) {
        String drive = at.substring(0, 2).toUpperCase(Locale.ROOT);
        int used = org.vss4j.com.Exports.current().getLogicalDrives();
        if (used != 0 && (used & (1 << (drive.charAt(0) - 'A'))) != 0) {
            return Problem.state("the drive letter " + drive + " is in use (a volume or an exposed shadow copy has "
                    + "it): give a free one, or leave it out and vss picks the highest free letter");
        }
        return Optional.empty();
    }

    private static Optional<Problem> folderProblem(String at) {
        String folder = at.endsWith("\\") && at.length() > 3 ? at.substring(0, at.length() - 1) : at;
        int cut = folder.lastIndexOf('\\');
        if (!FOLDER.matcher(folder).matches()) {
            return Problem.input(at + " is no drive letter and no folder on a volume: give X: or a folder such as "
                    + "C:\\mnt\\shadow (an absolute Windows path)");
        }
        try {
            DirectoryEntry entry = DirectoryLister.entry(Path.of(folder.substring(0, cut + 1)),
                    folder.substring(cut + 1));
            if (entry == null) {
                return Problem.input(at + " does not exist: create an empty folder there first");
            }
            if (!entry.isDirectory()) {
                return Problem.input(at + " is a file, not a folder: give an empty folder");
            }
            List<DirectoryEntry> inside = DirectoryLister.list(Path.of(folder));
            if (!inside.isEmpty()) {
                return Problem.state(at + " is not empty (" + inside.size() + " entr"
                        + (inside.size() == 1 ? "y" : "ies") + "): a shadow copy is exposed only at an empty folder");
            }
        } catch (java.io.IOException | RuntimeException cannotTell) {
            return Problem.state(at + " cannot be read (" + cannotTell.getMessage() + "): give an empty folder on a "
                    + "volume of this machine");
        }
        return Optional.empty();
    }
}
