package org.vss4j.sim.vss;

import org.vss4j.VssHresult;

/**
 * How a writer came out of one event: success, or the writer failure HRESULT with the application HRESULT and message
 * it set ({@code SetWriterFailure}/{@code SetWriterFailureEx}), as {@code GetWriterStatus(Ex)} then reports them.
 */
public record EventResult(Integer failure, int applicationHresult, String applicationMessage) {

    /** Success. */
    public static final EventResult OK = new EventResult(null, VssHresult.S_OK.code(), null);

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
     * Whether the writer failed the event (set a failure or vetoed).
     *
     * @return true if {@link #failure()} is not null
     */
    public boolean failed() {
        return failure != null;
    }
}
