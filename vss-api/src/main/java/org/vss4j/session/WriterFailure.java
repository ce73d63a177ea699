package org.vss4j.session;

import org.vss4j.VssHresult;
import org.vss4j.WriterState;

/**
 * A writer that reported a failure ({@code GetWriterStatus}, with {@code GetWriterStatusEx}'s application details).
 *
 * @param phase              the step after which the status was gathered
 * @param writer             the writer
 * @param state              its state, e.g. {@code VSS_WS_FAILED_AT_FREEZE}
 * @param failureHresult     the failure it reported
 * @param applicationHresult the application's own code ({@code S_OK} = 0 if none)
 * @param applicationMessage the application's message, or null
 */
public record WriterFailure(BackupPhase phase, WriterRef writer, WriterState state, int failureHresult,
        int applicationHresult, String applicationMessage) {

    @Override
    public String toString() {
        return "writer " + writer + " in " + state.nativeName() + ", failure " + VssHresult.describe(failureHresult)
                + (applicationHresult != 0 ? ", application " + VssHresult.describe(applicationHresult) : "")
                + (applicationMessage != null ? ": " + applicationMessage : "");
    }
}
