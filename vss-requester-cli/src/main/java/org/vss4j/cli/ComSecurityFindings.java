package org.vss4j.cli;

import java.util.List;
import java.util.OptionalInt;
import org.vss4j.VssHresult;

/**
 * This process's COM security, as vss4j's {@code CoInitializeSecurity} call found it ({@code ComApartment}): writers
 * call the requester back, and reject callers below packet privacy with impersonation (event 8194, "access denied").
 */
final class ComSecurityFindings {

    static final String CHECK = "com-security";

    private ComSecurityFindings() {
    }

    static Finding of(OptionalInt result) {
        if (result.isEmpty()) {
            return Finding.ok(CHECK, "not set yet: no VSS call ran in this process (see the vss check)");
        }
        int hr = result.getAsInt();
        if (hr >= 0) {
            return Finding.ok(CHECK, "vss4j set it: packet privacy, impersonation, static cloaking");
        }
        if (hr == VssHresult.RPC_E_TOO_LATE.code()) {
            return Finding.warning(CHECK, null, "the host application called CoInitializeSecurity before vss4j "
                    + "(RPC_E_TOO_LATE): its settings stay, and writers may be unable to call back (event 8194)",
                    List.of(), "let vss4j make the process's first COM call, or have the host call "
                            + "CoInitializeSecurity with RPC_C_AUTHN_LEVEL_PKT_PRIVACY and RPC_C_IMP_LEVEL_IMPERSONATE");
        }
        return Finding.blocking(CHECK, null, "CoInitializeSecurity failed: " + VssHresult.describe(hr), List.of(),
                "see the message of the failing VSS call (run with --verbose)");
    }
}
