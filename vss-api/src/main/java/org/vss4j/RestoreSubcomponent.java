package org.vss4j;

/**
 * {@code IVssComponent::GetRestoreSubcomponent}: a subcomponent the requester selected for restore with
 * {@code AddRestoreSubcomponent}.
 *
 * @param logicalPath   its logical path
 * @param componentName its name
 * @param repair        reserved by Windows (the C++ {@code bool} {@code pbRepair})
 */
public record RestoreSubcomponent(String logicalPath, String componentName, boolean repair) {
}
