package org.vss4j.com;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.jna.Callback;
import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import com.sun.jna.ptr.IntByReference;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.vss4j.abi.vtable.IVssBackupComponents;
import org.vss4j.abi.vtable.IVssComponent;
import org.vss4j.abi.vtable.IVssWriterImpl;
import org.vss4j.testing.FakeComObject;

/**
 * Every vtable call is checked against its declared signature before any native code runs: each refused call below
 * goes to a fake whose function counts its calls, and the count stays 0. One correct call per method shows the fake
 * is reachable.
 */
class SignatureCheckedCallTest {

    private final AtomicInteger calls = new AtomicInteger();

    /** {@code HRESULT SetBackupState(bool, bool, VSS_BACKUP_TYPE, bool)}. */
    interface SetBackupState extends Callback {
        int invoke(Pointer self, byte selectComponents, byte bootable, int type, byte partialFileSupport);
    }

    /** {@code HRESULT IsVolumeSupported(VSS_ID, VSS_PWSZ, BOOL *)}: the GUID arrives as a pointer to a copy. */
    interface IsVolumeSupported extends Callback {
        int invoke(Pointer self, Pointer providerId, Pointer volume, Pointer supported);
    }

    /** {@code HRESULT AddDifferencedFilesByLastModifyTime(LPCWSTR, LPCWSTR, BOOL, FILETIME)}. */
    interface AddDifferenced extends Callback {
        int invoke(Pointer self, Pointer path, Pointer filespec, int recursive, long lastModifyTime);
    }

    /** {@code bool AreComponentsSelected()}: C++ bool in AL. */
    interface AreComponentsSelected extends Callback {
        byte invoke(Pointer self);
    }

    private Pointer backupComponents() {
        return new FakeComObject(IVssBackupComponents.class, null)
                .set(IVssBackupComponents.SetBackupState, (SetBackupState) (self, a, b, t, c) -> {
                    calls.incrementAndGet();
                    return 0;
                })
                .set(IVssBackupComponents.IsVolumeSupported, (IsVolumeSupported) (self, p, v, s) -> {
                    calls.incrementAndGet();
                    return 0;
                }).pointer();
    }

    private static final byte TRUE = 1;

    @Test
    void correctArgumentsReachTheFake() {
        Pointer p = backupComponents();
        assertThat(ComObject.callSlot(p, IVssBackupComponents.SetBackupState, TRUE, TRUE, 1, (byte) 0)).isZero();
        assertThat(ComObject.callSlot(p, IVssBackupComponents.IsVolumeSupported, Guids.byValue(new UUID(0, 0)),
                Utf16.toNative("C:\\"), new IntByReference())).isZero();
        assertThat(calls).hasValue(2);
    }

    @Test
    void aWrongCountIsRefusedBeforeTheCall() {
        Pointer p = backupComponents();
        assertRefused(() -> ComObject.callSlot(p, IVssBackupComponents.SetBackupState, TRUE, TRUE, 1),
                "IVssBackupComponents::SetBackupState: INT32(BOOL8, BOOL8, INT32, BOOL8) takes 4 argument(s) after "
                        + "this, got 3");
        assertRefused(() -> ComObject.callSlot(p, IVssBackupComponents.SetBackupState, TRUE, TRUE, 1, TRUE, TRUE),
                "takes 4 argument(s) after this, got 5");
    }

    @Test
    void aBool8ParameterTakesOneByteOnly() {
        Pointer p = backupComponents();
        assertRefused(() -> ComObject.callSlot(p, IVssBackupComponents.SetBackupState, 1, TRUE, 1, TRUE),
                "IVssBackupComponents::SetBackupState: parameter 1 is BOOL8 (C++ bool), got java.lang.Integer");
        // JNA passes a Boolean as a 32-bit int: not a C++ bool either.
        assertRefused(() -> ComObject.callSlot(p, IVssBackupComponents.SetBackupState, TRUE, true, 1, TRUE),
                "parameter 2 is BOOL8 (C++ bool), got java.lang.Boolean");
    }

    @Test
    void anInt32ParameterTakesAnIntegerOnly() {
        Pointer p = backupComponents();
        assertRefused(() -> ComObject.callSlot(p, IVssBackupComponents.SetBackupState, TRUE, TRUE, 1L, TRUE),
                "parameter 3 is INT32 (a 4-byte integer), got java.lang.Long");
        assertRefused(() -> ComObject.callSlot(p, IVssBackupComponents.SetBackupState, TRUE, TRUE, TRUE, TRUE),
                "parameter 3 is INT32 (a 4-byte integer), got java.lang.Byte");
    }

