package org.vss4j.cli;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/** What {@code vss doctor} found; {@code --json} prints it as it is. */
@JsonPropertyOrder({"backupPossible", "blocking", "warnings", "findings"})
record DoctorReport(List<Finding> findings) {

    DoctorReport {
        findings = List.copyOf(findings);
    }

    /** True when no finding blocks a backup (the command then exits with 0). */
    @JsonProperty
    public boolean backupPossible() {
        return blocking() == 0;
    }

    @JsonProperty
    public long blocking() {
        return count(Severity.BLOCKING);
    }

    @JsonProperty
    public long warnings() {
        return count(Severity.WARNING);
    }

    private long count(Severity s) {
        return findings.stream().filter(f -> f.severity() == s).count();
    }
}
