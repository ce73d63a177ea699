package org.vss4j.cli;

import java.util.Map;

/**
 * The session's reasons and refusals as the command line reads them: where {@code RestoreSession} names the builder
 * call that allows or asks something, the command names its own option ({@code RestoreSessionBuilder.stopServices(true)}
 * is {@code --stop-services}, {@code newTargetRoot} is {@code --to}, ...).
 */
final class SessionTexts {

    /** The builder's words and the options that stand for them, longest first so none replaces part of another. */
    private static final Map<String, String> OPTIONS = new java.util.LinkedHashMap<>();

    static {
        OPTIONS.put("RestoreSessionBuilder.stopServices(true)", "--stop-services");
        OPTIONS.put("RestoreSessionBuilder.restoreAtReboot(true)", "--at-reboot");
        OPTIONS.put("newTargetRoot", "--to");
    }

    /** The schema flag each request needs, and the option that asked for it (docs/restore-session.md). */
    private static final Map<String, String> FLAGS = Map.of(
            "VSS_BS_WRITER_SUPPORTS_NEW_TARGET", "--to",
            "VSS_BS_AUTHORITATIVE_RESTORE", "--authoritative",
            "VSS_BS_ROLLFORWARD_RESTORE", "--roll-forward",
            "VSS_BS_RESTORE_RENAME", "--restore-name");

    private SessionTexts() {
    }

    /** {@code text} with the builder calls it names replaced by the options; null stays null. */
    static String cli(String text) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (Map.Entry<String, String> e : OPTIONS.entrySet()) {
            out = out.replace(e.getKey(), e.getValue());
        }
        return out;
    }

    /**
     * What the session says went wrong, without the failed call and HRESULT in front (the output gives them in
     * their own fields) and without the HRESULT's generic meaning at the end ({@code VssException}'s
     * "CALL failed: HRESULT [WHAT] - MEANING").
     */
    static String detailOf(org.vss4j.VssException e) {
        String m = e.getMessage();
        String meaning = " - " + org.vss4j.VssHresult.explain(e.hresult());
        if (m.endsWith(meaning)) {
            m = m.substring(0, m.length() - meaning.length());
        }
        int open = m.indexOf(" [");
        return open >= 0 && m.endsWith("]") ? m.substring(open + 2, m.length() - 1) : m;
    }

    /**
     * The option to drop for a request the session refused because the writer's backup schema lacks a flag; null
     * if {@code message} names none of them.
     */
    static String optionRefused(String message) {
        return FLAGS.entrySet().stream().filter(e -> message.contains(e.getKey())).map(Map.Entry::getValue)
                .findFirst().orElse(null);
    }
}
