package org.vss4j.writer;

import com.sun.jna.Pointer;
import java.util.List;

/**
 * The Java side of one slot of a writer's vtable: the Java classes it reads the arguments after {@code this} as, the
 * class it answers with, and its body. {@link DeclaredCallback} holds it against the slot's declaration when the
 * writer object is built, and converts the arguments by their declared kinds before the body runs.
 *
 * @param answers the class of the body's result: {@code Boolean} for a C++ {@code bool}, {@code Pointer}, ...
 * @param reads   one class per argument after {@code this}: {@code Pointer} or {@code String} (a UTF-16 string) for a
 *                pointer, {@code UUID} for a GUID by value, {@code Integer}, {@code Long}, {@code Boolean}
 * @param body    what the slot does
 */
record SlotHandler(Class<?> answers, List<Class<?>> reads, Body body) {

    /** The body of a slot. */
    @FunctionalInterface
    interface Body {
        /**
         * @param self the {@code this} the call came with
         * @param args the arguments after {@code this}, each an instance of its class in {@link #reads()}
         * @return an instance of {@link #answers()}
         */
        Object call(Pointer self, Object[] args);
    }

    SlotHandler {
        reads = List.copyOf(reads);
    }

    /** A handler answering {@code answers} that reads its arguments as {@code reads}. */
    static SlotHandler answering(Class<?> answers, Body body, Class<?>... reads) {
        return new SlotHandler(answers, List.of(reads), body);
    }
}
