package org.vss4j.com;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.jna.Pointer;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class OutParamTest {

    @Test
    void aBlockIsZeroedWhenAcquiredAndReusedByTheNextCall() {
        Pointer first;
        try (OutParam out = OutParam.acquire()) {
            first = out.pointer();
            out.pointer().setLong(0, -1L);
            assertThat(out.intValue()).isEqualTo(-1);
        }
        try (OutParam out = OutParam.acquire()) {
            assertThat(out.pointer()).as("the same block, not a new allocation").isSameAs(first);
            assertThat(out.intValue()).isZero();
            assertThat(out.byteValue()).isZero();
            assertThat(out.pointerValue()).isNull();
        }
        assertThat(OutParam.depthInUse()).isZero();
    }

    @Test
    void aNestedCallOnTheSameThreadGetsItsOwnBlockAndLeavesTheOuterValue() {
        try (OutParam outer = OutParam.acquire()) {
            outer.pointer().setInt(0, 7);
            // What a callback that calls into the binding during the outer call does.
            for (int depth = 0; depth < 9; depth++) {
                try (OutParam inner = OutParam.acquire()) {
                    assertThat(inner.pointer()).isNotSameAs(outer.pointer());
                    inner.pointer().setInt(0, 99);
                }
            }
            assertThat(outer.intValue()).isEqualTo(7);
            assertThat(OutParam.depthInUse()).isEqualTo(1);
        }
    }

    @Test
    void eachThreadHasItsOwnBlocks() throws Exception {
        AtomicReference<Pointer> other = new AtomicReference<>();
        try (OutParam mine = OutParam.acquire()) {
            Thread t = new Thread(() -> {
                try (OutParam theirs = OutParam.acquire()) {
                    other.set(theirs.pointer());
                }
            });
            t.start();
            t.join();
            assertThat(other.get()).isNotNull().isNotSameAs(mine.pointer());
        }
    }

    @Test
    void closingOutOfOrderIsRefused() {
        OutParam outer = OutParam.acquire();
        OutParam inner = OutParam.acquire();
        try {
            assertThatThrownBy(outer::close).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("out of order");
        } finally {
            inner.close();
            outer.close();
        }
        assertThat(OutParam.depthInUse()).isZero();
    }
}
