package org.vss4j.media;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * A writer in a process of its own, for {@link CrashSafetyTest}: starts set {@code args[1]} in media {@code args[0]},
 * prints {@code started}, then adds files forever, printing {@code file N} after each; the test kills it. After
 * {@code args[2]} files it stops reading standard input's lines and blocks, so that the kill lands while a file's
 * data is half written.
 */
public final class SlowWriterMain {

    private SlowWriterMain() {
    }

    public static void main(String[] args) throws IOException {
        Path media = Path.of(args[0]);
        int halfAfter = Integer.parseInt(args[2]);
        BackupSetWriter w = BackupSetWriter.start(media, MediaFixtures.copySet(args[1]));
        System.out.println("started");
        System.out.flush();
        for (int i = 0; ; i++) {
            if (i == halfAfter) {
                // Half of a file's bytes, then a read that blocks on standard input until the kill.
                InputStream half = new java.io.SequenceInputStream(new ByteArrayInputStream(new byte[4096]), System.in);
                System.out.println("half");
                System.out.flush();
                w.addFile("D", "blocked.bin", MediaFixtures.meta("D:\\blocked.bin"), 1 << 20, half);
            }
            MediaFixtures.add(w, "f" + i + ".txt", "file " + i);
            System.out.println("file " + i);
            System.out.flush();
        }
    }
}
