package org.vss4j;

/**
 * {@code IVssExamineWriterMetadata::GetRestoreMethod}: how the writer's data must be restored.
 *
 * @param method                    the restore method
 * @param service                   the service to stop and restart around the restore, or null
 * @param userProcedure             a URL or text describing a manual restore procedure, or null
 * @param writerRestore             whether the writer takes part in the restore
 * @param rebootRequired            whether a reboot is needed after the restore
 * @param alternateLocationMappings how many alternate location mappings the writer declares
 */
public record WriterRestoreMethod(RestoreMethod method, String service, String userProcedure,
        WriterRestore writerRestore, boolean rebootRequired, int alternateLocationMappings) {
}
