package org.vss4j.session;

/**
 * One file set of a component, resolved to volumes: where its files are on the live system ({@code normal}) and, when
 * the writer gave an alternate path, where they are read from during the backup ({@code alternate}; Microsoft docs,
 * "Overview of Actual Backup Of Files").
 *
 * @param component the component that declares the file set
 * @param added     the component added to the document that covers it, or null (volume mode attribution)
 * @param normal    the file set's path
 * @param alternate the alternate path, or null
 * @param pattern   the filespec
 * @param recursive whether subdirectories are included
 */
record FileSource(ComponentRef component, ComponentRef added, ResolvedPath normal, ResolvedPath alternate,
        FileSpecPattern pattern, boolean recursive) {

    /** Where the files are read from. */
    ResolvedPath source() {
        return alternate != null ? alternate : normal;
    }

    /** Whether the live file {@code volumeId|relativeDir\name} belongs to this file set. */
    boolean matches(String volumeId, String relativeDir, String name) {
        return PathRules.covers(normal, recursive, volumeId, relativeDir) && pattern.matches(name);
    }
}
