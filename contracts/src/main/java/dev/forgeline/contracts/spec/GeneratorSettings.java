package dev.forgeline.contracts.spec;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Which provider generates the modules of a run: {@code template} (default, offline) or {@code llm}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GeneratorSettings(String provider, String model, Double temperature) {
    public static final String TEMPLATE_PROVIDER = "template";
    public static final String LLM_PROVIDER = "llm";
    public static final GeneratorSettings TEMPLATE = new GeneratorSettings(TEMPLATE_PROVIDER, null, null);

    public String providerOrDefault() {
        return provider == null ? TEMPLATE_PROVIDER : provider;
    }
}
