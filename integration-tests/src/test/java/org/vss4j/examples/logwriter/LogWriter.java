package org.vss4j.examples.logwriter;

import java.util.UUID;
import org.vss4j.ComponentType;
import org.vss4j.RestoreMethod;
import org.vss4j.WriterRestore;
import org.vss4j.writer.CreateWriterMetadata;
import org.vss4j.writer.VssWriter;

/**
 * A VSS writer for an {@link AppendOnlyLog}: it declares the log file as one file-group component, and holds appends
 * from Freeze to Thaw (flushing the file first), so the shadow copy holds a log that ends at a record boundary with
 * every acknowledged record. Writes resume at Thaw, or at Abort if the backup ends early.
 */
public final class LogWriter extends VssWriter {

    /** The writer class id (stable: requesters select writers by it). */
    public static final UUID WRITER_ID = UUID.fromString("5b0c1c5e-7d5a-4c44-9b2f-0e4a2b7c9d11");
    public static final String NAME = "vss4j Orders Log Writer";
    public static final String COMPONENT = "orders-log";

    private final AppendOnlyLog log;
    private final String directory;
    private final String fileName;

    /**
     * @param log       the store
     * @param directory the log's directory as VSS sees paths (e.g. {@code C:\data\orders})
     */
    public LogWriter(AppendOnlyLog log, String directory) {
        this.log = log;
        this.directory = directory;
        this.fileName = log.file().getFileName().toString();
    }

    @Override
    protected boolean onIdentify(CreateWriterMetadata metadata) {
        metadata.setRestoreMethod(RestoreMethod.RESTORE_IF_CAN_REPLACE, null, null, WriterRestore.NEVER, false);
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
        log.hold();
        return true;
    }

    @Override
    protected boolean onThaw() {
        log.resume();
        return true;
    }

    @Override
    protected boolean onAbort() {
        log.resume();
        return true;
    }
}
