package org.vss4j.session;

/**
 * A component of the Backup Components Document that no running writer can take back: its writer class (and
 * instance) is not running, or the running writer no longer reports the component.
 *
 * @param component the component, as the document names it (the writer's name is null: the document has none)
 * @param reason    why it cannot be restored
 */
public record UnmatchedComponent(ComponentRef component, String reason) {
}
