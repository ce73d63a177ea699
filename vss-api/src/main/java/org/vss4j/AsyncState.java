package org.vss4j;

/**
 * The state of an asynchronous VSS operation as {@code IVssAsync::QueryStatus} reports it in {@code *pHrResult}:
 * the three {@code VSS_S_ASYNC_*} success codes. A failed operation reports its error HRESULT instead, which vss4j
 * raises as a {@link VssException}.
 */
public enum AsyncState {
    /** {@code VSS_S_ASYNC_PENDING}: still running. */
    PENDING(VssHresult.VSS_S_ASYNC_PENDING),
    /** {@code VSS_S_ASYNC_FINISHED}: completed successfully. */
    FINISHED(VssHresult.VSS_S_ASYNC_FINISHED),
    /** {@code VSS_S_ASYNC_CANCELLED}: cancelled by {@code IVssAsync::Cancel}. */
    CANCELLED(VssHresult.VSS_S_ASYNC_CANCELLED);

    private final VssHresult code;

    AsyncState(VssHresult code) {
        this.code = code;
    }

    /** The success HRESULT that stands for this state. */
    public VssHresult code() {
        return code;
    }

    /** The state for a QueryStatus result, or null if {@code hr} is none of the three (a failure or S_OK). */
    static AsyncState of(int hr) {
        for (AsyncState s : values()) {
            if (s.code.code() == hr) {
                return s;
            }
        }
        return null;
    }
}
