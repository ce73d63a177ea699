package org.vss4j.session;

import java.util.UUID;
import org.vss4j.VssHresult;

/**
 * A writer whose Writer Metadata Document the session does not have: it failed Identify, or its document could not be
 * examined or saved. Reported in the result and logged; the session fails instead if the caller selected the writer.
 * One that failed Identify takes no further part; one whose document could not be read answered Identify, so VSS
 * still sends it the later events (the session cannot disable it once GatherWriterMetadata ran: Microsoft docs,
 * "Overview of Backup Initialization"), and its failures there count like any writer's.
 *
 * @param instanceId the writer instance
 * @param name       the writer's name, or null when not even its identity could be read
 * @param hresult    the failure
 * @param reason     what failed, naming the call
 */
public record SkippedWriter(UUID instanceId, String name, int hresult, String reason) {

    @Override
    public String toString() {
        return "writer " + (name != null ? "'" + name + "' " : "") + "{" + instanceId + "} skipped: "
                + VssHresult.describe(hresult) + ": " + reason;
    }
}
