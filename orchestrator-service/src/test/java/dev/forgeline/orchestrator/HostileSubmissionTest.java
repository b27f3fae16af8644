package dev.forgeline.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.forgeline.contracts.Json;
import dev.forgeline.contracts.SizeLimits;
import dev.forgeline.testkit.KafkaTestResource;
import dev.forgeline.testkit.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Hostile input at {@code POST /api/runs} over HTTP, real Kafka and PostgreSQL: whatever arrives, the answer is
 * 202/200/400/409/413, never a 5xx, and a refused request stores nothing. The inputs come from jqwik generators
 * (sampled here because jqwik cannot drive a Quarkus test); the 10^5-input count is met one level down, by the
 * contracts module's HostileSpecPropertiesTest on the parser and validator this endpoint calls.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = true)
class HostileSubmissionTest {
    private static final int REQUESTS = 2_000;
    private static final Set<Integer> ALLOWED = Set.of(200, 202, 400, 409, 413);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern QUOTED = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");

    @TestHTTPResource("/api/runs")
    URI runsUri;
    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;
    @ConfigProperty(name = "quarkus.datasource.username")
    String dbUser;
    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> dbPassword;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void generatedSubmissionsGetOnlyClientAnswersAndRefusedOnesStoreNothing() {
        long before = storedRuns();
        Map<Integer, Integer> answers = new TreeMap<>();
        Set<String> accepted = new java.util.HashSet<>();
        Set<String> repeated = new java.util.HashSet<>();
        List<Tuple.Tuple2<String, String>> requests = Combinators.combine(bodies(), idempotencyKeys())
                .as(Tuple::of).sampleStream().limit(REQUESTS).toList();
        for (Tuple.Tuple2<String, String> request : requests) {
            HttpResponse<String> response = post(request.get1(), request.get2());
            int status = response.statusCode();
            answers.merge(status, 1, Integer::sum);
            assertThat(status).as("answer to %s", abbreviate(request.get1())).isIn(ALLOWED);
            if (status >= 400) {
                assertThat(response.headers().firstValue("Content-Type")).as("type of the %d", status)
                        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            } else {
                (status == 202 ? accepted : repeated).add(readTree(response.body()).path("id").asText());
            }
        }
        System.out.printf("HostileSubmissionTest: %d requests, answers %s%n", REQUESTS, answers);
        assertThat(accepted).as("distinct runs created").hasSize(answers.getOrDefault(202, 0));
        assertThat(accepted).containsAll(repeated);
        assertThat(storedRuns() - before).as("runs stored; only a 202 may store one").isEqualTo(accepted.size());
        assertThat(answers).as("the generators reach both sides").containsKeys(202, 400, 413);
    }

    @Test
    void specOverTheSpecLimitIs413NamingTheLimitAndStoresNothing() {
        long before = storedRuns();
        String oversized = example("todo-api.json").replace("\"Todo lists with owners\"",
                "\"" + "x".repeat(SizeLimits.MAX_SPEC_BYTES) + "\"");
        HttpResponse<String> response = post(oversized, null);
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = readTree(response.body());
        assertThat(problem.path("status").asInt()).isEqualTo(413);
        assertThat(problem.path("detail").asText()).contains(String.valueOf(SizeLimits.MAX_SPEC_BYTES));
        assertThat(problem.path("violations").get(0).path("rule").asText()).isEqualTo("spec.size");
        assertThat(storedRuns()).isEqualTo(before);
    }

    @Test
    void bodyOverTheHttpLimitIs413ProblemJsonNamingTheLimit() {
        HttpResponse<String> response = post("x".repeat(3 * 1024 * 1024), null);
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = readTree(response.body());
        assertThat(problem.path("status").asInt()).isEqualTo(413);
        assertThat(problem.path("detail").asText()).contains("2097152");
    }

