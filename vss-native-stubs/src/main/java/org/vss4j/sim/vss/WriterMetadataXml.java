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
import org.vss4j.sim.FileSpec;
import org.vss4j.sim.SimulatedComponentDependency;
import org.vss4j.sim.SimulatedWriterMetadata;
import org.vss4j.sim.WriterComponent;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * A Writer Metadata Document as XML, in the shape {@code IVssExamineWriterMetadata::SaveAsXML} gives it on Windows
 * Server: a {@code WRITER_METADATA} root ({@code xmlns="x-schema:#VssWriterMetadataInfo"}, {@code version}, and
 * {@code backupSchema} when the writer sets one) holding {@code IDENTIFICATION} (ids, names, usage, data source,
 * {@code majorVersion}/{@code minorVersion}), an optional {@code RESTORE_METHOD}, and {@code BACKUP_LOCATIONS} with the
 * {@code FILE_GROUP}/{@code DATABASE} components (their {@code FILE_LIST}, {@code DATABASE_FILES},
 * {@code DATABASE_LOGFILES}) followed by {@code EXCLUDE_FILES} and {@code EXCLUDE_FILES_FROM_SNAPSHOT}. Enum values are
 * the schema's words ({@link WmdTokens}). Components are listed flat, as in VSS: component sets exist through their
 * logical paths.
 *
 * <p>What no captured document shows is the simulator's own (docs/simulator-writers.md): a component's dependencies
 * are {@code WRITER_DEPENDENCY} children (writer class id, logical path, component name), its icon an {@code icon}
 * attribute in base64, alternate location mappings top-level {@code ALTERNATE_LOCATION_MAPPING} elements.
 *
 * <p>Reading accepts what Windows omits ({@code recursive} and {@code filespecBackupType} on a file set,
 * {@code logicalPath}, {@code caption}, {@code instanceName}, the restore method), braces around GUIDs, a document
 * wrapped in another root element, elements it does not model (ignored), and the layout earlier simulator versions
 * wrote (C enum names, {@code writerVersion}, top-level excludes).
 */
public final class WriterMetadataXml {

    /** The schema version Windows Server writes. */
    private static final String SCHEMA_VERSION = "1.2";

    private WriterMetadataXml() {
    }

    /**
     * Writes {@code m} as a Writer Metadata Document, as {@code IVssExamineWriterMetadata::SaveAsXML} gives one.
     *
     * @param m the writer's metadata
     * @return the document's XML text, which {@link #read(String)} reads back
     */
    public static String write(SimulatedWriterMetadata m) {
        Document d = Xml.newDocument();
        Element root = Xml.child(d, "WRITER_METADATA");
        root.setAttribute("xmlns", "x-schema:#VssWriterMetadataInfo");
        root.setAttribute("version", SCHEMA_VERSION);
        if (m.backupSchema() != 0) {
            Xml.attr(root, "backupSchema", m.backupSchema());
        }
        Element id = Xml.child(root, "IDENTIFICATION");
        Xml.attr(id, "writerId", m.writerClassId());
        Xml.attr(id, "instanceId", m.instanceId());
        if (m.instanceName() != null && !m.instanceName().isEmpty()) {
            Xml.attr(id, "instanceName", m.instanceName());
        }
        Xml.attr(id, "friendlyName", m.writerName());
        Xml.attr(id, "usage", WmdTokens.word(m.usage()));
        Xml.attr(id, "dataSource", WmdTokens.word(m.source()));
        Xml.attr(id, "majorVersion", m.version().major());
        Xml.attr(id, "minorVersion", m.version().minor());
        SimulatedWriterMetadata.Restore r = m.restore();
        if (r != null) {
            Element re = Xml.child(root, "RESTORE_METHOD");
            Xml.attr(re, "method", WmdTokens.word(r.method()));
            Xml.attr(re, "service", r.service());
            Xml.attr(re, "userProcedure", r.userProcedure());
            Xml.attr(re, "writerRestore", WmdTokens.word(r.writerRestore()));
            Xml.attr(re, "rebootRequired", Xml.yesNo(r.rebootRequired()));
        }
        Element locations = Xml.child(root, "BACKUP_LOCATIONS");
        for (WriterComponent c : m.components()) {
            component(locations, c);
        }
        excludes(locations, "EXCLUDE_FILES", m.excludes());
        excludes(locations, "EXCLUDE_FILES_FROM_SNAPSHOT", m.excludeFromSnapshot());
        componentFiles(root, "ALTERNATE_LOCATION_MAPPING", m.alternateLocationMappings());
        return Xml.write(d);
    }

