package org.vss4j.sim;

import org.vss4j.sim.vss.WriterMetadataXml;

/** Writer Metadata Documents for tests, written by the simulator's own serializer. */
final class WriterMetadataXmlOf {

    private WriterMetadataXmlOf() {
    }

    /** A writer with no components. */
    static String simpleWriter() {
        return WriterMetadataXml.write(SimulatedWriter.builder("Simple Writer").build().metadata());
    }
}
