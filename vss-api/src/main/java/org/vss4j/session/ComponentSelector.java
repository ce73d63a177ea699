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
 *
 * <p>{@link #selectOnVolumes} chooses without a caller's list, as vshadow does by default (Windows-classic-samples
 * VShadowVolumeShadowCopy): the top-level components of every writer (selectable ones and nonselectable roots),
 * each with its component set, except those whose files are not all inside the sources: on a volume given whole, or
 * under a directory given (a component spanning C: is left out of a backup of C:\docs). A dependency on
 * a component left out leaves its dependent out too; a nonselectable root left out leaves its whole writer out, since
 * a writer that takes part needs it. Each component left out says why ({@link #leftOutReason}).
 */
final class ComponentSelector {

    private final List<GatheredWriter> writers;
    private final Map<GatheredWriter, Map<WriterComponentInfo, String>> picked = new LinkedHashMap<>();
    /** Why each picked component was picked (the first reason), for {@link ComponentChoice}. */
    private final Map<ComponentRef, String> reasons = new LinkedHashMap<>();
    /** Top-level components {@link #selectOnVolumes} left out, with why. */
    private final Map<ComponentRef, String> leftOut = new LinkedHashMap<>();
    /** Writers {@link #selectOnVolumes} left out whole, with why. */
    private final Map<GatheredWriter, String> writerLeftOut = new LinkedHashMap<>();

    static final String ON_SET_VOLUMES = "selected: its files are all inside the sources (on a volume given, or "
            + "under a directory given)";
    static final String NONSELECTABLE_ROOT = "nonselectable with no selectable ancestor: added whenever its "
            + "writer takes part (Microsoft docs, \"Working with Selectability for Backup\")";

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

    /**
     * Every top-level component of every writer whose files (its component set's included, and those of the
     * components it depends on) all lie inside {@code sources}: on a volume given whole, or under a directory given.
     */
    List<SelectedComponent> selectOnVolumes(List<ResolvedPath> sources, ComponentVolumes where) {
        boolean changed = true;
        while (changed) {
            changed = false;
            for (GatheredWriter w : writers) {
                if (writerLeftOut.containsKey(w)) {
                    continue;
                }
                for (WriterComponentInfo root : rootsOf(w)) {
                    ComponentRef ref = w.refOf(root);
                    if (leftOut.containsKey(ref)) {
                        continue;
                    }
                    String why = where.outsideOf(sources, w.setOf(root).stream().map(w::refOf).toList());
                    if (why == null) {
                        why = dependencyLeftOut(w, root);
                    }
                    if (why != null) {
                        leftOut.put(ref, why);
                        changed = true;
                        if (!root.selectable()) {
                            writerLeftOut.put(w, "its nonselectable component " + GatheredWriter.fullPath(root)
                                    + ", which a writer that takes part needs, is left out: " + why);
                        }
                    }
                }
            }
        }
        for (GatheredWriter w : writers) {
            if (writerLeftOut.containsKey(w)) {
                continue;
            }
            for (WriterComponentInfo root : rootsOf(w)) {
                if (!leftOut.containsKey(w.refOf(root))) {
                    pick(w, root, null, root.selectable() ? ON_SET_VOLUMES : NONSELECTABLE_ROOT);
                }
            }
        }
        addDependencies();
        return result();
    }

    private static List<WriterComponentInfo> rootsOf(GatheredWriter w) {
        return w.components().stream().filter(c -> w.ancestorsOf(c).isEmpty()).toList();
    }

    /** Why a dependency of {@code root}'s component set cannot be met in this selection, or null. */
    private String dependencyLeftOut(GatheredWriter w, WriterComponentInfo root) {
        for (WriterComponentInfo member : w.setOf(root)) {
            for (ComponentDependency d : member.dependencies()) {
                String of = (member == root ? "it" : GatheredWriter.fullPath(member)) + " depends on " + path(d);
                GatheredWriter target = writers.stream().filter(x -> x.ref().writerId().equals(d.writerId()))
                        .findFirst().orElse(null);
                if (target == null) {
                    return of + " of writer class " + d.writerId() + ", which did not report metadata (not "
                            + "running, failed Identify, or excluded)";
                }
                WriterComponentInfo on = target.components().stream().filter(x -> sameComponent(x, d)).findFirst()
                        .orElse(null);
                if (on == null) {
                    return of + ", which writer " + target.ref() + " does not declare";
                }
                if (writerLeftOut.containsKey(target)) {
                    return of + " (writer " + target.ref() + "), whose writer is left out: "
                            + writerLeftOut.get(target);
                }
                List<WriterComponentInfo> chain = new ArrayList<>(target.ancestorsOf(on));
                WriterComponentInfo top = chain.isEmpty() ? on : chain.get(chain.size() - 1);
                String why = leftOut.get(target.refOf(top));
                if (why != null) {
                    return of + " (writer " + target.ref() + "), which is left out: " + why;
                }
            }
        }
        return null;
    }

    /**
     * Why {@link #selectOnVolumes} left {@code c} of {@code w} out (its writer, its component set, or itself), or
     * null if it did not.
     */
    String leftOutReason(GatheredWriter w, WriterComponentInfo c) {
        if (writerLeftOut.containsKey(w)) {
            return "its writer is left out: " + writerLeftOut.get(w);
        }
        List<WriterComponentInfo> chain = w.ancestorsOf(c);
        WriterComponentInfo top = chain.isEmpty() ? c : chain.get(chain.size() - 1);
        String why = leftOut.get(w.refOf(top));
        if (why == null) {
            return null;
        }
        return top == c ? "left out: " + why : "left out with its component set " + GatheredWriter.fullPath(top)
                + ": " + why;
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
                reasons.putIfAbsent(w.refOf(top), NONSELECTABLE_ROOT);
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
