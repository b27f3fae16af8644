package dev.forgeline.orchestrator.domain;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;

import dev.forgeline.contracts.Json;
import dev.forgeline.contracts.messages.ValidationIssue;

/** Validation issues as stored in a JSON text column. */
public final class IssuesJson {
    private static final TypeReference<List<ValidationIssue>> ISSUES = new TypeReference<>() {
    };

    private IssuesJson() {
    }

    public static List<ValidationIssue> read(String json) {
        if (json == null || json.isBlank() || json.equals("[]")) {
            return List.of();
        }
        try {
            return Json.mapper().readValue(json, ISSUES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored issues are not valid JSON", e);
        }
    }
}
