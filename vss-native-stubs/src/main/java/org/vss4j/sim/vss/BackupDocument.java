package org.vss4j.sim.vss;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.vss4j.BackupType;
import org.vss4j.ComponentType;
import org.vss4j.FileRestoreStatus;
import org.vss4j.RestoreType;
import org.vss4j.RollForwardType;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The Backup Components Document of one requester: backup state, the components the requester added (with their
 * backup-succeeded flag, backup options and previous backup stamp), the writers that took part, and the snapshot set.
 * Written in the shape of VSS's {@code VssComponentMetadata} schema ({@code BACKUP_COMPONENTS},
 * {@code WRITER_COMPONENTS}, {@code COMPONENT}, {@code SNAPSHOT_SET_DESCRIPTION}).
 *
 * <p>A restore (InitializeForRestore) loads the document saved at backup time and records in it what the requester
 * decides for each component (Microsoft docs, "Overview of Preparing for Restore"): selected for restore (with the
 * writer instance of SetSelectedForRestoreEx), restore options, additional restores, authoritative restore,
 * roll-forward and restore name (IVssBackupComponentsEx2), restore subcomponents, alternative location mappings, new
 * targets, ranges files and the file restore status; and for the document the restore type.
 */
final class BackupDocument {

    /** One selected component of the document. */
    static final class Component {
        final UUID instanceId;
        final UUID writerId;
        final ComponentType type;
        final String logicalPath;
        final String name;
        boolean backupSucceeded;
        String backupOptions;
        String previousBackupStamp;
        /**
         * What the writer recorded in this component during the backup ({@code SetBackupStamp},
         * {@code SetBackupMetadata}), as the document held it when SaveAsXML wrote it: a document saved after
         * DoSnapshotSet carries the writer's stamp (Microsoft docs, "Overview of Actual Backup Of Files": writers
         * modify the document in PostSnapshot), and a stored document read back gives the stamp it was saved with
         * ({@code IVssComponent::GetBackupStamp}), whatever the writer does later.
         */
        String savedBackupStamp;
        String savedBackupMetadata;
        boolean selectedForRestore;
        UUID restoreInstanceId;
        String restoreOptions;
        boolean additionalRestores;
        /** IVssBackupComponentsEx2::SetAuthoritativeRestore; false unless set (Microsoft docs: the default). */
        boolean authoritativeRestore;
        /** IVssBackupComponentsEx2::SetRollForward; VSS_RF_UNDEFINED and no point until set. */
        RollForwardType rollForwardType = RollForwardType.UNDEFINED;
        String rollForwardPoint;
        /** IVssBackupComponentsEx2::SetRestoreName; null until set. */
        String restoreName;
        FileRestoreStatus fileRestoreStatus = FileRestoreStatus.UNDEFINED;
        final List<RestoreSubcomponent> restoreSubcomponents = new ArrayList<>();
        final List<FileMapping> alternativeLocationMappings = new ArrayList<>();
        final List<FileMapping> newTargets = new ArrayList<>();
        final Map<Integer, String> rangesFiles = new TreeMap<>();

        Component(UUID instanceId, UUID writerId, ComponentType type, String logicalPath, String name) {
            this.instanceId = instanceId;
            this.writerId = writerId;
            this.type = type;
            this.logicalPath = logicalPath == null ? "" : logicalPath;
            this.name = name;
        }

        boolean matches(UUID writer, ComponentType t, String path, String n) {
            return writerId.equals(writer) && type == t && logicalPath.equals(path == null ? "" : path)
                    && name.equals(n);
        }
    }

    /** AddRestoreSubcomponent: a subcomponent of a component set restored on its own. */
    record RestoreSubcomponent(String logicalPath, String name, boolean repair) {
    }

    /**
     * A file set of a component and where it went: AddAlternativeLocationMapping ({@code destination}) and AddNewTarget
     * ({@code destination} = the alternate path).
     */
    record FileMapping(String path, String filespec, boolean recursive, String destination) {
    }

    boolean selectComponents;
    boolean bootableSystemState;
    RestoreType restoreType = RestoreType.UNDEFINED;
    BackupType backupType = BackupType.UNDEFINED;
    boolean partialFileSupport;
    int context;
    UUID snapshotSetId;
    /** Read back from XML (InitializeForBackup/InitializeForRestore with a stored document). */
    boolean loaded;
    final List<Component> components = new ArrayList<>();

