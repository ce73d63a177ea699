package org.vss4j.writer;

import com.sun.jna.Pointer;
import com.sun.jna.platform.win32.Guid.GUID;
import java.time.InstantSource;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vss4j.ExamineWriterMetadata;
import org.vss4j.VssHresult;
import org.vss4j.WriterMetadata;
import org.vss4j.abi.vtable.CVssWriter;
import org.vss4j.abi.vtable.IVssWriterImpl;
import org.vss4j.com.Guids;
import org.vss4j.com.Utf16;

/**
 * A VSS writer in Java made as the SDK's {@code CVssWriterEx2} (vswriter.h): {@link #initialize} calls
 * {@code CreateWriterEx}, as {@code CVssWriterEx::Initialize} does, and VSS calls the longer {@code CVssWriterEx}
 * vtable, whose Identify handler is {@code OnIdentifyEx} ({@link #onIdentifyEx}, with
 * {@code AddExcludeFilesFromSnapshot}). On top of {@link VssWriter} it offers what the SDK offers only on the Ex
 * classes: {@link #setWriterFailureEx}, {@link #getSessionId}, {@link #isWriterShuttingDown} and
 * {@link #getIdentityInformation}. A handler that throws is reported with {@code SetWriterFailureEx}, so the requester
 * reads the exception's message and application HRESULT with {@code GetWriterStatusEx}.
 */
public abstract class VssWriterEx extends VssWriter {

    private static final Logger LOG = LoggerFactory.getLogger(VssWriterEx.class);

    /** The handlers in which {@code GetIdentifyInformation} may be called (Microsoft docs, see there). */
    private static final Set<CVssWriter> IDENTITY_HANDLERS = Set.of(CVssWriter.OnPrepareBackup,
            CVssWriter.OnPrepareSnapshot, CVssWriter.OnPostSnapshot);

    /** A writer timed by the system clock. */
    protected VssWriterEx() {
        super();
    }

    /** A writer whose freeze window is timed by {@code clock}. */
    protected VssWriterEx(InstantSource clock) {
        super(clock);
    }

    /**
     * {@code OnIdentifyEx}: declare the Writer Metadata Document, with the files this writer will delete from the
     * shadow copy. Calls {@link #onIdentify} by default, so a writer overrides one of the two ("A writer can override
     * OnIdentify or OnIdentifyEx, but not both", Microsoft docs, "CVssWriterEx::OnIdentifyEx"). The rules of
     * {@code onIdentify} hold: no writer failure from here, no change of the writer's state.
     */
    protected boolean onIdentifyEx(CreateWriterMetadataEx metadata) {
        return onIdentify(metadata);
    }

    @Override
    final WriterForm form() {
        return WriterForm.EX;
    }

    @Override
    final boolean identifyEx(Pointer borrowed, HandlerScope scope) {
        return onIdentifyEx(borrowed == null ? null : new CreateWriterMetadataEx(borrowed, scope));
    }

    @Override
    final void reportFailure(HandlerFailure f) {
        try {
            setWriterFailureEx(f.writerError(), f.applicationHresult(), f.message());
        } catch (Throwable e) {
            LOG.error("VSS writer '{}': SetWriterFailureEx({}) failed; trying SetWriterFailure", name(),
                    VssHresult.describe(f.writerError()), e);
            super.reportFailure(f);
        }
    }

    /**
     * {@code CVssWriterEx2::SetWriterFailureEx(hr, hrApplication, wszApplicationMessage)}: the failure with the
     * application's code and message, which the requester reads with {@code GetWriterStatusEx}. From a handler on its
     * own thread, never from Identify (an {@link IllegalStateException}; Microsoft docs, "CVssWriter::OnIdentify").
     */
    public final void setWriterFailureEx(int hr, int hrApplication, String applicationMessage) {
        refuseInIdentify("SetWriterFailureEx");
        onImpl(i -> i.check(VssHresult.describe(hr), IVssWriterImpl.SetWriterFailureEx, hr, hrApplication,
                Utf16.toNative(applicationMessage)));
    }

    /** {@code CVssWriterEx2::GetSessionId(&idSession)}: the id of the backup or restore session in progress. */
    public final UUID getSessionId() {
        GUID id = new GUID();
        onImpl(i -> i.check(null, IVssWriterImpl.GetSessionId, id));
        return Guids.toUuid(id);
    }

    /** {@code CVssWriterEx2::IsWriterShuttingDown()}. */
    public final boolean isWriterShuttingDown() {
        return onImpl(i -> i.cppBool(IVssWriterImpl.IsWriterShuttingDown));
    }

    /**
     * {@code CVssWriterEx::GetIdentifyInformation} ({@code IVssWriterImpl::GetIdentityInformation}): the metadata this
     * writer's last Identify reported, read whole, or null if VSS has none. It "can only be called in a writer's
     * OnPrepareBackup, OnPrepareSnapshot, or OnPostSnapshot method" (Microsoft docs,
     * "CVssWriterEx::GetIdentifyInformation"), so anywhere else (another handler, another thread, outside a handler)
     * it throws {@link IllegalStateException}. The {@code IVssExamineWriterMetadata} belongs to VSS, which holds the
     * reference: it is read through a view that never releases it ({@link ExamineWriterMetadata#borrowed}), and
     * nothing of it outlives this call.
     */
    public final WriterMetadata getIdentityInformation() {
        CVssWriter handler = runningHandler();
        if (handler == null || !IDENTITY_HANDLERS.contains(handler)) {
            throw new IllegalStateException("CVssWriterEx::GetIdentifyInformation can only be called in "
                    + "OnPrepareBackup, OnPrepareSnapshot or OnPostSnapshot (Microsoft docs); writer '" + name()
                    + "' called it " + (handler == null ? "outside a handler (or off its thread)" : "in "
                    + handler.name()));
        }
        Pointer metadata = onImpl(i -> i.pointer(IVssWriterImpl.GetIdentityInformation));
        return metadata == null ? null : ExamineWriterMetadata.borrowed(metadata).read();
    }
}
