package org.vss4j.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vss4j.sim.FindCalls.ARCHIVE;
import static org.vss4j.sim.FindCalls.DIRECTORY;
import static org.vss4j.sim.FindCalls.ERROR_ACCESS_DENIED;
import static org.vss4j.sim.FindCalls.ERROR_DIRECTORY;
import static org.vss4j.sim.FindCalls.ERROR_FILE_NOT_FOUND;
import static org.vss4j.sim.FindCalls.ERROR_INVALID_HANDLE;
import static org.vss4j.sim.FindCalls.ERROR_INVALID_PARAMETER;
import static org.vss4j.sim.FindCalls.ERROR_NO_MORE_FILES;
import static org.vss4j.sim.FindCalls.ERROR_PATH_NOT_FOUND;
import static org.vss4j.sim.FindCalls.HIDDEN;
import static org.vss4j.sim.FindCalls.IO_REPARSE_TAG_SYMLINK;
import static org.vss4j.sim.FindCalls.REPARSE_POINT;
import static org.vss4j.sim.FindCalls.SYSTEM;

import com.sun.jna.Pointer;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.vss4j.abi.NativeExport;
import org.vss4j.abi.struct.Win32FindDataW;
import org.vss4j.com.Exports;
import org.vss4j.com.Utf16;
import org.vss4j.sim.FindCalls.Found;

/**
 * The simulated FindFirstFileW/FindNextFileW/FindClose, called through the binding's exports: what each entry reports,
 * how the directory is named, the documented error codes, and the search handle's life (Microsoft docs,
 * "FindFirstFileW function", "FindNextFileW function", "FindClose function", "WIN32_FIND_DATAW structure").
 */
@ExtendWith(VssSimulatorExtension.class)
class FindFilesTest {

    @TempDir
    Path temp;

    Path c;
    Volume volume;

    @BeforeEach
    void volume(SimulatedMachine machine) throws Exception {
        c = Files.createDirectories(temp.resolve("c"));
        Files.writeString(c.resolve("top.txt"), "12345");
        Files.createDirectories(c.resolve("sub/deeper"));
        Files.writeString(c.resolve("sub/x.txt"), "x");
        volume = machine.addVolume(c, "C:\\");
    }


    /**
     * No NTFS name holds a backslash, but a Linux host's can: such a name is listed as the host holds it (the file list
     * then reports it), next to the Windows path it reads as, and listing it never fails the whole directory.
     */
    @Test
    void aHostNameHoldingABackslashIsListedAsItIsNextToThePathItReadsAs() throws Exception {
        Files.writeString(c.resolve("sub").resolve("deeper\\x.txt"), "one name");
        Files.writeString(c.resolve("sub").resolve("..\\..\\top.txt"), "one name too");
        Files.writeString(c.resolve("sub/deeper/x.txt"), "a file in a directory");
        volume.facts().attributes("sub/deeper/x.txt", HIDDEN);
        assertThat(FindCalls.names("C:\\sub\\*")).containsExactly(".", "..", "..\\..\\top.txt", "deeper",
                "deeper\\x.txt", "x.txt");
        assertThat(FindCalls.byName("C:\\sub\\*").get("deeper\\x.txt").attributes()).isEqualTo(ARCHIVE);
        assertThat(FindCalls.byName("C:\\sub\\deeper\\*").get("x.txt").attributes()).isEqualTo(ARCHIVE | HIDDEN);
    }

    @Test
    void aDirectoryListsDotDotDotAndItsEntriesWithTheirAttributesSizesAndTimes() throws Exception {
        Files.setLastModifiedTime(c.resolve("sub/x.txt"), FileTime.from(Instant.parse("2024-02-29T12:34:56.789Z")));
        Map<String, Found> found = FindCalls.byName(c + "/sub/*");
        assertThat(found.keySet()).containsExactly(".", "..", "deeper", "x.txt");
        assertThat(found.get(".").attributes()).isEqualTo(DIRECTORY);
        assertThat(found.get("..").attributes()).isEqualTo(DIRECTORY);
        assertThat(found.get("deeper").attributes()).isEqualTo(DIRECTORY);
        assertThat(found.get("deeper").size()).isZero();
        Found x = found.get("x.txt");
        assertThat(x.attributes()).isEqualTo(ARCHIVE);
        assertThat(x.size()).isEqualTo(1);
        assertThat(x.reparseTag()).isZero();
        assertThat(x.alternateName()).isEmpty();
        BasicFileAttributes a = Files.readAttributes(c.resolve("sub/x.txt"), BasicFileAttributes.class);
        // 2024-02-29T12:34:56.789Z in 100 ns since 1601, worked out separately: 133_536_836_967_890_000.
        assertThat(x.lastWriteTime()).isEqualTo(133_536_836_967_890_000L).isEqualTo(FindCalls.fileTime(
                a.lastModifiedTime()));
        assertThat(x.lastAccessTime()).isEqualTo(FindCalls.fileTime(a.lastAccessTime()));
        assertThat(x.creationTime()).isEqualTo(FindCalls.fileTime(a.creationTime()));
    }

