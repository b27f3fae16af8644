package dev.forgeline.orchestrator.domain;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A run's module DAG, derived once from the plans: dependencies, dependents, closures and critical-path depth. */
public final class RunGraph {
    private final List<String> order;
    private final Map<String, List<String>> dependsOn;
    private final Map<String, List<String>> dependents = new LinkedHashMap<>();
    private final Map<String, Integer> depth = new HashMap<>();

    /** @param dependsOn every module, in plan order, with the modules it depends on */
    public RunGraph(Map<String, List<String>> dependsOn) {
        this.order = List.copyOf(dependsOn.keySet());
        Map<String, List<String>> copy = new LinkedHashMap<>();
        dependsOn.forEach((module, deps) -> copy.put(module, List.copyOf(deps)));
        this.dependsOn = Collections.unmodifiableMap(copy);
        order.forEach(m -> dependents.put(m, new ArrayList<>()));
        copy.forEach((module, deps) -> deps.forEach(d -> {
            if (dependents.containsKey(d)) {
                dependents.get(d).add(module);
            }
        }));
        order.forEach(this::depthOf);
    }

    /** Modules in plan order. */
    public List<String> modules() {
        return order;
    }

    public boolean contains(String module) {
        return dependsOn.containsKey(module);
    }

    public List<String> dependenciesOf(String module) {
        return dependsOn.getOrDefault(module, List.of());
    }

    /** The length of the longest chain of modules that (transitively) depend on this one. */
    public int downstreamDepth(String module) {
        return depth.getOrDefault(module, 0);
    }

    /** Every module this one depends on, directly or through others. */
    public Set<String> upstreamOf(String module) {
        return closure(module, dependsOn);
    }

    /** The modules and everything that depends on them, directly or through others. */
    public Set<String> withDownstream(List<String> modules) {
        Set<String> all = new LinkedHashSet<>();
        for (String module : modules) {
            all.add(module);
            all.addAll(closure(module, dependents));
        }
        return all;
    }

    private static Set<String> closure(String start, Map<String, List<String>> edges) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>(edges.getOrDefault(start, List.of()));
        while (!todo.isEmpty()) {
            String next = todo.pop();
            if (seen.add(next)) {
                todo.addAll(edges.getOrDefault(next, List.of()));
            }
        }
        return seen;
    }

    private int depthOf(String module) {
        Integer known = depth.get(module);
        if (known != null) {
            return known;
        }
        int deepest = 0;
        for (String dependent : dependents.getOrDefault(module, List.of())) {
            deepest = Math.max(deepest, 1 + depthOf(dependent));
        }
        depth.put(module, deepest);
        return deepest;
    }
}