    private static void component(Element locations, WriterComponent c) {
        Element ce = Xml.child(locations, c.type() == ComponentType.DATABASE ? "DATABASE" : "FILE_GROUP");
        if (!c.logicalPath().isEmpty()) {
            Xml.attr(ce, "logicalPath", c.logicalPath());
        }
        Xml.attr(ce, "componentName", c.name());
        Xml.attr(ce, "caption", c.caption());
        if (!c.icon().isEmpty()) {
            Xml.attr(ce, "icon", Base64.getEncoder().encodeToString(c.icon().bytes()));
        }
        Xml.attr(ce, "restoreMetadata", Xml.yesNo(c.restoreMetadata()));
        Xml.attr(ce, "notifyOnBackupComplete", Xml.yesNo(c.notifyOnBackupComplete()));
        Xml.attr(ce, "selectable", Xml.yesNo(c.selectable()));
        Xml.attr(ce, "selectableForRestore", Xml.yesNo(c.selectableForRestore()));
        Xml.attr(ce, "componentFlags", c.componentFlags());
        componentFiles(ce, "FILE_LIST", c.files());
        componentFiles(ce, "DATABASE_FILES", c.databaseFiles());
        componentFiles(ce, "DATABASE_LOGFILES", c.logFiles());
        for (SimulatedComponentDependency dep : c.dependencies()) {
            Element de = Xml.child(ce, "WRITER_DEPENDENCY");
            Xml.attr(de, "writerId", dep.onWriterId());
            Xml.attr(de, "logicalPath", dep.onLogicalPath());
            Xml.attr(de, "componentName", dep.onComponentName());
        }
    }

    /** A component's file sets as Windows writes them: {@code recursive} only when yes, the mask always. */
    private static void componentFiles(Element parent, String tag, List<FileSpec> files) {
        for (FileSpec f : files) {
            Element e = fileSpec(parent, tag, f);
            if (f.recursive()) {
                Xml.attr(e, "recursive", "yes");
            }
            Xml.attr(e, "alternatePath", f.alternateLocation());
            Xml.attr(e, "filespecBackupType", f.backupTypeMask());
        }
    }

    /** Excluded files as Windows writes them: {@code recursive} always, no mask unless the writer set another one. */
    private static void excludes(Element parent, String tag, List<FileSpec> files) {
        for (FileSpec f : files) {
            Element e = fileSpec(parent, tag, f);
            Xml.attr(e, "recursive", Xml.yesNo(f.recursive()));
            Xml.attr(e, "alternatePath", f.alternateLocation());
            if (f.backupTypeMask() != FileSpec.DEFAULT_MASK) {
                Xml.attr(e, "filespecBackupType", f.backupTypeMask());
            }
        }
    }

    private static Element fileSpec(Element parent, String tag, FileSpec f) {
        Element e = Xml.child(parent, tag);
        Xml.attr(e, "path", f.path());
        Xml.attr(e, "filespec", f.filespec());
        return e;
    }

