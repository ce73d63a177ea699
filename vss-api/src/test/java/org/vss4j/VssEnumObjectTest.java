package org.vss4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.jna.Callback;
import com.sun.jna.Pointer;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.vss4j.abi.vtable.IVssEnumObject;
import org.vss4j.testing.FakeComObject;

/**
 * {@link VssEnumObject} against a fake {@code IVssEnumObject} that misbehaves in ways the simulator never does: the
 * binding checks what {@code Next} reports instead of trusting it. (The element freeing is proven against the
 * simulator, whose heap tracks every string.)
 */
class VssEnumObjectTest {

    interface Next extends Callback {
        int invoke(Pointer self, int celt, Pointer rgelt, Pointer fetched);
    }

    private static FakeComObject enumerator(Next next) {
        return new FakeComObject(IVssEnumObject.class, IVssEnumObject.Release).set(IVssEnumObject.Next, next);
    }

    @Test
    void anElementOfAnotherTypeThanQueriedIsReported() {
        // One element whose VSS_OBJECT_TYPE is VSS_OBJECT_UNKNOWN (0): a union with nothing to free.
        FakeComObject fake = enumerator((self, celt, rgelt, fetched) -> {
            rgelt.setInt(0, ObjectType.UNKNOWN.value());
            fetched.setInt(0, 1);
            return VssHresult.S_FALSE.code();
        });
        try (VssEnumObject<SnapshotProperties> e = new VssEnumObject<>(fake.pointer(), ObjectPropElement::snapshot)) {
            assertThatThrownBy(() -> e.next(4)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("VSS_OBJECT_TYPE 0").hasMessageContaining("VSS_OBJECT_SNAPSHOT");
        }
        assertThat(fake.releaseCount()).isEqualTo(1);
    }

    @Test
    void nextReportingMoreElementsThanAskedForIsRefused() {
        AtomicInteger asked = new AtomicInteger();
        FakeComObject fake = enumerator((self, celt, rgelt, fetched) -> {
            asked.set(celt);
            fetched.setInt(0, celt + 1);
            return VssHresult.S_OK.code();
        });
        try (VssEnumObject<ProviderProperties> e = new VssEnumObject<>(fake.pointer(), ObjectPropElement::provider)) {
            assertThatThrownBy(() -> e.next(2)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("reported 3 elements for celt 2");
        }
        assertThat(asked.get()).isEqualTo(2);
    }

    @Test
    void aFailingNextNamesIVssEnumObject() {
        FakeComObject fake = enumerator((self, celt, rgelt, fetched) -> VssHresult.E_OUTOFMEMORY.code());
        try (VssEnumObject<ProviderProperties> e = new VssEnumObject<>(fake.pointer(), ObjectPropElement::provider)) {
            assertThatThrownBy(e::readAll).isInstanceOfSatisfying(VssException.class, ex -> {
                assertThat(ex.is(VssHresult.E_OUTOFMEMORY)).isTrue();
                assertThat(ex.operation()).isEqualTo("IVssEnumObject::Next");
            });
        }
    }

    @Test
    void nextNeedsAPositiveCount() {
        FakeComObject fake = enumerator((self, celt, rgelt, fetched) -> VssHresult.S_OK.code());
        try (VssEnumObject<ProviderProperties> e = new VssEnumObject<>(fake.pointer(), ObjectPropElement::provider)) {
            assertThatThrownBy(() -> e.next(0)).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
