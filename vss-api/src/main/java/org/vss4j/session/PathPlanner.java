package org.vss4j.session;

import java.util.Map;

/** Resolves writer paths (environment variables expanded) to volumes through the {@link VolumeResolver}. */
final class PathPlanner {

    private final VolumeResolver resolver;
    private final Map<String, String> environment;

    PathPlanner(VolumeResolver resolver, Map<String, String> environment) {
        this.resolver = resolver;
        this.environment = environment;
    }

    ResolvedPath resolve(String path) {
        return resolver.resolve(PathRules.expand(path, environment));
    }
}
