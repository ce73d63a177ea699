package org.vss4j.writer;

import com.sun.jna.Pointer;
import org.vss4j.VssException;
import org.vss4j.abi.ComMethod;
import org.vss4j.com.ComObject;

/**
 * An interface VSS lends a handler: called through its vtable (no IUnknown, so slot 0 is its first own method;
 * {@code vswriter.h}), never released by Java, and usable only while the handler runs ({@link HandlerScope}).
 */
abstract class BorrowedInterface {

    private final Pointer self;
    private final String interfaceName;
    private final HandlerScope scope;

    BorrowedInterface(Pointer self, String interfaceName, HandlerScope scope) {
        this.self = self;
        this.interfaceName = interfaceName;
        this.scope = scope;
    }

    /** The interface pointer; valid only during the handler. */
    public final Pointer pointer() {
        scope.check(interfaceName);
        return self;
    }

    final HandlerScope scope() {
        return scope;
    }

    /** Calls {@code method}; a failing HRESULT becomes a {@link VssException} naming it and {@code context}. */
    final int call(String context, ComMethod method, Object... args) {
        scope.check(interfaceName);
        int hr = ComObject.callSlot(self, method, args);
        if (hr < 0) {
            throw new VssException(hr, method.qualifiedName(), context);
        }
        return hr;
    }
}
