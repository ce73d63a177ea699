package org.vss4j.session;

import java.util.List;
import java.util.Locale;
import org.vss4j.WriterComponentInfo;
import org.vss4j.WriterMetadata;

/**
 * A writer that answered Identify: its metadata, read whole, and its Writer Metadata Document as saved XML.
 *
 * @param ref      the writer
 * @param metadata its metadata
 * @param xml      its document ({@code IVssExamineWriterMetadata::SaveAsXML})
 */
record GatheredWriter(WriterRef ref, WriterMetadata metadata, String xml) {

    List<WriterComponentInfo> components() {
        return metadata.components();
    }

    ComponentRef refOf(WriterComponentInfo c) {
        return new ComponentRef(ref, c.type(), c.logicalPath(), c.name());
    }

    /** {@code logicalPath\name} of a component, or {@code name} without a logical path. */
    static String fullPath(WriterComponentInfo c) {
        return c.logicalPath() == null || c.logicalPath().isEmpty() ? c.name() : c.logicalPath() + "\\" + c.name();
    }

    /**
     * Whether {@code other} is a subcomponent of {@code c}: its logical path is {@code c}'s full path or lies below
     * it (Microsoft "Logical Pathing of Components": a component set is a component and the components whose logical
     * paths start with its full path).
     */
    static boolean contains(WriterComponentInfo c, WriterComponentInfo other) {
        if (c == other || other.logicalPath() == null || other.logicalPath().isEmpty()) {
            return false;
        }
        String mine = fullPath(c).toLowerCase(Locale.ROOT);
        String path = other.logicalPath().toLowerCase(Locale.ROOT);
        return path.equals(mine) || path.startsWith(mine + "\\");
    }

    /** The components above {@code c} in the logical path hierarchy, nearest first. */
    List<WriterComponentInfo> ancestorsOf(WriterComponentInfo c) {
        return components().stream().filter(a -> contains(a, c))
                .sorted((a, b) -> fullPath(b).length() - fullPath(a).length()).toList();
    }

    /** {@code c} and every component of its component set. */
    List<WriterComponentInfo> setOf(WriterComponentInfo c) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(c),
                components().stream().filter(s -> contains(c, s))).toList();
    }
}