    /**
     * Every member is written, whatever the caller's buffer held: the name's unused units are zero (its NUL
     * included), there is no 8.3 name, {@code dwReserved0} is 0 for an entry that is no reparse point and
     * {@code dwReserved1} is 0 ("WIN32_FIND_DATAW structure").
     */
    @Test
    void theWholeStructureIsWrittenOverWhatTheBufferHeld() {
        Win32FindDataW data = new Win32FindDataW();
        data.getPointer().setMemory(0, data.size(), (byte) 0xFF);
        Pointer h = Exports.current().findFirstFile(Utf16.toNative("C:\\top.txt"), data.getPointer());
        try {
            data.read();
            assertThat(data.fileName()).isEqualTo("top.txt");
            byte[] rest = Arrays.copyOfRange(data.cFileName, 2 * "top.txt".length(), data.cFileName.length);
            assertThat(rest).containsOnly(0);
            assertThat(data.cAlternateFileName).containsOnly(0);
            assertThat(data.dwFileAttributes).isEqualTo(ARCHIVE);
            assertThat(data.dwReserved0).isZero();
            assertThat(data.dwReserved1).isZero();
            assertThat(data.fileSize()).isEqualTo(5);
        } finally {
            Exports.current().findClose(h);
        }
    }

    @Test
    void aVolumeRootHasNoDotEntriesAndShowsSystemVolumeInformationThatDeniesAccess() {
        Map<String, Found> found = FindCalls.byName("C:\\*");
        assertThat(found.keySet()).containsExactly("sub", "System Volume Information", "top.txt");
        assertThat(found.get("System Volume Information").attributes()).isEqualTo(HIDDEN | SYSTEM | DIRECTORY);
        assertThat(FindCalls.failure("C:\\System Volume Information\\*")).isEqualTo(ERROR_ACCESS_DENIED);
        // Traverse checking is bypassed: a name below it that is not there is not found.
        assertThat(FindCalls.failure("C:\\System Volume Information\\anything\\*")).isEqualTo(ERROR_PATH_NOT_FOUND);
        assertThat(FindCalls.names("C:\\System Volume Information")).containsExactly("System Volume Information");
        // Listed, never made: the user's directory is not touched.
        assertThat(c.resolve("System Volume Information")).doesNotExist();
    }

    @Test
    void aShadowCopyRootIsAVolumeRootEvenThroughALinkToIt(SimulatedMachine machine) throws Exception {
        Snapshot s = machine.snapshotStore().create(UUID.randomUUID(), UUID.randomUUID(), volume, 0, 1, null);
        Path link = Files.createDirectories(temp.resolve("links/x")).resolve("root");
        Files.createSymbolicLink(link, s.directory());
        for (String root : new String[] {s.directory() + "/*", link + "/*", link + "\\*"}) {
            assertThat(FindCalls.names(root)).as(root).containsExactly("sub", "System Volume Information", "top.txt");
        }
        assertThat(FindCalls.names(link + "/sub/*")).containsExactly(".", "..", "deeper", "x.txt");
        assertThat(FindCalls.failure(link + "/System Volume Information/*")).isEqualTo(ERROR_ACCESS_DENIED);
        assertThat(s.directory().resolve("System Volume Information")).doesNotExist();
        machine.snapshotStore().delete(s.id());
    }

    @Test
    void aShadowCopyExposedAtADriveLetterIsListedThere(SimulatedMachine machine) {
        Snapshot s = machine.snapshotStore().create(UUID.randomUUID(), UUID.randomUUID(), volume, 1, 1, null);
        machine.snapshotStore().expose(s.id(), new Exposure("X:", null, true, machine.driveLink("X:"), false));
        assertThat(FindCalls.names("X:\\*")).containsExactly("sub", "System Volume Information", "top.txt");
        assertThat(FindCalls.names("x:\\sub\\*")).containsExactly(".", "..", "deeper", "x.txt");
        assertThat(FindCalls.failure("Y:\\*")).isEqualTo(ERROR_PATH_NOT_FOUND);
        machine.snapshotStore().delete(s.id());
    }

