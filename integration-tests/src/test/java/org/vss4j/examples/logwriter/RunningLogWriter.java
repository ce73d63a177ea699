package org.vss4j.examples.logwriter;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.vss4j.ApplicationLevel;
import org.vss4j.SourceType;
import org.vss4j.UsageType;

/**
 * The example running: an {@link AppendOnlyLog} in a directory, a {@link LogLoad} appending to it, and a subscribed
 * {@link LogWriter}. Closing stops them in reverse order (writer, load, log).
 */
public final class RunningLogWriter implements AutoCloseable {

    private final AppendOnlyLog log;
    private final LogLoad load;
    private final LogWriter writer;

    private RunningLogWriter(AppendOnlyLog log, LogLoad load, LogWriter writer) {
        this.log = log;
        this.load = load;
        this.writer = writer;
    }

    /**
     * Starts it all in {@code dir} (VSS names the directory {@code vssDirectory}) with {@code threads} appenders.
     *
     * @param instanceName the writer instance name (distinct per run, so instances do not clash)
     */
    public static RunningLogWriter start(Path dir, String vssDirectory, int threads, String instanceName)
            throws Exception {
        Files.createDirectories(dir);
        AppendOnlyLog log = AppendOnlyLog.open(dir.resolve("orders.log"));
        LogLoad load = LogLoad.start(log, threads);
        LogWriter writer = new LogWriter(log, vssDirectory);
        try {
            writer.initialize(LogWriter.WRITER_ID, LogWriter.NAME, instanceName, UsageType.USERDATA,
                    SourceType.NONTRANSACTEDDB, ApplicationLevel.FRONT_END, Duration.ofSeconds(60));
            writer.subscribe();
        } catch (RuntimeException e) {
            writer.close();
            load.close();
            log.close();
            throw e;
        }
        return new RunningLogWriter(log, load, writer);
    }

    public AppendOnlyLog log() {
        return log;
    }

    public LogLoad load() {
        return load;
    }

    public LogWriter writer() {
        return writer;
    }

    @Override
    public void close() throws Exception {
        try {
            writer.close();
        } finally {
            try {
                load.close();
            } finally {
                log.close();
            }
        }
    }
}
