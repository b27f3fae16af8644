package dev.forgeline.contracts.spec;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One entity of a spec: PascalCase name, fields and relations. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EntitySpec(String name, String description, List<FieldSpec> fields, List<RelationSpec> relations) {
    public EntitySpec {
        fields = fields == null ? List.of() : List.copyOf(fields);
        relations = relations == null ? List.of() : List.copyOf(relations);
    }
}
