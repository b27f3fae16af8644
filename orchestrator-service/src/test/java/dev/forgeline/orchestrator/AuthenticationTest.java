package dev.forgeline.orchestrator;

import static dev.forgeline.orchestrator.AuthTestSupport.asAdmin;
import static dev.forgeline.orchestrator.AuthTestSupport.createKey;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import dev.forgeline.orchestrator.AuthTestSupport.Key;
import dev.forgeline.testkit.KafkaTestResource;
import dev.forgeline.testkit.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.Method;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** Who may call what (issue 15): 401 for any bad token, 403 for users on admin paths, key admin, open paths. */
@QuarkusTest
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = true)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthenticationTest extends DownstreamTest {

    /** One endpoint: method and path (run ids filled in). */
    record Endpoint(Method method, String path, String accept) {
        Response call(RequestSpecification spec) {
            if (accept != null) {
                spec.accept(accept);
            }
            if (method == Method.POST) {
                spec.contentType("application/json").body("{}");
            }
            return spec.request(method, path);
        }
    }

    private UUID runId;

    @BeforeAll
    void noDefaultToken() {
        TestAuth.sendNothingByDefault();
    }

    private List<Endpoint> endpoints() {
        // Not in @BeforeAll: RestAssured learns the application's port only before each test.
        if (runId == null) {
            runId = AuthTestSupport.submit(asAdmin());
        }
        UUID key = UUID.randomUUID();
        return List.of(
                new Endpoint(Method.GET, "/api/runs", null),
                new Endpoint(Method.POST, "/api/runs", null),
                new Endpoint(Method.GET, "/api/runs/" + runId, null),
                new Endpoint(Method.GET, "/api/runs/" + runId + "/files", null),
                new Endpoint(Method.GET, "/api/runs/" + runId + "/files/src/server.js", null),
                new Endpoint(Method.GET, "/api/runs/" + runId + "/archive", null),
                new Endpoint(Method.GET, "/api/runs/" + runId + "/events", "text/event-stream"),
                new Endpoint(Method.GET, "/api/runs/" + runId + "/events", "application/json"),
                new Endpoint(Method.POST, "/api/runs/" + runId + "/replay", null),
                new Endpoint(Method.POST, "/api/runs/" + runId + "/cancel", null),
                new Endpoint(Method.GET, "/api/events", "text/event-stream"),
                new Endpoint(Method.GET, "/api/dead-letters", null),
                new Endpoint(Method.POST, "/api/dead-letters/replay", null),
                new Endpoint(Method.GET, "/api/admin/keys", null),
                new Endpoint(Method.POST, "/api/admin/keys", null),
                new Endpoint(Method.DELETE, "/api/admin/keys/" + key, null),
                new Endpoint(Method.GET, "/api/whoami", null));
    }

    @Test
    void everyEndpointAnswersOneIdentical401ForNoBadUnknownOrRevokedTokens() {
        Key revoked = createKey("team-r", "soon-revoked", "user");
        asAdmin().delete("/api/admin/keys/" + revoked.id()).then().statusCode(204);
        String unknownKey = "flk_" + "A".repeat(43);
        List<String> authorizations = new ArrayList<>();
        authorizations.add(null);
        authorizations.add("Bearer not-a-token");
        authorizations.add("Bearer " + unknownKey);
        authorizations.add(revoked.bearer());
        authorizations.add("Basic " + java.util.Base64.getEncoder().encodeToString("admin:admin".getBytes()));
        authorizations.add("Bearer " + TestAuth.ADMIN_KEY + "x");
        authorizations.add("Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.");
        String firstBody = null;
        for (Endpoint e : endpoints()) {
            for (String authorization : authorizations) {
                RequestSpecification spec = given();
                if (authorization != null) {
                    spec.header("Authorization", authorization);
                }
                Response r = e.call(spec);
                String what = e.method() + " " + e.path() + " with " + authorization;
                assertThat(r.statusCode()).as(what).isEqualTo(401);
                assertThat(r.header("WWW-Authenticate")).as(what).isEqualTo("Bearer realm=\"forgeline\"");
                assertThat(r.contentType()).as(what).startsWith("application/problem+json");
                String body = r.asString();
                if (firstBody == null) {
                    firstBody = body;
                }
                assertThat(body).as(what).isEqualTo(firstBody);
            }
        }
        JsonPath problem = JsonPath.from(firstBody);
        assertThat(problem.getString("type")).endsWith("/unauthorized");
        assertThat(problem.getString("title")).isEqualTo("Unauthorized");
        assertThat(problem.getString("detail")).isEqualTo("a valid bearer token is required");
    }

    @Test
    void aUserKeyOnAdminEndpointsIsForbidden() {
        Key user = createKey("team-u", "ci", "user");
        for (Endpoint e : endpoints()) {
            if (!AuthFilterPaths.adminOnly(e.path())) {
                continue;
            }
            Response r = e.call(user.as());
            assertThat(r.statusCode()).as(e.method() + " " + e.path()).isEqualTo(403);
            assertThat(r.contentType()).startsWith("application/problem+json");
        }
        user.as().get("/api/whoami").then().statusCode(200);
    }

    @Test
    void anAdminKeyCanDoWhatAUserCanAndItsRunsBelongToTheAdminTenant() {
        Key admin = createKey("ops", "second-admin", "admin");
        UUID id = AuthTestSupport.submit(admin.as());
        JsonPath run = admin.as().get("/api/runs/" + id).then().statusCode(200).extract().jsonPath();
        assertThat(run.getString("submittedBy.tenant")).isEqualTo("ops");
        admin.as().get("/api/admin/keys").then().statusCode(200);
        JsonPath me = asAdmin().get("/api/whoami").then().statusCode(200).extract().jsonPath();
        assertThat(me.getString("tenant")).isEqualTo("admin");
        assertThat(me.getString("name")).isEqualTo("admin");
        assertThat(me.getString("role")).isEqualTo("admin");
    }

    @Test
    void keysAreCreatedOnceListedWithoutSecretsAndRevokedIdempotently() {
        Key key = createKey("team-k", "deploy bot", "user");
        assertThat(key.token()).matches("flk_[A-Za-z0-9_-]{43}");
        JsonPath me = key.as().get("/api/whoami").then().statusCode(200).extract().jsonPath();
        assertThat(me.getString("tenant")).isEqualTo("team-k");
        assertThat(me.getString("name")).isEqualTo("deploy bot");
        assertThat(me.getString("role")).isEqualTo("user");

        String listing = asAdmin().get("/api/admin/keys").then().statusCode(200).extract().asString();
        assertThat(listing).doesNotContain(key.token()).doesNotContain(
                dev.forgeline.orchestrator.domain.ApiKeyTokens.hash(key.token()));
        JsonPath keys = JsonPath.from(listing);
        String at = "keys.find { it.id == '" + key.id() + "' }";
        assertThat(keys.getString(at + ".tenant")).isEqualTo("team-k");
        assertThat(keys.getString(at + ".role")).isEqualTo("user");
        assertThat(keys.getString(at + ".lastUsedAt")).as("used once by whoami").isNotNull();
        assertThat(keys.getString(at + ".revokedAt")).isNull();
        assertThat(keys.getMap(at)).doesNotContainKeys("key", "tokenHash", "token_hash", "hash");

        asAdmin().delete("/api/admin/keys/" + key.id()).then().statusCode(204);
        asAdmin().delete("/api/admin/keys/" + key.id()).then().statusCode(204);
        key.as().get("/api/whoami").then().statusCode(401);
        JsonPath after = asAdmin().get("/api/admin/keys").then().statusCode(200).extract().jsonPath();
        assertThat(after.getString(at + ".revokedAt")).isNotNull();
        asAdmin().delete("/api/admin/keys/" + UUID.randomUUID()).then().statusCode(404);
        asAdmin().delete("/api/admin/keys/not-a-uuid").then().statusCode(400);
    }

    @Test
    void aKeyRequestWithABadFieldIsA400NamingIt() {
        assertBadKey("{\"tenant\":\"Team_A\",\"name\":\"ci\",\"role\":\"user\"}", "tenant");
        assertBadKey("{\"tenant\":\"a\",\"name\":\"ci\",\"role\":\"user\"}", "tenant");
        assertBadKey("{\"tenant\":\"team-a\",\"name\":\"\",\"role\":\"user\"}", "name");
        assertBadKey("{\"tenant\":\"team-a\",\"name\":\"" + "n".repeat(65) + "\",\"role\":\"user\"}", "name");
        assertBadKey("{\"tenant\":\"team-a\",\"name\":\"ci\\u0007\",\"role\":\"user\"}", "name");
        assertBadKey("{\"tenant\":\"team-a\",\"name\":\"ci\",\"role\":\"root\"}", "role");
        assertBadKey("{\"tenant\":\"team-a\",\"name\":\"ci\"}", "role");
    }

    private static void assertBadKey(String body, String field) {
        JsonPath problem = asAdmin().contentType("application/json").body(body).post("/api/admin/keys").then()
                .statusCode(400).contentType("application/problem+json").extract().jsonPath();
        assertThat(problem.getList("violations.path", String.class)).as(body).contains(field);
    }

    @Test
    void healthMetricsOpenApiAndTheWebViewNeedNoToken() {
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200);
        given().get("/").then().statusCode(200);
        given().get("/index.html").then().statusCode(200);
        JsonPath config = given().get("/api/auth/config").then().statusCode(200).extract().jsonPath();
        assertThat(config.getMap("")).containsEntry("oidc", null);
        given().post("/api/auth/config").then().statusCode(401);
    }

    /** The filter's notion of admin paths, for the test's endpoint table. */
    static final class AuthFilterPaths {
        static boolean adminOnly(String path) {
            return path.startsWith("/api/admin/") || path.startsWith("/api/dead-letters");
        }
    }
}
