package dev.forgeline.validation.service;

import java.util.Optional;
import java.util.Set;

/**
 * What a {@link FileCheck} may know beyond the file itself: the paths a relative import may resolve to, and the
 * project's package.json when it is at hand (module level: only when the module wrote it; run level: always).
 */
public record CheckContext(Set<String> resolvablePaths, Optional<PackageManifest> manifest) {
    public CheckContext {
        resolvablePaths = resolvablePaths == null ? Set.of() : Set.copyOf(resolvablePaths);
        manifest = manifest == null ? Optional.empty() : manifest;
    }

    /** A context without a package.json: package imports are not checked. */
    public CheckContext(Set<String> resolvablePaths) {
        this(resolvablePaths, Optional.empty());
    }
}
