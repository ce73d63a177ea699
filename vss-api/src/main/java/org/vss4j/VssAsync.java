package org.vss4j;

import com.sun.jna.Pointer;
import java.time.Duration;
import org.vss4j.abi.ComMethod;
import org.vss4j.abi.vtable.IVssAsync;
import org.vss4j.com.ComObject;
import org.vss4j.com.OutParam;

/**
 * {@code IVssAsync}: the handle of an asynchronous VSS operation ({@code GatherWriterMetadata}, {@code PrepareForBackup},
 * {@code DoSnapshotSet}, ...). Close it when done; closing does not cancel the operation.
 *
 * <p>Whether the operation has ended is decided by {@code QueryStatus} alone (docs/async.md): what {@code Wait}
 * returns when its time runs out is not documented (Microsoft docs, "IVssAsync::Wait"), so {@link #await} reads the
 * status after every {@code Wait}, and {@link #awaitFinished} cancels an operation it leaves unfinished.
 */
public final class VssAsync extends ComObject {

    /** {@code INFINITE} for {@code Wait}. */
    static final int INFINITE = 0xFFFFFFFF;

    private final ComMethod origin;
    /** A QueryStatus reported a final status (finished, cancelled or failed): nothing is left to cancel. */
    private volatile boolean ended;

    /** Takes ownership of one reference to {@code p}, returned by {@code origin}. */
    public VssAsync(Pointer p, ComMethod origin) {
        super(p, "IVssAsync", 0);
        this.origin = origin;
    }

    /** The method that started this operation, e.g. {@code IVssBackupComponents::DoSnapshotSet}. */
    public ComMethod origin() {
        return origin;
    }

    /**
     * {@code IVssAsync::Cancel}: S_OK when the cancel was accepted, {@code VSS_S_ASYNC_CANCELLED} if the operation was
     * cancelled before, {@code VSS_S_ASYNC_FINISHED} if it had completed. The operation ends later; its status says
     * when. If the operation had failed before, Cancel returns that error (Microsoft docs, "IVssAsync::Cancel"), which
     * is raised as a {@link VssException} naming {@code IVssAsync::Cancel}.
     */
    public int cancel() {
        return check(origin.qualifiedName(), IVssAsync.Cancel);
    }

    /**
     * {@code IVssAsync::Wait(dwMilliseconds)}, raw: its HRESULT, or a {@link VssException} if that is a failure. A null
     * timeout or one beyond the DWORD range waits without limit ({@code INFINITE}). The result decides nothing: what
     * Wait returns when its time runs out is not documented (Microsoft docs, "IVssAsync::Wait"); use {@link #await}.
     */
    public int waitFor(Duration timeout) {
        return check(origin.qualifiedName(), IVssAsync.Wait, toMillis(timeout));
    }

    /**
     * {@code IVssAsync::QueryStatus}: the operation's state, or a {@link VssException} naming {@link #origin()} if the
     * operation itself failed. A failure of QueryStatus itself is raised naming {@code IVssAsync::QueryStatus}.
     */
    public AsyncState queryStatus() {
        int hr;
        try (OutParam status = OutParam.acquire()) {
            // pReserved must be NULL (Microsoft docs, "IVssAsync::QueryStatus").
            check(origin.qualifiedName(), IVssAsync.QueryStatus, status.pointer(), null);
            hr = status.intValue();
        }
        AsyncState state = AsyncState.of(hr);
        if (state != null) {
            ended = state != AsyncState.PENDING;
            return state;
        }
        ended = true;
        if (hr < 0) {
            throw new VssException(hr, origin.qualifiedName(), "asynchronous operation failed");
        }
        // Besides the three VSS_S_ASYNC_* codes, the status can be a return code of the method that started the
        // operation (Microsoft docs, "IVssAsync::QueryStatus"): a success code of that method (S_OK) is its success.
        return AsyncState.FINISHED;
    }

