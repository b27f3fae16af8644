package dev.forgeline.orchestrator;

import static io.restassured.RestAssured.given;

import java.util.UUID;

import io.restassured.specification.RequestSpecification;

/** Keys and requests for the authentication tests: every request names its own token (or none). */
final class AuthTestSupport {
    private AuthTestSupport() {
    }

    /** An issued key: its id and its token. */
    record Key(UUID id, String token) {
        RequestSpecification as() {
            return given().header("Authorization", "Bearer " + token);
        }

        String bearer() {
            return "Bearer " + token;
        }
    }

    static RequestSpecification asAdmin() {
        return given().header("Authorization", TestAuth.ADMIN_BEARER);
    }

    static Key createKey(String tenant, String name, String role) {
        var body = asAdmin().contentType("application/json")
                .body("{\"tenant\":\"" + tenant + "\",\"name\":\"" + name + "\",\"role\":\"" + role + "\"}")
                .post("/api/admin/keys").then().statusCode(201).extract().jsonPath();
        return new Key(UUID.fromString(body.getString("id")), body.getString("key"));
    }

    static UUID submit(RequestSpecification as) {
        return UUID.fromString(as.contentType("application/json").body(RunLifecycleTest.spec()).post("/api/runs")
                .then().statusCode(202).extract().path("id"));
    }
}
