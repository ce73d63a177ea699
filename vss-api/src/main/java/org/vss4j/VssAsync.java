package org.vss4j;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import java.time.Duration;
import org.vss4j.abi.ComMethod;
import org.vss4j.abi.vtable.IVssAsync;
import org.vss4j.com.ComObject;

/**
 * {@code IVssAsync}: the handle of an asynchronous VSS operation ({@code GatherWriterMetadata}, {@code PrepareForBackup},
 * {@code DoSnapshotSet}, ...). Close it when done; closing does not cancel the operation.
 */
public final class VssAsync extends ComObject {

    /** {@code INFINITE} for {@code Wait}. */
    static final int INFINITE = 0xFFFFFFFF;

    private final ComMethod origin;

    /** Takes ownership of one reference to {@code p}, returned by {@code origin}. */
    public VssAsync(Pointer p, ComMethod origin) {
        super(p, "IVssAsync", 0);
        this.origin = origin;
    }

    /** The method that started this operation, e.g. {@code IVssBackupComponents::DoSnapshotSet}. */
    public ComMethod origin() {
        return origin;
    }

    /** {@code IVssAsync::Cancel}. Returns the success code (S_OK, or VSS_S_ASYNC_FINISHED/CANCELLED if too late). */
    public int cancel() {
        return check(origin.qualifiedName(), IVssAsync.Cancel);
    }

    /**
     * {@code IVssAsync::Wait(dwMilliseconds)}: blocks until the operation ends or the timeout passes. A null timeout or
     * one beyond the DWORD range waits without limit ({@code INFINITE}).
     */
    public int waitFor(Duration timeout) {
        return check(origin.qualifiedName(), IVssAsync.Wait, toMillis(timeout));
    }

    /**
     * {@code IVssAsync::QueryStatus}: the operation's state, or a {@link VssException} naming {@link #origin()} if the
     * operation itself failed.
     */
    public AsyncState queryStatus() {
        IntByReference status = new IntByReference();
        // pReserved must be NULL (Microsoft docs, "IVssAsync::QueryStatus").
        check(origin.qualifiedName(), IVssAsync.QueryStatus, status, null);
        int hr = status.getValue();
        AsyncState state = AsyncState.of(hr);
        if (state != null) {
            return state;
        }
        if (hr < 0) {
            throw new VssException(hr, origin.qualifiedName(), "asynchronous operation failed");
        }
        // S_OK as an operation status means finished on some Windows versions.
        return AsyncState.FINISHED;
    }

    /**
     * Waits up to {@code timeout} and returns the state: {@link AsyncState#FINISHED}, {@link AsyncState#CANCELLED}, or
     * {@link AsyncState#PENDING} if the timeout passed first (the operation goes on; cancel it if you give up).
     *
     * @throws VssException if the operation failed
     */
    public AsyncState await(Duration timeout) {
        waitFor(timeout);
        return queryStatus();
    }

    /**
     * Waits up to {@code timeout} for the operation to finish and fails unless it did: a timeout cancels the operation
     * and raises {@code VSS_E_..._TIMEOUT}-style {@link VssException} with {@code E_ABORT}.
     */
    public void awaitFinished(Duration timeout) {
        AsyncState state = await(timeout);
        if (state == AsyncState.PENDING) {
            cancel();
            throw new VssException(VssHresult.E_ABORT.code(), origin.qualifiedName(),
                    "did not finish within " + timeout + "; cancelled");
        }
        if (state == AsyncState.CANCELLED) {
            throw new VssException(VssHresult.E_ABORT.code(), origin.qualifiedName(), "the operation was cancelled");
        }
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
