package org.vss4j.diagnostics;

/**
 * One privilege of an access token: its name and its {@code LUID_AND_ATTRIBUTES} attributes (winnt.h). A privilege
 * listed in the token is held; it takes effect in access checks only while enabled, which a program does with
 * {@code AdjustTokenPrivileges} (Microsoft docs, "Enabling and Disabling Privileges in C++"). Elevated administrators
 * hold SeBackupPrivilege, SeRestorePrivilege and SeCreateSymbolicLinkPrivilege disabled.
 *
 * @param name       the privilege's name, e.g. {@code SeBackupPrivilege} (Microsoft docs, "Privilege Constants")
 * @param attributes the {@code SE_PRIVILEGE_*} flags
 */
public record Privilege(String name, int attributes) {

    /** "Required to perform backup operations" (Microsoft docs, "Privilege Constants": SE_BACKUP_NAME). */
    public static final String SE_BACKUP = "SeBackupPrivilege";
    /** "Required to perform restore operations" (SE_RESTORE_NAME). */
    public static final String SE_RESTORE = "SeRestorePrivilege";
    /** "Required to create a symbolic link" (SE_CREATE_SYMBOLIC_LINK_NAME). */
    public static final String SE_CREATE_SYMBOLIC_LINK = "SeCreateSymbolicLinkPrivilege";

    /** {@code SE_PRIVILEGE_ENABLED_BY_DEFAULT} (winnt.h). */
    public static final int ENABLED_BY_DEFAULT = 0x1;
    /** {@code SE_PRIVILEGE_ENABLED} (winnt.h). */
    public static final int ENABLED = 0x2;
    /** {@code SE_PRIVILEGE_REMOVED} (winnt.h). */
    public static final int REMOVED = 0x4;

    /** Whether the privilege is enabled now. */
    public boolean enabled() {
        return (attributes & ENABLED) != 0;
    }

    /** Whether the privilege is enabled when the token is made. */
    public boolean enabledByDefault() {
        return (attributes & ENABLED_BY_DEFAULT) != 0;
    }

    /** Whether the privilege was removed from the token ({@code AdjustTokenPrivileges} with SE_PRIVILEGE_REMOVED). */
    public boolean removed() {
        return (attributes & REMOVED) != 0;
    }
}
