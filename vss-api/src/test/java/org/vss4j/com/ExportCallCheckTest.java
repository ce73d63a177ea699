package org.vss4j.com;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.jna.Function;
import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vss4j.abi.NativeExport;
import org.vss4j.spi.NativeModule;
import org.vss4j.spi.VssNativeProvider;

/**
 * Every call of {@link Exports} is checked against its export's declaration before the function is even resolved: a
 * wrong count, kind or result class is an {@link IllegalArgumentException} naming {@code module!Function} and the
 * parameter. The provider here records every resolution and refuses all of them, so a check that let a call through
 * would show up as a resolution.
 */
class ExportCallCheckTest {

    private final List<String> resolved = new ArrayList<>();

    private final Exports exports = new Exports(new VssNativeProvider() {
        @Override
        public String id() {
            return "refusing";
        }

        @Override
        public boolean isAvailable() {
            return true;
        }

        @Override
        public Function function(NativeModule module, String exportName) {
            resolved.add(module.libraryName() + "!" + exportName);
            throw new UnsatisfiedLinkError("this provider resolves nothing: " + exportName);
        }
    });

    @Test
    void aWrongKindIsRefusedNamingTheExportAndTheParameter() {
        assertThatThrownBy(() -> exports.call(NativeExport.FindClose, Integer.class, 7))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("kernel32!FindClose: parameter 1 is POINTER, got java.lang.Integer");
        // CoTaskMemAlloc's SIZE_T is 8 bytes: an int would leave the upper half of RCX to chance.
        assertThatThrownBy(() -> exports.call(NativeExport.CoTaskMemAlloc, Pointer.class, 16))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ole32!CoTaskMemAlloc: parameter 1 is INT64 (an 8-byte integer), got java.lang.Integer");
        assertThat(resolved).isEmpty();
    }

    @Test
    void aWrongCountIsRefused() {
        assertThatThrownBy(() -> exports.call(NativeExport.GetVolumePathNameW, Integer.class, null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("kernel32!GetVolumePathNameW: INT32(POINTER, POINTER, INT32) takes 3 argument(s), got 2");
        assertThat(resolved).isEmpty();
    }

    @Test
    void aResultReadWithTheWrongWidthIsRefused() {
        // BOOLEAN is one byte: reading it as a 4-byte int takes three bytes of garbage from EAX.
        assertThatThrownBy(() -> exports.call(NativeExport.CreateSymbolicLinkW, Integer.class, null, null, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("kernel32!CreateSymbolicLinkW: returns BOOL8 (C++ bool), read as java.lang.Integer");
        assertThat(resolved).isEmpty();
    }

    @Test
    void matchingArgumentsGetPastTheCheckToTheProvider() {
        try (Memory data = new Memory(592)) {
            assertThatThrownBy(() -> exports.findFirstFile(Utf16.toNative("C:\\*"), data))
                    .isInstanceOf(UnsatisfiedLinkError.class);
        }
        assertThat(resolved).containsExactly("kernel32!FindFirstFileW");
    }
}
