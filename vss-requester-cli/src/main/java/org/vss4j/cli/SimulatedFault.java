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
 * Without {@code #N} the first call fails.
 */
record SimulatedFault(ComMethod method, int first, int last, int hresult) {

    private static final Pattern SPEC = Pattern.compile("([A-Za-z0-9_:]+)(?:#(\\d+)(?:-(\\d+))?)?=(\\S+)");

    /** Parses one option value; a value that names no method or HRESULT is a usage error saying which. */
    static SimulatedFault parse(String spec) {
        Matcher m = SPEC.matcher(spec);
        if (!m.matches()) {
            throw usage(spec, "wants CALL[#N[-M]]=HRESULT, e.g. StartSnapshotSet#1-3=VSS_E_SNAPSHOT_SET_IN_PROGRESS");
        }
        int first = m.group(2) == null ? 1 : Integer.parseInt(m.group(2));
        int last = m.group(3) == null ? first : Integer.parseInt(m.group(3));
        if (first < 1 || last < first) {
            throw usage(spec, "calls are counted from 1, and M is not below N");
        }
        return new SimulatedFault(method(spec, m.group(1)), first, last, hresult(spec, m.group(4)));
    }

    /** Plans the failures on {@code faults}. */
    void applyTo(Faults faults) {
        for (int n = first; n <= last; n++) {
            faults.failOnCall(method, n, hresult);
        }
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
