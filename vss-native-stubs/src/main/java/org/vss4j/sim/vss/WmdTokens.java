package org.vss4j.sim.vss;

import java.util.Locale;
import java.util.Map;
import org.vss4j.NativeEnum;
import org.vss4j.RestoreMethod;
import org.vss4j.SourceType;
import org.vss4j.UsageType;
import org.vss4j.WriterRestore;

/**
 * The attribute values a Writer Metadata Document uses for VSS enums. They are the schema's own words, not the C
 * names: Windows' {@code IVssExamineWriterMetadata::SaveAsXML} writes {@code usage="BOOTABLE_SYSTEM_STATE"},
 * {@code dataSource="TRANSACTION_DB"}, {@code method="REPLACE_AT_REBOOT_IF_CANNOT_REPLACE"}, {@code writerRestore="never"}.
 * Microsoft documents the schema as for system use only (Microsoft docs, "VSS Metadata"), so the words here are the
 * ones seen in documents captured from Windows Server (the in-box writers and the SQL Server writer); the few no
 * captured document shows are marked as the simulator's choice (see docs/simulator-writers.md). Reading also accepts
 * the C names ({@code VSS_UT_USERDATA}), as documents written by earlier simulator versions use them.
 */
final class WmdTokens {

    private static final Map<NativeEnum, String> WORDS = Map.ofEntries(
            Map.entry(UsageType.UNDEFINED, "UNDEFINED"), // simulator's choice
            Map.entry(UsageType.BOOTABLESYSTEMSTATE, "BOOTABLE_SYSTEM_STATE"),
            Map.entry(UsageType.SYSTEMSERVICE, "SYSTEM_SERVICE"),
            Map.entry(UsageType.USERDATA, "USER_DATA"),
            Map.entry(UsageType.OTHER, "OTHER"),
            Map.entry(SourceType.UNDEFINED, "UNDEFINED"), // simulator's choice
            Map.entry(SourceType.TRANSACTEDDB, "TRANSACTION_DB"),
            Map.entry(SourceType.NONTRANSACTEDDB, "NONTRANSACTION_DB"), // simulator's choice
            Map.entry(SourceType.OTHER, "OTHER"),
            Map.entry(RestoreMethod.UNDEFINED, "UNDEFINED"), // simulator's choice
            Map.entry(RestoreMethod.RESTORE_IF_NOT_THERE, "RESTORE_IF_NONE_THERE"), // simulator's choice
            Map.entry(RestoreMethod.RESTORE_IF_CAN_REPLACE, "RESTORE_IF_CAN_BE_REPLACED"),
            Map.entry(RestoreMethod.STOP_RESTORE_START, "STOP_RESTART_SERVICE"), // simulator's choice
            Map.entry(RestoreMethod.RESTORE_TO_ALTERNATE_LOCATION, "RESTORE_TO_ALTERNATE_LOCATION"), // choice
            Map.entry(RestoreMethod.RESTORE_AT_REBOOT, "REPLACE_AT_REBOOT"),
            Map.entry(RestoreMethod.RESTORE_AT_REBOOT_IF_CANNOT_REPLACE, "REPLACE_AT_REBOOT_IF_CANNOT_REPLACE"),
            Map.entry(RestoreMethod.CUSTOM, "CUSTOM"), // simulator's choice
            Map.entry(RestoreMethod.RESTORE_STOP_START, "RESTORE_STOP_START"), // simulator's choice
            Map.entry(WriterRestore.UNDEFINED, "undefined"), // simulator's choice
            Map.entry(WriterRestore.NEVER, "never"),
            Map.entry(WriterRestore.IF_REPLACE_FAILS, "ifReplaceFails"), // simulator's choice
            Map.entry(WriterRestore.ALWAYS, "always"));

    private WmdTokens() {
    }

    /** The document's word for {@code value}. */
    static String word(NativeEnum value) {
        String w = WORDS.get(value);
        if (w == null) {
            throw new IllegalArgumentException("no Writer Metadata Document word for " + value.nativeName());
        }
        return w;
    }

    /** The constant of {@code values} whose document word or C name is {@code text} (case-insensitive). */
    static <E extends NativeEnum> E parse(E[] values, String text) {
        String t = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
        for (E e : values) {
            if (e.nativeName().equals(t) || WORDS.get(e).toUpperCase(Locale.ROOT).equals(t)) {
                return e;
            }
        }
        throw new IllegalArgumentException("unknown value '" + text + "'");
    }
}
