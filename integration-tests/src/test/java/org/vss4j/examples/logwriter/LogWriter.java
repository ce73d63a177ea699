package org.vss4j.examples.logwriter;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.vss4j.ComponentType;
import org.vss4j.FileRestoreStatus;
import org.vss4j.RestoreMethod;
import org.vss4j.VssComponent;
import org.vss4j.WriterRestore;
import org.vss4j.writer.BorrowedWriterComponents;
import org.vss4j.writer.CreateWriterMetadata;
import org.vss4j.writer.VssWriter;

/**
 * A VSS writer for an {@link AppendOnlyLog}: it declares the log file as one file-group component, and holds appends
 * from Freeze to Thaw (flushing the file first), so the shadow copy holds a log that ends at a record boundary with
 * every acknowledged record. Writes resume at Thaw, or at Abort if the backup ends early.
 *
 * <p>On a restore it notes what it is told at PreRestore and PostRestore ({@link #restoreNotices()}), and at
 * PostRestore it accepts a component reported wholly restored ({@code VSS_RS_ALL}) only if the log on disk is clean:
 * a writer checks its files after the requester wrote them (Microsoft docs, "Overview of Post-Restore Tasks").
 */
public final class LogWriter extends VssWriter {

    /** The writer class id (stable: requesters select writers by it). */
    public static final UUID WRITER_ID = UUID.fromString("5b0c1c5e-7d5a-4c44-9b2f-0e4a2b7c9d11");
    public static final String NAME = "vss4j Orders Log Writer";
    public static final String COMPONENT = "orders-log";

    /** The log being written, or null when the application is stopped for a restore ({@link #forRestore}). */
    private final AppendOnlyLog log;
    private final Path file;
    private final String directory;
    private final String fileName;
    private final List<RestoreNotice> notices = new CopyOnWriteArrayList<>();

    /**
     * @param log       the store
     * @param directory the log's directory as VSS sees paths (e.g. {@code C:\data\orders})
     */
    public LogWriter(AppendOnlyLog log, String directory) {
        this(log, log.file(), directory);
    }

    private LogWriter(AppendOnlyLog log, Path file, String directory) {
        this.log = log;
        this.file = file;
        this.directory = directory;
        this.fileName = file.getFileName().toString();
    }

    /**
     * The writer of a log nobody writes now, the application being stopped so its log can be restored: it keeps no
     * handle on {@code file}, so the requester can replace it, and has nothing to hold at Freeze.
     */
    public static LogWriter forRestore(Path file, String directory) {
        return new LogWriter(null, file, directory);
    }

    /** What the writer was told at PreRestore and PostRestore, in order. */
    public List<RestoreNotice> restoreNotices() {
        return List.copyOf(notices);
    }

    @Override
    protected boolean onIdentify(CreateWriterMetadata metadata) {
        // VSS_WRE_ALWAYS: it checks the restored log at PostRestore (Microsoft docs, "VSS_WRITERRESTORE_ENUM").
        metadata.setRestoreMethod(RestoreMethod.RESTORE_IF_CAN_REPLACE, null, null, WriterRestore.ALWAYS, false);
        metadata.addComponent(ComponentType.FILEGROUP, null, COMPONENT, "Append-only order log", false, false, true);
        metadata.addFilesToFileGroup(null, COMPONENT, directory, fileName, false, null,
                CreateWriterMetadata.DEFAULT_BACKUP_TYPE_MASK);
        return true;
    }

    @Override
    protected boolean onPrepareSnapshot() {
        return true;
    }

    @Override
    protected boolean onFreeze() {
        if (log != null) {
            log.hold();
        }
        return true;
    }

    @Override
    protected boolean onThaw() {
        if (log != null) {
            log.resume();
        }
        return true;
    }

    @Override
    protected boolean onAbort() {
        if (log != null) {
            log.resume();
        }
        return true;
    }

    @Override
    protected boolean onPreRestore(BorrowedWriterComponents components) {
        // The file restore status is set by the requester after PreRestore: nothing to read yet.
        note(RestoreNotice.Event.PRE_RESTORE, components, false);
        return true;
    }

    @Override
    protected boolean onPostRestore(BorrowedWriterComponents components) {
        return note(RestoreNotice.Event.POST_RESTORE, components, true).stream()
                .allMatch(n -> n.status() != FileRestoreStatus.ALL || n.log().isClean());
    }

    private List<RestoreNotice> note(RestoreNotice.Event event, BorrowedWriterComponents components,
            boolean withStatus) {
        List<RestoreNotice> seen = new java.util.ArrayList<>();
        for (int i = 0; i < components.getComponentCount(); i++) {
            try (VssComponent c = components.getComponent(i)) {
                seen.add(new RestoreNotice(event, c.getComponentName(), c.isSelectedForRestore(),
                        withStatus ? c.getFileRestoreStatus() : null, checkLog()));
            }
        }
        notices.addAll(seen);
        return seen;
    }

    private LogCheck checkLog() {
        try {
            return LogCheck.of(file);
        } catch (IOException e) {
            return new LogCheck(0, 0, -1);
        }
    }
}
