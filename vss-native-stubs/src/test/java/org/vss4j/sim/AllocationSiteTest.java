package org.vss4j.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.jna.Pointer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.vss4j.BackupComponents;
import org.vss4j.com.Bstr;
import org.vss4j.com.Exports;

/**
 * A leak report says where each leaked thing was created: the Java frames of the allocating thread from the first
 * caller outside the simulator and JNA, so the test method that leaked it is named. (This test class is in the
 * simulator's package but not in its main classes: its frames count as the caller's.)
 */
@ExtendWith(VssSimulatorExtension.class)
class AllocationSiteTest {

    @Test
    void aLeakedBstrNamesTheTestThatAllocatedIt() {
        Pointer[] kept = new Pointer[1];
        SimulatedMachine m = PrivateMachine.run(() -> kept[0] = Bstr.alloc("leaked"));
        try {
            assertThat(m.leakReport().liveBlocks()).singleElement().asString()
                    .contains("BSTR", "allocated\n", "at org.vss4j.com.Bstr.alloc(",
                            "AllocationSiteTest.lambda$aLeakedBstrNamesTheTestThatAllocatedIt$",
                            "AllocationSiteTest.aLeakedBstrNamesTheTestThatAllocatedIt(AllocationSiteTest.java:");
            firstFrameIsOutsideTheSimulatorAndJna(m.leakReport().liveBlocks().get(0));
        } finally {
            Bstr.free(kept[0]);
        }
    }

    @Test
    void aLeakedCoTaskMemBlockNamesTheTestThatAllocatedIt() {
        Pointer[] kept = new Pointer[1];
        SimulatedMachine m = PrivateMachine.run(() -> kept[0] = Exports.current().coTaskMemAlloc(16));
        try {
            assertThatThrownBy(() -> VssSimulatorExtension.verifyNoLeaks(m))
                    .hasMessageContaining("CoTaskMem block")
                    .hasMessageContaining("AllocationSiteTest.aLeakedCoTaskMemBlockNamesTheTestThatAllocatedIt(");
            firstFrameIsOutsideTheSimulatorAndJna(m.leakReport().liveBlocks().get(0));
        } finally {
            Exports.current().coTaskMemFree(kept[0]);
        }
    }

    @Test
    void aLeakedComObjectNamesTheTestThatCreatedIt() {
        BackupComponents[] kept = new BackupComponents[1];
        SimulatedMachine again = PrivateMachine.run(() -> kept[0] = BackupComponents.create());
        try {
            assertThat(again.leakReport().liveObjects()).singleElement().asString()
                    .contains("IVssBackupComponents", "created\n", "at org.vss4j.",
                            "AllocationSiteTest.aLeakedComObjectNamesTheTestThatCreatedIt(AllocationSiteTest.java:");
            firstFrameIsOutsideTheSimulatorAndJna(again.leakReport().liveObjects().get(0));
        } finally {
            kept[0].close();
        }
    }

    /** The first frame printed is the binding's or the test's: no simulator or JNA frame comes before it. */
    private static void firstFrameIsOutsideTheSimulatorAndJna(String entry) {
        String first = entry.lines().filter(l -> l.strip().startsWith("at ")).findFirst().orElseThrow().strip();
        assertThat(first).doesNotStartWith("at com.sun.jna.").doesNotStartWith("at org.vss4j.sim.abi.")
                .doesNotStartWith("at org.vss4j.sim.win32.").doesNotStartWith("at org.vss4j.sim.vss.");
        assertThat(entry.lines().filter(l -> l.strip().startsWith("at ")).count())
                .as("frames kept").isBetween(1L, 8L);
    }
}
