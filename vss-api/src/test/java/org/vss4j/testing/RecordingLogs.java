package org.vss4j.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Logger;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.helpers.NOPMDCAdapter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * The SLF4J binding of vss-api's tests (registered in META-INF/services): every event at every level is kept in
 * memory, so a test can assert what vss4j logged. Tests read {@link #events()} and filter by logger; they never clear
 * the list, which other tests may be reading.
 */
public final class RecordingLogs implements SLF4JServiceProvider {

    /** One logged event, message already formatted. */
    public record Event(String logger, Level level, String message) {
    }

    private static final List<Event> EVENTS = new CopyOnWriteArrayList<>();

    private final IMarkerFactory markers = new BasicMarkerFactory();
    private final MDCAdapter mdc = new NOPMDCAdapter();
    private final ILoggerFactory loggers = RecordingLogger::new;

    /** Everything logged so far in this JVM, oldest first. */
    public static List<Event> events() {
        return List.copyOf(EVENTS);
    }

    /** What {@code loggerClass}'s logger logged so far. */
    public static List<Event> of(Class<?> loggerClass) {
        return EVENTS.stream().filter(e -> e.logger().equals(loggerClass.getName())).toList();
    }

    @Override
    public ILoggerFactory getLoggerFactory() {
        return loggers;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markers;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdc;
    }

    @Override
    public String getRequestedApiVersion() {
        return "2.0.99";
    }

    @Override
    public void initialize() {
    }

    private static final class RecordingLogger extends LegacyAbstractLogger implements Logger {

        RecordingLogger(String name) {
            this.name = name;
        }

        @Override
        public boolean isTraceEnabled() {
            return true;
        }

        @Override
        public boolean isDebugEnabled() {
            return true;
        }

        @Override
        public boolean isInfoEnabled() {
            return true;
        }

        @Override
        public boolean isWarnEnabled() {
            return true;
        }

        @Override
        public boolean isErrorEnabled() {
            return true;
        }

        @Override
        protected String getFullyQualifiedCallerName() {
            return null;
        }

        @Override
        protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] args,
                Throwable t) {
            EVENTS.add(new Event(name, level, MessageFormatter.basicArrayFormat(pattern, args)));
        }
    }
}
