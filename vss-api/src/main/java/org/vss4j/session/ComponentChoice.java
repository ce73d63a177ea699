package org.vss4j.session;

/**
 * Whether a component a writer reported was added to the Backup Components Document, and why: what a requester shows
 * before a backup (a dry run) so that an administrator sees what a full backup would tell each writer.
 *
 * @param component  the component
 * @param selectable whether the writer declared it selectable for backup
 * @param added      whether the session added it ({@code AddComponent})
 * @param reason     why it is added or not, in words: selected; added because a writer that takes part needs it
 *                   (nonselectable with no selectable ancestor); pulled in as a dependency of another component;
 *                   included with its component set; not selectable on its own; not selected; volume mode; its
 *                   file sets are on no volume of the shadow copy set; or, when the session chose the components
 *                   ({@code allComponentsOnSetVolumes}), left out because its files (or its component set's) reach
 *                   a volume not in the set, a component it depends on is left out, or its writer is left out
 */
public record ComponentChoice(ComponentRef component, boolean selectable, boolean added, String reason) {
}
