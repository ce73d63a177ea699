package org.vss4j.files;

import java.io.IOException;

/**
 * A privilege could not be enabled because the process token does not hold it: {@code AdjustTokenPrivileges}
 * returned TRUE and set {@code ERROR_NOT_ALL_ASSIGNED} (1300), the documented trap of that function (Microsoft docs,
 * "AdjustTokenPrivileges function"). A standard user, or an administrator without elevation, holds neither
 * SeBackupPrivilege nor SeRestorePrivilege.
 */
public final class PrivilegeNotHeldException extends IOException {

    private static final long serialVersionUID = 1L;

    private final String privilege;

    /**
     * The exception for {@code privilege}.
     *
     * @param privilege the privilege's name, e.g. {@code SeBackupPrivilege}
     */
    public PrivilegeNotHeldException(String privilege) {
        super("AdjustTokenPrivileges could not enable " + privilege + ": Win32 error 1300 (ERROR_NOT_ALL_ASSIGNED), "
                + "the process token does not hold it (run elevated, as an administrator or a Backup Operator)");
        this.privilege = privilege;
    }

    /**
     * The privilege.
     *
     * @return its name
     */
    public String privilege() {
        return privilege;
    }
}
