package dev.forgeline.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.forgeline.cli.Credentials;
import dev.forgeline.cli.EventStream;
import dev.forgeline.cli.Forgeline;
import dev.forgeline.cli.Gateway;
import dev.forgeline.contracts.Topics;
import dev.forgeline.contracts.messages.RunEvent;
import dev.forgeline.contracts.messages.RunStatus;
import dev.forgeline.testkit.ProjectRoot;
import dev.forgeline.testkit.local.LocalForgeline;
import picocli.CommandLine;

/**
 * The SSE streams across two orchestrator instances, and every {@code forgeline} client command against a running
 * stack: its output and exit code. Specs with {@code auth} on fail (the worker's test-only fence fault).
 */
class WatchIT {
    private static final Pattern RUN_LINE = Pattern.compile("run ([0-9a-f-]{36}) ");
    private static LocalForgeline stack;
    private static Path succeeding;
    private static Path failing;

    @TempDir
    static Path specs;

    /** What one CLI invocation printed and returned. */
    record Result(int exit, String out, String err) {
        String runId() {
            Matcher m = RUN_LINE.matcher(out);
            assertThat(m.find()).as(out).isTrue();
            return m.group(1);
        }
    }

    @BeforeAll
    static void start() throws IOException {
        stack = LocalForgeline.start(E2eSupport.options("watch").orchestrators(2)
                .env(LocalForgeline.WORKER, "FORGELINE_WORKER_FAULTS_FENCE_MODULES", "auth")
                // Long enough that a failing run is still going when the test cancels it (3 s + 6 s of backoff).
                .env(LocalForgeline.ORCHESTRATOR, "FORGELINE_ORCHESTRATOR_INITIAL_BACKOFF", "3s"));
        String todo = Files.readString(ProjectRoot.find().resolve("examples/todo-api.json"));
        succeeding = Files.writeString(specs.resolve("todo-api.json"), todo);
        failing = Files.writeString(specs.resolve("todo-api-auth.json"),
                todo.replace("\"auth\": false", "\"auth\": true"));
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    private static Result cli(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--api");
        all.add(stack.apiBases().get(all.hashCode() & 1).toString());
        return cliRaw(all.toArray(String[]::new));
    }

    private static Result cliRaw(String... args) {
        return cliWith(Map.of(Credentials.TOKEN_ENV, stack.adminKey()), args);
    }

    /** The CLI with these environment variables (FORGELINE_TOKEN) instead of the admin key. */
    private static Result cliWith(Map<String, String> environment, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Forgeline.commandLine(environment);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new Result(exit, out.toString(), err.toString());
    }

    @Test
    void twoOrchestratorInstancesServeTheSameStreamOfARun() throws Exception {
        Result submitted = cli("submit", succeeding.toString());
        String runId = submitted.runId();
        List<CompletableFuture<List<RunEvent>>> streams = stack.apiBases().stream()
                .map(base -> CompletableFuture.supplyAsync(() -> {
                    List<RunEvent> events = new ArrayList<>();
                    RunStatus end = new EventStream(new Gateway(base, Credentials.adminKey(stack.adminKey()))).follow(runId, events::add);
                    assertThat(end).isEqualTo(RunStatus.SUCCEEDED);
                    return events;
                })).toList();
        List<RunEvent> first = streams.get(0).get(3, TimeUnit.MINUTES);
        List<RunEvent> second = streams.get(1).get(3, TimeUnit.MINUTES);
        assertThat(first).hasSizeGreaterThan(10);
        assertThat(second).containsExactlyElementsOf(first);
        assertThat(first.get(0).status()).isEqualTo("QUEUED");
        assertThat(first.get(first.size() - 1).status()).isEqualTo("SUCCEEDED");
    }

    @Test
    void submitWatchShowsEachModuleAndExits0ThenStatusListAndDownloadWork(@TempDir Path out) {
        Result run = cli("submit", succeeding.toString(), "--watch");
        assertThat(run.exit()).as(run.err()).isZero();
        String runId = run.runId();
        for (String module : List.of("config", "database", "models", "services", "handlers", "routes", "tests")) {
            assertThat(run.out()).containsPattern("  " + module + " +VALIDATED");
        }
        assertThat(run.out()).contains("Run " + runId + " (todo-api): SUCCEEDED");

        Result status = cli("status", runId);
        assertThat(status.exit()).isZero();
        assertThat(status.out()).contains("SUCCEEDED", "success rate 100.0 %");

        Result list = cli("list", "--status", "SUCCEEDED", "--size", "100");
        assertThat(list.exit()).isZero();
        assertThat(list.out()).contains(runId);

        Result download = cli("download", runId, "--out", out.toString());
        assertThat(download.exit()).as(download.err()).isZero();
        assertThat(out.resolve("src/server.js")).isRegularFile();
        assertThat(out.resolve("package.json")).isRegularFile();

        Result watchAgain = cli("watch", runId);
        assertThat(watchAgain.exit()).isZero();
        assertThat(watchAgain.out()).contains("Run " + runId + " (todo-api): SUCCEEDED");
    }

    @Test
    void theSameIdempotencyKeyGivesTheSameRun() {
        String key = "cli-" + UUID.randomUUID();
        Result first = cli("submit", succeeding.toString(), "--idempotency-key", key);
        Result again = cli("submit", succeeding.toString(), "--idempotency-key", key);
        assertThat(first.exit()).isZero();
        assertThat(again.exit()).isZero();
        assertThat(again.runId()).isEqualTo(first.runId());
    }

    @Test
    void aFailedRunExits1AndReplayRedispatchesTheNamedModule() {
        Result run = cli("submit", failing.toString(), "--watch");
        assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(1);
        String runId = run.runId();
        assertThat(run.out()).containsPattern("  auth +FAILED").contains("): FAILED");
        assertThat(cli("status", runId).exit()).isEqualTo(1);

        Result replay = cli("replay", runId, "--module", "auth");
        assertThat(replay.exit()).as(replay.err()).isZero();
        assertThat(replay.out()).contains("run " + runId, "replay of auth");
        await().atMost(Duration.ofMinutes(1)).until(() -> cli("status", runId).out().matches(
                "(?s).*  auth +\\S+ +[4-6] .*"));
    }

    @Test
    void cancelEndsARunningRunAndItsWatchExits1() {
        String runId = cli("submit", failing.toString()).runId();
        Result cancel = cli("cancel", runId);
        assertThat(cancel.exit()).as(cancel.err()).isZero();
        assertThat(cancel.out()).contains("run " + runId + " CANCELLED");
        Result watch = cli("watch", runId);
        assertThat(watch.exit()).isEqualTo(1);
        assertThat(watch.out()).contains("): CANCELLED");
    }

    @Test
    void aRejectedSpecExits2AndNamesTheViolationsByPath() throws IOException {
        Path bad = Files.writeString(specs.resolve("bad.json"),
                Files.readString(succeeding).replace("\"express-js\"", "\"cobol-on-rails\""), StandardCharsets.UTF_8);
        Result rejected = cli("submit", bad.toString());
        assertThat(rejected.exit()).isEqualTo(2);
        assertThat(rejected.err()).contains("was rejected", "- stack [stack.unknown]");
    }

    @Test
    void anUnknownRunExits2AndAnUnreachableGatewayExits3() throws IOException {
        Result unknown = cli("status", UUID.randomUUID().toString());
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("HTTP 404");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Result down = cliRaw("watch", UUID.randomUUID().toString(), "--api", "http://127.0.0.1:" + port);
        assertThat(down.exit()).isEqualTo(3);
        assertThat(down.err()).contains("cannot reach the gateway");
    }

    @Test
    void deadLettersListShowsAPoisonVerdictAndReplayRepublishesItOnce() {
        String key = "cli-poison-" + UUID.randomUUID();
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            producer.send(new ProducerRecord<>(Topics.MODULE_VALIDATED, key, "{not json")).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        Pattern line = Pattern.compile("(" + Pattern.quote(Topics.MODULE_VALIDATED_DLQ) + ":\\d+:\\d+)  \\S+  "
                + Pattern.quote(Topics.MODULE_VALIDATED) + "  key=" + key);
        await().atMost(Duration.ofSeconds(60)).until(() -> line.matcher(
                cli("dead-letters", "list", "--topic", Topics.MODULE_VALIDATED_DLQ, "--size", "100").out()).find());
        Result list = cli("dead-letters", "list", "--topic", Topics.MODULE_VALIDATED_DLQ, "--size", "100");
        assertThat(list.exit()).isZero();
        Matcher m = line.matcher(list.out());
        assertThat(m.find()).isTrue();
        assertThat(list.out()).contains("    value:  {not json");

        Result replay = cli("dead-letters", "replay", m.group(1));
        assertThat(replay.exit()).as(replay.err()).isZero();
        assertThat(replay.out()).contains("replayed 1, already replayed 0, not found 0");
        Result again = cli("dead-letters", "replay", m.group(1));
        assertThat(again.exit()).isZero();
        assertThat(again.out()).contains("replayed 0, already replayed 1, not found 0");
    }

    @Test
    void aKeyMadeWithKeysCreateSeesOnlyItsTenantsRunsUntilItIsRevoked(@TempDir Path dir) throws IOException {
        String adminRun = cli("submit", succeeding.toString()).runId();
        Result created = cli("keys", "create", "--tenant", "team-cli", "--name", "ci-" + UUID.randomUUID());
        assertThat(created.exit()).as(created.err()).isZero();
        String key = created.out().lines().findFirst().orElseThrow();
        assertThat(key).matches("flk_[A-Za-z0-9_-]{43}");
        String keyId = created.out().replaceAll("(?s).*\\bid ([0-9a-f-]{36}) .*", "$1");
        Map<String, String> teamCli = Map.of(Credentials.TOKEN_ENV, key);

        Result own = cliWith(teamCli, "submit", succeeding.toString(), "--api", stack.apiBase().toString());
        assertThat(own.exit()).as(own.err()).isZero();
        Result list = cliWith(teamCli, "list", "--size", "100", "--api", stack.apiBase().toString());
        assertThat(list.out()).contains(own.runId()).doesNotContain(adminRun);
        Result foreign = cliWith(teamCli, "status", adminRun, "--api", stack.apiBase().toString());
        assertThat(foreign.exit()).isEqualTo(2);
        assertThat(foreign.err()).contains("HTTP 404", "a run of another tenant");
        Result notAdmin = cliWith(teamCli, "keys", "list", "--api", stack.apiBase().toString());
        assertThat(notAdmin.exit()).isEqualTo(2);
        assertThat(notAdmin.err()).contains("HTTP 403", "needs an admin key");

        Result keys = cli("keys", "list");
        assertThat(keys.out()).contains(keyId, "team-cli").doesNotContain(key);
        assertThat(cli("keys", "revoke", keyId).exit()).isZero();
        Path tokenFile = Files.writeString(dir.resolve("token"), key);
        Result revoked = cliWith(Map.of(), "list", "--token-file", tokenFile.toString(), "--api",
                stack.apiBase().toString());
        assertThat(revoked.exit()).isEqualTo(3);
        assertThat(revoked.err()).contains("the gateway refused the token (--token-file").doesNotContain(key);
        Result none = cliWith(Map.of(), "list", "--api", stack.apiBase().toString());
        assertThat(none.exit()).isEqualTo(3);
        assertThat(none.err()).contains("requires a token: set FORGELINE_TOKEN");
    }
}
