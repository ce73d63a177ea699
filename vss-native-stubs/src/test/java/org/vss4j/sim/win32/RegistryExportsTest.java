package org.vss4j.sim.win32;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.vss4j.com.Exports;
import org.vss4j.com.Utf16;
import org.vss4j.com.Win32Error;
import org.vss4j.diagnostics.FilesNotToSnapshot;
import org.vss4j.sim.SimulatedMachine;
import org.vss4j.sim.SimulatedRegistry;
import org.vss4j.sim.SimulatedToken;
import org.vss4j.sim.VssSimulatorExtension;

/** The FilesNotToSnapshot values as RegOpenKeyExW/RegEnumValueW give them, and the binding's reading of them. */
@ExtendWith(VssSimulatorExtension.class)
class RegistryExportsTest {

    private static final Exports X = Exports.current();
    private static final Pointer HKLM = new Pointer(Exports.HKEY_LOCAL_MACHINE);

    private static Pointer open(String key, int access) {
        PointerByReference out = new PointerByReference();
        assertThat(X.regOpenKeyEx(HKLM, Utf16.toNative(key), 0, access, out)).isEqualTo(Win32Error.ERROR_SUCCESS);
        return out.getValue();
    }

    @Test
    void aNewMachineHasTheValuesItsShadowCopyOptimizationWriterExpands() {
        Map<String, List<String>> values = FilesNotToSnapshot.ofThisMachine();

        assertThat(values.keySet()).containsExactly("RAC", "Storage Tiers Management", "WUA", "OutlookOST");
        assertThat(values.get("WUA")).containsExactly("%windir%\\softwaredistribution\\*.* /s");
        assertThat(values.get("OutlookOST")).containsExactly("$UserProfile$\\AppData\\Local\\Microsoft\\Outlook\\*.ost");
        assertThat(values.get("RAC")).hasSize(4);
    }

    @Test
    void valuesSetOnTheMachineAreReadBackAndAMissingKeyMeansNothingIsLeftOut(SimulatedMachine machine) {
        machine.registry().setMultiString(SimulatedRegistry.FILES_NOT_TO_SNAPSHOT, "MyApp",
                List.of("C:\\MyApp\\cache\\* /s", "$AllVolumes$\\scratch\\*.tmp"));
        assertThat(FilesNotToSnapshot.ofThisMachine()).containsEntry("MyApp",
                List.of("C:\\MyApp\\cache\\* /s", "$AllVolumes$\\scratch\\*.tmp"));

        machine.registry().deleteKey(SimulatedRegistry.FILES_NOT_TO_SNAPSHOT);
        assertThat(FilesNotToSnapshot.ofThisMachine()).isEmpty();
    }

    @Test
    void keyNamesCompareWithoutCaseAndASubkeyOpensFromAnOpenKey() {
        Pointer control = open("system\\currentcontrolset\\CONTROL", 0x1);
        try {
            PointerByReference sub = new PointerByReference();
            assertThat(X.regOpenKeyEx(control, Utf16.toNative("BackupRestore\\FilesNotToSnapshot"), 0, 0x1, sub))
                    .isEqualTo(Win32Error.ERROR_SUCCESS);
            assertThat(X.regCloseKey(sub.getValue())).isEqualTo(Win32Error.ERROR_SUCCESS);
            assertThat(X.regOpenKeyEx(control, Utf16.toNative("NoSuchKey"), 0, 0x1, sub))
                    .isEqualTo(Win32Error.ERROR_FILE_NOT_FOUND);
        } finally {
            X.regCloseKey(control);
        }
    }

    @Test
    void smallBuffersGetErrorMoreDataAndTheDataSize() {
        Pointer key = open(FilesNotToSnapshot.KEY, 0x1);
        try {
            Memory name = new Memory(256);
            IntByReference nameChars = new IntByReference(2);
            IntByReference type = new IntByReference();
            Memory data = new Memory(4);
            IntByReference dataBytes = new IntByReference(4);
            assertThat(X.regEnumValue(key, 0, name, nameChars, type, data, dataBytes))
                    .isEqualTo(Win32Error.ERROR_MORE_DATA);
            assertThat(nameChars.getValue()).isEqualTo(2);

            nameChars.setValue(128);
            assertThat(X.regEnumValue(key, 0, name, nameChars, type, data, dataBytes))
                    .isEqualTo(Win32Error.ERROR_MORE_DATA);
            int needed = dataBytes.getValue();
            // "RAC": four strings, each NUL-terminated, then the empty string that ends the list.
            assertThat(needed).isEqualTo(2 * (FilesNotToSnapshot.ofThisMachine().get("RAC").stream()
                    .mapToInt(s -> s.length() + 1).sum() + 1));

            data = new Memory(needed);
            assertThat(X.regEnumValue(key, 0, name, nameChars, type, data, dataBytes))
                    .isEqualTo(Win32Error.ERROR_SUCCESS);
            assertThat(Utf16.read(name, nameChars.getValue())).isEqualTo("RAC");
            assertThat(type.getValue()).isEqualTo(7);

            assertThat(X.regEnumValue(key, 4, name, new IntByReference(128), type, null, new IntByReference()))
                    .isEqualTo(Win32Error.ERROR_NO_MORE_ITEMS);
        } finally {
            assertThat(X.regCloseKey(key)).isEqualTo(Win32Error.ERROR_SUCCESS);
        }
    }

    @Test
    void enumeratingNeedsQueryValueAndWritingNeedsElevation(SimulatedMachine machine) {
        Pointer notify = open(FilesNotToSnapshot.KEY, 0x10);
        try {
            assertThat(X.regEnumValue(notify, 0, new Memory(256), new IntByReference(128), null, null, null))
                    .isEqualTo(Win32Error.ERROR_ACCESS_DENIED);
        } finally {
            X.regCloseKey(notify);
        }
        machine.token().setTo(SimulatedToken.standardUser());
        assertThat(X.regOpenKeyEx(HKLM, Utf16.toNative(FilesNotToSnapshot.KEY), 0, 0x2, new PointerByReference()))
                .isEqualTo(Win32Error.ERROR_ACCESS_DENIED);
        assertThat(FilesNotToSnapshot.ofThisMachine()).containsKey("WUA");
    }
}
