package org.vss4j.sim.vss;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.vss4j.ComponentIcon;
import org.vss4j.ComponentType;
import org.vss4j.RestoreMethod;
import org.vss4j.SourceType;
import org.vss4j.UsageType;
import org.vss4j.WriterRestore;
import org.vss4j.WriterVersion;
import org.vss4j.sim.ComponentDependency;
import org.vss4j.sim.FileSpec;
import org.vss4j.sim.WriterComponent;
import org.vss4j.sim.WriterMetadata;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * A Writer Metadata Document as XML, in the shape of VSS's {@code VssWriterMetadataInfo} schema ({@code WRITER_METADATA}
 * with {@code IDENTIFICATION}, {@code BACKUP_LOCATIONS} of {@code FILE_GROUP}/{@code DATABASE}, {@code RESTORE_METHOD},
 * {@code EXCLUDE_FILES}, {@code ALTERNATE_LOCATION_MAPPING}, {@code EXCLUDE_FROM_SNAPSHOT}); enum values are written by their native names and read
 * back by them. Components are listed flat, as in VSS: component sets exist through their logical paths; a
 * component's dependencies are {@code WRITER_DEPENDENCY} children naming the other writer's class id, logical path
 * and component name (what {@code IVssWMDependency} reads).
 */
public final class WriterMetadataXml {

    private WriterMetadataXml() {
    }

    public static String write(WriterMetadata m) {
        Document d = Xml.newDocument();
        Element root = Xml.child(d, "WRITER_METADATA");
        root.setAttribute("xmlns", "x-schema:#VssWriterMetadataInfo");
        root.setAttribute("version", "1.1");
        Element id = Xml.child(root, "IDENTIFICATION");
        Xml.attr(id, "writerId", m.writerClassId());
        Xml.attr(id, "instanceId", m.instanceId());
        Xml.attr(id, "friendlyName", m.writerName());
        Xml.attr(id, "instanceName", m.instanceName());
        Xml.attr(id, "usage", m.usage().nativeName());
        Xml.attr(id, "dataSource", m.source().nativeName());
        Xml.attr(id, "backupSchema", m.backupSchema());
        Xml.attr(id, "writerVersion", m.version().major() + "." + m.version().minor());
        Element locations = Xml.child(root, "BACKUP_LOCATIONS");
        for (WriterComponent c : m.components()) {
            Element ce = Xml.child(locations, c.type() == ComponentType.DATABASE ? "DATABASE" : "FILE_GROUP");
            Xml.attr(ce, "logicalPath", c.logicalPath());
            Xml.attr(ce, "componentName", c.name());
            Xml.attr(ce, "caption", c.caption());
            Xml.attr(ce, "selectable", Xml.yesNo(c.selectable()));
            Xml.attr(ce, "selectableForRestore", Xml.yesNo(c.selectableForRestore()));
            Xml.attr(ce, "restoreMetadata", Xml.yesNo(c.restoreMetadata()));
            Xml.attr(ce, "notifyOnBackupComplete", Xml.yesNo(c.notifyOnBackupComplete()));
            Xml.attr(ce, "componentFlags", c.componentFlags());
            if (!c.icon().isEmpty()) {
                Xml.attr(ce, "icon", Base64.getEncoder().encodeToString(c.icon().bytes()));
            }
            files(ce, "FILE_LIST", c.files());
            files(ce, "DATABASE_FILES", c.databaseFiles());
            files(ce, "DATABASE_LOGFILES", c.logFiles());
            for (ComponentDependency dep : c.dependencies()) {
                Element de = Xml.child(ce, "WRITER_DEPENDENCY");
                Xml.attr(de, "writerId", dep.onWriterId());
                Xml.attr(de, "logicalPath", dep.onLogicalPath());
                Xml.attr(de, "componentName", dep.onComponentName());
            }
        }
        WriterMetadata.Restore r = m.restore();
        Element re = Xml.child(root, "RESTORE_METHOD");
        Xml.attr(re, "method", r.method().nativeName());
        Xml.attr(re, "service", r.service());
        Xml.attr(re, "userProcedure", r.userProcedure());
        Xml.attr(re, "writerRestore", r.writerRestore().nativeName());
        Xml.attr(re, "rebootRequired", Xml.yesNo(r.rebootRequired()));
        files(root, "EXCLUDE_FILES", m.excludes());
        files(root, "ALTERNATE_LOCATION_MAPPING", m.alternateLocationMappings());
        files(root, "EXCLUDE_FROM_SNAPSHOT", m.excludeFromSnapshot());
        return Xml.write(d);
    }

    private static void files(Element parent, String tag, List<FileSpec> files) {
        for (FileSpec f : files) {
            Element e = Xml.child(parent, tag);
            Xml.attr(e, "path", f.path());
            Xml.attr(e, "filespec", f.filespec());
            Xml.attr(e, "recursive", Xml.yesNo(f.recursive()));
            Xml.attr(e, "alternatePath", f.alternateLocation());
            Xml.attr(e, "filespecBackupType", f.backupTypeMask());
        }
    }

