package dev.forgeline.orchestrator.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class RunGraphTest {
    private static final RunGraph GRAPH = graph();

    private static RunGraph graph() {
        Map<String, List<String>> edges = new LinkedHashMap<>();
        edges.put("config", List.of());
        edges.put("utils", List.of());
        edges.put("database", List.of());
        edges.put("models", List.of("database"));
        edges.put("services", List.of("models"));
        edges.put("handlers", List.of("services"));
        edges.put("auth", List.of("utils"));
        return new RunGraph(edges);
    }

    @Test
    void downstreamDepthPutsTheHeadOfTheLongestChainFirst() {
        assertThat(GRAPH.downstreamDepth("database")).isEqualTo(3);
        assertThat(GRAPH.downstreamDepth("models")).isEqualTo(2);
        assertThat(GRAPH.downstreamDepth("utils")).isEqualTo(1);
        assertThat(GRAPH.downstreamDepth("config")).isZero();
        assertThat(GRAPH.downstreamDepth("handlers")).isZero();
    }

    @Test
    void upstreamIsEveryTransitiveDependency() {
        assertThat(GRAPH.upstreamOf("handlers")).containsExactlyInAnyOrder("services", "models", "database");
        assertThat(GRAPH.upstreamOf("config")).isEmpty();
    }

    @Test
    void withDownstreamAddsEveryTransitiveDependent() {
        assertThat(GRAPH.withDownstream(List.of("models", "utils")))
                .containsExactlyInAnyOrder("models", "services", "handlers", "utils", "auth");
    }
}
