package org.vss4j.sim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.vss4j.VssHresult;
import org.vss4j.abi.NativeExport;

/**
 * The points of a fault matrix, from a recording of a clean run ({@link Faults#callLog()}): every call of the
 * requester's {@code IVssBackupComponents} interfaces (and {@code CreateVssBackupComponentsInternal}) at each of its
 * occurrences, each failing with each of {@link #CODES}; and, apart ({@link #ofAsync}), every call of the
 * {@code IVssAsync} interface, each failing with each of {@link #ASYNC_CODES}. A call the code starts making joins the
 * matrix by itself.
 */
public final class FaultPoints {

    /** The HRESULTs every point fails with: the generic ones and those VSS documents for its calls. */
    public static final List<VssHresult> CODES = List.of(VssHresult.E_FAIL, VssHresult.VSS_E_BAD_STATE,
            VssHresult.E_ACCESSDENIED, VssHresult.E_OUTOFMEMORY, VssHresult.VSS_E_UNEXPECTED,
            VssHresult.VSS_E_SNAPSHOT_SET_IN_PROGRESS);

    /**
     * The HRESULTs every {@code IVssAsync} point fails with: the generic E_FAIL, and Wait's own documented failures
     * (Microsoft docs, "IVssAsync::Wait": E_ACCESSDENIED, VSS_E_UNEXPECTED).
     */
    public static final List<VssHresult> ASYNC_CODES = List.of(VssHresult.E_FAIL, VssHresult.E_ACCESSDENIED,
            VssHresult.VSS_E_UNEXPECTED);

    /** The {@code IVssAsync} methods of {@link #ofAsync}: the three the contract calls (docs/async.md). */
    private static final List<String> ASYNC_METHODS = List.of("IVssAsync::Wait", "IVssAsync::QueryStatus",
            "IVssAsync::Cancel");

    /**
     * The {@code nth} call of {@code method} ({@code Interface::Method}, as {@link Faults#failExportOnCall} takes it)
     * fails with {@code code}; {@code position} is its index in the recording.
     */
    public record Point(String method, int nth, VssHresult code, int position) {
    }

    private FaultPoints() {
    }

    /**
     * Every point of {@code callLog}, in recording order, each with every code of {@link #CODES}.
     *
     * @param callLog a recording ({@link Faults#callLog()})
     * @return the fault points, one per recorded {@code IVssBackupComponents} or
     *         {@code CreateVssBackupComponentsInternal} call and code
     */
    public static List<Point> of(List<String> callLog) {
        return points(callLog,
                m -> m.startsWith("IVssBackupComponents") || m.equals(NativeExport.CreateVssBackupComponentsInternal.name()), CODES);
    }

    /**
     * Every {@code IVssAsync::Wait}, {@code QueryStatus} and {@code Cancel} of {@code callLog}, in recording order,
     * each with every code of {@link #ASYNC_CODES}. The nth is counted over all the run's asynchronous operations, as
     * {@link Faults#failExportOnCall} counts it. A clean run cancels nothing, so its recording has no Cancel points.
     *
     * @param callLog a recording ({@link Faults#callLog()})
     * @return the fault points, one per recorded asynchronous call and code
     */
    public static List<Point> ofAsync(List<String> callLog) {
        return points(callLog, ASYNC_METHODS::contains, ASYNC_CODES);
    }

    private static List<Point> points(List<String> callLog, Predicate<String> counted, List<VssHresult> codes) {
        List<Point> out = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < callLog.size(); i++) {
            String m = callLog.get(i);
            if (!counted.test(m)) {
                continue;
            }
            int nth = seen.merge(m, 1, Integer::sum);
            for (VssHresult code : codes) {
                out.add(new Point(m, nth, code, i));
            }
        }
        return out;
    }
}
