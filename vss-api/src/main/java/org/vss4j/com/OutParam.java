package org.vss4j.com;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import java.util.Arrays;

/**
 * Native room for one scalar out-parameter ({@code UINT *}, {@code HRESULT *}, C++ {@code bool *}, {@code BSTR *},
 * {@code IVssXxx **}) that is read as soon as the call returns: a per-thread block, used again by the next call,
 * instead of a new JNA {@code IntByReference}/{@code PointerByReference} per call, each of which is a native
 * allocation with a {@code Cleaner} registration to be collected later.
 *
 * <p>Use it with try-with-resources around the call and the read:
 * <pre>{@code
 * try (OutParam out = OutParam.acquire()) {
 *     check(method, out.pointer());
 *     return out.intValue();
 * }
 * }</pre>
 *
 * <p>Reentrancy: each thread has a stack of blocks, and {@link #acquire()} takes the next free one. A call that runs
 * code on the same thread which calls into the binding again (a simulator or writer callback) therefore gets a block of
 * its own, and the outer call's block is not touched until its own read. Blocks are released in the order opposite to
 * acquiring, which try-with-resources guarantees; any other order is refused with an {@link IllegalStateException}.
 * A block is zeroed when acquired, so a call that leaves its out-value unwritten reads 0 (NULL), as with a new
 * {@code IntByReference}. The blocks are never handed to native code beyond the call, so no native memory is owned by
 * the callee; they are freed with the thread's stack when the thread ends (JNA frees a {@link Memory} once
 * unreachable).
 */
public final class OutParam implements AutoCloseable {

    /** Bytes per block: room for any scalar or pointer out-value. */
    public static final int SIZE = 8;

    private static final ThreadLocal<Frames> FRAMES = ThreadLocal.withInitial(Frames::new);

    private final Frames frames;
    private final int depth;
    private final Memory memory = new Memory(SIZE);

    private OutParam(Frames frames, int depth) {
        this.frames = frames;
        this.depth = depth;
    }

    /** The next free block of this thread, zeroed. Close it after reading. */
    public static OutParam acquire() {
        OutParam out = FRAMES.get().push();
        out.memory.setLong(0, 0);
        return out;
    }

    /** What to pass as the out-parameter. */
    public Pointer pointer() {
        return memory;
    }

    /** The 32-bit value written (UINT, DWORD, HRESULT, a 32-bit enum). */
    public int intValue() {
        return memory.getInt(0);
    }

    /** The one byte written (a C++ {@code bool}). */
    public byte byteValue() {
        return memory.getByte(0);
    }

    /** The pointer written, or null for NULL. */
    public Pointer pointerValue() {
        return memory.getPointer(0);
    }

    /** Depth of this thread's stack now: the blocks acquired and not yet closed (for tests). */
    static int depthInUse() {
        return FRAMES.get().top;
    }

    /** Gives the block back; it must be this thread's most recently acquired one. */
    @Override
    public void close() {
        frames.pop(this);
    }

    /** One thread's blocks; used only by that thread. */
    private static final class Frames {
        private OutParam[] blocks = new OutParam[4];
        private int top;
        private final Thread owner = Thread.currentThread();

        OutParam push() {
            if (top == blocks.length) {
                blocks = Arrays.copyOf(blocks, top * 2);
            }
            OutParam out = blocks[top];
            if (out == null) {
                out = new OutParam(this, top);
                blocks[top] = out;
            }
            top++;
            return out;
        }

        void pop(OutParam out) {
            if (Thread.currentThread() != owner || top == 0 || out.depth != top - 1) {
                throw new IllegalStateException("OutParam closed out of order or on another thread (depth "
                        + out.depth + ", in use " + top + "): use try-with-resources on the thread that acquired it");
            }
            top--;
        }
    }
}
