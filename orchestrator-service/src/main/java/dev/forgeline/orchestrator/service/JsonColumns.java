package dev.forgeline.orchestrator.service;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;

import dev.forgeline.contracts.Json;
import dev.forgeline.contracts.messages.ModulePlan;
import dev.forgeline.contracts.messages.ValidationIssue;
import dev.forgeline.contracts.spec.ProjectSpec;

/** Reads the JSON text columns of runs and modules back into contract types. */
public final class JsonColumns {
    private static final TypeReference<List<ValidationIssue>> ISSUES = new TypeReference<>() {
    };

    // A run's spec and its modules' plans never change once written, and every verdict of the run reads them
    // again: parsed values (immutable records) of the most recent texts are kept, within a few MiB.
    private static final int MAX_CACHED_CHARS = 64 * 1024;
    private static final Map<String, ProjectSpec> SPECS = recent(64);
    private static final Map<String, ModulePlan> PLANS = recent(1024);

    private JsonColumns() {
    }

    public static ProjectSpec spec(String json) {
        return json.length() > MAX_CACHED_CHARS ? Json.read(json, ProjectSpec.class)
                : SPECS.computeIfAbsent(json, text -> Json.read(text, ProjectSpec.class));
    }

    public static ModulePlan plan(String json) {
        return json.length() > MAX_CACHED_CHARS ? Json.read(json, ModulePlan.class)
                : PLANS.computeIfAbsent(json, text -> Json.read(text, ModulePlan.class));
    }

    private static <V> Map<String, V> recent(int capacity) {
        return Collections.synchronizedMap(new LinkedHashMap<>(capacity, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > capacity;
            }
        });
    }

    public static List<ValidationIssue> issues(String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        try {
            return Json.mapper().readValue(json, ISSUES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored issues are not valid JSON", e);
        }
    }
}
