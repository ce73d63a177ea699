package org.vss4j.session;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Delivers events to the caller's listener; a listener that throws is logged and ignored. */
final class SessionEvents {

    private static final Logger LOG = LoggerFactory.getLogger(SessionEvents.class);

    private final BackupListener listener;

    SessionEvents(BackupListener listener) {
        this.listener = listener;
    }

    void emit(BackupEvent event) {
        try {
            listener.onEvent(event);
        } catch (RuntimeException e) {
            LOG.warn("the backup listener threw on {}; the backup goes on", event, e);
        }
    }
}