    @Test
    void theDirectoryMayBeNamedTheWindowsWayOnASimulatedVolume() {
        String[] names = {"C:\\sub\\*", "C:/sub/*", "c:\\sub\\*", "\\\\?\\C:\\sub\\*", volume.guidName() + "sub\\*",
            c + "/sub\\*", c + "/sub/*.*"};
        for (String n : names) {
            assertThat(FindCalls.names(n)).as(n).containsExactly(".", "..", "deeper", "x.txt");
        }
        assertThat(FindCalls.names("C:\\*")).contains("top.txt");
        assertThat(FindCalls.names(volume.guidName() + "*")).contains("top.txt");
    }

    @Test
    void aLiteralNameFindsThatEntryAloneIgnoringCase() {
        assertThat(FindCalls.list("C:\\sub\\X.TXT")).singleElement().satisfies(f -> {
            assertThat(f.name()).isEqualTo("x.txt");
            assertThat(f.size()).isEqualTo(1);
        });
        assertThat(FindCalls.names("C:\\sub")).containsExactly("sub");
    }

    @Test
    void entriesComeInNtfsOrderOfUpcasedNames() throws Exception {
        Path d = Files.createDirectories(c.resolve("order"));
        for (String n : new String[] {"b", "A", "c", "_u", "Z"}) {
            Files.writeString(d.resolve(n), n);
        }
        // Upcased UTF-16: 'A' 0x41 < 'B' < 'C' < 'Z' 0x5A < '_' 0x5F (in lower case '_' would sort first).
        assertThat(FindCalls.names("C:\\order\\*")).containsExactly(".", "..", "A", "b", "c", "Z", "_u");
    }

    @Test
    void aSizeAbove4GiBIsSplitIntoItsHighAndLowHalves() throws Exception {
        try (RandomAccessFile f = new RandomAccessFile(c.resolve("big.bin").toFile(), "rw")) {
            f.setLength(5L * 1024 * 1024 * 1024 + 7); // sparse on the host
        }
        Win32FindDataW data = new Win32FindDataW();
        Exports x = Exports.current();
        Pointer h = x.findFirstFile(Utf16.toNative("C:\\big.bin"), data.getPointer());
        data.read();
        assertThat(data.nFileSizeHigh).isEqualTo(1);
        assertThat(data.nFileSizeLow).isEqualTo(0x40000007);
        assertThat(x.findClose(h)).isTrue();
    }

    @Test
    void hostSymbolicLinksAreReparsePointsWithTheLinksOwnAttributes() throws Exception {
        Files.createSymbolicLink(c.resolve("sub/file-link"), c.resolve("top.txt"));
        Files.createSymbolicLink(c.resolve("sub/dir-link"), c.resolve("sub/deeper"));
        Files.createSymbolicLink(c.resolve("sub/dangling"), c.resolve("nowhere"));
        Map<String, Found> found = FindCalls.byName("C:\\sub\\*");
        assertThat(found.get("file-link").attributes()).isEqualTo(REPARSE_POINT | ARCHIVE);
        assertThat(found.get("file-link").reparseTag()).isEqualTo(IO_REPARSE_TAG_SYMLINK);
        assertThat(found.get("file-link").size()).as("a link's own size, not its target's").isZero();
        assertThat(found.get("dir-link").attributes()).isEqualTo(REPARSE_POINT | DIRECTORY);
        assertThat(found.get("dir-link").reparseTag()).isEqualTo(IO_REPARSE_TAG_SYMLINK);
        assertThat(found.get("dangling").attributes()).isEqualTo(REPARSE_POINT | ARCHIVE);
        // The link's times are its own.
        BasicFileAttributes own = Files.readAttributes(c.resolve("sub/file-link"), BasicFileAttributes.class,
                LinkOption.NOFOLLOW_LINKS);
        assertThat(found.get("file-link").lastWriteTime()).isEqualTo(FindCalls.fileTime(own.lastModifiedTime()));
    }

    @Test
    void hostLinksOnTheWayToTheDirectoryAreFollowed() throws Exception {
        Path link = temp.resolve("via");
        Files.createSymbolicLink(link, c.resolve("sub"));
        assertThat(FindCalls.names(link + "/*")).containsExactly(".", "..", "deeper", "x.txt");
        assertThat(FindCalls.names(link + "/deeper/*")).containsExactly(".", "..");
    }

