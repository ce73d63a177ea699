package org.vss4j.com;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.jna.Function;
import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** The per-object JNA function cache: fake objects whose vtables hold made-up addresses (nothing is called). */
class VtableFunctionsTest {

    /** An object: {@code *this} is {@code vtable}. */
    private static Memory object(Memory vtable) {
        Memory object = new Memory(8);
        object.setPointer(0, vtable);
        return object;
    }

    /** A vtable whose slot i holds the made-up address {@code base + i}. */
    private static Memory vtable(long base, int slots) {
        Memory vtable = new Memory(8L * slots);
        for (int i = 0; i < slots; i++) {
            vtable.setLong(8L * i, base + i);
        }
        return vtable;
    }

    @Test
    void aSlotsFunctionIsMadeOnceAndCallsTheSlotsAddress() {
        try (Memory vtable = vtable(0x1000, 6); Memory object = object(vtable)) {
            VtableFunctions functions = new VtableFunctions();
            Function first = functions.function(object, 5);
            assertThat(Pointer.nativeValue(first)).isEqualTo(0x1005);
            assertThat(functions.function(object, 5)).isSameAs(first);
            assertThat(Pointer.nativeValue(functions.function(object, 3))).isEqualTo(0x1003);
        }
    }

    @Test
    void anotherVtableIsReadAfreshNotAnsweredFromTheCache() {
        try (Memory vtable = vtable(0x1000, 6); Memory other = vtable(0x2000, 6); Memory object = object(vtable)) {
            VtableFunctions functions = new VtableFunctions();
            functions.function(object, 4);
            object.setPointer(0, other);
            assertThat(Pointer.nativeValue(functions.function(object, 4))).isEqualTo(0x2004);
            object.setPointer(0, vtable);
            assertThat(Pointer.nativeValue(functions.function(object, 4))).isEqualTo(0x1004);
        }
    }

    @Test
    void slotsBeyondTheCapacityAreReadEveryTime() {
        int slot = VtableFunctions.CAPACITY;
        try (Memory vtable = vtable(0x3000, slot + 1); Memory object = object(vtable)) {
            VtableFunctions functions = new VtableFunctions();
            Function f = functions.function(object, slot);
            assertThat(Pointer.nativeValue(f)).isEqualTo(0x3000 + slot);
            vtable.setLong(8L * slot, 0x4000);
            assertThat(Pointer.nativeValue(functions.function(object, slot))).isEqualTo(0x4000);
        }
    }

    @Test
    void threadsRacingForTheSameSlotGetOneFunction() throws Exception {
        try (Memory vtable = vtable(0x5000, 6); Memory object = object(vtable)) {
            VtableFunctions functions = new VtableFunctions();
            CountDownLatch start = new CountDownLatch(1);
            List<Function> seen = java.util.Collections.synchronizedList(new ArrayList<>());
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                Thread thread = new Thread(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    seen.add(functions.function(object, 2));
                });
                thread.start();
                threads.add(thread);
            }
            start.countDown();
            for (Thread thread : threads) {
                thread.join();
            }
            assertThat(seen).hasSize(4).allSatisfy(f -> assertThat(f).isSameAs(seen.get(0)));
            assertThat(Pointer.nativeValue(seen.get(0))).isEqualTo(0x5002);
        }
    }
}
