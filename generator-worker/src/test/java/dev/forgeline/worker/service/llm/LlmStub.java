package dev.forgeline.worker.service.llm;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A local OpenAI-compatible endpoint for tests: WireMock on 127.0.0.1 with a dynamic port, replaying the recorded
 * answers in {@code src/test/resources/llm/}. The worker is pointed at it with a canary API key.
 */
public class LlmStub implements QuarkusTestResourceLifecycleManager {
    public static final String CANARY_KEY = "sk-canary-7f3a9b2c1d4e";
    public static final String PATH = "/v1/chat/completions";
    public static final String DEFAULT_MODEL = "qwen2.5-coder:7b";

    /** Marks the test field that receives the running server. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface Server {
    }

    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        return Map.of("forgeline.llm.base-url", "http://127.0.0.1:" + server.port() + "/v1",
                "forgeline.llm.api-key", CANARY_KEY,
                "forgeline.llm.model", DEFAULT_MODEL);
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(server, new TestInjector.AnnotatedAndMatchesType(Server.class, WireMockServer.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }

    /** A recorded answer from {@code src/test/resources/llm/}. */
    public static String recorded(String name) {
        try (InputStream in = LlmStub.class.getClassLoader().getResourceAsStream("llm/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no recorded answer llm/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
