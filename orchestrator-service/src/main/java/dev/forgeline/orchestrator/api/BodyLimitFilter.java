package dev.forgeline.orchestrator.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.forgeline.contracts.Json;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;

/**
 * Answers a body declared larger than {@code quarkus.http.limits.max-body-size} with a 413 problem+json naming the
 * limit, before the HTTP layer would refuse it with a bare 413 that names nothing.
 */
@ApplicationScoped
public class BodyLimitFilter {
    private static final int BEFORE_EVERY_ROUTE = 1_000;

    private final long limit;

    BodyLimitFilter(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize limit) {
        this.limit = limit.asLongValue();
    }

    void register(@Observes Filters filters) {
        filters.register(rc -> {
            String declared = rc.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (declared != null && declaredLength(declared) > limit) {
                String detail = "the request body is " + declared + " bytes; the limit is " + limit + " bytes";
                rc.response().setStatusCode(413).putHeader(HttpHeaders.CONTENT_TYPE, ProblemMapper.PROBLEM_JSON)
                        .putHeader(HttpHeaders.CONNECTION, "close")
                        .end(Json.write(new ProblemDetail("about:blank", "Content too large", 413, detail,
                                rc.request().path(), null)));
                return;
            }
            rc.next();
        }, BEFORE_EVERY_ROUTE);
    }

    private static long declaredLength(String header) {
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
