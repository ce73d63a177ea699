package org.vss4j.sim.win32;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.vss4j.BackupComponents;
import org.vss4j.com.Exports;
import org.vss4j.com.Win32Error;
import org.vss4j.diagnostics.Privilege;
import org.vss4j.diagnostics.ProcessToken;
import org.vss4j.sim.SimulatedMachine;
import org.vss4j.sim.SimulatedToken;
import org.vss4j.sim.VssSimulatorExtension;

/** The process token as OpenProcessToken/GetTokenInformation/LookupPrivilegeNameW give it, and VSS's check of it. */
@ExtendWith(VssSimulatorExtension.class)
class TokenExportsTest {

    private static final Exports X = Exports.current();
    private static final Pointer CURRENT_PROCESS = new Pointer(Exports.CURRENT_PROCESS);

    private static Pointer openToken(int access) {
        PointerByReference token = new PointerByReference();
        assertThat(X.openProcessToken(CURRENT_PROCESS, access, token)).isTrue();
        return token.getValue();
    }

    @Test
    void anElevatedAdministratorHoldsTheBackupPrivilegesDisabled() {
        ProcessToken token = ProcessToken.ofCurrentProcess();

        assertThat(token.elevated()).isTrue();
        assertThat(token.privilege(Privilege.SE_BACKUP)).hasValueSatisfying(p -> assertThat(p.enabled()).isFalse());
        assertThat(token.privilege(Privilege.SE_RESTORE)).isPresent();
        assertThat(token.privilege(Privilege.SE_CREATE_SYMBOLIC_LINK)).isPresent();
        assertThat(token.privilege("SeChangeNotifyPrivilege"))
                .hasValueSatisfying(p -> assertThat(p.enabled() && p.enabledByDefault()).isTrue());
    }

    @Test
    void aStandardUserIsNotElevatedAndVssRefusesIt(SimulatedMachine machine) {
        machine.token().setTo(SimulatedToken.standardUser());

        ProcessToken token = ProcessToken.ofCurrentProcess();
        assertThat(token.elevated()).isFalse();
        assertThat(token.privilege(Privilege.SE_BACKUP)).isEmpty();
        assertThat(token.privilege(Privilege.SE_CREATE_SYMBOLIC_LINK)).isEmpty();
        assertThat(machine.hasSymbolicLinkPrivilege()).isFalse();
        assertThatThrownBy(BackupComponents::create)
                .hasMessageStartingWith("CreateVssBackupComponentsInternal failed: E_ACCESSDENIED");
    }

    @Test
    void aBackupOperatorWithoutElevationMayUseVss(SimulatedMachine machine) {
        machine.token().setTo(SimulatedToken.standardUser()).hold(Privilege.SE_BACKUP, false);
        try (BackupComponents bc = BackupComponents.create()) {
            bc.initializeForBackup(null);
        }
    }

    @Test
    void theSymbolicLinkSettingIsTheTokensPrivilege(SimulatedMachine machine) {
        machine.symbolicLinkPrivilege(false);
        assertThat(ProcessToken.ofCurrentProcess().privilege(Privilege.SE_CREATE_SYMBOLIC_LINK)).isEmpty();
        machine.symbolicLinkPrivilege(true);
        assertThat(ProcessToken.ofCurrentProcess().privilege(Privilege.SE_CREATE_SYMBOLIC_LINK)).isPresent();
    }

    @Test
    void aBufferTooSmallGivesTheSizeNeeded(SimulatedMachine machine) {
        Pointer token = openToken(0x8);
        try {
            IntByReference needed = new IntByReference();
            assertThat(X.getTokenInformation(token, 3, null, 0, needed)).isFalse();
            assertThat(X.lastError()).isEqualTo(Win32Error.ERROR_INSUFFICIENT_BUFFER);
            assertThat(needed.getValue()).isEqualTo(4 + 12 * machine.token().privileges().size());

            Memory two = new Memory(2);
            assertThat(X.getTokenInformation(token, 20, two, 2, needed)).isFalse();
            assertThat(X.lastError()).isEqualTo(Win32Error.ERROR_BAD_LENGTH);
            assertThat(needed.getValue()).isEqualTo(4);

            assertThat(X.getTokenInformation(token, 1, new Memory(256), 256, needed)).isFalse();
            assertThat(X.lastError()).isEqualTo(Win32Error.ERROR_INVALID_PARAMETER);
        } finally {
            assertThat(X.closeHandle(token)).isTrue();
        }
    }

    @Test
    void aTokenOpenedWithoutTokenQueryCannotBeQueried() {
        Pointer token = openToken(0x20);
        try {
            assertThat(X.getTokenInformation(token, 20, new Memory(4), 4, new IntByReference())).isFalse();
            assertThat(X.lastError()).isEqualTo(Win32Error.ERROR_ACCESS_DENIED);
        } finally {
            X.closeHandle(token);
        }
    }

    @Test
    void onlyTheCurrentProcessHasAToken() {
        assertThat(X.openProcessToken(new Pointer(0x1234), 0x8, new PointerByReference())).isFalse();
        assertThat(X.lastError()).isEqualTo(Win32Error.ERROR_INVALID_HANDLE);
    }

    @Test
    void privilegeNamesComeFromTheirLuidsAndASmallBufferGetsTheSizeWithItsNul() {
        Memory luid = new Memory(8);
        luid.setInt(0, 17);
        luid.setInt(4, 0);
        IntByReference cch = new IntByReference(4);
        Memory name = new Memory(64);
        assertThat(X.lookupPrivilegeName(null, luid, name, cch)).isFalse();
        assertThat(X.lastError()).isEqualTo(Win32Error.ERROR_INSUFFICIENT_BUFFER);
        assertThat(cch.getValue()).isEqualTo("SeBackupPrivilege".length() + 1);

        assertThat(X.lookupPrivilegeName(null, luid, name, cch)).isTrue();
        assertThat(cch.getValue()).isEqualTo("SeBackupPrivilege".length());
        assertThat(org.vss4j.com.Utf16.read(name)).isEqualTo("SeBackupPrivilege");

        luid.setInt(0, 999);
        assertThat(X.lookupPrivilegeName(null, luid, name, new IntByReference(32))).isFalse();
        assertThat(X.lastError()).isEqualTo(Win32Error.ERROR_NO_SUCH_PRIVILEGE);
    }

    @Test
    void aTokenHandleNeverClosedIsALeakAndClosingTwiceIsMisuse() {
        SimulatedMachine m = SimulatedMachine.create();
        SimulatedMachine previous = SimulatedMachine.install(m);
        try {
            Pointer token = openToken(0x8);
            assertThat(m.leakReport().isClean()).isFalse();
            assertThat(X.closeHandle(token)).isTrue();
            assertThat(m.leakReport().isClean()).isTrue();

            assertThat(X.closeHandle(token)).isFalse();
            assertThat(X.lastError()).isEqualTo(Win32Error.ERROR_INVALID_HANDLE);
            assertThat(m.ledger().errors()).singleElement().asString().startsWith("double free: CloseHandle");
        } finally {
            SimulatedMachine.install(previous);
            m.close();
        }
    }
}
