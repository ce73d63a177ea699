package org.vss4j;

/**
 * One writer's status with its application failure, from {@code IVssBackupComponentsEx3::GetWriterStatusEx}: what
 * {@code GetWriterStatus} reports plus the application HRESULT and message the writer set with
 * {@code SetWriterFailureEx}.
 *
 * @param status             the writer, its state and failure HRESULT
 * @param applicationHresult the writer's application failure code ({@code S_OK} = 0 if none)
 * @param applicationMessage the writer's application message, or null
 */
public record WriterStatusEx(WriterStatus status, int applicationHresult, String applicationMessage) {

    @Override
    public String toString() {
        return status + (applicationHresult != 0 ? ", application " + VssHresult.describe(applicationHresult) : "")
                + (applicationMessage != null ? ": " + applicationMessage : "");
    }
}