    /** Parses a document written by {@link #write}; null if it is not a Writer Metadata Document. */
    public static WriterMetadata read(String xml) {
        Document d = xml == null ? null : Xml.parse(xml);
        if (d == null || !"WRITER_METADATA".equals(d.getDocumentElement().getTagName())) {
            return null;
        }
        try {
            Element root = d.getDocumentElement();
            Element id = Xml.first(root, "IDENTIFICATION");
            List<WriterComponent> components = new ArrayList<>();
            Element locations = Xml.first(root, "BACKUP_LOCATIONS");
            if (locations != null) {
                // Document order is component order: GetComponent(i) must index the same component after a reload.
                for (Element ce : Xml.children(locations)) {
                    components.add(component(ce, switch (ce.getTagName()) {
                        case "DATABASE" -> ComponentType.DATABASE;
                        case "FILE_GROUP" -> ComponentType.FILEGROUP;
                        default -> throw new IllegalArgumentException("unknown component " + ce.getTagName());
                    }));
                }
            }
            Element re = Xml.first(root, "RESTORE_METHOD");
            WriterMetadata.Restore restore = re == null ? WriterMetadata.Restore.DEFAULT
                    : new WriterMetadata.Restore(byName(RestoreMethod.values(), re.getAttribute("method")),
                            Xml.get(re, "service"), Xml.get(re, "userProcedure"),
                            byName(WriterRestore.values(), re.getAttribute("writerRestore")),
                            Xml.isYes(re, "rebootRequired"));
            return new WriterMetadata(UUID.fromString(id.getAttribute("instanceId")),
                    UUID.fromString(id.getAttribute("writerId")), id.getAttribute("friendlyName"),
                    id.getAttribute("instanceName"), byName(UsageType.values(), id.getAttribute("usage")),
                    byName(SourceType.values(), id.getAttribute("dataSource")), components,
                    readFiles(root, "EXCLUDE_FILES"), readFiles(root, "ALTERNATE_LOCATION_MAPPING"), restore,
                    Integer.parseInt(id.getAttribute("backupSchema")), version(Xml.get(id, "writerVersion")),
                    readFiles(root, "EXCLUDE_FROM_SNAPSHOT"));
        } catch (RuntimeException malformed) {
            return null;
        }
    }

    private static WriterComponent component(Element ce, ComponentType type) {
        List<ComponentDependency> deps = new ArrayList<>();
        for (Element de : Xml.children(ce, "WRITER_DEPENDENCY")) {
            deps.add(new ComponentDependency(UUID.fromString(de.getAttribute("writerId")),
                    de.getAttribute("logicalPath"), de.getAttribute("componentName")));
        }
        String icon = Xml.get(ce, "icon");
        String flags = Xml.get(ce, "componentFlags");
        return new WriterComponent(type, ce.getAttribute("logicalPath"), ce.getAttribute("componentName"),
                Xml.get(ce, "caption"), icon == null ? ComponentIcon.NONE : ComponentIcon.of(Base64.getDecoder()
                        .decode(icon)), Xml.isYes(ce, "restoreMetadata"), Xml.isYes(ce, "notifyOnBackupComplete"),
                Xml.isYes(ce, "selectable"), Xml.isYes(ce, "selectableForRestore"),
                flags == null ? 0 : Integer.parseInt(flags), readFiles(ce, "FILE_LIST"),
                readFiles(ce, "DATABASE_FILES"), readFiles(ce, "DATABASE_LOGFILES"), deps);
    }

    /** {@code major.minor}; documents written before the version was recorded read as the default version. */
    private static WriterVersion version(String text) {
        if (text == null) {
            return WriterMetadata.DEFAULT_VERSION;
        }
        int dot = text.indexOf('.');
        return new WriterVersion(Integer.parseInt(text.substring(0, dot)), Integer.parseInt(text.substring(dot + 1)));
    }

    private static List<FileSpec> readFiles(Element parent, String tag) {
        List<FileSpec> out = new ArrayList<>();
        for (Element e : Xml.children(parent, tag)) {
            out.add(new FileSpec(e.getAttribute("path"), e.getAttribute("filespec"), Xml.isYes(e, "recursive"),
                    Xml.get(e, "alternatePath"), Integer.parseInt(e.getAttribute("filespecBackupType"))));
        }
        return out;
    }

    static <E extends org.vss4j.NativeEnum> E byName(E[] values, String nativeName) {
        for (E e : values) {
            if (e.nativeName().equals(nativeName)) {
                return e;
            }
        }
        throw new IllegalArgumentException("unknown value " + nativeName);
    }
}
