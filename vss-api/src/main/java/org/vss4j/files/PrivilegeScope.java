package org.vss4j.files;

import java.io.IOException;

/**
 * A privilege enabled in the process token until {@link #close()}, which puts back the state it had before
 * (AdjustTokenPrivileges with the PreviousState it returned: Microsoft docs, "AdjustTokenPrivileges function"). The
 * token is the process's: while the scope is open every thread of the process has the privilege enabled, so keep it
 * as short as the work that needs it. A privilege that was enabled before stays enabled.
 */
public final class PrivilegeScope implements AutoCloseable {

    /** What puts the privilege back. */
    interface Undo {
        void run() throws IOException;
    }

    private final String privilege;
    private final Undo undo;
    private boolean closed;

    PrivilegeScope(String privilege, Undo undo) {
        this.privilege = privilege;
        this.undo = undo;
    }

    /** The scope of a privilege that was enabled already: closing it changes nothing. */
    static PrivilegeScope unchanged(String privilege) {
        return new PrivilegeScope(privilege, null);
    }

    /**
     * The privilege's name.
     *
     * @return e.g. {@code SeBackupPrivilege}
     */
    public String privilege() {
        return privilege;
    }

    /**
     * Whether this scope enabled the privilege (false: it was enabled before, and stays so).
     *
     * @return true if {@link #close()} disables it again
     */
    public boolean changedIt() {
        return undo != null;
    }

    /**
     * Puts the privilege back as it was; a second call does nothing.
     *
     * @throws IOException if AdjustTokenPrivileges fails (named with its Win32 error)
     */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        if (undo != null) {
            undo.run();
        }
    }
}
