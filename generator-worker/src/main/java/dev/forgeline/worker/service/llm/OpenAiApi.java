package dev.forgeline.worker.service.llm;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The one OpenAI-compatible call Forgeline makes, as a Quarkus REST client built programmatically by
 * {@link LlmTransport} (base URL from {@code forgeline.llm.base-url}). The body goes out as serialised JSON and comes
 * back as a raw {@link Response} so that status, Retry-After and non-JSON error bodies are all in our hands (the
 * default exception mapper is disabled).
 */
@Path("/chat/completions")
public interface OpenAiApi {

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Response chatCompletions(String body);
}
