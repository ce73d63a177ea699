package org.vss4j;

/**
 * {@code IVssExamineWriterMetadataEx::GetIdentityEx}: the writer's identity and its instance name (writers that run
 * several instances of one class tell them apart by it; empty or null for a single-instance writer).
 *
 * @param identity     instance and class ids, name, usage and source type
 * @param instanceName the writer instance name
 */
public record WriterIdentityEx(WriterIdentity identity, String instanceName) {
}
