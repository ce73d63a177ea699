package org.vss4j.session;

import java.util.Arrays;
import java.util.BitSet;

/**
 * What the caller reported of each item of a session, by the item's index in {@link BackupSession#items()}: saved,
 * failed with a cause, or nothing yet. Two bits per item, and the failures' causes in an array made at the first
 * failure, rather than one map entry per item.
 */
final class ItemReports {

    private final BitSet reported = new BitSet();
    private final BitSet saved = new BitSet();
    private String[] failures;

    /** Item {@code index} saved ({@code failure} null) or failed; a later report replaces an earlier one. */
    void report(int index, String failure) {
        reported.set(index);
        saved.set(index, failure == null);
        if (failure != null) {
            if (failures == null || failures.length <= index) {
                failures = failures == null ? new String[Math.max(16, index + 1)]
                        : Arrays.copyOf(failures, Math.max(failures.length * 2, index + 1));
            }
            failures[index] = failure;
        } else if (failures != null && index < failures.length) {
            failures[index] = null;
        }
    }

    boolean saved(int index) {
        return saved.get(index);
    }

    /** Why item {@code index} is not saved: the caller's cause, or {@code unreported}; null if it was saved. */
    String failure(int index, String unreported) {
        if (!reported.get(index)) {
            return unreported;
        }
        return saved.get(index) ? null : failures[index];
    }
}
