package dev.forgeline.orchestrator.api;

import dev.forgeline.orchestrator.domain.Principal;
import io.vertx.ext.web.RoutingContext;

/** The caller {@link AuthFilter} authenticated for the request at hand. */
final class Callers {
    private Callers() {
    }

    static Principal of(RoutingContext rc) {
        Principal p = rc.get(AuthFilter.PRINCIPAL);
        if (p == null) {
            // Only open paths reach a resource without a caller, and none of them asks for one.
            throw new IllegalStateException("no authenticated caller for " + rc.normalizedPath());
        }
        return p;
    }
}
