package org.vss4j.cli;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.vss4j.media.ComponentRow;

/**
 * The {@code WRITER[:LOGICAL\PATH\NAME]} arguments of {@code vss restore --writers} ({@code --component},
 * {@code --restore-options}, {@code --authoritative}, ...), resolved against the components the set's catalog records:
 * names matched without case, a writer or component the set does not hold a usage error naming what it holds.
 */
final class ComponentArguments {

    private final List<ComponentRow> rows;
    private final String setId;
    /** The components {@code --component} chose, by {@link WritersRestore#key}; empty: every one. */
    private Set<String> chosen = Set.of();

    ComponentArguments(List<ComponentRow> rows, String setId) {
        this.rows = rows;
        this.setId = setId;
    }

    /** Records what {@code --component} chose: a later request for another component would reach no writer. */
    void chosen(Set<String> keys) {
        this.chosen = Set.copyOf(keys);
    }

    /**
     * {@code WRITER} (every component of it in the set) or {@code WRITER:PATH}, checked against the set; an error
     * starts with {@code label}, the option and its argument.
     *
     * @return the components, by {@link WritersRestore#key}
     */
    List<String> choose(String label, String arg) {
        if (arg.isBlank()) {
            throw new UsageException(label + ": the writer is empty; give WRITER or WRITER:PATH (its writers: "
                    + writerNames() + ")");
        }
        int colon = arg.indexOf(':');
        String writer = colon < 0 ? arg : arg.substring(0, colon);
        String path = colon < 0 ? null : arg.substring(colon + 1);
        java.util.Optional<UUID> classId = GuidArgument.parse(writer);
        List<ComponentRow> ofWriter = rows.stream().filter(r -> r.writerId() != null
                && (classId.isPresent() ? classId.get().toString().equalsIgnoreCase(r.writerId())
                        : writer.equalsIgnoreCase(r.writerName()))).toList();
        if (ofWriter.isEmpty()) {
            throw new UsageException(label + ": set " + setId + " holds no component of a writer "
                    + (classId.isPresent() ? "of class " : "named ") + writer + " (its writers: " + writerNames()
                    + ")" + didYouMean(arg));
        }
        List<ComponentRow> found = path == null ? ofWriter : ofWriter.stream()
                .filter(r -> fullPath(r).equalsIgnoreCase(path)).toList();
        if (found.isEmpty()) {
            throw new UsageException(label + ": set " + setId + " holds no component " + path
                    + " of " + writer + " (its components: " + ofWriter.stream().map(ComponentArguments::fullPath)
                            .toList() + ")");
        }
        return found.stream().map(r -> WritersRestore.key(UUID.fromString(r.writerId()), fullPath(r))).distinct()
                .toList();
    }

    /** The set's writers, each as its name and class id (either one names it). */
    private List<String> writerNames() {
        return rows.stream().filter(r -> r.writerId() != null).map(r -> r.writerName() + " {" + r.writerId() + "}")
                .distinct().toList();
    }

    /**
     * For {@code WRITER\PATH} (as the output prints a component) whose prefix is a writer of the set: the
     * {@code WRITER:PATH} form to give; else empty.
     */
    private String didYouMean(String arg) {
        return rows.stream().map(ComponentRow::writerName).filter(java.util.Objects::nonNull).distinct()
                .filter(w -> arg.length() > w.length() + 1 && arg.regionMatches(true, 0, w, 0, w.length())
                        && arg.charAt(w.length()) == '\\')
                .findFirst().map(w -> "; did you mean " + w + ":" + arg.substring(w.length() + 1) + "?")
                .orElse("");
    }

    /**
     * {@link #choose}, and, with {@code --component}, each component one it chose: a request for a component not
     * restored would reach no writer.
     */
    List<String> chooseRestored(String label, String arg) {
        List<String> keys = choose(label, arg);
        for (String k : keys) {
            if (!chosen.isEmpty() && !chosen.contains(k)) {
                throw new UsageException(label + ": component " + pathOf(k) + " is not restored (--component "
                        + "chooses " + chosen.stream().map(ComponentArguments::pathOf).sorted().toList() + ")");
            }
        }
        return keys;
    }

    /** The writer class id of a {@link WritersRestore#key}. */
    static UUID writerOf(String key) {
        return UUID.fromString(key.substring(0, key.indexOf('\n')));
    }

    /** The component path ({@code logicalPath\name}, lower case) of a {@link WritersRestore#key}. */
    static String pathOf(String key) {
        return key.substring(key.indexOf('\n') + 1);
    }

    private static String fullPath(ComponentRow r) {
        return r.logicalPath() == null || r.logicalPath().isEmpty() ? r.name() : r.logicalPath() + "\\" + r.name();
    }
}
