package dev.forgeline.worker.service.llm;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The parts of a chat-completions answer Forgeline reads. Lenient: unknown fields are ignored, and an
 * {@code error} object in a 200 answer (some gateways do that) is kept for classification.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ChatCompletionResponse(String id, String model, List<Choice> choices, Usage usage, JsonNode error) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Choice(Integer index, ChatMessage message, String text,
            @JsonProperty("finish_reason") String finishReason) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Usage(@JsonProperty("prompt_tokens") Integer promptTokens,
            @JsonProperty("completion_tokens") Integer completionTokens,
            @JsonProperty("total_tokens") Integer totalTokens) {
    }
}
