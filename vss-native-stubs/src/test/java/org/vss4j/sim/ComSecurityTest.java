package org.vss4j.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.vss4j.VssHresult;
import org.vss4j.com.ComApartment;
import org.vss4j.com.ComSecurity;
import org.vss4j.com.Exports;

/**
 * A process whose COM security someone else set first: the simulated ole32 answers {@code RPC_E_TOO_LATE} as Windows
 * does, and vss4j warns (through SLF4J; slf4j-simple writes to stderr in these tests).
 */
@ExtendWith(VssSimulatorExtension.class)
class ComSecurityTest {

    /** What {@code work} wrote to System.err (slf4j-simple looks System.err up at every event). */
    private static String stderrOf(Runnable work) {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            work.run();
        } finally {
            System.setErr(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    /** {@link ComSecurity#initialize} on a new thread that joins COM first and leaves it afterwards. */
    private static ComSecurity.State initializeOnAComThread() throws Exception {
        return CompletableFuture.supplyAsync(() -> {
            Exports exports = Exports.current();
            assertThat(exports.coInitializeEx(ComApartment.COINIT_MULTITHREADED)).isGreaterThanOrEqualTo(0);
            try {
                return ComSecurity.initialize(exports);
            } finally {
                exports.coUninitialize();
            }
        }).get();
    }

    @Test
    void aHostThatSetComSecurityFirstGetsAWarningNamingEvent8194AndTheFix(SimulatedMachine machine) throws Exception {
        machine.comSecuritySetByHost(true);
        ComSecurity.State[] state = new ComSecurity.State[1];

        String err = stderrOf(() -> {
            try {
                state[0] = initializeOnAComThread();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });

        assertThat(state[0]).isEqualTo(ComSecurity.State.SET_BEFORE_VSS4J);
        assertThat(err).contains("WARN", ComSecurity.class.getName(), "RPC_E_TOO_LATE", "event 8194",
                "RPC_C_AUTHN_LEVEL_PKT_PRIVACY", "EOAC_STATIC_CLOAKING");
    }

    @Test
    void theSimulatedOle32AnswersRpcETooLateToEveryCallAfterTheProcessFirst(SimulatedMachine machine)
            throws Exception {
        ComApartment.ensureMta(); // whatever ran before, this process's COM security is set now
        assertThat(ComApartment.securityState()).isNotEqualTo(ComSecurity.State.NOT_SET_YET);
        int hr = Exports.current().coInitializeSecurity(ComSecurity.RPC_C_AUTHN_LEVEL_PKT_PRIVACY,
                ComSecurity.RPC_C_IMP_LEVEL_IMPERSONATE, ComSecurity.EOAC_STATIC_CLOAKING);

        assertThat(hr).isEqualTo(VssHresult.RPC_E_TOO_LATE.code());
        assertThat(machine.isComSecuritySetByHost()).isFalse();
    }
}
