package dev.forgeline.worker;

import java.util.Map;

import dev.forgeline.testkit.llm.FaultyLlm;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Starts a {@link FaultyLlm} for a Quarkus test and points the worker's LLM provider at it. */
public class FaultyLlmResource implements QuarkusTestResourceLifecycleManager {
    private static volatile FaultyLlm current;

    /** The running endpoint of the test class being run. */
    public static FaultyLlm llm() {
        if (current == null) {
            throw new IllegalStateException("FaultyLlmResource is not started for this test class");
        }
        return current;
    }

    @Override
    public Map<String, String> start() {
        current = FaultyLlm.start();
        return Map.of("forgeline.llm.base-url", current.baseUrl(), "forgeline.llm.model", "faulty-coder");
    }

    @Override
    public void stop() {
        if (current != null) {
            current.close();
            current = null;
        }
    }
}