    /**
     * One {@code Wait} of up to {@code timeout}, then {@code QueryStatus}, which decides: {@link AsyncState#FINISHED},
     * {@link AsyncState#CANCELLED}, or {@link AsyncState#PENDING} (the operation goes on; cancel it if you give up).
     * Wait's result counts only as a failure, and only where Microsoft documents it:
     * <ul>
     * <li>the status is a failure: the operation failed; that HRESULT is raised naming {@link #origin()} (Wait, when
     * an operation fails, "returns the error that operation encountered": Microsoft docs, "IVssAsync::Wait");</li>
     * <li>Wait failed with one of its own documented codes ({@code E_ACCESSDENIED}, {@code VSS_E_UNEXPECTED},
     * {@code E_UNEXPECTED}, {@code E_INVALIDARG}): the wait failed, raised naming {@code IVssAsync::Wait};</li>
     * <li>any other result is what Wait returned when its time ran out, which Microsoft does not document: the status
     * decides, also when the operation ended between the Wait and the QueryStatus.</li>
     * </ul>
     *
     * @throws VssException if the operation failed, or Wait or QueryStatus themselves failed
     */
    public AsyncState await(Duration timeout) {
        int waited = invoke(IVssAsync.Wait, toMillis(timeout));
        AsyncState state;
        try {
            state = queryStatus();
        } catch (VssException e) {
            if (waited < 0 && waited != e.hresult()) {
                e.addSuppressed(waitFailure(waited));
            }
            throw e;
        }
        if (waited < 0 && isWaitsOwnFailure(waited)) {
            throw waitFailure(waited);
        }
        return state;
    }

    /** Whether a QueryStatus of this handle has reported that the operation ended (finished, cancelled or failed). */
    public boolean hasEnded() {
        return ended;
    }

    /**
     * Waits up to {@code timeout} for the operation to finish and fails unless {@code QueryStatus} said it did, with
     * {@link AsyncCompletion#systemClock()}: an operation left unfinished (timeout, interrupt, a failing Wait) is
     * cancelled and given a bounded grace to acknowledge; the timeout raises an {@link AsyncIncompleteException} with
     * {@code E_ABORT}.
     */
    public void awaitFinished(Duration timeout) {
        AsyncCompletion.systemClock().awaitFinished(this, timeout);
    }

    /**
     * Waits like {@link #awaitFinished(Duration)}, then releases this handle whatever the outcome: for the common step
     * whose {@code IVssAsync} is not needed afterwards, e.g. {@code bc.prepareForBackup().finish(timeout)}.
     */
    public void finish(Duration timeout) {
        try {
            awaitFinished(timeout);
        } finally {
            close();
        }
    }

    /**
     * The failures Wait itself documents: E_ACCESSDENIED and VSS_E_UNEXPECTED (E_UNEXPECTED before Windows 7 and
     * Windows Server 2008 R2), and E_INVALIDARG for a timeout other than INFINITE on Windows Server 2003 (Microsoft
     * docs, "IVssAsync::Wait").
     */
    static boolean isWaitsOwnFailure(int hr) {
        return hr == VssHresult.E_ACCESSDENIED.code() || hr == VssHresult.VSS_E_UNEXPECTED.code()
                || hr == VssHresult.E_UNEXPECTED.code() || hr == VssHresult.E_INVALIDARG.code();
    }

    private VssException waitFailure(int hr) {
        return new VssException(hr, IVssAsync.Wait.qualifiedName(), origin.qualifiedName());
    }

    static int toMillis(Duration timeout) {
        if (timeout == null) {
            return INFINITE;
        }
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("negative timeout: " + timeout);
        }
        long ms;
        try {
            ms = timeout.toMillis();
        } catch (ArithmeticException tooLong) {
            return INFINITE;
        }
        return ms >= 0xFFFFFFFFL ? INFINITE : (int) ms;
    }
}
