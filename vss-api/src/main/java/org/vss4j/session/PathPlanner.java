package org.vss4j.session;

import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resolves writer and caller paths to volumes: environment variables expanded from the machine-scope environment
 * ({@link MachineEnvironment}), then the {@link VolumeResolver}. Every failure is an {@link UnresolvablePathException}
 * saying which path and why; a path the session can do without (an exclusion, the attribution of volume files) is
 * reported through {@link #ignored} instead of being dropped silently.
 */
final class PathPlanner {

    private static final Logger LOG = LoggerFactory.getLogger(PathPlanner.class);

    private final VolumeResolver resolver;
    private final Map<String, String> environment;
    private final SessionEvents events;

    PathPlanner(VolumeResolver resolver, Map<String, String> environment, SessionEvents events) {
        this.resolver = resolver;
        this.environment = environment;
        this.events = events;
    }

    /** {@code path} with its environment variables expanded. */
    String expand(String path) {
        return PathRules.expand(path, environment);
    }

    /** {@code path} expanded and split at its volume. */
    ResolvedPath resolve(String path) {
        String expanded = expand(path);
        try {
            return resolver.resolve(expanded);
        } catch (UnresolvablePathException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            // A caller's own resolver: its refusal is "not on a volume here".
            throw new UnresolvablePathException(expanded, UnresolvablePathException.Reason.NO_VOLUME, e.getMessage());
        }
    }

    /**
     * A path the session leaves out of one use and goes on without: logged at WARN and reported to the listener, or
     * at DEBUG when the path is merely on a volume this machine does not have (nothing of it can be on these volumes).
     */
    void ignored(UnresolvablePathException e, String consequence) {
        if (e.reason() == UnresolvablePathException.Reason.NO_VOLUME) {
            LOG.debug("{}; {}", e.getMessage(), consequence);
            return;
        }
        LOG.warn("{}; {}", e.getMessage(), consequence);
        events.emit(new BackupEvent.PathIgnored(e.writer().orElse(null), e.path(), e.getMessage(), consequence));
    }
}
