package org.vss4j;

/**
 * The state of a shadow copy ({@code VSS_SNAPSHOT_PROP.m_eStatus}).
 *
 * <p>Mirrors the C enum {@code VSS_SNAPSHOT_STATE}; values from {@code vss.h} (checked against the mingw-w64 headers).
 */
public enum SnapshotState implements NativeEnum {
    /** VSS_SS_UNKNOWN = 0. */
    UNKNOWN(0, "VSS_SS_UNKNOWN"),
    /** VSS_SS_PREPARING = 1. */
    PREPARING(1, "VSS_SS_PREPARING"),
    /** VSS_SS_PROCESSING_PREPARE = 2. */
    PROCESSING_PREPARE(2, "VSS_SS_PROCESSING_PREPARE"),
    /** VSS_SS_PREPARED = 3. */
    PREPARED(3, "VSS_SS_PREPARED"),
    /** VSS_SS_PROCESSING_PRECOMMIT = 4. */
    PROCESSING_PRECOMMIT(4, "VSS_SS_PROCESSING_PRECOMMIT"),
    /** VSS_SS_PRECOMMITTED = 5. */
    PRECOMMITTED(5, "VSS_SS_PRECOMMITTED"),
    /** VSS_SS_PROCESSING_COMMIT = 6. */
    PROCESSING_COMMIT(6, "VSS_SS_PROCESSING_COMMIT"),
    /** VSS_SS_COMMITTED = 7. */
    COMMITTED(7, "VSS_SS_COMMITTED"),
    /** VSS_SS_PROCESSING_POSTCOMMIT = 8. */
    PROCESSING_POSTCOMMIT(8, "VSS_SS_PROCESSING_POSTCOMMIT"),
    /** VSS_SS_PROCESSING_PREFINALCOMMIT = 9. */
    PROCESSING_PREFINALCOMMIT(9, "VSS_SS_PROCESSING_PREFINALCOMMIT"),
    /** VSS_SS_PREFINALCOMMITTED = 10. */
    PREFINALCOMMITTED(10, "VSS_SS_PREFINALCOMMITTED"),
    /** VSS_SS_PROCESSING_POSTFINALCOMMIT = 11. */
    PROCESSING_POSTFINALCOMMIT(11, "VSS_SS_PROCESSING_POSTFINALCOMMIT"),
    /** VSS_SS_CREATED = 12. */
    CREATED(12, "VSS_SS_CREATED"),
    /** VSS_SS_ABORTED = 13. */
    ABORTED(13, "VSS_SS_ABORTED"),
    /** VSS_SS_DELETED = 14. */
    DELETED(14, "VSS_SS_DELETED"),
    /** VSS_SS_POSTCOMMITTED = 15. */
    POSTCOMMITTED(15, "VSS_SS_POSTCOMMITTED"),
    /** VSS_SS_COUNT = 16. */
    COUNT(16, "VSS_SS_COUNT");

    private final int value;
    private final String nativeName;

    SnapshotState(int value, String nativeName) {
        this.value = value;
        this.nativeName = nativeName;
    }

    @Override
    public int value() {
        return value;
    }

    @Override
    public String nativeName() {
        return nativeName;
    }

    /** The constant with the native value {@code value}. */
    public static SnapshotState fromValue(int value) {
        return NativeEnum.decode(SnapshotState.class, value);
    }
}
