package org.vss4j.sim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.vss4j.VssHresult;

/**
 * The points of a fault matrix, from a recording of a clean run ({@link Faults#callLog()}): every call of the
 * requester's {@code IVssBackupComponents} interfaces (and {@code CreateVssBackupComponentsInternal}) at each of its
 * occurrences, each failing with each of {@link #CODES}. A call the code starts making joins the matrix by itself.
 */
public final class FaultPoints {

    /** The HRESULTs every point fails with: the generic ones and those VSS documents for its calls. */
    public static final List<VssHresult> CODES = List.of(VssHresult.E_FAIL, VssHresult.VSS_E_BAD_STATE,
            VssHresult.E_ACCESSDENIED, VssHresult.E_OUTOFMEMORY, VssHresult.VSS_E_UNEXPECTED,
            VssHresult.VSS_E_SNAPSHOT_SET_IN_PROGRESS);

    /**
     * The {@code nth} call of {@code method} ({@code Interface::Method}, as {@link Faults#failExportOnCall} takes it)
     * fails with {@code code}; {@code position} is its index in the recording.
     */
    public record Point(String method, int nth, VssHresult code, int position) {
    }

    private FaultPoints() {
    }

    /** Every point of {@code callLog}, in recording order, each with every code of {@link #CODES}. */
    public static List<Point> of(List<String> callLog) {
        List<Point> out = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < callLog.size(); i++) {
            String m = callLog.get(i);
            if (!m.startsWith("IVssBackupComponents") && !m.equals("CreateVssBackupComponentsInternal")) {
                continue;
            }
            int nth = seen.merge(m, 1, Integer::sum);
            for (VssHresult code : CODES) {
                out.add(new Point(m, nth, code, i));
            }
        }
        return out;
    }
}
