package org.vss4j.sim;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.vss4j.VssHresult;
import org.vss4j.abi.ComMethod;
import org.vss4j.abi.NativeExport;

/**
 * The fault plan of a simulated machine: COM methods (named by the binding's vtable enum constant, e.g.
 * {@code IVssBackupComponents.DoSnapshotSet}) or exports that fail with a chosen HRESULT on their Nth call, and
 * asynchronous operations held back at a {@link Gate}. Counting starts when the machine is installed.
 */
public final class Faults {

    private record Planned(int nth, int hresult) {
    }

    private final Map<String, Integer> calls = new HashMap<>();
    /**
     * Every counted call in order, once {@link #recordCalls()} was called: the recording a fault matrix is built from.
     * Off by default, so that a machine used for thousands of sessions (a soak) does not keep a line per call.
     */
    private List<String> log;
    private final Map<String, List<Planned>> planned = new HashMap<>();
    private final Map<String, Gate> delays = new HashMap<>();
    private final Map<String, AsyncPlan> asyncPlans = new HashMap<>();
    private final Map<String, Runnable> duringCall = new HashMap<>();
    private Gate creationHold;

    /**
     * {@code method} returns {@code hresult} on its {@code nth} call (1 = the next call) instead of running.
     *
     * @param method the COM method
     * @param nth which call fails, counted from 1 at the next call
     * @param hresult what the call returns instead
     * @return this plan
     */
    public synchronized Faults failOnCall(ComMethod method, int nth, VssHresult hresult) {
        return failOnCall(method, nth, hresult.code());
    }

    /**
     * As {@link #failOnCall(ComMethod, int, VssHresult)} with a raw HRESULT.
     *
     * @param method the COM method
     * @param nth which call fails, counted from 1 at the next call
     * @param hresult the HRESULT the call returns instead
     * @return this plan
     */
    public synchronized Faults failOnCall(ComMethod method, int nth, int hresult) {
        return plan(method.qualifiedName(), nth, hresult);
    }

    /**
     * The export {@code export} (e.g. {@code CreateVssBackupComponentsInternal}) fails on its {@code nth} call.
     *
     * @param export the export
     * @param nth which call fails, counted from 1 at the next call
     * @param hresult what the call returns instead
     * @return this plan
     */
    public synchronized Faults failExportOnCall(NativeExport export, int nth, VssHresult hresult) {
        return plan(faultable(export.name()), nth, hresult.code());
    }

    /**
     * As {@link #failExportOnCall(NativeExport, int, VssHresult)} by name: an export's name, or a method's
     * {@code Interface::Method} as the call log records it ({@link #callLog()}).
     *
     * @param key an export's name or a method's {@code Interface::Method}
     * @param nth which call fails, counted from 1 at the next call
     * @param hresult what the call returns instead
     * @return this plan
     * @throws IllegalArgumentException for an export the simulator does not have, or one whose simulation never
     *                                  consults the fault plan (a void function, the BSTR and CoTaskMem allocators,
     *                                  COM initialisation): such a fault would never fire
     */
    public synchronized Faults failExportOnCall(String key, int nth, VssHresult hresult) {
        return plan(faultable(key), nth, hresult.code());
    }

    /**
     * The Win32 export {@code export} (e.g. {@code CreateSymbolicLinkW}) fails on its {@code nth} call: it returns its
     * failure value and sets {@code win32Error} as the thread's last error (an LSTATUS function returns the error).
     *
     * @param export the Win32 export
     * @param nth which call fails, counted from 1 at the next call
     * @param win32Error the Win32 error code (winerror.h), e.g. {@code ERROR_ACCESS_DENIED} (5)
     * @return this plan
     */
    public synchronized Faults failWin32OnCall(NativeExport export, int nth, int win32Error) {
        return plan(faultable(export.name()), nth, win32Error);
    }

