package dev.forgeline.contracts.spec;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A relation from one entity to another. Is-getters are not JSON properties ({@code isGetterVisibility = NONE}); a
 * {@code @JsonIgnore} on {@link #isRequired()} would make Jackson drop the {@code required} component itself.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonAutoDetect(isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public record RelationSpec(String kind, String name, String target, String inverseName, Boolean required) {
    @JsonIgnore
    public RelationKind relationKind() {
        return RelationKind.fromName(kind).orElseThrow(() -> new IllegalStateException("unknown kind " + kind));
    }

    public boolean isRequired() {
        return Boolean.TRUE.equals(required);
    }
}
