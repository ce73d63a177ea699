package org.vss4j.sim.vss;

import org.vss4j.VssHresult;

/**
 * How a writer came out of one event: success, or the writer failure HRESULT with the application HRESULT and message
 * it set ({@code SetWriterFailure}/{@code SetWriterFailureEx}), as {@code GetWriterStatus(Ex)} then reports them.
 * A failure is fatal (the writer vetoes: the asynchronous operation fails with it) or non-fatal (Microsoft docs,
 * "CVssWriter::OnPreRestore": "If a nonfatal error occurs, the method should still call SetWriterFailure but return
 * true"): the operation goes on and succeeds, and only the writer's status shows the failure.
 */
public record EventResult(Integer failure, int applicationHresult, String applicationMessage, boolean fatal) {

    /** Success. */
    public static final EventResult OK = new EventResult(null, VssHresult.S_OK.code(), null, false);

    /**
     * A fatal failure (or success if {@code failure} is null) with the application detail the writer set.
     *
     * @param failure the writer failure HRESULT, or null for success
     * @param applicationHresult the application HRESULT of SetWriterFailureEx
     * @param applicationMessage the application message of SetWriterFailureEx, or null
     */
    public EventResult(Integer failure, int applicationHresult, String applicationMessage) {
        this(failure, applicationHresult, applicationMessage, failure != null);
    }

    /**
     * A failure with no application detail; null gives {@link #OK}.
     *
     * @param failure the writer failure HRESULT, or null for success
     * @return the result
     */
    public static EventResult of(Integer failure) {
        return failure == null ? OK : new EventResult(failure, VssHresult.S_OK.code(), null);
    }

    /**
     * A non-fatal failure with no application detail: the writer set {@code failure} and returned true; null gives
     * {@link #OK}.
     *
     * @param failure the writer failure HRESULT, or null for success
     * @return the result
     */
    public static EventResult nonFatal(Integer failure) {
        return failure == null ? OK : new EventResult(failure, VssHresult.S_OK.code(), null, false);
    }

    /**
     * Whether the writer failed the event (set a failure or vetoed).
     *
     * @return true if {@link #failure()} is not null
     */
    public boolean failed() {
        return failure != null;
    }

    /**
     * The HRESULT the asynchronous operation fails with because of this writer: the failure if fatal, else null.
     *
     * @return the fatal failure, or null
     */
    public Integer vetoes() {
        return fatal ? failure : null;
    }
}
