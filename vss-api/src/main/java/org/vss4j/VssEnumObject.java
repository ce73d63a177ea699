package org.vss4j;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.vss4j.abi.vtable.IVssEnumObject;
import org.vss4j.com.ComObject;

/**
 * {@code IVssEnumObject}: the enumerator {@code IVssBackupComponents::Query} returns, typed by what was queried. Close
 * it to release it.
 *
 * <p>{@code Next} fills a caller-allocated array of {@code VSS_OBJECT_PROP} with a stride of 136 bytes ({@code vss.h},
 * x64 alignment) and returns {@code S_FALSE} with fewer elements than asked at the end (the COM enumerator contract).
 * Each element returned here has been copied into a Java record and its native strings freed.
 *
 * @param <T> {@link SnapshotProperties} or {@link ProviderProperties}
 */
public final class VssEnumObject<T> extends ComObject {

    /** Elements asked for per {@code Next} call by {@link #readAll()}. */
    static final int BATCH = 16;

    private final Function<Pointer, T> reader;

    /** Takes ownership of one reference to {@code p}; {@code reader} copies one element (and frees nothing). */
    VssEnumObject(Pointer p, Function<Pointer, T> reader) {
        super(p, "IVssEnumObject", 0);
        this.reader = reader;
    }

    /**
     * {@code Next(celt, rgelt, &celtFetched)}: up to {@code count} elements from the cursor; fewer (possibly none) at
     * the end.
     */
    public List<T> next(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1: " + count);
        }
        Memory array = new Memory((long) count * ObjectPropElement.SIZE);
        array.clear();
        IntByReference fetched = new IntByReference();
        check("celt " + count, IVssEnumObject.Next, count, array, fetched);
        int n = fetched.getValue();
        if (n < 0 || n > count) {
            throw new IllegalStateException("IVssEnumObject::Next reported " + n + " elements for celt " + count);
        }
        return readAndFree(array, n);
    }

    /** Copies the {@code n} fetched elements, then frees every one of them exactly once. */
    private List<T> readAndFree(Pointer array, int n) {
        List<T> out = new ArrayList<>(n);
        RuntimeException failure = null;
        for (int i = 0; i < n; i++) {
            Pointer element = array.share((long) i * ObjectPropElement.SIZE);
            try {
                if (failure == null) {
                    out.add(reader.apply(element));
                }
            } catch (RuntimeException e) {
                failure = e;
            } finally {
                ObjectPropElement.free(element);
            }
        }
        if (failure != null) {
            throw failure;
        }
        return out;
    }

    /** Every element from the cursor to the end, fetched {@value #BATCH} at a time. */
    public List<T> readAll() {
        List<T> all = new ArrayList<>();
        List<T> batch;
        do {
            batch = next(BATCH);
            all.addAll(batch);
        } while (batch.size() == BATCH);
        return all;
    }

    /** {@code Skip(celt)}: false if fewer than {@code count} elements were left ({@code S_FALSE}). */
    public boolean skip(int count) {
        return check("celt " + count, IVssEnumObject.Skip, count) == VssHresult.S_OK.code();
    }

    /** {@code Reset}: back to the first element. */
    public void reset() {
        check(IVssEnumObject.Reset);
    }

    /** {@code Clone}: an independent enumerator at the same position (close it too). */
    public VssEnumObject<T> cloneEnumerator() {
        PointerByReference out = new PointerByReference();
        check(IVssEnumObject.Clone, out);
        return new VssEnumObject<>(out.getValue(), reader);
    }
}
