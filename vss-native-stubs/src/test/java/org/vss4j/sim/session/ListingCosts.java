package org.vss4j.sim.session;

import com.sun.jna.Pointer;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import org.vss4j.abi.struct.Win32FindDataW;
import org.vss4j.com.Exports;
import org.vss4j.com.Utf16;
import org.vss4j.com.Win32Error;
import org.vss4j.files.DirectoryEntry;
import org.vss4j.files.DirectoryLister;
import org.vss4j.files.DirectoryListingException;
import org.vss4j.sim.FileSystemFacts;

/**
 * The parts of the file list's listing, each timed apart by {@link FileListBenchmark}: a java.nio walk that stats
 * every entry (what the simulator cannot do without), the binding's {@link DirectoryLister} over the whole tree (the
 * listing end to end through the export seam), and {@code FindNextFileW} calls that find nothing more (the call path
 * alone: binding, JNA down- and upcall, the simulator's handle look-up).
 */
final class ListingCosts {

    private ListingCosts() {
    }

    /** Walks {@code root} reading each entry's attributes without following links; the entries below it. */
    static long nioWalk(Path root) throws IOException {
        long[] n = {0};
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                n[0]++;
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                n[0]++;
                return FileVisitResult.CONTINUE;
            }
        });
        return n[0] - 1;
    }

    /**
     * Lists {@code root} and every directory below it with {@link DirectoryLister}; the entries found, without the
     * root's System Volume Information (which the host tree does not hold).
     */
    static long listerWalk(Path root) throws DirectoryListingException {
        long n = 0;
        for (DirectoryEntry e : DirectoryLister.list(root)) {
            if (e.name().equals(FileSystemFacts.SYSTEM_VOLUME_INFORMATION)) {
                continue;
            }
            n++;
            if (e.isDirectory() && !e.isReparsePoint()) {
                n += listerWalk(root.resolve(e.name()));
            }
        }
        return n;
    }

    /** Seconds taken by {@code calls} FindNextFileW calls on a search of {@code directory} already at its end. */
    static double findNextAtTheEnd(String directory, int calls) {
        Exports x = Exports.current();
        Win32FindDataW data = new Win32FindDataW();
        Pointer h = x.findFirstFile(Utf16.toNative(directory + "\\*"), data.getPointer());
        if (Pointer.nativeValue(h) == Exports.INVALID_HANDLE_VALUE) {
            throw new IllegalStateException("FindFirstFileW " + directory + ": " + Win32Error.describe(x.lastError()));
        }
        try {
            while (x.findNextFile(h, data.getPointer())) {
                // to the end
            }
            long t = System.nanoTime();
            for (int i = 0; i < calls; i++) {
                if (x.findNextFile(h, data.getPointer())) {
                    throw new IllegalStateException("FindNextFileW found an entry after the end");
                }
            }
            return (System.nanoTime() - t) / 1e9;
        } finally {
            x.findClose(h);
        }
    }
}