    @Test
    void concurrentSubmissionsWithOneIdempotencyKeyMakeOneRun() throws Exception {
        int threads = 20;
        String key = "concurrent-" + java.util.UUID.randomUUID();
        String spec = example("todo-api.json");
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return post(spec, key);
                }));
            }
            start.countDown();
            Set<String> ids = new java.util.HashSet<>();
            int created = 0;
            for (Future<HttpResponse<String>> answer : answers) {
                HttpResponse<String> response = answer.get();
                assertThat(response.statusCode()).as(response.body()).isIn(200, 202);
                created += response.statusCode() == 202 ? 1 : 0;
                ids.add(readTree(response.body()).path("id").asText());
            }
            assertThat(ids).as("run ids named by %d concurrent answers", threads).hasSize(1);
            assertThat(created).as("answers that created the run").isEqualTo(1);
            assertThat(count("select count(*) from runs where idempotency_key = '" + key + "'")).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    private HttpResponse<String> post(String body, String idempotencyKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(runsUri).header("Content-Type", "application/json")
                .header("Authorization", TestAuth.ADMIN_BEARER)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private long storedRuns() {
        return count("select count(*) from runs");
    }

    private long count(String sql) {
        try (Connection c = DriverManager.getConnection(jdbcUrl, dbUser, dbPassword.orElse(""));
                ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every kind of hostile body, weighted so the cheap kinds dominate and the huge ones still occur. */
    private static Arbitrary<String> bodies() {
        return Arbitraries.frequencyOf(
                Tuple.of(5, mutatedExamples()),
                Tuple.of(3, randomJson(3).map(Json::write)),
                Tuple.of(2, nameRules()),
                Tuple.of(1, Arbitraries.strings().all().ofMaxLength(300)),
                Tuple.of(1, deepNesting()),
                Tuple.of(1, hugeStrings()),
                Tuple.of(1, hugeArrays()));
    }

    /** Mostly none; some from a small pool so that repeats (200) and conflicts (409) happen; some invalid. */
    private static Arbitrary<String> idempotencyKeys() {
        return Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.just(null)),
                Tuple.of(3, Arbitraries.of("k1", "k2", "k3", "k4")),
                Tuple.of(1, Arbitraries.of(" ", "k".repeat(201))));
    }

    /** An example spec with one of its quoted tokens (a key or a string value) replaced by a generated value. */
    private static Arbitrary<String> mutatedExamples() {
        Arbitrary<String> replacement = Arbitraries.oneOf(randomJson(1).map(Json::write),
                oddNames().map(HostileSubmissionTest::quote));
        return Combinators.combine(Arbitraries.of(examples()), Arbitraries.integers().greaterOrEqual(0),
                replacement).as((spec, position, value) -> {
                    List<int[]> tokens = new ArrayList<>();
                    Matcher m = QUOTED.matcher(spec);
                    while (m.find()) {
                        tokens.add(new int[] {m.start(), m.end()});
                    }
                    int[] token = tokens.get(position % tokens.size());
                    return spec.substring(0, token[0]) + value + spec.substring(token[1]);
                });
    }

    /** The todo example with its project, entity or field name replaced by a generated candidate name. */
    private static Arbitrary<String> nameRules() {
        String todo = example("todo-api.json");
        return Combinators.combine(Arbitraries.of("\"todo-api\"", "\"Todo\"", "\"title\""), oddNames())
                .as((target, name) -> todo.replaceFirst(Pattern.quote(target), quote(name)));
    }

    private static Arbitrary<String> oddNames() {
        return Arbitraries.oneOf(
                Arbitraries.of("", "id", "createdAt", "class", "__proto__", "9lives", "a-b", "Todo", "todo",
                        "\u202Eevil", "zero\u200Bwidth", "\uD800", "😀", "İ", "'; drop table runs; --", "A".repeat(300)),
                Arbitraries.strings().withCharRange('a', 'z').withCharRange('A', 'Z').withChars("-_0123456789")
                        .ofMinLength(1).ofMaxLength(70),
                Arbitraries.strings().all().ofMaxLength(20));
    }

    private static Arbitrary<String> deepNesting() {
        return Combinators.combine(Arbitraries.integers().between(50, 20_000), Arbitraries.of("[", "{\"a\":"))
                .as((depth, open) -> "{\"name\":" + open.repeat(depth) + "1"
                        + (open.equals("[") ? "]" : "}").repeat(depth) + "}");
    }

    private static Arbitrary<String> hugeStrings() {
        return Arbitraries.integers().between(1_000, SizeLimits.MAX_SPEC_BYTES + 200_000).map(size ->
                example("todo-api.json").replace("\"Todo lists with owners\"", quote("ß".repeat(size / 2))));
    }

    private static Arbitrary<String> hugeArrays() {
        return Combinators.combine(Arbitraries.integers().between(100, 60_000),
                Arbitraries.of("{}", "1", "null", "{\"name\":\"Todo\",\"fields\":[]}"))
                .as((size, item) -> "{\"name\":\"huge\",\"stack\":\"express-js\",\"entities\":["
                        + String.join(",", java.util.Collections.nCopies(size, item)) + "]}");
    }

    private static Arbitrary<Object> randomJson(int depth) {
        Arbitrary<Object> leaf = Arbitraries.oneOf(Arbitraries.just(null), Arbitraries.of(true, false).map(b -> b),
                Arbitraries.longs().map(l -> l), Arbitraries.doubles().map(d -> d),
                Arbitraries.strings().all().ofMaxLength(50).map(s -> s));
        if (depth == 0) {
            return leaf;
        }
        Arbitrary<Object> child = Arbitraries.lazy(() -> randomJson(depth - 1));
        Arbitrary<Object> array = child.list().ofMaxSize(4).map(l -> l);
        Arbitrary<Object> object = Arbitraries.maps(Arbitraries.oneOf(Arbitraries.of("name", "stack", "entities",
                "fields", "type", "relations", "target"), Arbitraries.strings().ofMaxLength(10)), child)
                .ofMaxSize(5).map(m -> m);
        return Arbitraries.frequencyOf(Tuple.of(2, leaf), Tuple.of(1, array), Tuple.of(3, object));
    }

    private static List<String> examples() {
        try (Stream<Path> files = Files.list(Path.of("..", "examples"))) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().map(HostileSubmissionTest::read)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String example(String name) {
        return read(Path.of("..", "examples", name));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode readTree(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String quote(String value) {
        return Json.write(value);
    }

    private static String abbreviate(String body) {
        return body.length() <= 300 ? body : body.substring(0, 300) + "… (" + body.length() + " chars)";
    }
}
