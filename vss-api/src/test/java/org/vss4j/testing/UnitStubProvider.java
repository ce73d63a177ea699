package org.vss4j.testing;

import com.sun.jna.Callback;
import com.sun.jna.CallbackReference;
import com.sun.jna.Function;
import com.sun.jna.Pointer;
import java.util.Map;
import org.vss4j.spi.NativeModule;
import org.vss4j.spi.VssNativeProvider;

/**
 * The provider vss-api's own unit tests run on (selected with {@code -Dvss4j.provider=unit-stub} in the pom): COM
 * initialisation succeeds and nothing else is exported. Tests that need VSS itself run against the simulator in
 * vss-native-stubs and integration-tests.
 */
public final class UnitStubProvider implements VssNativeProvider {

    /** {@code HRESULT CoInitializeEx(void*, DWORD)}: S_OK. */
    public interface CoInitializeEx extends Callback {
        int invoke(Pointer reserved, int coInit);
    }

    /** {@code HRESULT CoInitializeSecurity(...)} (nine arguments): S_OK. */
    public interface CoInitializeSecurity extends Callback {
        int invoke(Pointer sd, int cAuthSvc, Pointer authSvc, Pointer r1, int authn, int imp, Pointer authList,
                int caps, Pointer r3);
    }

    /** The arguments of every CoInitializeEx call, in order: the COINIT flags. */
    public static final java.util.List<Integer> CO_INIT_FLAGS = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** The (cAuthSvc, dwAuthnLevel, dwImpLevel, dwCapabilities) of every CoInitializeSecurity call. */
    public static final java.util.List<java.util.List<Integer>> SECURITY_CALLS =
            new java.util.concurrent.CopyOnWriteArrayList<>();

    private static final CoInitializeEx CO_INITIALIZE_EX = (reserved, coInit) -> {
        CO_INIT_FLAGS.add(coInit);
        return 0;
    };
    private static final CoInitializeSecurity CO_INITIALIZE_SECURITY = (a, b, c, d, e, f, g, h, i) -> {
        SECURITY_CALLS.add(java.util.List.of(b, e, f, h));
        return 0;
    };
    private static final Map<String, Callback> EXPORTS =
            Map.of("CoInitializeEx", CO_INITIALIZE_EX, "CoInitializeSecurity", CO_INITIALIZE_SECURITY);

    @Override
    public String id() {
        return "unit-stub";
    }

    @Override
    public boolean isAvailable() {
        return true;
    }

    @Override
    public Function function(NativeModule module, String exportName) {
        Callback cb = EXPORTS.get(exportName);
        if (cb == null) {
            throw new UnsatisfiedLinkError("unit-stub does not export " + exportName);
        }
        return Function.getFunction(CallbackReference.getFunctionPointer(cb));
    }
}
