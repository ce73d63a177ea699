package org.vss4j;

import java.util.Optional;

/**
 * A VSS or COM call failed with an HRESULT. The message names the call that failed ({@code Interface::Method} or an
 * exported function), the HRESULT by symbolic name and value, and what it means for the user.
 */
public class VssException extends RuntimeException {

    private final int hresult;
    private final String operation;

    /**
     * @param hresult   the failing HRESULT
     * @param operation what failed: {@code IVssBackupComponents::DoSnapshotSet}, {@code CreateVssBackupComponentsInternal}
     * @param context   optional extra words (argument values, writer name); may be null
     */
    public VssException(int hresult, String operation, String context) {
        this(hresult, operation, context, null);
    }

    public VssException(int hresult, String operation, String context, Throwable cause) {
        super(format(hresult, operation, context), cause);
        this.hresult = hresult;
        this.operation = operation;
    }

    private static String format(int hresult, String operation, String context) {
        String explanation = " - " + VssHresult.explain(hresult);
        StringBuilder b = new StringBuilder(operation).append(" failed: ").append(VssHresult.describe(hresult));
        if (context != null && !context.isEmpty()) {
            // A context that is the message of a wrapped failure of the same HRESULT already ends with the
            // explanation: say it once, at the end.
            String words = context.endsWith(explanation) ? context.substring(0, context.length() - explanation.length())
                    : context;
            b.append(" [").append(words).append(']');
        }
        return b.append(explanation).toString();
    }

    /** The failing HRESULT (negative: severity bit set). */
    public int hresult() {
        return hresult;
    }

    /** The known code, if vss4j knows this HRESULT. */
    public Optional<VssHresult> known() {
        return VssHresult.of(hresult);
    }

    /** True if the HRESULT is the given known code. */
    public boolean is(VssHresult code) {
        return code.code() == hresult;
    }

    /** The call that failed, e.g. {@code IVssBackupComponents::DoSnapshotSet}. */
    public String operation() {
        return operation;
    }
}
