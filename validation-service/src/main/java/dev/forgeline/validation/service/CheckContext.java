package dev.forgeline.validation.service;

import java.util.Set;

/** What a {@link FileCheck} may know beyond the file itself: the paths a relative import may resolve to. */
public record CheckContext(Set<String> resolvablePaths) {
    public CheckContext {
        resolvablePaths = resolvablePaths == null ? Set.of() : Set.copyOf(resolvablePaths);
    }
}
