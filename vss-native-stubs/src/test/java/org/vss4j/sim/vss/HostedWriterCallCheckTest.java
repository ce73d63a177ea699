package org.vss4j.sim.vss;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.jna.Memory;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.vss4j.abi.vtable.CVssWriter;
import org.vss4j.abi.vtable.CVssWriterEx;
import org.vss4j.com.Guids;
import org.vss4j.com.Utf16;

/** The simulator's calls into a hosted writer's handlers are checked against the CVssWriter(Ex) declarations. */
class HostedWriterCallCheckTest {

    @Test
    void theArgumentsHostedWriterPassesFitTheDeclarations() {
        UUID id = UUID.randomUUID();
        assertThatCode(() -> {
            HostedWriter.requireHandlerCall(CVssWriter.OnBackupShutdown, new Object[] {Guids.byValue(id)});
            HostedWriter.requireHandlerCall(CVssWriter.OnBackOffIOOnVolume,
                    new Object[] {Utf16.toNative("C:\\"), Guids.byValue(id), Guids.byValue(id)});
            HostedWriter.requireHandlerCall(CVssWriter.OnFreeze, new Object[0]);
            HostedWriter.requireHandlerCall(CVssWriterEx.OnIdentifyEx, new Object[] {new Memory(8)});
        }).doesNotThrowAnyException();
    }

    @Test
    void aWrongArgumentIsRefusedBeforeTheHandlerRuns() {
        // OnBackupShutdown(VSS_ID SnapshotSetId): a VSS_ID by value, not a pointer to one.
        assertThatThrownBy(() -> HostedWriter.requireHandlerCall(CVssWriter.OnBackupShutdown,
                new Object[] {new Memory(16)}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("CVssWriter::OnBackupShutdown").hasMessageContaining("parameter 1");
        assertThatThrownBy(() -> HostedWriter.requireHandlerCall(CVssWriter.OnThaw, new Object[] {0}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CVssWriter::OnThaw");
        assertThatThrownBy(() -> HostedWriter.requireHandlerCall(CVssWriterEx.OnIdentifyEx, new Object[0]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CVssWriterEx::OnIdentifyEx");
    }
}