    /**
     * Parses a Writer Metadata Document (one Windows saved or this class wrote); null if it is not one. A document
     * whose root is another element (a wrapper) is read from its first {@code WRITER_METADATA} child.
     *
     * @param xml the text, or null
     * @return the metadata, or null if {@code xml} holds no Writer Metadata Document
     */
    public static SimulatedWriterMetadata read(String xml) {
        Document d = xml == null ? null : Xml.parse(xml);
        if (d == null) {
            return null;
        }
        Element root = d.getDocumentElement();
        Element wmd = "WRITER_METADATA".equals(root.getTagName()) ? root : Xml.first(root, "WRITER_METADATA");
        return wmd == null ? null : read(wmd);
    }

    /**
     * Every {@code WRITER_METADATA} element directly under the root of {@code xml} (a file bundling several
     * documents), or the one document {@code xml} is; empty if it holds none.
     *
     * @param xml the text, or null
     * @return the metadata of each document, in document order
     * @throws IllegalArgumentException if one of them is not a valid Writer Metadata Document
     */
    public static List<SimulatedWriterMetadata> readAll(String xml) {
        Document d = xml == null ? null : Xml.parse(xml);
        if (d == null) {
            throw new IllegalArgumentException("not well-formed XML");
        }
        Element root = d.getDocumentElement();
        List<Element> docs = "WRITER_METADATA".equals(root.getTagName()) ? List.of(root)
                : Xml.children(root, "WRITER_METADATA");
        List<SimulatedWriterMetadata> out = new ArrayList<>();
        for (Element e : docs) {
            SimulatedWriterMetadata m = read(e);
            if (m == null) {
                Element id = Xml.first(e, "IDENTIFICATION");
                throw new IllegalArgumentException("not a valid Writer Metadata Document: "
                        + (id == null ? "no IDENTIFICATION" : id.getAttribute("friendlyName")));
            }
            out.add(m);
        }
        return out;
    }

    private static SimulatedWriterMetadata read(Element root) {
        try {
            Element id = Xml.first(root, "IDENTIFICATION");
            List<WriterComponent> components = new ArrayList<>();
            List<FileSpec> excludes = new ArrayList<>();
            List<FileSpec> excludeFromSnapshot = new ArrayList<>();
            Element locations = Xml.first(root, "BACKUP_LOCATIONS");
            if (locations != null) {
                // Document order is component order: GetComponent(i) must index the same component after a reload.
                for (Element e : Xml.children(locations)) {
                    switch (e.getTagName()) {
                        case "DATABASE" -> components.add(component(e, ComponentType.DATABASE));
                        case "FILE_GROUP" -> components.add(component(e, ComponentType.FILEGROUP));
                        case "EXCLUDE_FILES" -> excludes.add(fileSpec(e));
                        case "EXCLUDE_FILES_FROM_SNAPSHOT" -> excludeFromSnapshot.add(fileSpec(e));
                        default -> {
                            // Not modelled (nothing the binding reads); ignored rather than rejected.
                        }
                    }
                }
            }
            // The layout of earlier simulator versions: excludes next to BACKUP_LOCATIONS.
            excludes.addAll(readFiles(root, "EXCLUDE_FILES"));
            excludeFromSnapshot.addAll(readFiles(root, "EXCLUDE_FROM_SNAPSHOT"));
            Element re = Xml.first(root, "RESTORE_METHOD");
            SimulatedWriterMetadata.Restore restore = re == null ? null
                    : new SimulatedWriterMetadata.Restore(
                            WmdTokens.parse(RestoreMethod.values(), re.getAttribute("method")),
                            Xml.get(re, "service"), Xml.get(re, "userProcedure"),
                            WmdTokens.parse(WriterRestore.values(), re.getAttribute("writerRestore")),
                            Xml.isYes(re, "rebootRequired"));
            String instanceName = Xml.get(id, "instanceName");
            return new SimulatedWriterMetadata(guid(id.getAttribute("instanceId")), guid(id.getAttribute("writerId")),
                    id.getAttribute("friendlyName"), instanceName == null ? "" : instanceName,
                    WmdTokens.parse(UsageType.values(), id.getAttribute("usage")),
                    WmdTokens.parse(SourceType.values(), id.getAttribute("dataSource")), components, excludes,
                    readFiles(root, "ALTERNATE_LOCATION_MAPPING"), restore, backupSchema(root, id), version(id),
                    excludeFromSnapshot);
        } catch (RuntimeException malformed) {
            return null;
        }
    }

