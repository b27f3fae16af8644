package dev.forgeline.testkit.llm;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import dev.forgeline.contracts.Json;
import dev.forgeline.contracts.messages.ModulePlan;
import dev.forgeline.contracts.messages.PlannedFile;
import dev.forgeline.contracts.spec.ProjectSpec;
import dev.forgeline.contracts.spec.SpecParser;
import dev.forgeline.stacks.StackCatalog;
import dev.forgeline.stacks.StackDefinition;
import dev.forgeline.stacks.StackPlanner;
import dev.forgeline.stacks.render.TemplateRenderer;

/**
 * An OpenAI-compatible chat-completions endpoint for tests and benchmarks (WireMock on 127.0.0.1, a free port). It
 * answers each request with the files of the module the prompt asks for, as the stack's templates render them for
 * the spec quoted in the prompt (so the answers pass validation), a fixed delay after the request arrived: an LLM
 * whose only cost is the wait. On demand it injects faults into the next requests ({@link #burst}): 429 with and
 * without Retry-After, 5xx, a connection that hangs past the client's timeout, a body dribbled out slower than that;
 * or into every request for a while ({@link #outage}); and it can hold requests until released ({@link #hold()}). It counts every request, by outcome and per (project, module, attempt).
 * Needs {@code org.wiremock:wiremock-standalone} and {@code dev.forgeline:stacks} on the classpath (optional
 * dependencies of the testkit).
 */
public final class FaultyLlm implements AutoCloseable {
    public static final String PATH = "/v1/chat/completions";
    private static final Pattern MODULE = Pattern.compile("(?m)^Module: (\\S+)$");
    private static final Pattern PROJECT = Pattern.compile("(?m)^Project: (\\S+)");
    private static final Pattern ATTEMPT = Pattern.compile("(?m)^Attempt: (\\d+)$");
    private static final String SPEC_START = "The project spec (JSON):\n```json\n";

    /** What a request in a fault burst gets instead of an answer. */
    public enum Fault {
        /** 429 with {@code Retry-After: 1}. */
        RATE_LIMITED,
        /** 429 without Retry-After (the client backs off on its own). */
        RATE_LIMITED_NO_RETRY_AFTER,
        /** 500 with a JSON error body. */
        SERVER_ERROR,
        /** 502 with an HTML body, as a proxy sends it. */
        BAD_GATEWAY,
        /** 503 without a body. */
        UNAVAILABLE,
        /** The answer starts only after {@link #hangFor} (beyond the client's timeout). */
        HANG,
        /** The answer's bytes dribble out over {@link #hangFor}. */
        DRIBBLE
    }

    /** How a request was served. */
    public enum Outcome {
        ANSWERED, RATE_LIMITED, RATE_LIMITED_NO_RETRY_AFTER, SERVER_ERROR, BAD_GATEWAY, UNAVAILABLE, HANG, DRIBBLE,
        NOT_A_MODULE_PROMPT
    }

    private final WireMockServer server;
    private final StackCatalog catalog = StackCatalog.load();
    private final TemplateRenderer renderer = new TemplateRenderer();
    private final Deque<Fault> faults = new ArrayDeque<>();
    private final Map<Outcome, AtomicInteger> outcomes = new EnumMap<>(Outcome.class);
    private final Map<String, AtomicInteger> perModuleAttempt = new ConcurrentHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger held = new AtomicInteger();
    private final Object gate = new Object();
    private volatile boolean holding;
    private volatile Duration delay = Duration.ZERO;
    private volatile Duration hang = Duration.ofSeconds(30);
    private volatile Fault outageFault;
    private volatile long outageEndsNanos;

