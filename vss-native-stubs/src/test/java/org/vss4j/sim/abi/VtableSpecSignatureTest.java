package org.vss4j.sim.abi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vss4j.sim.abi.VtableSpec.params;

import com.sun.jna.Pointer;
import com.sun.jna.platform.win32.Guid.GUID;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vss4j.abi.ComMethod;
import org.vss4j.abi.NativeKind;
import org.vss4j.abi.NativeSignature;
import org.vss4j.abi.vtable.IVssAsync;
import org.vss4j.abi.vtable.IVssBackupComponents;
import org.vss4j.abi.vtable.IVssWriterImpl;

/**
 * The simulator's vtable callbacks come from the declared native signatures: a bind whose explicit parameter classes
 * disagree with the declaration is refused when the spec is built, and a changed declaration changes the callback.
 */
class VtableSpecSignatureTest {

    private static final VtableSpec.Handler<NativeComObject> OK = (o, a) -> 0;

    /** A copy of one IVssAsync method under its real name with a declaration of the test's choosing. */
    private record Copy(String name, NativeSignature signature) implements ComMethod {
        @Override
        public int ordinal() {
            return IVssAsync.valueOf(name).ordinal();
        }

        @Override
        public String interfaceName() {
            return "IVssAsync";
        }
    }

    private static VtableSpec<NativeComObject> async() {
        return VtableSpec.of("IVssAsync", IVssAsync.IID, NativeComObject.class);
    }

    @Test
    void callbackParametersComeFromTheDeclaration() {
        VtableSpec<NativeComObject> spec = async().bind(IVssAsync.Wait, OK).bind(IVssAsync.QueryStatus, OK);
        assertThat(spec.callbackParameters("Wait")).containsExactly(Pointer.class, int.class);
        assertThat(spec.callbackParameters("QueryStatus")).containsExactly(Pointer.class, Pointer.class,
                Pointer.class);
        assertThat(spec.callbackParameters("QueryInterface")).containsExactly(Pointer.class, Pointer.class,
                Pointer.class);
        assertThat(spec.callbackParameters("Release")).containsExactly(Pointer.class);
    }

    @Test
    void eachKindHasItsCallbackClass() {
        // IVssBackupComponents::SetBackupSucceeded(VSS_ID, VSS_ID, VSS_COMPONENT_TYPE, LPCWSTR, LPCWSTR, bool).
        assertThat(VtableSpec.declaredParameters(IVssBackupComponents.SetBackupSucceeded)).containsExactly(
                GUID.ByValue.class, GUID.ByValue.class, int.class, Pointer.class, Pointer.class, byte.class);
        assertThat(VtableSpec.callbackClass(NativeKind.INT64)).isEqualTo(long.class);
        assertThat(VtableSpec.callbackClass(NativeKind.STRUCT8)).isEqualTo(long.class);
    }

    @Test
    void explicitClassesThatDisagreeWithTheDeclarationFailAtConstruction() {
        assertThatThrownBy(() -> async().bind(IVssAsync.Wait, params(long.class), OK))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("IVssAsync::Wait").hasMessageContaining("parameter 1")
                .hasMessageContaining("INT32").hasMessageContaining("long");
        assertThatThrownBy(() -> async().bind(IVssAsync.QueryStatus, params(Pointer.class), OK))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("IVssAsync::QueryStatus").hasMessageContaining("takes 2");
        assertThatThrownBy(() -> VtableSpec.of("IVssBackupComponents", IVssBackupComponents.IID,
                NativeComObject.class).bind(IVssBackupComponents.SetBackupState,
                        params(byte.class, byte.class, int.class, int.class), OK))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("IVssBackupComponents::SetBackupState").hasMessageContaining("parameter 4")
                .hasMessageContaining("BOOL8");
    }

    @Test
    void aHandBuiltCallbackIsCheckedAgainstTheLoweredDeclaration() {
        // VSS_ID GetCurrentSnapshotSetId(): the hidden result pointer is the one parameter, and it is returned.
        VtableSpec.requireDeclared(IVssWriterImpl.GetCurrentSnapshotSetId, Pointer.class, params(Pointer.class));
        assertThatThrownBy(() -> VtableSpec.requireDeclared(IVssWriterImpl.GetCurrentSnapshotSetId, int.class,
                params(Pointer.class)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("IVssWriterImpl::GetCurrentSnapshotSetId").hasMessageContaining("return");
        assertThatThrownBy(() -> VtableSpec.requireDeclared(IVssWriterImpl.GetCurrentSnapshotSetId, Pointer.class,
                params()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("takes 1");
        // bool IsPathAffected(LPCWSTR): a C++ bool is one byte.
        assertThatThrownBy(() -> VtableSpec.requireDeclared(IVssWriterImpl.IsPathAffected, int.class,
                params(Pointer.class)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("IVssWriterImpl::IsPathAffected");
    }

    @Test
    void theSimulatorsOwnExplicitClassesAgreeWithTheDeclaration() {
        // The binds with explicit classes are checked when their specs load; this one is AsyncObject's.
        assertThat(async().bind(IVssAsync.Wait, params(int.class), OK).callbackParameters("Wait"))
                .containsExactly(Pointer.class, int.class);
    }

    /**
     * Every single change of one parameter kind of a copy of IVssAsync's declarations changes the simulator's
     * callback for that method, and the explicit classes the simulator spells for it are then refused. INT64 and
     * STRUCT8 both travel as one 8-byte integer (Microsoft docs, "x64 calling convention") and share {@code long}.
     */
    @Test
    void aChangedDeclarationMakesTheCallbackDisagree() {
        List<String> unchanged = new ArrayList<>();
        int copies = 0;
        for (IVssAsync m : List.of(IVssAsync.Wait, IVssAsync.QueryStatus)) {
            List<NativeKind> declared = m.signature().parameters();
            Class<?>[] real = async().bind(m, OK).callbackParameters(m.name());
            for (int i = 0; i < declared.size(); i++) {
                for (NativeKind k : NativeKind.values()) {
                    if (k == NativeKind.VOID || k == declared.get(i)) {
                        continue;
                    }
                    List<NativeKind> changed = new ArrayList<>(declared);
                    changed.set(i, k);
                    Copy copy = new Copy(m.name(), new NativeSignature(NativeKind.INT32, changed));
                    copies++;
                    Class<?>[] mutated = async().bind(copy, OK).callbackParameters(m.name());
                    if (List.of(mutated).equals(List.of(real))) {
                        unchanged.add(copy.name() + copy.signature());
                        continue;
                    }
                    Class<?>[] explicit = Arrays.copyOfRange(real, 1, real.length);
                    assertThatThrownBy(() -> async().bind(copy, explicit, OK))
                            .isInstanceOf(IllegalStateException.class)
                            .hasMessageContaining("IVssAsync::" + m.name())
                            .hasMessageContaining("parameter " + (i + 1));
                }
            }
        }
        assertThat(copies).isEqualTo(5 * 3);
        assertThat(unchanged).isEmpty();
    }
}
