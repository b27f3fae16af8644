package dev.forgeline.orchestrator;

import static dev.forgeline.orchestrator.AuthTestSupport.createKey;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import dev.forgeline.orchestrator.AuthTestSupport.Key;
import dev.forgeline.testkit.KafkaTestResource;
import dev.forgeline.testkit.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** Per-tenant quotas (issue 15): over either limit a submission is a 429 with Retry-After and stores nothing. */
@QuarkusTest
@TestProfile(QuotaTest.SmallQuotas.class)
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = true)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QuotaTest extends DownstreamTest {
    static final int IN_FLIGHT = 2;
    static final int PER_MINUTE = 4;

    /** Two runs in flight and four submissions a minute per tenant. */
    public static class SmallQuotas implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("forgeline.quota.runs-in-flight", Integer.toString(IN_FLIGHT),
                    "forgeline.quota.submissions-per-minute", Integer.toString(PER_MINUTE));
        }
    }

    @Inject
    Pool pool;

    @BeforeAll
    void noDefaultToken() {
        TestAuth.sendNothingByDefault();
    }

    private long storedRuns(String tenant) {
        return pool.preparedQuery("select count(*) from runs where tenant = $1").execute(Tuple.of(tenant))
                .await().indefinitely().iterator().next().getLong(0);
    }

    private static Response post(Key key) {
        return key.as().contentType("application/json").body(RunLifecycleTest.spec()).post("/api/runs");
    }

    @Test
    void overTheRunsInFlightQuotaIsA429AndNothingIsStored() {
        Key key = createKey("quota-flight", "ci", "user");
        for (int i = 0; i < IN_FLIGHT; i++) {
            post(key).then().statusCode(202);
        }
        Response refused = post(key);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isPositive();
        assertThat(refused.jsonPath().getString("detail")).contains("in flight", "quota-flight");
        assertThat(storedRuns("quota-flight")).isEqualTo(IN_FLIGHT);
        // Another tenant is not affected.
        post(createKey("quota-other", "ci", "user")).then().statusCode(202);
        // A finished run frees its place.
        String first = key.as().get("/api/runs").then().extract().jsonPath().getString("runs[0].id");
        key.as().post("/api/runs/" + first + "/cancel").then().statusCode(200);
        post(key).then().statusCode(202);
        assertThat(storedRuns("quota-flight")).isEqualTo(IN_FLIGHT + 1);
    }

    @Test
    void overTheSubmissionsPerMinuteQuotaIsA429WithRetryAfterWithinTheMinute() {
        Key key = createKey("quota-rate", "ci", "user");
        for (int i = 0; i < PER_MINUTE; i++) {
            String id = post(key).then().statusCode(202).extract().path("id");
            key.as().post("/api/runs/" + id + "/cancel").then().statusCode(200);
        }
        Response refused = post(key);
        assertThat(refused.statusCode()).isEqualTo(429);
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertThat(retryAfter).isBetween(1L, 60L);
        JsonPath problem = refused.jsonPath();
        assertThat(problem.getString("detail")).contains("per minute");
        assertThat(storedRuns("quota-rate")).isEqualTo(PER_MINUTE);
    }

    @Test
    void concurrentSubmissionsOverTheQuotaCannotAllPass() {
        Key key = createKey("quota-race", "ci", "user");
        HttpClient http = HttpClient.newHttpClient();
        URI runs = URI.create("http://localhost:" + RestAssured.port + "/api/runs");
        String spec = RunLifecycleTest.spec();
        List<CompletableFuture<HttpResponse<String>>> all = IntStream.range(0, 8).mapToObj(i -> http.sendAsync(
                HttpRequest.newBuilder(runs).header("Content-Type", "application/json")
                        .header("Authorization", key.bearer())
                        .POST(HttpRequest.BodyPublishers.ofString(spec, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString())).toList();
        List<Integer> statuses = all.stream().map(f -> f.join().statusCode()).toList();
        assertThat(statuses).containsOnly(202, 429);
        assertThat(statuses.stream().filter(s -> s == 202).count()).isEqualTo(IN_FLIGHT);
        assertThat(storedRuns("quota-race")).isEqualTo(IN_FLIGHT);
    }

    @Test
    void anIdempotentRepeatIsAnsweredEvenWhenTheQuotaIsFull() {
        Key key = createKey("quota-idem", "ci", "user");
        String idempotencyKey = UUID.randomUUID().toString();
        String first = key.as().contentType("application/json").header("Idempotency-Key", idempotencyKey)
                .body(RunLifecycleTest.spec()).post("/api/runs").then().statusCode(202).extract().path("id");
        post(key).then().statusCode(202);
        post(key).then().statusCode(429);
        String again = key.as().contentType("application/json").header("Idempotency-Key", idempotencyKey)
                .body(RunLifecycleTest.spec()).post("/api/runs").then().statusCode(200).extract().path("id");
        assertThat(again).isEqualTo(first);
    }
}
