package org.vss4j;

import java.util.UUID;

/**
 * One writer's status after {@code GatherWriterStatus}.
 *
 * @param instanceId     the writer instance
 * @param writerId       the writer class
 * @param writerName     the writer's name
 * @param state          its state
 * @param failureHresult the failure it reported ({@code S_OK} = 0 if none)
 */
public record WriterStatus(UUID instanceId, UUID writerId, String writerName, WriterState state, int failureHresult) {

    /** Whether the writer is in one of the {@code VSS_WS_FAILED_AT_*} states or reported a failure code. */
    public boolean isFailed() {
        return state.nativeName().startsWith("VSS_WS_FAILED_AT_") || failureHresult < 0;
    }

    @Override
    public String toString() {
        return "writer '" + writerName + "' (" + writerId + ", instance " + instanceId + "): " + state.nativeName()
                + (failureHresult != 0 ? ", failure " + VssHresult.describe(failureHresult) : "");
    }
}