    Component find(UUID writerId, ComponentType type, String logicalPath, String name) {
        for (Component c : components) {
            if (c.matches(writerId, type, logicalPath, name)) {
                return c;
            }
        }
        return null;
    }

    String toXml() {
        Document d = Xml.newDocument();
        Element root = Xml.child(d, "BACKUP_COMPONENTS");
        root.setAttribute("xmlns", "x-schema:#VssComponentMetadata");
        root.setAttribute("version", "1.2");
        Xml.attr(root, "selectComponents", Xml.yesNo(selectComponents));
        Xml.attr(root, "bootableSystemStateBackup", Xml.yesNo(bootableSystemState));
        Xml.attr(root, "backupType", backupType.nativeName());
        Xml.attr(root, "partialFileSupport", Xml.yesNo(partialFileSupport));
        Xml.attr(root, "context", context);
        Xml.attr(root, "restoreType", restoreType.nativeName());
        for (Component c : components) {
            Element w = Xml.child(root, "WRITER_COMPONENTS");
            Xml.attr(w, "instanceId", c.instanceId);
            Xml.attr(w, "writerId", c.writerId);
            Element ce = Xml.child(w, "COMPONENT");
            Xml.attr(ce, "componentType", c.type.nativeName());
            Xml.attr(ce, "logicalPath", c.logicalPath);
            Xml.attr(ce, "componentName", c.name);
            Xml.attr(ce, "backupSucceeded", Xml.yesNo(c.backupSucceeded));
            Xml.attr(ce, "backupOptions", c.backupOptions);
            Xml.attr(ce, "previousBackupStamp", c.previousBackupStamp);
            Xml.attr(ce, "backupStamp", c.savedBackupStamp);
            Xml.attr(ce, "backupMetadata", c.savedBackupMetadata);
            writeRestoreFields(ce, c);
        }
        if (snapshotSetId != null) {
            Xml.attr(Xml.child(root, "SNAPSHOT_SET_DESCRIPTION"), "snapshotSetId", snapshotSetId);
        }
        return Xml.write(d);
    }

    private static void writeRestoreFields(Element ce, Component c) {
        Xml.attr(ce, "selectedForRestore", Xml.yesNo(c.selectedForRestore));
        Xml.attr(ce, "restoreInstanceId", c.restoreInstanceId);
        Xml.attr(ce, "restoreOptions", c.restoreOptions);
        Xml.attr(ce, "additionalRestores", Xml.yesNo(c.additionalRestores));
        Xml.attr(ce, "authoritativeRestore", Xml.yesNo(c.authoritativeRestore));
        Xml.attr(ce, "rollForwardType", c.rollForwardType.nativeName());
        Xml.attr(ce, "rollForwardPoint", c.rollForwardPoint);
        Xml.attr(ce, "restoreName", c.restoreName);
        Xml.attr(ce, "fileRestoreStatus", c.fileRestoreStatus.nativeName());
        for (RestoreSubcomponent r : c.restoreSubcomponents) {
            Element e = Xml.child(ce, "RESTORE_SUBCOMPONENT");
            Xml.attr(e, "logicalPath", r.logicalPath());
            Xml.attr(e, "componentName", r.name());
            Xml.attr(e, "repair", Xml.yesNo(r.repair()));
        }
        writeMappings(ce, "ALTERNATE_LOCATION_MAPPING", c.alternativeLocationMappings);
        writeMappings(ce, "RESTORE_TARGET", c.newTargets);
        for (Map.Entry<Integer, String> r : c.rangesFiles.entrySet()) {
            Element e = Xml.child(ce, "RANGES_FILE");
            Xml.attr(e, "partialFile", r.getKey());
            Xml.attr(e, "path", r.getValue());
        }
    }

    private static void writeMappings(Element ce, String tag, List<FileMapping> mappings) {
        for (FileMapping m : mappings) {
            Element e = Xml.child(ce, tag);
            Xml.attr(e, "path", m.path());
            Xml.attr(e, "filespec", m.filespec());
            Xml.attr(e, "recursive", Xml.yesNo(m.recursive()));
            Xml.attr(e, "destination", m.destination());
        }
    }