    private static WriterComponent component(Element ce, ComponentType type) {
        List<SimulatedComponentDependency> deps = new ArrayList<>();
        for (Element de : Xml.children(ce, "WRITER_DEPENDENCY")) {
            deps.add(new SimulatedComponentDependency(guid(de.getAttribute("writerId")), de.getAttribute("logicalPath"),
                    de.getAttribute("componentName")));
        }
        String icon = Xml.get(ce, "icon");
        String flags = Xml.get(ce, "componentFlags");
        return new WriterComponent(type, ce.getAttribute("logicalPath"), ce.getAttribute("componentName"),
                Xml.get(ce, "caption"), icon == null ? ComponentIcon.NONE : ComponentIcon.of(Base64.getDecoder()
                        .decode(icon)), Xml.isYes(ce, "restoreMetadata"), Xml.isYes(ce, "notifyOnBackupComplete"),
                Xml.isYes(ce, "selectable"), Xml.isYes(ce, "selectableForRestore"),
                flags == null ? 0 : Integer.parseInt(flags.trim()), readFiles(ce, "FILE_LIST"),
                readFiles(ce, "DATABASE_FILES"), readFiles(ce, "DATABASE_LOGFILES"), deps);
    }

    /** The root's {@code backupSchema} (Windows), else the identification's (earlier simulator versions), else 0. */
    private static int backupSchema(Element root, Element id) {
        String mask = Xml.get(root, "backupSchema");
        if (mask == null) {
            mask = Xml.get(id, "backupSchema");
        }
        return mask == null ? 0 : Integer.parseInt(mask.trim());
    }

    /**
     * {@code majorVersion}/{@code minorVersion} (Windows), or {@code writerVersion="major.minor"} (earlier simulator
     * versions); a document with neither reads as the default version.
     */
    private static WriterVersion version(Element id) {
        String major = Xml.get(id, "majorVersion");
        if (major != null) {
            String minor = Xml.get(id, "minorVersion");
            return new WriterVersion(Integer.parseInt(major.trim()), minor == null ? 0 : Integer.parseInt(minor.trim()));
        }
        String text = Xml.get(id, "writerVersion");
        if (text == null) {
            return SimulatedWriterMetadata.DEFAULT_VERSION;
        }
        int dot = text.indexOf('.');
        return new WriterVersion(Integer.parseInt(text.substring(0, dot)), Integer.parseInt(text.substring(dot + 1)));
    }

    private static List<FileSpec> readFiles(Element parent, String tag) {
        List<FileSpec> out = new ArrayList<>();
        for (Element e : Xml.children(parent, tag)) {
            out.add(fileSpec(e));
        }
        return out;
    }

    /** A file set; {@code recursive} absent means no and an absent mask the SDK default (Windows omits both). */
    private static FileSpec fileSpec(Element e) {
        String mask = Xml.get(e, "filespecBackupType");
        return new FileSpec(e.getAttribute("path"), e.getAttribute("filespec"), Xml.isYes(e, "recursive"),
                Xml.get(e, "alternatePath"), mask == null ? FileSpec.DEFAULT_MASK : Integer.parseInt(mask.trim()));
    }

    /** A GUID as Windows writes it, with or without braces, in either case. */
    private static UUID guid(String text) {
        String t = text.trim();
        if (t.startsWith("{") && t.endsWith("}")) {
            t = t.substring(1, t.length() - 1);
        }
        return UUID.fromString(t);
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
