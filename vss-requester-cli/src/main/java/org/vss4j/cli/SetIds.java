package org.vss4j.cli;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/**
 * Names for new backup sets: the UTC time to the millisecond, then six random hex digits
 * ({@code 20261201T164512.345Z-3fa9c1}). Names sort as their sets were started; two runs in the same millisecond
 * still differ. Only letters, digits, {@code .} and {@code -}: a valid set id (docs/backup-sets.md).
 */
final class SetIds {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final SecureRandom RANDOM = new SecureRandom();

    private SetIds() {
    }

    static String next(Instant now) {
        byte[] b = new byte[3];
        RANDOM.nextBytes(b);
        return UTC.format(now) + "-" + HexFormat.of().formatHex(b);
    }
}
