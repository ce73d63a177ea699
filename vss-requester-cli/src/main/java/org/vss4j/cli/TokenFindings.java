package org.vss4j.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vss4j.diagnostics.Privilege;
import org.vss4j.diagnostics.ProcessToken;

/**
 * Elevation and the privileges a requester needs, from this process's token ({@link ProcessToken}).
 *
 * <p>VSS refuses a requester that "does not have sufficient backup privileges or is not an administrator" (Microsoft
 * docs, "CreateVssBackupComponents function"): not elevated and without SeBackupPrivilege blocks. SeBackupPrivilege
 * is also what lets a backup read files their ACLs deny it ("Required to perform backup operations", Microsoft docs,
 * "Privilege Constants"), so missing it blocks even an elevated process. SeRestorePrivilege matters for restores,
 * SeCreateSymbolicLinkPrivilege for the links vss4j reads shadow copies through: warnings.
 */
final class TokenFindings {

    private TokenFindings() {
    }

    static List<Finding> of(ProcessToken token) {
        List<Finding> out = new ArrayList<>();
        boolean backup = token.privilege(Privilege.SE_BACKUP).isPresent();
        if (token.elevated()) {
            out.add(Finding.ok("elevation", "the process is elevated"));
        } else if (backup) {
            out.add(Finding.warning("elevation", null, "the process is not elevated, but holds SeBackupPrivilege, "
                    + "which VSS accepts (a Backup Operator's token)", List.of(),
                    "if VSS or a writer refuses the backup, run it elevated"));
        } else {
            out.add(Finding.blocking("elevation", null, "the process is not elevated and holds no "
                    + "SeBackupPrivilege: VSS refuses it (E_ACCESSDENIED)", List.of(),
                    "run from an elevated prompt (Run as administrator), or as a service account in "
                            + "Administrators or Backup Operators"));
        }
        out.add(privilege(token, Privilege.SE_BACKUP, Severity.BLOCKING,
                "needed to read files whose ACLs deny this account, and by VSS from a process that is not elevated",
                "run elevated, as a member of Administrators or Backup Operators ('Back up files and "
                        + "directories' user right)"));
        out.add(privilege(token, Privilege.SE_RESTORE, Severity.WARNING,
                "needed to restore files with their owners and ACLs; a backup does not need it",
                "run restores elevated, as a member of Administrators or Backup Operators"));
        out.add(privilege(token, Privilege.SE_CREATE_SYMBOLIC_LINK, Severity.WARNING,
                "vss4j reads a shadow copy through a directory symbolic link to its device (SnapshotMount); "
                        + "without it that fails with ERROR_PRIVILEGE_NOT_HELD unless developer mode is on",
                "run elevated, grant the 'Create symbolic links' user right, or turn on developer mode"));
        return out;
    }

    private static Finding privilege(ProcessToken token, String name, Severity missing, String why, String fix) {
        Optional<Privilege> p = token.privilege(name);
        if (p.isPresent()) {
            return Finding.ok("privilege", name, "held, " + (p.get().enabled() ? "enabled"
                    : "disabled until a program enables it (AdjustTokenPrivileges)"), List.of());
        }
        String summary = "not held: " + why;
        return missing == Severity.BLOCKING ? Finding.blocking("privilege", name, summary, List.of(), fix)
                : Finding.warning("privilege", name, summary, List.of(), fix);
    }
}
