package dev.forgeline.contracts.spec;

import java.nio.charset.StandardCharsets;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import dev.forgeline.contracts.SizeLimits;

/** Turns a request body into a {@link ProjectSpec}, or into violations naming where the JSON is wrong. */
public final class SpecParser {
    /** The rule a spec over {@code SizeLimits.MAX_SPEC_BYTES} breaks; the gateway answers it 413, not 400. */
    public static final String SIZE_RULE = "spec.size";
    private static final ObjectMapper STRICT = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private static final java.util.regex.Pattern PLAIN_NAME = java.util.regex.Pattern.compile("[A-Za-z_$][A-Za-z0-9_$-]*");

    private SpecParser() {
    }

    /** The outcome of parsing: a spec, or the violations that prevented it. */
    public record Result(ProjectSpec spec, List<SpecViolation> violations) {
        public boolean ok() {
            return violations.isEmpty();
        }
    }

    public static Result parse(byte[] body) {
        if (body == null || body.length == 0) {
            return failed("$", "spec.empty", "the request body is empty; send a project spec as JSON");
        }
        if (body.length > SizeLimits.MAX_SPEC_BYTES) {
            return failed("$", SIZE_RULE,
                    "the spec is " + body.length + " bytes; the limit is " + SizeLimits.MAX_SPEC_BYTES + " bytes");
        }
        try {
            ProjectSpec spec = STRICT.readValue(body, ProjectSpec.class);
            if (spec == null) {
                return failed("$", "json.object", "the spec must be a JSON object");
            }
            return new Result(spec, List.of());
        } catch (UnrecognizedPropertyException e) {
            return failed(path(e), "json.unknown-property", "unknown property '" + e.getPropertyName()
                    + "'; known properties: " + e.getKnownPropertyIds());
        } catch (JsonMappingException e) {
            return failed(path(e), "json.type", e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr();
            return failed("$", "json.malformed", "the body is not valid JSON" + where + ": " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            return failed("$", "json.malformed", "the body cannot be read as UTF-8 JSON");
        }
    }

    public static Result parse(String body) {
        return parse(body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }

    private static Result failed(String path, String rule, String message) {
        return new Result(null, List.of(new SpecViolation(path, rule, message)));
    }

    /** Renders Jackson's reference chain as {@code entities[1].fields[0].type}. */
    static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                String name = ref.getFieldName();
                if (PLAIN_NAME.matcher(name).matches()) {
                    if (!sb.isEmpty()) {
                        sb.append('.');
                    }
                    sb.append(name);
                } else {
                    // A blank or odd key (" ", "a.b", control characters) stays visible and unambiguous.
                    sb.append("[").append(quoted(name)).append(']');
                }
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.isEmpty() ? "$" : sb.toString();
    }

    private static String quoted(String name) {
        try {
            return STRICT.writeValueAsString(name);
        } catch (JsonProcessingException e) {
            return "\"?\"";
        }
    }
}
