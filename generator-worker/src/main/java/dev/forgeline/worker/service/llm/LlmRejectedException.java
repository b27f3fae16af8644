package dev.forgeline.worker.service.llm;

/**
 * The endpoint refused the request for a reason another try will not change: 401/403 (credentials), 400/422
 * (bad request), 404 (wrong URL or model), the prompt exceeding the model's context. Never retried; the module
 * fails at once with retryable=false.
 */
public class LlmRejectedException extends LlmException {
    public LlmRejectedException(String message, int status) {
        super(message, status);
    }

    @Override
    public boolean retryableLater() {
        return false;
    }
}
