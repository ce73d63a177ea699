package org.vss4j;

import com.sun.jna.Pointer;
import org.vss4j.abi.ComMethod;

/**
 * An interface pointer obtained by {@link ComGetters#queryInterface} (one owned reference, released by
 * {@link #close()}), called through its own vtable: an {@code Ex}/{@code ExN} view of an object the binding already
 * wraps, e.g. {@code IVssBackupComponentsEx2} of a {@link BackupComponents}. The typed getters of {@link ComGetters}
 * apply to it.
 */
final class QueriedInterface extends ComGetters {

    QueriedInterface(Pointer p, String interfaceName) {
        super(p, interfaceName, 0);
    }

    /** Calls {@code method}; a failing HRESULT becomes a {@link VssException} naming it. */
    int call(String context, ComMethod method, Object... args) {
        return check(context, method, args);
    }

    /** Calls {@code method} and returns the raw HRESULT (for out-parameters that must be freed before throwing). */
    int callRaw(ComMethod method, Object... args) {
        return invoke(method, args);
    }
}
