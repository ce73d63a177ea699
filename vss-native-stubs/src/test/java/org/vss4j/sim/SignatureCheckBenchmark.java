package org.vss4j.sim;

import com.sun.jna.Function;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.vss4j.BackupComponents;
import org.vss4j.VssAsync;
import org.vss4j.abi.CallCheck;
import org.vss4j.abi.NativeExport;
import org.vss4j.abi.vtable.IVssAsync;
import org.vss4j.com.ComApartment;
import org.vss4j.com.ComObject;
import org.vss4j.com.Exports;
import org.vss4j.com.Utf16;

/**
 * Not a test: the cost of the signature check per vtable call and per export call, printed (docs/performance.md). Runs only with
 * {@code -Dvss4j.bench=true}. {@code IVssAsync::QueryStatus} on the simulator, through {@link ComObject#callSlot}
 * (checked) and through the same vtable read and JNA call without the check; then the check alone. Rounds alternate,
 * the median of each is printed.
 */
@ExtendWith(VssSimulatorExtension.class)
@EnabledIfSystemProperty(named = "vss4j.bench", matches = "true")
class SignatureCheckBenchmark {

    private static final int WARMUP = 50_000;
    private static final int CALLS = 100_000;
    private static final int ROUNDS = 9;

    @Test
    void queryStatusWithAndWithoutTheCheck(SimulatedMachine machine) {
        try (BackupComponents b = BackupComponents.create()) {
            b.initializeForBackup(null);
            try (VssAsync a = b.gatherWriterMetadata()) {
                a.awaitFinished(Duration.ofMinutes(1));
                Pointer p = a.pointer();
                IntByReference status = new IntByReference();
                IntByReference reserved = new IntByReference();
                Object[] args = {status, reserved};
                checked(p, args, WARMUP);
                unchecked(p, args, WARMUP);
                checkOnly(args, WARMUP * 10);
                double[] withCheck = new double[ROUNDS];
                double[] without = new double[ROUNDS];
                double[] alone = new double[ROUNDS];
                for (int r = 0; r < ROUNDS; r++) {
                    withCheck[r] = checked(p, args, CALLS);
                    without[r] = unchecked(p, args, CALLS);
                    alone[r] = checkOnly(args, CALLS * 10);
                }
                double w = median(withCheck);
                double u = median(without);
                System.out.printf("IVssAsync::QueryStatus on the simulator, %d rounds of %d calls, median ns/call:%n"
                        + "  checked (ComObject.callSlot)   %.1f%n  unchecked (same path, no check) %.1f%n"
                        + "  difference %.1f ns (%.2f %%), ratio %.4f%n  CallCheck alone %.1f ns%n",
                        ROUNDS, CALLS, w, u, w - u, 100 * (w - u) / u, w / u, median(alone));
            }
        }
    }

    /**
     * An export: {@code SysStringLen(BSTR)} through {@link Exports#sysStringLen} (check, then the resolved function
     * from the per-export map) against the same function resolved once and called directly, so the difference is an
     * upper bound of the check (it includes the map lookup).
     */
    @Test
    void sysStringLenWithAndWithoutTheCheck(SimulatedMachine machine) {
        Exports exports = Exports.current();
        try (Memory chars = Utf16.toNative("vss4j")) {
            Pointer bstr = exports.sysAllocStringLen(chars, 5);
            try {
                Function direct = exports.provider().function(NativeExport.SysStringLen.module(), NativeExport.SysStringLen.name());
                Object[] args = {bstr};
                exportChecked(exports, bstr, WARMUP);
                exportUnchecked(direct, args, WARMUP);
                double[] withCheck = new double[ROUNDS];
                double[] without = new double[ROUNDS];
                double[] alone = new double[ROUNDS];
                for (int r = 0; r < ROUNDS; r++) {
                    withCheck[r] = exportChecked(exports, bstr, CALLS);
                    without[r] = exportUnchecked(direct, args, CALLS);
                    alone[r] = exportCheckOnly(args, CALLS * 10);
                }
                double w = median(withCheck);
                double u = median(without);
                System.out.printf("oleaut32!SysStringLen on the simulator, %d rounds of %d calls, median ns/call:%n"
                        + "  checked (Exports.sysStringLen)  %.1f%n  unchecked (resolved once)       %.1f%n"
                        + "  difference %.1f ns (%.2f %%), ratio %.4f%n  CallCheck alone %.1f ns%n",
                        ROUNDS, CALLS, w, u, w - u, 100 * (w - u) / u, w / u, median(alone));
            } finally {
                exports.sysFreeString(bstr);
            }
        }
    }

    private static double exportChecked(Exports exports, Pointer bstr, int n) {
        long t = System.nanoTime();
        for (int i = 0; i < n; i++) {
            exports.sysStringLen(bstr);
        }
        return (System.nanoTime() - t) / (double) n;
    }

    private static double exportUnchecked(Function direct, Object[] args, int n) {
        long t = System.nanoTime();
        for (int i = 0; i < n; i++) {
            direct.invokeInt(args);
        }
        return (System.nanoTime() - t) / (double) n;
    }

    private static double exportCheckOnly(Object[] args, int n) {
        long t = System.nanoTime();
        for (int i = 0; i < n; i++) {
            CallCheck.requireArguments(NativeExport.SysStringLen, args);
            CallCheck.requireReturn(NativeExport.SysStringLen, Integer.class);
        }
        return (System.nanoTime() - t) / (double) n;
    }

    private static double checked(Pointer p, Object[] args, int n) {
        long t = System.nanoTime();
        for (int i = 0; i < n; i++) {
            ComObject.callSlot(p, IVssAsync.QueryStatus, args);
        }
        return (System.nanoTime() - t) / (double) n;
    }

    /** ComObject.callSlot's body without the check. */
    private static double unchecked(Pointer p, Object[] args, int n) {
        long t = System.nanoTime();
        for (int i = 0; i < n; i++) {
            ComApartment.ensureMta();
            Pointer fn = p.getPointer(0).getPointer((long) IVssAsync.QueryStatus.slot() * Native.POINTER_SIZE);
            Object[] full = new Object[args.length + 1];
            full[0] = p;
            System.arraycopy(args, 0, full, 1, args.length);
            Function.getFunction(fn).invokeInt(full);
        }
        return (System.nanoTime() - t) / (double) n;
    }

    private static double checkOnly(Object[] args, int n) {
        long t = System.nanoTime();
        for (int i = 0; i < n; i++) {
            CallCheck.requireArguments(IVssAsync.QueryStatus, args);
            CallCheck.requireReturn(IVssAsync.QueryStatus, Integer.class);
        }
        return (System.nanoTime() - t) / (double) n;
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