    @Test
    void aDirectoryThatDoesNotExistIsPathNotFoundAndAMissingNameIsFileNotFound() {
        assertThat(FindCalls.failure("C:\\missing\\*")).isEqualTo(ERROR_PATH_NOT_FOUND);
        assertThat(FindCalls.failure("C:\\missing\\deeper\\*")).isEqualTo(ERROR_PATH_NOT_FOUND);
        assertThat(FindCalls.failure(c + "/missing/*")).isEqualTo(ERROR_PATH_NOT_FOUND);
        assertThat(FindCalls.failure("Q:\\sub\\*")).as("no such drive").isEqualTo(ERROR_PATH_NOT_FOUND);
        assertThat(FindCalls.failure("C:\\sub\\nothing.txt")).isEqualTo(ERROR_FILE_NOT_FOUND);
    }

    @Test
    void aFileNamedAsTheDirectoryIsAnInvalidDirectoryName() {
        assertThat(FindCalls.failure("C:\\top.txt\\*")).isEqualTo(ERROR_DIRECTORY);
    }

    @Test
    void badArgumentsFailWithTheCodesDocumented() {
        assertThat(FindCalls.failure(null)).isEqualTo(ERROR_INVALID_PARAMETER);
        assertThat(FindCalls.failure("")).isEqualTo(ERROR_INVALID_PARAMETER);
        assertThat(FindCalls.failure("C:\\sub\\")).as("a trailing backslash always fails")
                .isEqualTo(ERROR_FILE_NOT_FOUND);
        assertThat(FindCalls.failure("C:\\sub\\*.txt")).as("wildcards beyond * are not modelled")
                .isEqualTo(ERROR_INVALID_PARAMETER);
        assertThat(FindCalls.failure("C:\\sub\\x.tx?")).isEqualTo(ERROR_INVALID_PARAMETER);
    }

    @Test
    void findNextFileAtTheEndReturnsFalseWithNoMoreFilesAndKeepsDoingSo() {
        Exports x = Exports.current();
        Win32FindDataW data = new Win32FindDataW();
        Pointer h = x.findFirstFile(Utf16.toNative("C:\\sub\\deeper\\*"), data.getPointer());
        data.read();
        assertThat(data.fileName()).isEqualTo(".");
        assertThat(x.findNextFile(h, data.getPointer())).isTrue();
        data.read();
        assertThat(data.fileName()).isEqualTo("..");
        for (int i = 0; i < 2; i++) {
            assertThat(x.findNextFile(h, data.getPointer())).isFalse();
            assertThat(x.lastError()).isEqualTo(ERROR_NO_MORE_FILES);
        }
        assertThat(x.findClose(h)).isTrue();
    }

