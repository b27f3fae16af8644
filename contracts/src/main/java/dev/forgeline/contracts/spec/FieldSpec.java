package dev.forgeline.contracts.spec;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One field of an entity with its type and constraints. Is-getters are not JSON properties
 * ({@code isGetterVisibility = NONE}); a {@code @JsonIgnore} on {@link #isRequired()} / {@link #isUnique()} would make
 * Jackson drop the {@code required} / {@code unique} components themselves.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonAutoDetect(isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public record FieldSpec(
        String name,
        String type,
        Boolean required,
        Boolean unique,
        Integer minLength,
        Integer maxLength,
        Double min,
        Double max,
        String pattern,
        List<String> values) {

    /** The parsed type; only call after {@link SpecValidator} accepted the spec. */
    @JsonIgnore
    public FieldType fieldType() {
        return FieldType.fromName(type).orElseThrow(() -> new IllegalStateException("unknown type " + type));
    }

    public boolean isRequired() {
        return Boolean.TRUE.equals(required);
    }

    public boolean isUnique() {
        return Boolean.TRUE.equals(unique);
    }
}
