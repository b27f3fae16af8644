package dev.forgeline.worker.service.llm;

/** One answered call: the assistant's text, why it stopped ({@code stop}, {@code length}, …), and token counts. */
public record ChatResult(String content, String finishReason, String model, Integer promptTokens,
        Integer completionTokens) {

    public static final String FINISH_LENGTH = "length";

    /** The model hit its output limit: the text is cut off and can be continued. */
    public boolean truncated() {
        return FINISH_LENGTH.equalsIgnoreCase(finishReason);
    }
}