    private FaultyLlm() {
        for (Outcome outcome : Outcome.values()) {
            outcomes.put(outcome, new AtomicInteger());
        }
        server = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort()
                .containerThreads(300).asynchronousResponseEnabled(true).asynchronousResponseThreads(16)
                .extensions(new Answers()));
    }

    /** Starts a server that answers every request at once and without faults. */
    public static FaultyLlm start() {
        FaultyLlm llm = new FaultyLlm();
        llm.server.start();
        llm.server.stubFor(WireMock.post(WireMock.urlEqualTo(PATH)).willReturn(WireMock.ok()));
        return llm;
    }

    /** The base URL for {@code FORGELINE_LLM_BASE_URL}, up to {@code /v1}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.port() + "/v1";
    }

    /** Every answer is sent after this wait (the model's time per module). */
    public FaultyLlm delay(Duration wait) {
        this.delay = wait;
        return this;
    }

    /** How long {@link Fault#HANG} holds a request and {@link Fault#DRIBBLE} spreads its body (default 30 s). */
    public FaultyLlm hangFor(Duration wait) {
        this.hang = wait;
        return this;
    }

    /** The next {@code count} requests get the fault (after the ones already scheduled). */
    public FaultyLlm burst(Fault fault, int count) {
        synchronized (faults) {
            for (int i = 0; i < count; i++) {
                faults.addLast(fault);
            }
        }
        return this;
    }

    /**
     * An outage: from now, for {@code length}, every request gets {@code fault} (a status fault, not HANG or
     * DRIBBLE), before any burst fault. Unlike a burst it is measured in time, as real outages are: a client that
     * stops calling (an open circuit) does not make it last longer.
     */
    public FaultyLlm outage(Fault fault, Duration length) {
        if (fault == Fault.HANG || fault == Fault.DRIBBLE) {
            throw new IllegalArgumentException("an outage answers with a status, not " + fault);
        }
        outageEndsNanos = System.nanoTime() + length.toNanos();
        outageFault = fault;
        return this;
    }

    /** True while an {@link #outage} lasts. */
    public boolean inOutage() {
        return outageFault != null && System.nanoTime() - outageEndsNanos < 0;
    }

    /** Faults scheduled and not yet served. */
    public int pendingFaults() {
        synchronized (faults) {
            return faults.size();
        }
    }

    /** From now on requests wait (before any fault or answer) until {@link #release()}. */
    public void hold() {
        holding = true;
    }

    /** Lets the held requests and every later one through. */
    public void release() {
        synchronized (gate) {
            holding = false;
            gate.notifyAll();
        }
    }

    /** Requests waiting at the gate now. */
    public int held() {
        return held.get();
    }

    /** Every request received. */
    public int requests() {
        return requests.get();
    }

    /** Requests served with this outcome. */
    public int count(Outcome outcome) {
        return outcomes.get(outcome).get();
    }

    /** Requests per {@code project/module/attempt}, e.g. {@code todo-api/models/1}. */
    public Map<String, Integer> requestsPerModuleAttempt() {
        Map<String, Integer> copy = new LinkedHashMap<>();
        perModuleAttempt.forEach((key, n) -> copy.put(key, n.get()));
        return copy;
    }

    /** Counts by outcome, for a report line. */
    public String summary() {
        StringBuilder out = new StringBuilder(requests() + " requests:");
        outcomes.forEach((outcome, n) -> {
            if (n.get() > 0) {
                out.append(' ').append(outcome.name().toLowerCase()).append('=').append(n.get());
            }
        });
        return out.toString();
    }

    @Override
    public void close() {
        release();
        server.stop();
    }

    private ResponseDefinition serve(String body, long arrivedMillis) {
        requests.incrementAndGet();
        awaitGate();
        Fault fault;
        if (inOutage()) {
            fault = outageFault;
        } else {
            synchronized (faults) {
                fault = faults.pollFirst();
            }
        }
        Prompt prompt = Prompt.of(body);
        if (prompt != null) {
            perModuleAttempt.computeIfAbsent(prompt.key(), k -> new AtomicInteger()).incrementAndGet();
        }
        if (fault != null && fault != Fault.HANG && fault != Fault.DRIBBLE) {
            outcomes.get(Outcome.valueOf(fault.name())).incrementAndGet();
            return failure(fault);
        }
        if (prompt == null) {
            outcomes.get(Outcome.NOT_A_MODULE_PROMPT).incrementAndGet();
            return WireMock.aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                    .withBody("{\"error\":{\"message\":\"FaultyLlm: the request is not a Forgeline module prompt\"}}")
                    .build();
        }
        ResponseDefinitionBuilder answer = WireMock.okJson(completion(answerFor(prompt)));
        if (fault == Fault.HANG) {
            outcomes.get(Outcome.HANG).incrementAndGet();
            return answer.withFixedDelay((int) hang.toMillis()).build();
        }
        if (fault == Fault.DRIBBLE) {
            outcomes.get(Outcome.DRIBBLE).incrementAndGet();
            return answer.withChunkedDribbleDelay(50, (int) hang.toMillis()).build();
        }
        outcomes.get(Outcome.ANSWERED).incrementAndGet();
        // The delay counts from the request's arrival: rendering the answer is this stand-in's own work, not the
        // LLM's latency the delay models, and must not be charged to the pipeline the benchmarks measure.
        long wait = Math.max(0, delay.toMillis() - (System.currentTimeMillis() - arrivedMillis));
        return (wait > 0 ? answer.withFixedDelay((int) wait) : answer).build();
    }

    private void awaitGate() {
        if (!holding) {
            return;
        }
        held.incrementAndGet();
        try {
            synchronized (gate) {
                while (holding) {
                    gate.wait(TimeUnit.SECONDS.toMillis(1));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            held.decrementAndGet();
        }
    }

    private static ResponseDefinition failure(Fault fault) {
        return switch (fault) {
            case RATE_LIMITED -> WireMock.aResponse().withStatus(429).withHeader("Retry-After", "1")
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"error\":{\"message\":\"Rate limit reached, retry after 1s\",\"code\":\"rate_limit\"}}")
                    .build();
            case RATE_LIMITED_NO_RETRY_AFTER -> WireMock.aResponse().withStatus(429)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"error\":{\"message\":\"Too many requests\"}}").build();
            case SERVER_ERROR -> WireMock.aResponse().withStatus(500).withHeader("Content-Type", "application/json")
                    .withBody("{\"error\":{\"message\":\"model runner crashed\"}}").build();
            case BAD_GATEWAY -> WireMock.aResponse().withStatus(502).withHeader("Content-Type", "text/html")
                    .withBody("<html><body><h1>502 Bad Gateway</h1></body></html>").build();
            case UNAVAILABLE -> WireMock.aResponse().withStatus(503).build();
            case HANG, DRIBBLE -> throw new IllegalArgumentException(fault + " carries an answer");
        };
    }

    /** The module's files rendered by the stack's templates, as a fenced JSON files array. */
    private String answerFor(Prompt prompt) {
        StackDefinition stack = catalog.find(prompt.spec().stack()).orElseThrow(() -> new IllegalArgumentException(
                "FaultyLlm: unknown stack " + prompt.spec().stack()));
        ModulePlan plan = StackPlanner.plan(stack, prompt.spec()).stream()
                .filter(m -> m.module().equals(prompt.module())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("FaultyLlm: no module " + prompt.module()));
        List<Map<String, String>> files = new ArrayList<>();
        for (PlannedFile file : plan.files()) {
            files.add(Map.of("path", file.path(), "content", renderer.render(stack, prompt.spec(), file)));
        }
        return "```json\n" + Json.write(Map.of("files", files)) + "\n```";
    }

    private static String completion(String content) {
        Map<String, Object> message = Map.of("role", "assistant", "content", content);
        Map<String, Object> choice = Map.of("index", 0, "message", message, "finish_reason", "stop");
        return Json.write(Map.of("id", "chatcmpl-" + UUID.randomUUID(), "object", "chat.completion",
                "created", Instant.now().getEpochSecond(), "model", "faulty-llm", "choices", List.of(choice),
                "usage", Map.of("prompt_tokens", 2000, "completion_tokens", 900, "total_tokens", 2900)));
    }

    /** What a module prompt asks for: the project, the module, the attempt and the spec it quotes. */
    record Prompt(String project, String module, int attempt, ProjectSpec spec) {
        String key() {
            return project + "/" + module + "/" + attempt;
        }

        static Prompt of(String requestBody) {
            JsonNode messages;
            try {
                messages = Json.mapper().readTree(requestBody).path("messages");
            } catch (IOException | RuntimeException e) {
                return null;
            }
            for (JsonNode message : messages) {
                String text = message.path("content").asText("");
                Matcher module = MODULE.matcher(text);
                int start = text.indexOf(SPEC_START);
                if (!module.find() || start < 0) {
                    continue;
                }
                int end = text.indexOf("\n```", start + SPEC_START.length());
                SpecParser.Result parsed = SpecParser.parse(text.substring(start + SPEC_START.length(), end));
                if (!parsed.ok()) {
                    return null;
                }
                Matcher project = PROJECT.matcher(text);
                Matcher attempt = ATTEMPT.matcher(text);
                return new Prompt(project.find() ? project.group(1) : parsed.spec().name(), module.group(1),
                        attempt.find() ? Integer.parseInt(attempt.group(1)) : 1, parsed.spec());
            }
            return null;
        }
    }

    /** The WireMock extension that turns every request into {@link #serve}'s response. */
    private final class Answers implements ResponseDefinitionTransformerV2 {
        @Override
        public ResponseDefinition transform(ServeEvent event) {
            java.util.Date logged = event.getRequest().getLoggedDate();
            return serve(event.getRequest().getBodyAsString(),
                    logged == null ? System.currentTimeMillis() : logged.getTime());
        }

        @Override
        public String getName() {
            return "forgeline-faulty-llm";
        }
    }

    /** The WireMock server, for its request journal. */
    public WireMockServer server() {
        return server;
    }
}
