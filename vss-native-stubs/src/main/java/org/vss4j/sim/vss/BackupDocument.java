package org.vss4j.sim.vss;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.vss4j.BackupType;
import org.vss4j.ComponentType;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The Backup Components Document of one requester: backup state, the components the requester added (with their
 * backup-succeeded flag, backup options and previous backup stamp), the writers that took part, and the snapshot set.
 * Written in the shape of VSS's {@code VssComponentMetadata} schema ({@code BACKUP_COMPONENTS},
 * {@code WRITER_COMPONENTS}, {@code COMPONENT}, {@code SNAPSHOT_SET_DESCRIPTION}).
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

    boolean selectComponents;
    boolean bootableSystemState;
    BackupType backupType = BackupType.UNDEFINED;
    boolean partialFileSupport;
    int context;
    UUID snapshotSetId;
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
        }
        if (snapshotSetId != null) {
            Xml.attr(Xml.child(root, "SNAPSHOT_SET_DESCRIPTION"), "snapshotSetId", snapshotSetId);
        }
        return Xml.write(d);
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
            b.selectComponents = Xml.isYes(root, "selectComponents");
            b.bootableSystemState = Xml.isYes(root, "bootableSystemStateBackup");
            b.backupType = WriterMetadataXml.byName(BackupType.values(), root.getAttribute("backupType"));
            b.partialFileSupport = Xml.isYes(root, "partialFileSupport");
            b.context = Integer.parseInt(root.getAttribute("context"));
            for (Element w : Xml.children(root, "WRITER_COMPONENTS")) {
                for (Element ce : Xml.children(w, "COMPONENT")) {
                    Component c = new Component(UUID.fromString(w.getAttribute("instanceId")),
                            UUID.fromString(w.getAttribute("writerId")),
                            WriterMetadataXml.byName(ComponentType.values(), ce.getAttribute("componentType")),
                            ce.getAttribute("logicalPath"), ce.getAttribute("componentName"));
                    c.backupSucceeded = Xml.isYes(ce, "backupSucceeded");
                    c.backupOptions = Xml.get(ce, "backupOptions");
                    c.previousBackupStamp = Xml.get(ce, "previousBackupStamp");
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