    @Test
    void aSearchNeverClosedIsALeakAndClosingItCleansTheReport() {
        Pointer[] open = new Pointer[1];
        SimulatedMachine m = PrivateMachine.run(() -> {
            m0().addVolume(c, "C:\\");
            open[0] = Exports.current().findFirstFile(Utf16.toNative("C:\\*"), new Win32FindDataW().getPointer());
        });
        assertThatThrownBy(() -> VssSimulatorExtension.verifyNoLeaks(m)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("find handle").hasMessageContaining("C:\\*").hasMessageContaining("FindClose");
        assertThat(Exports.current().findClose(open[0])).isTrue();
        VssSimulatorExtension.verifyNoLeaks(m);
    }

    @Test
    void closingTwiceOrAnUnknownHandleIsInvalidHandleAndRecordedAsMisuse() {
        int[] errors = new int[3];
        boolean[] results = new boolean[3];
        SimulatedMachine m = PrivateMachine.run(() -> {
            m0().addVolume(c, "C:\\");
            Exports x = Exports.current();
            Win32FindDataW data = new Win32FindDataW();
            Pointer h = x.findFirstFile(Utf16.toNative("C:\\*"), data.getPointer());
            assertThat(x.findClose(h)).isTrue();
            results[0] = x.findClose(h);
            errors[0] = x.lastError();
            results[1] = x.findNextFile(h, data.getPointer());
            errors[1] = x.lastError();
            results[2] = x.findClose(new Pointer(Exports.INVALID_HANDLE_VALUE));
            errors[2] = x.lastError();
        });
        assertThat(results).containsOnly(false);
        assertThat(errors).containsOnly(ERROR_INVALID_HANDLE);
        assertThat(m.leakReport().errors()).hasSize(3).anySatisfy(e -> assertThat(e).contains("double free",
                "FindClose")).anySatisfy(e -> assertThat(e).contains("FindNextFileW", "not an open find handle"))
                .anySatisfy(e -> assertThat(e).contains("FindClose of an unknown pointer"));
    }

    @Test
    void aSearchLeftOpenEndsWithItsMachineAndIsNotFoundByTheNext() {
        Win32FindDataW data = new Win32FindDataW();
        Pointer[] leaked = new Pointer[1];
        SimulatedMachine first = PrivateMachine.run(() -> {
            m0().addVolume(c, "C:\\");
            leaked[0] = Exports.current().findFirstFile(Utf16.toNative("C:\\*"), data.getPointer());
            assertThat(m0().findHandles().size()).isOne();
        });
        assertThat(first.findHandles().size()).as("searches of the closed machine").isZero();

        boolean[] next = new boolean[1];
        int[] error = new int[1];
        SimulatedMachine second = PrivateMachine.run(() -> {
            next[0] = Exports.current().findNextFile(leaked[0], data.getPointer());
            error[0] = Exports.current().lastError();
        });
        assertThat(next[0]).as("FindNextFileW on the first machine's search").isFalse();
        assertThat(error[0]).isEqualTo(ERROR_INVALID_HANDLE);
        assertThat(second.leakReport().errors()).singleElement().asString().contains("not an open find handle");

        // The handle is still the first machine's tracked block: closing it frees it and cleans that report.
        assertThat(Exports.current().findClose(leaked[0])).isTrue();
        VssSimulatorExtension.verifyNoLeaks(first);
    }

    @Test
    void findCloseWhileAnotherThreadEnumeratesEndsTheSearchCleanly() throws Exception {
        Path many = Files.createDirectories(temp.resolve("many"));
        for (int i = 0; i < 300; i++) {
            Files.writeString(many.resolve(String.format("f%03d", i)), "");
        }
        String pattern = many + "/*";
        List<String> all = FindCalls.names(pattern);
        // Using the handle after its close is recorded as misuse, so the rounds run on a machine of their own.
        SimulatedMachine m = PrivateMachine.run(() -> {
            for (int round = 0; round < 40; round++) {
                closeDuringEnumeration(pattern, all);
            }
        });
        assertThat(m.leakReport().liveBlocks()).isEmpty();
        assertThat(m.leakReport().errors()).allMatch(e -> e.contains("FindNextFileW")
                && e.contains("not an open find handle"));
    }

    /** One search enumerated on another thread and closed on this one once that thread has read an entry. */
    private static void closeDuringEnumeration(String pattern, List<String> all) {
        Exports x = Exports.current();
        Win32FindDataW first = new Win32FindDataW();
        Pointer h = x.findFirstFile(Utf16.toNative(pattern), first.getPointer());
        CountDownLatch enumerating = new CountDownLatch(1);
        CompletableFuture<List<String>> names = CompletableFuture.supplyAsync(() -> {
            List<String> seen = new ArrayList<>(List.of(Found.of(first).name()));
            Win32FindDataW data = new Win32FindDataW();
            while (x.findNextFile(h, data.getPointer())) {
                seen.add(Found.of(data).name());
                enumerating.countDown();
            }
            enumerating.countDown();
            seen.add("error " + x.lastError());
            return seen;
        });
        List<String> seen;
        try {
            enumerating.await();
            assertThat(x.findClose(h)).as("FindClose while FindNextFileW runs").isTrue();
            seen = names.get();
        } catch (InterruptedException | java.util.concurrent.ExecutionException e) {
            throw new AssertionError(e);
        }
        String end = seen.remove(seen.size() - 1);
        assertThat(end).isIn("error " + ERROR_NO_MORE_FILES, "error " + ERROR_INVALID_HANDLE);
        assertThat(seen).as("the entries returned before the close, each once, in order")
                .isEqualTo(all.subList(0, seen.size()));
        assertThat(x.findNextFile(h, first.getPointer())).as("FindNextFileW after FindClose").isFalse();
        assertThat(x.lastError()).isEqualTo(ERROR_INVALID_HANDLE);
        assertThat(SimulatedMachine.current().findHandles().size()).isZero();
    }

    @Test
    void aPlannedWin32FaultFailsFindFirstFileWithThatError(SimulatedMachine machine) {
        machine.faults().failWin32OnCall(NativeExport.FindFirstFileW, 1, ERROR_ACCESS_DENIED);
        assertThat(FindCalls.failure("C:\\*")).isEqualTo(ERROR_ACCESS_DENIED);
        assertThat(FindCalls.names("C:\\*")).contains("top.txt");
    }

    /** The machine current inside {@link PrivateMachine#run}. */
    private static SimulatedMachine m0() {
        return SimulatedMachine.current();
    }
}