    private static void readRestoreFields(Element ce, Component c) {
        c.selectedForRestore = Xml.isYes(ce, "selectedForRestore");
        String instance = Xml.get(ce, "restoreInstanceId");
        c.restoreInstanceId = instance == null ? null : UUID.fromString(instance);
        c.restoreOptions = Xml.get(ce, "restoreOptions");
        c.additionalRestores = Xml.isYes(ce, "additionalRestores");
        c.authoritativeRestore = Xml.isYes(ce, "authoritativeRestore");
        String rollForward = Xml.get(ce, "rollForwardType");
        c.rollForwardType = rollForward == null ? RollForwardType.UNDEFINED
                : WriterMetadataXml.byName(RollForwardType.values(), rollForward);
        c.rollForwardPoint = Xml.get(ce, "rollForwardPoint");
        c.restoreName = Xml.get(ce, "restoreName");
        String status = Xml.get(ce, "fileRestoreStatus");
        c.fileRestoreStatus = status == null ? FileRestoreStatus.UNDEFINED
                : WriterMetadataXml.byName(FileRestoreStatus.values(), status);
        for (Element e : Xml.children(ce, "RESTORE_SUBCOMPONENT")) {
            c.restoreSubcomponents.add(new RestoreSubcomponent(e.getAttribute("logicalPath"),
                    e.getAttribute("componentName"), Xml.isYes(e, "repair")));
        }
        c.alternativeLocationMappings.addAll(readMappings(ce, "ALTERNATE_LOCATION_MAPPING"));
        c.newTargets.addAll(readMappings(ce, "RESTORE_TARGET"));
        for (Element e : Xml.children(ce, "RANGES_FILE")) {
            c.rangesFiles.put(Integer.parseInt(e.getAttribute("partialFile")), e.getAttribute("path"));
        }
    }

    private static List<FileMapping> readMappings(Element ce, String tag) {
        List<FileMapping> out = new ArrayList<>();
        for (Element e : Xml.children(ce, tag)) {
            out.add(new FileMapping(e.getAttribute("path"), e.getAttribute("filespec"), Xml.isYes(e, "recursive"),
                    e.getAttribute("destination")));
        }
        return out;
    }

    /** A document read from XML; null if it is not a Backup Components Document. */
    static BackupDocument fromXml(String xml) {
        Document d = Xml.parse(xml);
        if (d == null || !"BACKUP_COMPONENTS".equals(d.getDocumentElement().getTagName())) {
            return null;
        }
        try {
            Element root = d.getDocumentElement();
            BackupDocument b = new BackupDocument();
            b.loaded = true;
            b.selectComponents = Xml.isYes(root, "selectComponents");
            b.bootableSystemState = Xml.isYes(root, "bootableSystemStateBackup");
            b.backupType = WriterMetadataXml.byName(BackupType.values(), root.getAttribute("backupType"));
            b.partialFileSupport = Xml.isYes(root, "partialFileSupport");
            b.context = Integer.parseInt(root.getAttribute("context"));
            String restoreType = Xml.get(root, "restoreType");
            b.restoreType = restoreType == null ? RestoreType.UNDEFINED
                    : WriterMetadataXml.byName(RestoreType.values(), restoreType);
            for (Element w : Xml.children(root, "WRITER_COMPONENTS")) {
                for (Element ce : Xml.children(w, "COMPONENT")) {
                    Component c = new Component(UUID.fromString(w.getAttribute("instanceId")),
                            UUID.fromString(w.getAttribute("writerId")),
                            WriterMetadataXml.byName(ComponentType.values(), ce.getAttribute("componentType")),
                            ce.getAttribute("logicalPath"), ce.getAttribute("componentName"));
                    c.backupSucceeded = Xml.isYes(ce, "backupSucceeded");
                    c.backupOptions = Xml.get(ce, "backupOptions");
                    c.previousBackupStamp = Xml.get(ce, "previousBackupStamp");
                    c.savedBackupStamp = Xml.get(ce, "backupStamp");
                    c.savedBackupMetadata = Xml.get(ce, "backupMetadata");
                    readRestoreFields(ce, c);
                    b.components.add(c);
                }
            }
            Element set = Xml.first(root, "SNAPSHOT_SET_DESCRIPTION");
            if (set != null) {
                b.snapshotSetId = UUID.fromString(set.getAttribute("snapshotSetId"));
            }
            return b;
        } catch (RuntimeException malformed) {
            return null;
        }
    }
}
