package org.vss4j.sim;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.vss4j.sim.vss.WriterMetadataXml;

/**
 * The in-box writers of a Windows Server (Microsoft docs, "In-Box VSS Writers") as data: the resource
 * {@code inbox-writers.xml} holds one Writer Metadata Document per writer, in the schema Windows' {@code SaveAsXML}
 * writes, so the set is read by the same code that reads documents captured on real machines.
 */
final class InboxWriters {

    static final String RESOURCE = "inbox-writers.xml";

    private InboxWriters() {
    }

    /** A new writer object per in-box writer (each machine scripts its own), in the resource's order. */
    static List<SimulatedWriter> windowsServer() {
        return WriterMetadataXml.readAll(resource()).stream().map(SimulatedWriter::of).toList();
    }

    private static String resource() {
        try (InputStream in = InboxWriters.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the simulator's resource " + RESOURCE + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the simulator's resource " + RESOURCE, e);
        }
    }
}
