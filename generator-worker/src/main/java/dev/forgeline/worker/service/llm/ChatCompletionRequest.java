package dev.forgeline.worker.service.llm;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The body of {@code POST /chat/completions}: the subset every OpenAI-compatible server accepts. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChatCompletionRequest(
        String model,
        List<ChatMessage> messages,
        Double temperature,
        @JsonProperty("max_tokens") Integer maxTokens,
        Boolean stream) {

    public ChatCompletionRequest {
        messages = List.copyOf(messages);
    }

    public static ChatCompletionRequest of(String model, List<ChatMessage> messages, Double temperature,
            Integer maxTokens) {
        return new ChatCompletionRequest(model, messages, temperature, maxTokens, false);
    }
}
