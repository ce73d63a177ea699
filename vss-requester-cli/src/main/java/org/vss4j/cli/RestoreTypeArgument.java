package org.vss4j.cli;

import java.util.List;
import java.util.Locale;
import org.vss4j.RestoreType;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code vss restore --writers --restore-type}: the restore type SetRestoreState tells the writers (Microsoft docs,
 * "VSS_RESTORE_TYPE enumeration"): {@code by-copy}, backed-up data restored to the original volume (the default);
 * {@code import}, no data copied, a transportable shadow copy imported and used instead; {@code other}, a type the
 * enumeration does not name (the page says it indicates an application error; offered for writers that expect it).
 * VSS_RTYPE_UNDEFINED is not offered: the same page calls it an error on the part of the requester.
 */
final class RestoreTypeArgument implements ITypeConverter<RestoreType> {

    /** The names, for the help ({@code ${COMPLETION-CANDIDATES}}) and the error. */
    static final class Names implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return NAMES.iterator();
        }
    }

    static final List<String> NAMES = List.of("by-copy", "import", "other");

    @Override
    public RestoreType convert(String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "by-copy" -> RestoreType.BY_COPY;
            case "import" -> RestoreType.IMPORT;
            case "other" -> RestoreType.OTHER;
            default -> throw new TypeConversionException("'" + value + "' is no restore type: give one of "
                    + String.join(", ", NAMES));
        };
    }
}
