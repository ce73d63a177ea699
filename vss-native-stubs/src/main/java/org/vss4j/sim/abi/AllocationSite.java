package org.vss4j.sim.abi;

import java.security.CodeSource;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Where a tracked native block or COM object was created: a few Java frames of the thread that created it, starting
 * at the first caller outside the simulator's own classes and JNA (the binding or the test), so that a leak report
 * names the code that allocated what it lists.
 *
 * <p>Cheap by construction: a {@link StackWalker} walk stopped after {@link #FRAMES} frames past the simulator (no
 * {@link Throwable}, no full stack), and the frames are turned into text only when a report is written. Measured on
 * the development machine: about 3 to 5 microseconds per capture, next to 10 to 15 for a simulated
 * {@code SysAllocString} and {@code SysFreeString} pair; a backup session allocates a few hundred blocks.
 */
final class AllocationSite {

    /** How many frames a site keeps: the allocating call and the few callers that say which test made it. */
    static final int FRAMES = 8;

    private static final StackWalker WALKER = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);
    private static final CodeSource SIMULATOR = AllocationSite.class.getProtectionDomain().getCodeSource();

    /**
     * Whether frames of a class are the simulator's own (its main classes, not its tests in the same packages) or
     * JNA's callback machinery: looked up once per class.
     */
    private static final ClassValue<Boolean> INTERNAL = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            String name = type.getName();
            if (name.startsWith("com.sun.jna.")) {
                return true;
            }
            if (!name.startsWith("org.vss4j.sim.")) {
                return false;
            }
            CodeSource source = type.getProtectionDomain().getCodeSource();
            return source == null || SIMULATOR == null || sameLocation(source, SIMULATOR);
        }
    };

    private final List<StackWalker.StackFrame> frames;
    private final String thread;

    private AllocationSite(List<StackWalker.StackFrame> frames, String thread) {
        this.frames = frames;
        this.thread = thread;
    }

    /** The site of the caller of the simulator code that calls this. */
    public static AllocationSite capture() {
        List<StackWalker.StackFrame> frames = WALKER.walk(s -> s
                .dropWhile(f -> INTERNAL.get(f.getDeclaringClass()))
                .takeWhile(f -> !f.getClassName().startsWith("org.junit."))
                .limit(FRAMES)
                .collect(Collectors.toList()));
        return new AllocationSite(frames, Thread.currentThread().getName());
    }

    /** The frames, innermost first, as {@code at Class.method(File:line)} lines indented by {@code indent}. */
    public String describe(String indent) {
        if (frames.isEmpty()) {
            return indent + "(created by the simulator itself, on thread " + thread + ")";
        }
        return frames.stream().map(f -> indent + "at " + f.toStackTraceElement())
                .collect(Collectors.joining("\n"));
    }

    @Override
    public String toString() {
        return describe("");
    }

    private static boolean sameLocation(CodeSource a, CodeSource b) {
        return a.getLocation() != null && a.getLocation().equals(b.getLocation());
    }
}
