package org.vss4j.writer;

import org.vss4j.VssHresult;

/**
 * Thrown by a {@link VssWriter} handler to fail the current VSS event with a chosen writer error. The writer then
 * returns {@code false} to VSS and reports {@link #writerError()} through {@code SetWriterFailure}; a
 * {@link VssWriterEx} reports it through {@code SetWriterFailureEx}, with {@link #applicationHresult()} and the
 * exception message as the application failure the requester reads in {@code GetWriterStatusEx}. Thrown from
 * {@code onIdentify}, it only makes the handler return {@code false} (no writer failure is set from Identify).
 *
 * <p>Any other exception (or error) a handler throws is reported as {@code VSS_E_WRITERERROR_NONRETRYABLE} with
 * application HRESULT {@code E_FAIL} and the exception's {@code toString()} as the message: a failure the writer did
 * not classify is not assumed to go away on a retry.
 */
public class VssWriterException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient VssHresult writerError;
    private final int applicationHresult;

    /**
     * @param writerError        one of the {@code VSS_E_WRITERERROR_*} codes (Microsoft {@code SetWriterFailure} docs:
     *                           the writer-error codes are the ones a writer may set)
     * @param applicationHresult the application's own failure code ({@code E_FAIL} if it has none)
     * @param message            the application message the requester reads
     * @param cause              the underlying failure, or null
     */
    public VssWriterException(VssHresult writerError, int applicationHresult, String message, Throwable cause) {
        super(message, cause);
        if (!writerError.name().startsWith("VSS_E_WRITERERROR_")) {
            throw new IllegalArgumentException("a writer fails with a VSS_E_WRITERERROR_* code, not " + writerError);
        }
        this.writerError = writerError;
        this.applicationHresult = applicationHresult;
    }

    /** As the full constructor, with application HRESULT {@code E_FAIL} and no cause. */
    public VssWriterException(VssHresult writerError, String message) {
        this(writerError, VssHresult.E_FAIL.code(), message, null);
    }

    /** A transient failure: {@code VSS_E_WRITERERROR_RETRYABLE}, retrying the backup may succeed. */
    public static VssWriterException retryable(String message) {
        return new VssWriterException(VssHresult.VSS_E_WRITERERROR_RETRYABLE, message);
    }

    /** A lasting failure: {@code VSS_E_WRITERERROR_NONRETRYABLE}, a retry is likely to fail again. */
    public static VssWriterException nonRetryable(String message) {
        return new VssWriterException(VssHresult.VSS_E_WRITERERROR_NONRETRYABLE, message);
    }

    /** The {@code VSS_E_WRITERERROR_*} code reported to VSS. */
    public VssHresult writerError() {
        return writerError;
    }

    /** The application failure code reported with it. */
    public int applicationHresult() {
        return applicationHresult;
    }
}
