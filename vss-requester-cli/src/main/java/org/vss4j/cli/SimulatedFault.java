package org.vss4j.cli;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vss4j.VssHresult;
import org.vss4j.abi.ComMethod;
import org.vss4j.abi.vtable.IVssBackupComponents;
import org.vss4j.sim.Faults;

/**
 * One {@code --sim-fault CALL[#N[-M]]=HRESULT}: the simulated VSS fails the N-th (to M-th) call of a COM method with
 * an HRESULT instead of running it, so that a script around {@code vss} can be tried against a failing VSS. CALL is an
 * {@code IVssBackupComponents} method ({@code StartSnapshotSet}) or {@code Interface::Method}
 * ({@code IVssAsync::Wait}); HRESULT is a name ({@code VSS_E_SNAPSHOT_SET_IN_PROGRESS}) or {@code 0x8004230F}.
 * Without {@code #N} the first call fails. N and M are at most {@link #MAX_CALL}; the HRESULT must be a failure
 * (its severity bit set): a success code is no fault.
 */
record SimulatedFault(ComMethod method, int first, int last, int hresult) {

    /** The highest call number a fault may name: a plan of more calls is a typing error, not a test. */
    static final int MAX_CALL = 10_000;

    private static final Pattern SPEC = Pattern.compile("([A-Za-z0-9_:]+)(?:#(\\d+)(?:-(\\d+))?)?=(\\S+)");

    /** Parses one option value; a value that names no method or HRESULT is a usage error saying which. */
    static SimulatedFault parse(String spec) {
        Matcher m = SPEC.matcher(spec);
        if (!m.matches()) {
            throw usage(spec, "wants CALL[#N[-M]]=HRESULT, e.g. StartSnapshotSet#1-3=VSS_E_SNAPSHOT_SET_IN_PROGRESS");
        }
        int first = m.group(2) == null ? 1 : callNumber(spec, m.group(2));
        int last = m.group(3) == null ? first : callNumber(spec, m.group(3));
        if (first < 1 || last < first) {
            throw usage(spec, "calls are counted from 1, and M is not below N");
        }
        int hresult = hresult(spec, m.group(4));
        if (hresult >= 0) {
            throw usage(spec, m.group(4) + " is a success code, not a failure (an HRESULT below 0x80000000)");
        }
        return new SimulatedFault(method(spec, m.group(1)), first, last, hresult);
    }

    /** Plans the failures on {@code faults}. */
    void applyTo(Faults faults) {
        for (int n = first; n <= last; n++) {
            faults.failOnCall(method, n, hresult);
        }
    }

    private static int callNumber(String spec, String digits) {
        // At most 5 digits are parsed: a longer number is out of range anyway, and never overflows here.
        if (digits.length() > 5 || Integer.parseInt(digits) > MAX_CALL) {
            throw usage(spec, "call numbers go up to " + MAX_CALL + ": " + digits);
        }
        return Integer.parseInt(digits);
    }

    private static ComMethod method(String spec, String call) {
        int sep = call.indexOf("::");
        String iface = sep < 0 ? IVssBackupComponents.class.getSimpleName() : call.substring(0, sep);
        String name = sep < 0 ? call : call.substring(sep + 2);
        try {
            Class<?> vtable = Class.forName(IVssBackupComponents.class.getPackageName() + "." + iface);
            for (Object constant : vtable.getEnumConstants()) {
                if (((ComMethod) constant).name().equals(name)) {
                    return (ComMethod) constant;
                }
            }
        } catch (ClassNotFoundException | NullPointerException | ClassCastException e) {
            throw usage(spec, "no COM interface " + iface);
        }
        throw usage(spec, iface + " has no method " + name);
    }

    private static int hresult(String spec, String value) {
        if (value.toLowerCase(Locale.ROOT).startsWith("0x")) {
            try {
                return Integer.parseUnsignedInt(value.substring(2), 16);
            } catch (NumberFormatException e) {
                throw usage(spec, value + " is no HRESULT");
            }
        }
        try {
            return VssHresult.valueOf(value).code();
        } catch (IllegalArgumentException e) {
            throw usage(spec, "no HRESULT named " + value);
        }
    }

    private static UsageException usage(String spec, String why) {
        return new UsageException("--sim-fault " + spec + ": " + why);
    }
}
