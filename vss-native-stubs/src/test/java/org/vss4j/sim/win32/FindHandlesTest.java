package org.vss4j.sim.win32;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.vss4j.abi.struct.Win32FindDataW;

/**
 * One search used from two threads: FindClose waits for a FindNextFileW that is using the search, and a closed search
 * answers no more entries (Microsoft docs, "FindClose function": "After the FindClose function is called, the handle
 * cannot be used").
 */
class FindHandlesTest {

    @TempDir
    Path dir;

    private FindHandles.Search search() throws Exception {
        return new FindHandles.Search(List.of(FindEntry.dot(".", dir), FindEntry.dot("..", dir)).iterator());
    }

    @Test
    void aClosedSearchAnswersNoMoreEntries() throws Exception {
        FindHandles.Search s = search();
        Pointer data = new Win32FindDataW().getPointer();

        assertThat(s.next(data)).isOne();
        s.close();

        assertThat(s.next(data)).as("FindNextFileW after the close").isEqualTo(-1);
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void closeWaitsForTheFindNextFileThatIsUsingTheSearch() throws Exception {
        FindHandles.Search s = search();
        Pointer data = new Win32FindDataW().getPointer();
        Thread closer = new Thread(s::close, "FindClose");
        int found;
        // This thread holds the search as a running FindNextFileW does; FindClose on the other thread must wait.
        synchronized (s) {
            closer.start();
            while (closer.getState() != Thread.State.BLOCKED) {
                Thread.onSpinWait();
            }
            found = s.next(data);
        }
        closer.join();

        assertThat(found).as("the FindNextFileW that was running when FindClose was called").isOne();
        assertThat(s.next(data)).isEqualTo(-1);
    }

    @Test
    void closingAMachinesSearchesEndsThem() throws Exception {
        FindHandles handles = new FindHandles();
        Pointer h = new Memory(8);
        handles.add(h, List.of(FindEntry.dot(".", dir)).iterator());
        FindHandles.Search s = handles.get(h);

        handles.closeAll();

        assertThat(handles.size()).isZero();
        assertThat(handles.get(h)).isNull();
        assertThat(s.next(new Win32FindDataW().getPointer())).isEqualTo(-1);
    }
}
