package org.vss4j.sim.writer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.vss4j.ApplicationLevel;
import org.vss4j.SourceType;
import org.vss4j.UsageType;
import org.vss4j.abi.vtable.CVssWriter;
import org.vss4j.writer.VssWriter;

/**
 * What the test writers ({@link RecordingWriter}, {@link RecordingWriterEx}) share: every handler call with its
 * arguments, in order, the scripts a test gives for an event (declare, query, throw, return false), and what
 * {@code freezeTimeoutExceeded} and {@code handlerThrew} reported.
 */
final class Recorder {

    static final UUID WRITER_ID = UUID.fromString("4a5b6c7d-1111-2222-3333-444455556666");

    /** One handler call: the event and its arguments (null where it has none). */
    record Call(CVssWriter event, Object argument) {
    }

    private final List<Call> calls = new ArrayList<>();
    private final Map<CVssWriter, Predicate<Object>> scripts = new EnumMap<>(CVssWriter.class);
    private final List<Duration> overruns = new ArrayList<>();
    private final List<Call> thrown = new ArrayList<>();

    /** Initializes {@code w} as "Java Test Writer", front end, with {@code freezeTimeout}, and subscribes it. */
    static void start(VssWriter w, Duration freezeTimeout) {
        w.initialize(WRITER_ID, "Java Test Writer", "instance-1", UsageType.USERDATA, SourceType.TRANSACTEDDB,
                ApplicationLevel.FRONT_END, freezeTimeout);
        w.subscribe();
    }

    synchronized void at(CVssWriter event, Predicate<Object> script) {
        scripts.put(event, script);
    }

    synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    synchronized List<CVssWriter> events() {
        return calls.stream().map(Call::event).toList();
    }

    synchronized List<Duration> overruns() {
        return List.copyOf(overruns);
    }

    /** What {@code handlerThrew} received: the event and the throwable. */
    synchronized List<Call> thrown() {
        return List.copyOf(thrown);
    }

    boolean handle(CVssWriter event, Object argument) {
        Predicate<Object> script;
        synchronized (this) {
            calls.add(new Call(event, argument));
            script = scripts.get(event);
        }
        return script == null || script.test(argument);
    }

    synchronized void overrun(CVssWriter event, Duration held) {
        calls.add(new Call(event, "freeze timeout exceeded"));
        overruns.add(held);
    }

    synchronized void threw(CVssWriter event, Throwable t) {
        thrown.add(new Call(event, t));
    }
}
