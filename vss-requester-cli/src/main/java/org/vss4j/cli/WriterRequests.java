package org.vss4j.cli;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.vss4j.RollForwardType;
import org.vss4j.session.RestoreSessionBuilder;

/**
 * What {@code vss restore --writers} asks of the writers besides the files: the procedures it may perform
 * ({@code --stop-services}, {@code --at-reboot}) and the requests recorded before PreRestore
 * ({@code --authoritative}, {@code --roll-forward}, {@code --restore-name}, {@code --additional-restores};
 * docs/restore-session.md, "Requests before PreRestore").
 *
 * @param stopServices       {@code --stop-services}: {@link RestoreSessionBuilder#stopServices}
 * @param atReboot           {@code --at-reboot}: {@link RestoreSessionBuilder#restoreAtReboot}
 * @param authoritative      {@code --authoritative WRITER[:PATH]} arguments
 * @param rollForward        {@code --roll-forward WRITER[:PATH]=all|none|partial:POINT} arguments
 * @param restoreName        {@code --restore-name WRITER:PATH=NAME} arguments
 * @param additionalRestores {@code --additional-restores WRITER[:PATH]} arguments
 */
record WriterRequests(boolean stopServices, boolean atReboot, List<String> authoritative, List<String> rollForward,
        List<String> restoreName, List<String> additionalRestores) {

    /** The first of these options given, for "goes with --writers"; null if none is. */
    String firstGiven() {
        return stopServices ? "--stop-services" : atReboot ? "--at-reboot" : !authoritative.isEmpty()
                ? "--authoritative" : !rollForward.isEmpty() ? "--roll-forward" : !restoreName.isEmpty()
                        ? "--restore-name" : !additionalRestores.isEmpty() ? "--additional-restores" : null;
    }

    /**
     * What was asked of one component's writer before PreRestore, for the report: {@code rollForward} as given
     * ({@code all}, {@code none}, {@code partial:POINT}), {@code restoreName} the new logical name; null or false when
     * not asked.
     */
    record Asked(boolean authoritative, String rollForward, String restoreName, boolean additionalRestores) {

        static final Asked NOTHING = new Asked(false, null, null, false);

        /** Both requests; a later roll-forward or name replaces an earlier one, as on the builder. */
        Asked and(Asked later) {
            return new Asked(authoritative || later.authoritative, later.rollForward != null ? later.rollForward
                    : rollForward, later.restoreName != null ? later.restoreName : restoreName,
                    additionalRestores || later.additionalRestores);
        }
    }

    /**
     * Puts every request on {@code builder}, each component resolved by {@code components}.
     *
     * @return what was asked, by {@link WritersRestore#key}
     */
    Map<String, Asked> applyTo(RestoreSessionBuilder builder, ComponentArguments components) {
        builder.stopServices(stopServices).restoreAtReboot(atReboot);
        Map<String, Asked> asked = new HashMap<>();
        for (String arg : authoritative) {
            components.chooseRestored("--authoritative " + arg, arg).forEach(k -> {
                builder.authoritativeRestore(ComponentArguments.writerOf(k), ComponentArguments.pathOf(k), true);
                asked.merge(k, new Asked(true, null, null, false), Asked::and);
            });
        }
        for (String arg : additionalRestores) {
            components.chooseRestored("--additional-restores " + arg, arg).forEach(k -> {
                builder.additionalRestores(ComponentArguments.writerOf(k), ComponentArguments.pathOf(k), true);
                asked.merge(k, new Asked(false, null, null, true), Asked::and);
            });
        }
        for (String arg : rollForward) {
            String label = "--roll-forward " + arg;
            int eq = arg.indexOf('=');
            if (eq <= 0) {
                throw new UsageException(label + ": give it as WRITER[:PATH]=all, =none or =partial:POINT (how far "
                        + "the writer rolls the component forward, SetRollForward; POINT is a restore point in the "
                        + "writer's terms)");
            }
            String how = arg.substring(eq + 1);
            RollForwardType type;
            String point = null;
            switch (how.toLowerCase(Locale.ROOT)) {
                case "all" -> type = RollForwardType.ALL;
                case "none" -> type = RollForwardType.NONE;
                default -> {
                    if (!how.regionMatches(true, 0, "partial:", 0, 8) || how.length() == 8) {
                        throw new UsageException(label + ": '" + how + "' is no roll-forward: give all, none or "
                                + "partial:POINT (VSS_RF_ALL, VSS_RF_NONE, VSS_RF_PARTIAL up to POINT, a restore "
                                + "point in the writer's terms)");
                    }
                    type = RollForwardType.PARTIAL;
                    point = how.substring(8);
                }
            }
            String p = point;
            String given = type == RollForwardType.PARTIAL ? "partial:" + point : how.toLowerCase(Locale.ROOT);
            components.chooseRestored(label, arg.substring(0, eq)).forEach(k -> {
                builder.rollForward(ComponentArguments.writerOf(k), ComponentArguments.pathOf(k), type, p);
                asked.merge(k, new Asked(false, given, null, false), Asked::and);
            });
        }
        for (String arg : restoreName) {
            String label = "--restore-name " + arg;
            int eq = arg.indexOf('=');
            String target = eq <= 0 ? "" : arg.substring(0, eq);
            if (eq <= 0 || eq == arg.length() - 1 || !target.contains(":")) {
                throw new UsageException(label + ": give it as WRITER:PATH=NAME (one component, by its logical path "
                        + "and name, and the new logical name the writer restores it under, SetRestoreName)");
            }
            String name = arg.substring(eq + 1);
            components.chooseRestored(label, target).forEach(k -> {
                builder.restoreName(ComponentArguments.writerOf(k), ComponentArguments.pathOf(k), name);
                asked.merge(k, new Asked(false, null, name, false), Asked::and);
            });
        }
        return asked;
    }
}
