package org.vss4j;

import com.sun.jna.Pointer;
import org.vss4j.abi.ComMethod;

/**
 * An owned interface reference obtained by {@link ComGetters#queryInterface} (an {@code Ex}/{@code Ex2} view of an
 * object the binding already wraps), used for one read and closed at once; the typed getters of {@link ComGetters}
 * apply to it.
 */
final class QueriedReader extends ComGetters {

    QueriedReader(Pointer p, String interfaceName) {
        super(p, interfaceName, 0);
    }

    /** Calls {@code method} and throws {@link VssException} on a failing HRESULT. */
    int call(ComMethod method, Object... args) {
        return check(method, args);
    }
}
