package org.vss4j.writer;

import org.vss4j.VssHresult;

/**
 * What a writer reports to VSS for a handler that threw: the writer error, the application HRESULT and message
 * ({@code IVssWriterImpl::SetWriterFailureEx}, vswriter.h). See {@link VssWriterException} for the rule.
 */
record HandlerFailure(int writerError, int applicationHresult, String message) {

    static HandlerFailure of(Throwable t) {
        if (t instanceof VssWriterException e) {
            return new HandlerFailure(e.writerError().code(), e.applicationHresult(), e.getMessage());
        }
        return new HandlerFailure(VssHresult.VSS_E_WRITERERROR_NONRETRYABLE.code(), VssHresult.E_FAIL.code(),
                t.toString());
    }
}
