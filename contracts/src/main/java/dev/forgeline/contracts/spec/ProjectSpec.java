package dev.forgeline.contracts.spec;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A project spec as users write it (DESIGN §7). Validated by {@link SpecValidator}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProjectSpec(
        String name,
        String description,
        String stack,
        GeneratorSettings generator,
        Options options,
        List<EntitySpec> entities) {

    public ProjectSpec {
        entities = entities == null ? List.of() : List.copyOf(entities);
    }

    /** Generator settings with the default (offline templates) when the spec names none. */
    public GeneratorSettings generatorOrDefault() {
        return generator == null ? GeneratorSettings.TEMPLATE : generator;
    }

    public Options optionsOrDefault() {
        return options == null ? Options.DEFAULT : options;
    }
}
