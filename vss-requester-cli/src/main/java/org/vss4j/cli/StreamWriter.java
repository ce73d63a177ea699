package org.vss4j.cli;

import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;

/**
 * A writer over one of the process's own byte streams ({@code System.out}, {@code System.err}) that also lets bytes
 * through unchanged: what an {@code --exec} command writes is passed on as the bytes it wrote ({@link OutputPump}),
 * binary output and text in another code page (a Windows console's OEM page) included.
 */
final class StreamWriter extends PrintWriter {

    private final PrintStream bytes;

    StreamWriter(PrintStream stream) {
        super(stream, true);
        this.bytes = stream;
    }

    /** The byte stream under this writer; flush this writer before writing to it. */
    OutputStream bytes() {
        return bytes;
    }
}
