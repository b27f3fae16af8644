package dev.forgeline.orchestrator.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.forgeline.contracts.messages.ModulePlan;
import dev.forgeline.contracts.spec.GeneratorSettings;
import dev.forgeline.contracts.spec.ProjectSpec;

/**
 * What never changes in a run once it is submitted: the parsed spec, the module plans and their graph, and every
 * path planned for the run. Built once at submission (or once per process when a run is first loaded).
 */
public final class RunPlan {
    private final String stack;
    private final ProjectSpec spec;
    private final Map<String, ModulePlan> plans = new LinkedHashMap<>();
    private final RunGraph graph;
    private final List<String> runPaths;

    public RunPlan(String stack, ProjectSpec spec, List<ModulePlan> plans) {
        this.stack = stack;
        this.spec = spec;
        Map<String, List<String>> edges = new LinkedHashMap<>();
        for (ModulePlan plan : plans) {
            this.plans.put(plan.module(), plan);
            edges.put(plan.module(), plan.dependsOn());
        }
        this.graph = new RunGraph(edges);
        this.runPaths = plans.stream().flatMap(p -> p.requiredPaths().stream()).sorted().toList();
    }

    public String stack() {
        return stack;
    }

    public ProjectSpec spec() {
        return spec;
    }

    public RunGraph graph() {
        return graph;
    }

    public ModulePlan plan(String module) {
        return plans.get(module);
    }

    public List<ModulePlan> plans() {
        return List.copyOf(plans.values());
    }

    /** Every path planned for the run: what a module may import besides its own files. */
    public List<String> runPaths() {
        return runPaths;
    }

    /** Whether the run's generator reads upstream files (the LLM provider) or renders from the spec (templates). */
    public boolean readsUpstream() {
        return !GeneratorSettings.TEMPLATE_PROVIDER.equals(spec.generatorOrDefault().providerOrDefault());
    }
}
