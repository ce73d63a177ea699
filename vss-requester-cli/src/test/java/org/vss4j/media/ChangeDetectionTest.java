package org.vss4j.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Which file an incremental or differential set takes again, by the rule of {@link ChangeDetection}. */
class ChangeDetectionTest {

    static final Instant PARENT = Instant.parse("2026-03-01T10:00:00Z");
    static final Instant WRITTEN = PARENT.minusSeconds(3600);
    static final Instant CHANGED = PARENT.minusSeconds(1800);

    static FileMetadata meta(Instant lastWrite, int attributes, Instant changeTime) {
        return new FileMetadata(null, null, null, null, null, "D:\\a.txt", WRITTEN, lastWrite, attributes,
                changeTime);
    }

    static final CatalogRow BEFORE = new CatalogRow("D/a.txt", "D", "a.txt", meta(WRITTEN, 0x20, CHANGED), 5, "ab",
            0);

    @Test
    void aFileLikeItsRowIsUnchanged() {
        for (ChangeDetection c : ChangeDetection.values()) {
            assertThat(c.changed(meta(WRITTEN, 0x20, CHANGED), 5, BEFORE, PARENT)).as(c.name()).isFalse();
        }
    }

    @Test
    void newSizeTimeOrAttributesAreChanges() {
        for (ChangeDetection c : ChangeDetection.values()) {
            assertThat(c.changed(meta(WRITTEN, 0x20, CHANGED), 5, null, PARENT)).isTrue();
            assertThat(c.changed(meta(WRITTEN, 0x20, CHANGED), 6, BEFORE, PARENT)).isTrue();
            assertThat(c.changed(meta(WRITTEN.minusSeconds(1), 0x20, CHANGED), 5, BEFORE, PARENT)).isTrue();
            assertThat(c.changed(meta(WRITTEN, 0x21, CHANGED), 5, BEFORE, PARENT)).isTrue();
        }
    }

    @Test
    void aLastWriteAfterTheParentsSnapshotIsAChangeEvenIfTheRowSaysSo() {
        CatalogRow late = new CatalogRow("D/a.txt", "D", "a.txt", meta(PARENT.plusSeconds(1), 0x20, CHANGED), 5, "ab",
                0);
        assertThat(ChangeDetection.WITHOUT_CHANGE_TIME.changed(meta(PARENT.plusSeconds(1), 0x20, CHANGED), 5, late,
                PARENT)).isTrue();
    }

    @Test
    void theChangeTimeCountsOnlyWhereItIsCompared() {
        FileMetadata chmodded = meta(WRITTEN, 0x20, CHANGED.plusSeconds(1));
        assertThat(ChangeDetection.WITH_CHANGE_TIME.changed(chmodded, 5, BEFORE, PARENT)).isTrue();
        assertThat(ChangeDetection.WITHOUT_CHANGE_TIME.changed(chmodded, 5, BEFORE, PARENT)).isFalse();
        CatalogRow lateChange = new CatalogRow("D/a.txt", "D", "a.txt", meta(WRITTEN, 0x20, PARENT.plusSeconds(5)),
                5, "ab", 0);
        assertThat(ChangeDetection.WITH_CHANGE_TIME.changed(meta(WRITTEN, 0x20, PARENT.plusSeconds(5)), 5,
                lateChange, PARENT)).isTrue();
    }
}
