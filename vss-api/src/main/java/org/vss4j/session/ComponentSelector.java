package org.vss4j.session;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vss4j.ComponentDependency;
import org.vss4j.VssHresult;
import org.vss4j.WriterComponentInfo;

/**
 * Chooses the components to add to the Backup Components Document from the caller's selections, by the rules of
 * Microsoft "Working with Selectability for Backup" and the selectability glossary entry:
 * <ul>
 * <li>a selectable component may be added; adding it includes its component set (its subcomponents) implicitly, so a
 * component below one already added is not added again;</li>
 * <li>a nonselectable component with a selectable ancestor cannot be added on its own: it comes with its set;</li>
 * <li>nonselectable components with no selectable ancestor must be added whenever the writer takes part;</li>
 * <li>a component's dependencies on other writers' components (Microsoft "Dependencies between Components Managed by
 * Different Writers") are added too, or the selection fails naming the missing writer or component.</li>
 * </ul>
 * Writers excluded before GatherWriterMetadata never reported metadata, so selecting them fails here.
 */
final class ComponentSelector {

    private final List<GatheredWriter> writers;
    private final Map<GatheredWriter, Map<WriterComponentInfo, String>> picked = new LinkedHashMap<>();
    /** Why each picked component was picked (the first reason), for {@link ComponentChoice}. */
    private final Map<ComponentRef, String> reasons = new LinkedHashMap<>();

    ComponentSelector(List<GatheredWriter> writers) {
        this.writers = writers;
    }

    List<SelectedComponent> select(List<ComponentSelection> selections) {
        for (ComponentSelection s : selections) {
            List<GatheredWriter> matching = writers.stream().filter(w -> s.names(w.ref())).toList();
            if (matching.isEmpty()) {
                throw fail(VssHresult.VSS_E_OBJECT_NOT_FOUND, "no writer " + s.writerLabel() + " reported metadata "
                        + "(it is not running, failed Identify, or was excluded)");
            }
            for (GatheredWriter w : matching) {
                if (s.isWholeWriter()) {
                    w.components().stream().filter(c -> w.ancestorsOf(c).isEmpty())
                            .forEach(c -> pick(w, c, s.backupOptions(), "selected (its whole writer was selected)"));
                } else {
                    WriterComponentInfo c = w.components().stream().filter(x -> s.names(w.refOf(x))).findFirst()
                            .orElseThrow(() -> fail(VssHresult.VSS_E_OBJECT_NOT_FOUND, "writer " + w.ref()
                                    + " has no component " + s.componentPath()));
                    pickSelectable(w, c, s.backupOptions(), "selected");
                }
            }
        }
        addDependencies();
        return result();
    }

    /** Picks {@code c}, or fails if it is nonselectable below a selectable ancestor. */
    private void pickSelectable(GatheredWriter w, WriterComponentInfo c, String options, String why) {
        if (!c.selectable()) {
            WriterComponentInfo set = w.ancestorsOf(c).stream().filter(WriterComponentInfo::selectable).findFirst()
                    .orElse(null);
            if (set != null) {
                throw fail(VssHresult.E_INVALIDARG, "component " + w.refOf(c) + " (" + why + ") is not selectable "
                        + "for backup; it is backed up with its component set " + GatheredWriter.fullPath(set));
            }
        }
        pick(w, c, options, why);
    }

    private void pick(GatheredWriter w, WriterComponentInfo c, String options, String why) {
        Map<WriterComponentInfo, String> mine = picked.computeIfAbsent(w, k -> new LinkedHashMap<>());
        mine.merge(c, options == null ? "" : options, (a, b) -> a.isEmpty() ? b : a);
        reasons.putIfAbsent(w.refOf(c), why);
        // A writer that takes part needs all its nonselectable components without a selectable ancestor.
        for (WriterComponentInfo top : w.components()) {
            if (!top.selectable() && w.ancestorsOf(top).stream().noneMatch(WriterComponentInfo::selectable)) {
                mine.putIfAbsent(top, "");
                reasons.putIfAbsent(w.refOf(top), "nonselectable with no selectable ancestor: added whenever its "
                        + "writer takes part (Microsoft docs, \"Working with Selectability for Backup\")");
            }
        }
    }

    /** Why {@code c} was picked, or null if it was not. */
    String reasonOf(ComponentRef c) {
        return reasons.get(c);
    }

    private boolean covered(GatheredWriter w, WriterComponentInfo c) {
        Map<WriterComponentInfo, String> mine = picked.get(w);
        return mine != null && (mine.containsKey(c) || w.ancestorsOf(c).stream().anyMatch(mine::containsKey));
    }

    private void addDependencies() {
        Deque<GatheredWriter> work = new ArrayDeque<>(picked.keySet());
        while (!work.isEmpty()) {
            GatheredWriter w = work.pop();
            for (WriterComponentInfo root : List.copyOf(picked.get(w).keySet())) {
                for (WriterComponentInfo member : w.setOf(root)) {
                    for (ComponentDependency d : member.dependencies()) {
                        GatheredWriter target = writers.stream().filter(x -> x.ref().writerId().equals(d.writerId()))
                                .findFirst().orElseThrow(() -> fail(VssHresult.VSS_E_OBJECT_NOT_FOUND, "component "
                                        + w.refOf(member) + " depends on " + path(d) + " of writer class "
                                        + d.writerId() + ", which did not report metadata (not running, failed "
                                        + "Identify, or excluded)"));
                        WriterComponentInfo on = target.components().stream().filter(x -> sameComponent(x, d))
                                .findFirst().orElseThrow(() -> fail(VssHresult.VSS_E_OBJECT_NOT_FOUND, "component "
                                        + w.refOf(member) + " depends on " + path(d) + ", which writer "
                                        + target.ref() + " does not declare"));
                        if (!covered(target, on)) {
                            WriterComponentInfo add = on.selectable() ? on : target.ancestorsOf(on).stream()
                                    .filter(WriterComponentInfo::selectable).findFirst().orElse(on);
                            pick(target, add, null, "a dependency of " + w.refOf(member).fullPath()
                                    + " (writer " + w.ref() + ") pulled it in");
                            work.push(target);
                        }
                    }
                }
            }
        }
    }

    private static boolean sameComponent(WriterComponentInfo c, ComponentDependency d) {
        String lp = c.logicalPath() == null ? "" : c.logicalPath();
        String dp = d.logicalPath() == null ? "" : d.logicalPath();
        return lp.equalsIgnoreCase(dp) && c.name().equalsIgnoreCase(d.componentName());
    }

    private static String path(ComponentDependency d) {
        return d.logicalPath() == null || d.logicalPath().isEmpty() ? d.componentName()
                : d.logicalPath() + "\\" + d.componentName();
    }

    /** The picked components, without those an added ancestor already includes. */
    private List<SelectedComponent> result() {
        List<SelectedComponent> out = new ArrayList<>();
        picked.forEach((w, mine) -> mine.forEach((c, options) -> {
            if (w.ancestorsOf(c).stream().noneMatch(mine::containsKey)) {
                out.add(new SelectedComponent(w, c, w.setOf(c), options.isEmpty() ? null : options));
            }
        }));
        return out;
    }

    private static BackupException fail(VssHresult hr, String detail) {
        return BackupException.of(BackupPhase.SELECT_COMPONENTS, hr.code(), detail, null);
    }
}
