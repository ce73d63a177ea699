package org.vss4j.writer;

import java.util.ArrayList;
import java.util.List;

/**
 * The lifetime of one handler call. The interfaces VSS passes to a handler ({@code IVssCreateWriterMetadata},
 * {@code IVssWriterComponents}) have no IUnknown and belong to VSS, which destroys them when the handler returns
 * (vswriter.h; Microsoft docs, "CVssWriter class": "the CVssWriter base class is responsible for the life cycle of
 * interfaces passed to event handlers"). Their wrappers check this scope before every call, so a use after the handler
 * returned is an {@link IllegalStateException} instead of a call on freed memory. Owned objects obtained through them
 * (an {@code IVssComponent}) that the handler left open are released when the scope closes.
 */
final class HandlerScope implements AutoCloseable {

    private final String handler;
    private final List<AutoCloseable> owned = new ArrayList<>();
    private volatile boolean open = true;

    /** @param handler the native handler, e.g. {@code OnIdentify} or {@code OnIdentifyEx} */
    HandlerScope(String handler) {
        this.handler = handler;
    }

    /** Throws unless the handler that received {@code interfaceName} is still running. */
    void check(String interfaceName) {
        if (!open) {
            throw new IllegalStateException("the " + interfaceName + " passed to " + handler + " belongs to VSS "
                    + "and is valid only while that handler runs; it was used after the handler returned");
        }
    }

    /** Releases {@code resource} when the handler returns, if the handler has not closed it. */
    synchronized void closeAtEnd(AutoCloseable resource) {
        owned.add(resource);
    }

    @Override
    public synchronized void close() throws Exception {
        open = false;
        Exception first = null;
        for (AutoCloseable c : owned) {
            try {
                c.close();
            } catch (Exception e) {
                if (first == null) {
                    first = e;
                }
            }
        }
        owned.clear();
        if (first != null) {
            throw first;
        }
    }
}
