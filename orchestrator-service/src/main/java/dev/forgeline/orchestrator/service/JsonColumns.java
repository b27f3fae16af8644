package dev.forgeline.orchestrator.service;

import java.util.List;

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

    private JsonColumns() {
    }

    public static ProjectSpec spec(String json) {
        return Json.read(json, ProjectSpec.class);
    }

    public static ModulePlan plan(String json) {
        return Json.read(json, ModulePlan.class);
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
