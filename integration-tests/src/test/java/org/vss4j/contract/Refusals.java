package org.vss4j.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import java.util.function.Supplier;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.vss4j.VssAsync;
import org.vss4j.VssException;
import org.vss4j.VssHresult;

/** Assertions that a misuse of IVssBackupComponents is refused with one of its documented codes. */
final class Refusals {

    private Refusals() {
    }

    /**
     * {@code call} fails with a VssException naming {@code IVssBackupComponents::method} and one of
     * {@code documented} ({@link DocumentedCodes}), whose name the message carries.
     */
    static void assertRefused(ThrowingCallable call, String method, Set<VssHresult> documented) {
        assertThatThrownBy(call).isInstanceOfSatisfying(VssException.class, e -> {
            assertThat(e.operation()).isEqualTo("IVssBackupComponents::" + method);
            assertThat(documented).as("%s answered %s; documented for this misuse: %s", method, e.getMessage(),
                    documented).anyMatch(e::is);
            assertThat(e.known()).hasValueSatisfying(code -> assertThat(e.getMessage()).contains(code.name()));
        });
    }

    /**
     * Like {@link #assertRefused}, for an asynchronous method whose page says its codes "may be returned from this
     * method, or from the QueryStatus method on the IVssAsync interface" (Microsoft docs,
     * "IVssBackupComponents::DoSnapshotSet method"): the refusal may come from the call or from the operation.
     */
    static void assertRefusedNowOrLater(Supplier<VssAsync> start, String method, Set<VssHresult> documented) {
        assertRefused(() -> start.get().finish(Steps.timeout()), method, documented);
    }
}