    /** A method's key ({@code Interface::Method}) as it is; an export's name only if its simulation can fail. */
    private static String faultable(String key) {
        if (key.contains("::")) {
            return key;
        }
        NativeExport export = Arrays.stream(NativeExport.values()).filter(e -> e.name().equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no simulated export or Interface::Method is named '"
                        + key + "'"));
        if (!SimulatorExports.consultsFaultPlan(export)) {
            throw new IllegalArgumentException(export.qualifiedName() + " cannot be made to fail: its simulation "
                    + "does not consult the fault plan, so the fault would never fire");
        }
        return key;
    }

    private Faults plan(String key, int nth, int hresult) {
        if (nth < 1) {
            throw new IllegalArgumentException("calls are counted from 1: " + nth);
        }
        int already = calls.getOrDefault(key, 0);
        planned.computeIfAbsent(key, k -> new ArrayList<>()).add(new Planned(already + nth, hresult));
        return this;
    }

    /**
     * The asynchronous operation started by {@code origin} (e.g. {@code IVssBackupComponents.DoSnapshotSet}) waits at
     * the returned gate before doing its work; the test opens it. Applies to every later operation of that origin.
     *
     * @param origin the method that starts the operation
     * @return the closed gate the operations wait at
     */
    public synchronized Gate delay(ComMethod origin) {
        Gate g = Gate.closed();
        delays.put(origin.qualifiedName(), g);
        return g;
    }

    /**
     * The operation started by {@code origin} completes only after {@code duration}.
     *
     * @param origin the method that starts the operation
     * @param duration how long after it starts the operation may complete
     * @return the gate, which opens by itself {@code duration} after an operation reached it
     */
    public synchronized Gate delay(ComMethod origin, Duration duration) {
        Gate g = Gate.opensAfter(duration);
        delays.put(origin.qualifiedName(), g);
        return g;
    }

    /**
     * Every later shadow copy set creation waits at the returned gate while it holds the machine: DoSnapshotSet's
     * asynchronous part after the writers' PrepareForSnapshot and before Freeze, when no other creation may run. A
     * second requester's AddToSnapshotSet or DoSnapshotSet meets that creation (docs/simulator-in-progress.md).
     * Unlike {@link #delay(ComMethod)}, which holds an operation before it does anything, this holds it inside.
     *
     * @return the closed gate the creations wait at
     */
    public synchronized Gate holdCreation() {
        creationHold = Gate.closed();
        return creationHold;
    }

    /**
     * The gate of {@link #holdCreation()}, or null.
     *
     * @return the gate, or null if {@link #holdCreation()} was not called
     */
    public synchronized Gate creationHold() {
        return creationHold;
    }

    /**
     * Every later call of {@code method} runs {@code action} inside the native call, on the caller's thread, before
     * the method does its work (after the object and the fault plan were checked): a test holds a call there
     * ({@code gate::pass}) or does something while the call is in flight. One action per method; null removes it.
     *
     * @param method the COM method
     * @param action what runs inside each call, or null for nothing
     * @return this plan
     */
    public synchronized Faults duringCall(ComMethod method, Runnable action) {
        if (action == null) {
            duringCall.remove(method.qualifiedName());
        } else {
            duringCall.put(method.qualifiedName(), action);
        }
        return this;
    }

    /**
     * Runs the {@link #duringCall} action of {@code method}, if any (outside this plan's lock).
     *
     * @param method the COM method being called
     */
    public void runDuringCall(ComMethod method) {
        runDuringCall(method.qualifiedName());
    }

    /**
     * Runs the {@link #duringCall} action of the method named {@code key} ({@code Interface::Method}), if any.
     *
     * @param key the method being called, {@code Interface::Method}
     */
    public void runDuringCall(String key) {
        Runnable action;
        synchronized (this) {
            action = duringCall.get(key);
        }
        if (action != null) {
            action.run();
        }
    }

    /**
     * How many times {@code method} was called on this machine.
     *
     * @param method the COM method
     * @return the number of calls, planned failures included
     */
    public synchronized int calls(ComMethod method) {
        return calls.getOrDefault(method.qualifiedName(), 0);
    }

    /**
     * From now on every counted call is kept in order for {@link #callLog()}.
     *
     * @return this plan
     */
    public synchronized Faults recordCalls() {
        if (log == null) {
            log = new ArrayList<>();
        }
        return this;
    }

    /**
     * Every COM method (qualified, e.g. {@code IVssBackupComponents::DoSnapshotSet}) and export called on this machine
     * since {@link #recordCalls()}, in call order; a method called twice is listed twice.
     *
     * @return a copy of the log, one {@code Interface::Method} or export name per call
     * @throws IllegalStateException if calls are not being recorded
     */
    public synchronized List<String> callLog() {
        if (log == null) {
            throw new IllegalStateException("this machine does not record its calls: call faults().recordCalls() first");
        }
        return List.copyOf(log);
    }

    /**
     * Counts a call of {@code method}; the HRESULT to fail it with, or null to run it.
     *
     * @param method the COM method being called
     * @return the HRESULT planned for this call, or null if none is
     */
    public Integer onCall(ComMethod method) {
        return onCall(method.qualifiedName());
    }

    /**
     * Counts a call of an export or method by name; the HRESULT to fail it with, or null.
     *
     * @param key the export's name or the method's {@code Interface::Method}
     * @return the HRESULT planned for this call, or null if none is
     */
    public synchronized Integer onCall(String key) {
        int n = calls.merge(key, 1, Integer::sum);
        if (log != null) {
            log.add(key);
        }
        List<Planned> list = planned.get(key);
        if (list != null) {
            for (Planned p : list) {
                if (p.nth == n) {
                    return p.hresult;
                }
            }
        }
        return null;
    }

    /**
     * How the {@code IVssAsync} of every operation {@code origin} starts answers (docs/async.md); the same plan at
     * every call for that origin, created on the first.
     *
     * @param origin the method that starts the operations
     * @return the plan, mutable
     */
    public synchronized AsyncPlan async(ComMethod origin) {
        return asyncPlans.computeIfAbsent(origin.qualifiedName(), k -> new AsyncPlan());
    }


    /**
     * The gate for operations started by {@code origin}, or null.
     *
     * @param origin the method that starts the operations
     * @return the gate set by {@link #delay(ComMethod)} or {@link #delay(ComMethod, Duration)}, or null
     */
    public synchronized Gate delayOf(ComMethod origin) {
        return delays.get(origin.qualifiedName());
    }
}
