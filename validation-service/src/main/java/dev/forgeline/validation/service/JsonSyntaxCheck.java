package dev.forgeline.validation.service;

import java.io.IOException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.forgeline.contracts.messages.GeneratedFile;
import dev.forgeline.contracts.messages.ValidationIssue;

/** {@code json.syntax}: a JSON file must be exactly one well-formed JSON value (strict Jackson, no trailing data). */
final class JsonSyntaxCheck implements FileCheck {
    private static final ObjectMapper STRICT = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    @Override
    public Set<FileType> fileTypes() {
        return EnumSet.of(FileType.JSON);
    }

    @Override
    public List<ValidationIssue> check(GeneratedFile file, CheckContext context) {
        try {
            STRICT.readTree(file.content());
            return List.of();
        } catch (JsonProcessingException e) {
            JsonLocation location = e.getLocation();
            Integer line = location == null || location.getLineNr() < 1 ? null : location.getLineNr();
            return List.of(ValidationIssue.error(file.path(), line, Rules.JSON_SYNTAX,
                    "invalid JSON: " + e.getOriginalMessage()));
        } catch (IOException e) {
            return List.of(ValidationIssue.error(file.path(), null, Rules.JSON_SYNTAX, "invalid JSON: " + e.getMessage()));
        }
    }
}
