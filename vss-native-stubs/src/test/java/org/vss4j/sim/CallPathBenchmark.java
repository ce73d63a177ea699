package org.vss4j.sim;

import com.sun.jna.Function;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.vss4j.AsyncState;
import org.vss4j.BackupComponents;
import org.vss4j.VssAsync;
import org.vss4j.abi.vtable.IVssAsync;
import org.vss4j.com.ComObject;

/**
 * JMH benchmarks of one vtable call (docs/performance.md, "Vtable call path"): {@code IVssAsync::QueryStatus} on the
 * simulator's async object of a finished {@code GatherWriterMetadata}, through the binding and through plain JNA.
 * Run by {@link CallPathBenchmarkRun} with {@code -Dvss4j.bench=true}; {@link CallPathBenchmarkSmokeTest} calls each
 * once in the normal build so that they keep working.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CallPathBenchmark {

    private SimulatedMachine machine;
    private SimulatedMachine previous;
    private BackupComponents backup;
    private VssAsync async;
    private Pointer asyncPointer;
    private Function queryStatus;
    private Object[] queryStatusArgs;
    private Memory status;
    private Function abs;
    private final Object[] absArgs = {-7};

    /** A simulated machine with one finished {@code GatherWriterMetadata}, and the functions resolved once. */
    @Setup(Level.Trial)
    public void setUp() {
        machine = SimulatedMachine.create();
        previous = SimulatedMachine.install(machine);
        backup = BackupComponents.create();
        backup.initializeForBackup(null);
        async = backup.gatherWriterMetadata();
        async.awaitFinished(Duration.ofMinutes(1));
        asyncPointer = async.pointer();
        queryStatus = Function.getFunction(asyncPointer.getPointer(0)
                .getPointer((long) IVssAsync.QueryStatus.slot() * Native.POINTER_SIZE));
        status = new Memory(8);
        queryStatusArgs = new Object[] {asyncPointer, status, null};
        abs = NativeLibrary.getInstance(Platform.C_LIBRARY_NAME).getFunction("abs");
    }

    /** Releases everything and fails if the simulator saw a leak. */
    @TearDown(Level.Trial)
    public void tearDown() {
        try {
            async.close();
            backup.close();
            VssSimulatorExtension.verifyNoLeaks(machine);
        } finally {
            SimulatedMachine.install(previous);
            machine.close();
        }
    }

    /** The binding: {@link VssAsync#queryStatus()} (guard, signature check, apartment, cached slot, out block). */
    @Benchmark
    public AsyncState binding() {
        return async.queryStatus();
    }

    /**
     * The static {@link ComObject#callSlot} (a JNA {@code Function} made per call, as every call made before the slot
     * cache) with the out-value in a block reused across calls: the slot cache's share, against {@link #binding}.
     */
    @Benchmark
    public int perCallFunction() {
        ComObject.callSlot(asyncPointer, IVssAsync.QueryStatus, status, null);
        return status.getInt(0);
    }

    /**
     * The call path before the slot cache and the out blocks: the static {@link ComObject#callSlot} (a JNA
     * {@code Function} made per call) with a new {@link IntByReference} per call.
     */
    @Benchmark
    public int perCallFunctionAndReference() {
        IntByReference out = new IntByReference();
        ComObject.callSlot(asyncPointer, IVssAsync.QueryStatus, out, null);
        return out.getValue();
    }

    /** Plain JNA: the same slot's {@code Function} resolved once, arguments built once. The goal's yardstick. */
    @Benchmark
    public int cachedFunction() {
        queryStatus.invokeInt(queryStatusArgs);
        return status.getInt(0);
    }

    /**
     * The JNA floor: a C library function with no Java callback behind it ({@code abs}, in libc and msvcrt alike),
     * resolved once. A simulator slot is a JNA callback, a call from native code back into Java, which this lacks.
     */
    @Benchmark
    public int directJna() {
        return abs.invokeInt(absArgs);
    }
}
