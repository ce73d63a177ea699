package org.vss4j.session;

import java.util.UUID;
import org.vss4j.VssHresult;

/**
 * A writer the session left out because it could not take part: it failed Identify, or its Writer Metadata Document
 * could not be examined or saved. Reported in the result and logged; the session fails instead if the caller selected
 * the writer.
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
