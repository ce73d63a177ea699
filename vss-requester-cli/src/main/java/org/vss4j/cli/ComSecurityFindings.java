package org.vss4j.cli;

import java.util.List;
import org.vss4j.com.ComSecurity;

/**
 * This process's COM security, as vss4j's {@code CoInitializeSecurity} call found it ({@code ComApartment}): writers
 * call the requester back, and reject callers below packet privacy with impersonation (event 8194, "access denied").
 */
final class ComSecurityFindings {

    static final String CHECK = "com-security";

    private ComSecurityFindings() {
    }

    static Finding of(ComSecurity.State state) {
        return switch (state) {
            case NOT_SET_YET -> Finding.ok(CHECK, "not set yet: no VSS call ran in this process (see the vss check)");
            case SET_BY_VSS4J -> Finding.ok(CHECK, "vss4j set it: packet privacy, impersonation, static cloaking");
            case SET_BEFORE_VSS4J -> Finding.warning(CHECK, null, "the host application called CoInitializeSecurity "
                    + "before vss4j (RPC_E_TOO_LATE): its settings stay, and writers may be unable to call back "
                    + "(event 8194)", List.of(), ComSecurity.TOO_LATE_FIX);
        };
    }
}
