package dev.forgeline.orchestrator;

import java.util.List;

import io.restassured.RestAssured;
import io.restassured.filter.Filter;

/**
 * The tests' bootstrap admin key (%test.forgeline.auth.admin-key) and a RestAssured filter that sends it. A filter,
 * not a default request specification: a specification would pin the port of the Quarkus run it was built in.
 */
final class TestAuth {
    static final String ADMIN_KEY = "test-admin-key-0123456789abcdef";
    static final String ADMIN_BEARER = "Bearer " + ADMIN_KEY;

    private static final Filter ADMIN = (request, response, context) -> {
        if (!request.getHeaders().hasHeaderWithName("Authorization")) {
            request.header("Authorization", ADMIN_BEARER);
        }
        return context.next(request, response);
    };

    private TestAuth() {
    }

    /** Every RestAssured request of the calling test class sends the admin key unless it names its own. */
    static void sendAdminKey() {
        RestAssured.replaceFiltersWith(List.of(ADMIN));
    }

    /** RestAssured requests send only what each test gives them (for tests of authentication itself). */
    static void sendNothingByDefault() {
        RestAssured.replaceFiltersWith(List.of());
    }
}
