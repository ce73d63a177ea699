package org.vss4j;

/**
 * {@code IVssExamineWriterMetadataEx2::GetVersion(&dwMajorVersion, &dwMinorVersion)}: the version a writer declares.
 * The DWORDs are unsigned; a value above {@link Integer#MAX_VALUE} reads as negative here.
 *
 * @param major the major version
 * @param minor the minor version
 */
public record WriterVersion(int major, int minor) {
}
