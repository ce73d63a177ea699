package org.vss4j.com;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.jna.Callback;
import com.sun.jna.CallbackReference;
import com.sun.jna.Function;
import com.sun.jna.Pointer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.event.Level;
import org.vss4j.VssException;
import org.vss4j.VssHresult;
import org.vss4j.abi.NativeExport;
import org.vss4j.spi.NativeModule;
import org.vss4j.spi.VssNativeProvider;
import org.vss4j.testing.RecordingLogs;

/** {@code CoInitializeSecurity} answers and what vss4j makes of them, against an ole32 that answers what we choose. */
class ComSecurityTest {

    /** {@code HRESULT CoInitializeSecurity(...)}, nine arguments. */
    public interface CoInitializeSecurity extends Callback {
        int invoke(Pointer sd, int cAuthSvc, Pointer authSvc, Pointer r1, int authn, int imp, Pointer authList,
                int caps, Pointer r3);
    }

    /** Exports whose only function, CoInitializeSecurity, returns {@code hresult}; {@code keep} holds the callback. */
    private static Exports answering(int hresult, List<Object> keep) {
        CoInitializeSecurity cb = (a, b, c, d, e, f, g, h, i) -> hresult;
        keep.add(cb);
        return new Exports(new VssNativeProvider() {
            @Override
            public String id() {
                return "security-test";
            }

            @Override
            public boolean isAvailable() {
                return true;
            }

            @Override
            public Function function(NativeModule module, String exportName) {
                assertThat(exportName).isEqualTo(NativeExport.CoInitializeSecurity.name());
                return Function.getFunction(CallbackReference.getFunctionPointer(cb));
            }
        });
    }

    private static List<RecordingLogs.Event> warnings() {
        return RecordingLogs.of(ComSecurity.class).stream().filter(e -> e.level() == Level.WARN).toList();
    }

    @Test
    void rpcETooLateIsAWarningThatNamesEvent8194AndHowToAvoidIt() {
        List<Object> keep = new java.util.ArrayList<>();
        int before = warnings().size();

        ComSecurity.State state = ComSecurity.initialize(answering(VssHresult.RPC_E_TOO_LATE.code(), keep));

        assertThat(state).isEqualTo(ComSecurity.State.SET_BEFORE_VSS4J);
        assertThat(warnings()).hasSize(before + 1);
        assertThat(warnings().get(before).message()).contains("RPC_E_TOO_LATE", "event 8194", "call back",
                "RPC_C_AUTHN_LEVEL_PKT_PRIVACY", "RPC_C_IMP_LEVEL_IDENTIFY", "RPC_C_IMP_LEVEL_IMPERSONATE",
                "EOAC_STATIC_CLOAKING", "before any other library");
    }

    @Test
    void successSetsItQuietlyAndOtherFailuresAreErrorsWithTheirHresult() {
        List<Object> keep = new java.util.ArrayList<>();
        int before = warnings().size();

        assertThat(ComSecurity.initialize(answering(VssHresult.S_OK.code(), keep)))
                .isEqualTo(ComSecurity.State.SET_BY_VSS4J);
        assertThat(warnings()).hasSize(before);

        assertThatThrownBy(() -> ComSecurity.initialize(answering(VssHresult.E_OUTOFMEMORY.code(), keep)))
                .isInstanceOf(VssException.class).hasMessageContaining("CoInitializeSecurity")
                .hasMessageContaining("E_OUTOFMEMORY");
    }
}