    @Test
    void aGuidParameterTakesASixteenByteStructureByValueOnly() {
        Pointer p = backupComponents();
        Memory name = Utf16.toNative("C:\\");
        // By reference: the callee would read the GUID's first 8 bytes as the pointer to its copy.
        assertRefused(() -> ComObject.callSlot(p, IVssBackupComponents.IsVolumeSupported,
                Guids.toGuid(new UUID(0, 0)), name, new IntByReference()),
                "IVssBackupComponents::IsVolumeSupported: parameter 1 is GUID (a 16-byte VSS_ID by value), got "
                        + "com.sun.jna.platform.win32.Guid$GUID");
        assertRefused(() -> ComObject.callSlot(p, IVssBackupComponents.IsVolumeSupported, name, name,
                new IntByReference()), "parameter 1 is GUID (a 16-byte VSS_ID by value), got com.sun.jna.Memory");
        assertRefused(() -> ComObject.callSlot(p, IVssBackupComponents.IsVolumeSupported, new Eight(), name,
                new IntByReference()), "parameter 1 is GUID (a 16-byte VSS_ID by value), got " + Eight.class.getName());
    }

    @Test
    void aPointerParameterTakesNoValueAndNoStructureByValue() {
        Pointer p = backupComponents();
        UUID any = new UUID(0, 0);
        assertRefused(() -> ComObject.callSlot(p, IVssBackupComponents.IsVolumeSupported, Guids.byValue(any),
                "C:\\", new IntByReference()), "parameter 2 is POINTER, got java.lang.String");
        assertRefused(() -> ComObject.callSlot(p, IVssBackupComponents.IsVolumeSupported, Guids.byValue(any),
                null, 0), "parameter 3 is POINTER, got java.lang.Integer");
        assertRefused(() -> ComObject.callSlot(p, IVssBackupComponents.IsVolumeSupported, Guids.byValue(any),
                Guids.byValue(any), null), "parameter 2 is POINTER, got com.sun.jna.platform.win32.Guid$GUID$ByValue");
    }

    @Test
    void aStruct8ParameterTakesTheFiletimeAsOneLongOrAnEightByteStructureByValue() {
        AtomicInteger reached = new AtomicInteger();
        Pointer p = new FakeComObject(IVssComponent.class, null)
                .set(IVssComponent.AddDifferencedFilesByLastModifyTime, (AddDifferenced) (self, a, b, r, t) -> {
                    reached.incrementAndGet();
                    return 0;
                }).pointer();
        Memory path = Utf16.toNative("C:\\data");
        assertRefused(() -> ComObject.callSlot(p, IVssComponent.AddDifferencedFilesByLastModifyTime, path, path, 0,
                7), "IVssComponent::AddDifferencedFilesByLastModifyTime: parameter 4 is STRUCT8 (FILETIME by value), "
                        + "got java.lang.Integer");
        assertThat(reached).hasValue(0);
        assertThat(ComObject.callSlot(p, IVssComponent.AddDifferencedFilesByLastModifyTime, path, path, 0, 7L))
                .isZero();
        assertThat(ComObject.callSlot(p, IVssComponent.AddDifferencedFilesByLastModifyTime, path, path, 0,
                new Eight())).isZero();
        assertThat(reached).hasValue(2);
    }

    @Test
    void theReturnTypeMustFitTheDeclaredReturnKind() {
        Pointer p = new FakeComObject(IVssWriterImpl.class, null)
                .set(IVssWriterImpl.AreComponentsSelected, (AreComponentsSelected) self -> {
                    calls.incrementAndGet();
                    return 1;
                }).pointer();
        // Read as an int, a C++ bool's upper 24 bits are whatever RAX held (x64 calling convention: only AL is set).
        assertRefused(() -> ComObject.callSlotReturning(Integer.class, p, IVssWriterImpl.AreComponentsSelected),
                "IVssWriterImpl::AreComponentsSelected: returns BOOL8 (C++ bool), read as java.lang.Integer");
        assertRefused(() -> ComObject.callSlot(p, IVssWriterImpl.AreComponentsSelected),
                "returns BOOL8 (C++ bool), read as java.lang.Integer");
        assertThat(ComObject.callSlotReturning(Byte.class, p, IVssWriterImpl.AreComponentsSelected))
                .isEqualTo((byte) 1);
        assertThat(calls).hasValue(1);
    }

    @Test
    void aGuidReturnIsReadAsItsHiddenResultPointer() {
        Pointer p = new FakeComObject(IVssWriterImpl.class, null).pointer();
        assertRefused(() -> ComObject.callSlotReturning(Pointer.class, p, IVssWriterImpl.GetCurrentSnapshotSetId),
                "IVssWriterImpl::GetCurrentSnapshotSetId: POINTER(POINTER) takes 1 argument(s) after this, got 0");
    }

    private void assertRefused(Runnable call, String message) {
        assertThatThrownBy(call::run).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
        assertThat(calls).as("the fake's native function ran").hasValue(0);
    }

    /** An 8-byte structure by value (a FILETIME's size). */
    @Structure.FieldOrder({"low", "high"})
    public static final class Eight extends Structure implements Structure.ByValue {
        public int low;
        public int high;
    }
}
