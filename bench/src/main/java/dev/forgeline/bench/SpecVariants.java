package dev.forgeline.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.forgeline.contracts.Json;

/**
 * Makes every measured run's spec different from every other one, so that no cache keyed by content makes a
 * benchmark easier than production: the project name carries this bench invocation's nonce and the run's number,
 * every entity name (and every relation target) the run's number, and every other run gets one more entity whose
 * fields depend on the run's number.
 */
final class SpecVariants {
    private static final List<Map<String, Object>> FIELD_POOL = GenerationBench.FIELDS;

    private final JsonNode base;
    private final String nonce = Long.toString(UUID.randomUUID().getMostSignificantBits() & 0xffffffL, 36);

    SpecVariants(JsonNode base) {
        this.base = base;
    }

    /** What {@link #variant} changes, for the benchmark's output. */
    static String description() {
        return "project name, every entity name and relation target renamed per run; every other run has one more"
                + " entity with a run-dependent field set";
    }

    /** The base spec, made unique for run {@code n}. */
    byte[] variant(int n) {
        ObjectNode spec = base.deepCopy();
        String baseName = spec.path("name").asText("bench");
        String name = (baseName + "-" + nonce + "-" + n);
        spec.put("name", name.length() > 63 ? name.substring(name.length() - 63).replaceFirst("^[^a-z]+", "b") : name);
        String suffix = "V" + n;
        ArrayNode entities = (ArrayNode) spec.withArray("entities");
        for (JsonNode entity : entities) {
            ((ObjectNode) entity).put("name", entity.path("name").asText() + suffix);
            for (JsonNode relation : entity.path("relations")) {
                ((ObjectNode) relation).put("target", relation.path("target").asText() + suffix);
            }
        }
        if (n % 2 == 1) {
            List<Object> fields = new ArrayList<>();
            fields.add(FIELD_POOL.get(0));
            for (int i = 1; i < FIELD_POOL.size(); i++) {
                if (((n >> i) & 1) == 1) {
                    fields.add(FIELD_POOL.get(i));
                }
            }
            entities.add(Json.mapper().valueToTree(Map.of("name", "Extra" + suffix, "fields", fields)));
        }
        return Json.write(spec).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
