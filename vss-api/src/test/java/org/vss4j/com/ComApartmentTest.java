package org.vss4j.com;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.vss4j.testing.UnitStubProvider;

class ComApartmentTest {

    @Test
    void joinsTheMtaOncePerThreadAndSetsSecurityOncePerProcess() throws Exception {
        ComApartment.ensureMta();
        int before = UnitStubProvider.CO_INIT_FLAGS.size();
        ComApartment.ensureMta();
        assertThat(UnitStubProvider.CO_INIT_FLAGS).hasSize(before);

        CompletableFuture.runAsync(ComApartment::ensureMta).get();

        assertThat(UnitStubProvider.CO_INIT_FLAGS).hasSize(before + 1).containsOnly(ComApartment.COINIT_MULTITHREADED);
        // cAuthSvc -1, RPC_C_AUTHN_LEVEL_PKT_PRIVACY (6), RPC_C_IMP_LEVEL_IMPERSONATE (3), EOAC_STATIC_CLOAKING (0x20).
        assertThat(UnitStubProvider.SECURITY_CALLS).containsExactly(List.of(-1, 6, 3, 0x20));
        assertThat(ComApartment.securityState()).isEqualTo(ComSecurity.State.SET_BY_VSS4J);
    }
}
