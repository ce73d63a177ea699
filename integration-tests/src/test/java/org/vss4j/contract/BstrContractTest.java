package org.vss4j.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.jna.Pointer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vss4j.com.Bstr;
import org.vss4j.com.Exports;

/** BSTRs through the target's allocator (oleaut32 on Windows, the simulator's elsewhere): UTF-16, length-prefixed. */
@VssContract
class BstrContractTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "Microsoft Writer (Bootable State)", "Écriture Sauvegardé", "ボリューム シャドウ コピー",
        "disk \uD83D\uDCBE emoji", "\uD801\uDC37\uD801\uDC4F", "embedded\u0000nul"})
    void roundTripsAndIsFreedOnce(String text, VssTarget target) {
        Pointer bstr = Bstr.alloc(text);
        try {
            // SysStringLen counts UTF-16 code units: a surrogate pair is two, an embedded NUL is kept.
            assertThat(Exports.current().sysStringLen(bstr)).isEqualTo(text.length());
            // The 4-byte prefix before the characters holds the byte length (Microsoft: BSTR data type).
            assertThat(bstr.getInt(-4)).isEqualTo(2 * text.length());
            assertThat(bstr.getShort(2L * text.length())).as("NUL terminator").isZero();
            assertThat(Bstr.read(bstr)).isEqualTo(text);
        } finally {
            Bstr.free(bstr);
        }
    }
}
