package org.vss4j.sim.abi;

import java.util.concurrent.atomic.AtomicBoolean;
import org.vss4j.VssHresult;

/**
 * COM initialisation as ole32 keeps it: per thread ({@code CoInitializeEx}/{@code CoUninitialize} nest) and once per
 * process ({@code CoInitializeSecurity}). The simulator's COM methods refuse calls from threads that never initialised
 * COM with {@code CO_E_NOTINITIALIZED}, as real COM proxies do: that proves the binding initialises COM itself.
 */
public final class ComThreads {

    /** {@code COINIT_APARTMENTTHREADED} (objbase.h). */
    static final int COINIT_APARTMENTTHREADED = 0x2;

    private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[] {0, -1});
    private static final AtomicBoolean SECURITY = new AtomicBoolean();

    private ComThreads() {
    }

    /**
     * {@code CoInitializeEx}: S_OK the first time on a thread, S_FALSE when already initialised in the same model,
     * RPC_E_CHANGED_MODE when the thread is already in the other apartment model (Microsoft CoInitializeEx docs).
     *
     * @param coInit the {@code COINIT} flags (objbase.h)
     * @return the HRESULT {@code CoInitializeEx} returns
     */
    public static int initialize(int coInit) {
        int[] state = DEPTH.get();
        int model = coInit & COINIT_APARTMENTTHREADED;
        if (state[0] > 0) {
            if (state[1] != model) {
                return VssHresult.RPC_E_CHANGED_MODE.code();
            }
            state[0]++;
            return VssHresult.S_FALSE.code();
        }
        state[0] = 1;
        state[1] = model;
        return VssHresult.S_OK.code();
    }

    /** {@code CoUninitialize}: undoes one successful {@code CoInitializeEx} of this thread. */
    public static void uninitialize() {
        int[] state = DEPTH.get();
        if (state[0] > 0) {
            state[0]--;
        }
    }

    /**
     * Whether the calling thread has initialised COM.
     *
     * @return true if a {@code CoInitializeEx} of the thread succeeded and was not undone by {@code CoUninitialize}
     */
    public static boolean isInitialized() {
        return DEPTH.get()[0] > 0;
    }

    /**
     * {@code CoInitializeSecurity}: once per process; later calls get RPC_E_TOO_LATE; before COM is initialised on the
     * thread, CO_E_NOTINITIALIZED (Microsoft CoInitializeSecurity docs). {@code setByHost}: someone else in the process
     * was first, so even this process's first call from vss4j is too late.
     *
     * @param setByHost whether another component of the process called {@code CoInitializeSecurity} first
     * @return the HRESULT {@code CoInitializeSecurity} returns
     */
    public static int initializeSecurity(boolean setByHost) {
        if (!isInitialized()) {
            return VssHresult.CO_E_NOTINITIALIZED.code();
        }
        if (setByHost) {
            return VssHresult.RPC_E_TOO_LATE.code();
        }
        return SECURITY.compareAndSet(false, true) ? VssHresult.S_OK.code() : VssHresult.RPC_E_TOO_LATE.code();
    }
}
