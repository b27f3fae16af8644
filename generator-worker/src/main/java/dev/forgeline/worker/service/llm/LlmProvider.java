package dev.forgeline.worker.service.llm;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

import com.samskivert.mustache.MustacheException;

import dev.forgeline.contracts.messages.GenerateModule;
import dev.forgeline.contracts.messages.GeneratedFile;
import dev.forgeline.contracts.messages.PlannedFile;
import dev.forgeline.contracts.spec.GeneratorSettings;
import dev.forgeline.stacks.StackCatalog;
import dev.forgeline.stacks.StackDefinition;
import dev.forgeline.stacks.prompts.StackPrompts;
import dev.forgeline.worker.service.GenerationException;
import dev.forgeline.worker.service.GenerationProvider;
import io.quarkus.logging.Log;

/**
 * The {@code llm} provider: asks an OpenAI-compatible chat-completions endpoint for a module's files.
 * <ol>
 * <li>builds the conversation from the stack's prompts ({@link PromptBuilder});</li>
 * <li>calls the endpoint through {@link ChatClient} (timeout, retries, circuit breaker, bulkhead); a cut-off answer
 * ({@code finish_reason=length}) is continued up to {@code forgeline.llm.max-continuations} times;</li>
 * <li>parses the files ({@link AnswerParser}); unsafe paths and oversized files fail the attempt (retryable, named
 * in the reason), files outside the plan are dropped and logged; planned files the answer lacks are asked for once
 * more in the same conversation.</li>
 * </ol>
 * Failures become {@link GenerationException}s whose reasons never contain the API key: rejections (401, 403, 400,
 * 404, context too long, no endpoint or model configured) are not retryable, so the orchestrator fails the module at
 * once; everything else is retryable.
 */
@ApplicationScoped
public class LlmProvider implements GenerationProvider {
    private final ChatClient client;
    private final LlmConfig config;
    private final Secrets secrets;
    private final StackCatalog catalog;
    private final PromptBuilder prompts;
    private final Clock clock;

    @Inject
    public LlmProvider(ChatClient client, LlmConfig config, LlmTransport transport) {
        this(client, config, transport.secrets(), StackCatalog.load(),
                new PromptBuilder(new StackPrompts(), config.maxContextBytes()), Clock.systemUTC());
    }

    LlmProvider(ChatClient client, LlmConfig config, Secrets secrets, StackCatalog catalog, PromptBuilder prompts,
            Clock clock) {
        this.client = client;
        this.config = config;
        this.secrets = secrets;
        this.catalog = catalog;
        this.prompts = prompts;
        this.clock = clock;
    }

    @Override
    public String name() {
        return GeneratorSettings.LLM_PROVIDER;
    }

    @Override
    public List<GeneratedFile> generate(GenerateModule command) {
        if (config.baseUrl().filter(u -> !u.isBlank()).isEmpty()) {
            throw new GenerationException("the llm provider is not configured in this worker: set "
                    + "FORGELINE_LLM_BASE_URL (e.g. http://localhost:11434/v1)", false);
        }
        String model = model(command);
        double temperature = command.generator() != null && command.generator().temperature() != null
                ? command.generator().temperature() : config.temperature();
        String stackName = command.stack() != null ? command.stack() : command.spec().stack();
        StackDefinition stack = catalog.find(stackName).orElseThrow(() -> new GenerationException(
                "unknown stack '" + stackName + "'; this worker knows " + catalog.names(), false));
        List<ChatMessage> conversation;
        try {
            conversation = prompts.conversation(stack, command);
        } catch (StackPrompts.PromptNotFoundException | MustacheException | IllegalArgumentException e) {
            throw new GenerationException("cannot build the prompt of " + command.module() + " from stack "
                    + stackName + ": " + e.getMessage(), false, e);
        }
        Call call = new Call(command, model, temperature, stack);

        List<String> planned = command.plan().requiredPaths();
        String answer = call.answer(conversation);
        AnswerParser.Result first = checked(command, AnswerParser.parse(answer, planned));
        Map<String, String> files = new java.util.LinkedHashMap<>(first.files());
        List<String> missing = first.missing(planned);
        if (!missing.isEmpty()) {
            Log.infof("command %s: the answer lacks %d of %d planned file(s) %s; asking for them", command.commandId(),
                    missing.size(), planned.size(), missing);
            List<ChatMessage> followUp = new ArrayList<>(conversation);
            followUp.add(ChatMessage.assistant(answer));
            followUp.add(ChatMessage.user(prompts.missing(stack, missing)));
            try {
                AnswerParser.Result more = checked(command, AnswerParser.parse(call.answer(followUp), missing));
                more.files().forEach(files::putIfAbsent);
            } catch (GenerationException e) {
                if (!e.retryable() || files.isEmpty()) {
                    throw e;
                }
                // What the first answer had is still worth validating: the issues will say what is missing.
                Log.warnf("command %s: asking for the missing files failed (%s); keeping the first answer",
                        command.commandId(), e.getMessage());
            }
        }
        List<GeneratedFile> out = new ArrayList<>();
        for (PlannedFile file : command.plan().files()) {
            String content = files.get(file.path());
            if (content != null) {
                out.add(GeneratedFile.of(file.path(), content));
            }
        }
        Log.infof("command %s: model %s wrote %d of %d planned file(s) in %d call(s)", command.commandId(), model,
                out.size(), planned.size(), call.calls);
        return out;
    }

    private String model(GenerateModule command) {
        if (command.generator() != null && command.generator().model() != null
                && !command.generator().model().isBlank()) {
            return command.generator().model();
        }
        return config.model().filter(m -> !m.isBlank()).orElseThrow(() -> new GenerationException(
                "no model for the llm provider: name one in the spec (generator.model) or set FORGELINE_LLM_MODEL "
                        + "in the worker", false));
    }

    /** Rejections fail the attempt (retryable: the next answer may be clean); dropped files are logged. */
    private AnswerParser.Result checked(GenerateModule command, AnswerParser.Result result) {
        if (!result.dropped().isEmpty()) {
            Log.warnf("command %s: dropped %d file(s) outside the module's plan: %s", command.commandId(),
                    result.dropped().size(), result.dropped());
        }
        result.notes().forEach(note -> Log.debugf("command %s: %s", command.commandId(), note));
        if (!result.rejected().isEmpty()) {
            String list = result.rejected().stream().limit(5).map(AnswerParser.Rejection::toString)
                    .collect(Collectors.joining(", "));
            throw new GenerationException("the model's answer was rejected: " + secrets.mask(list)
                    + (result.rejected().size() > 5 ? " and " + (result.rejected().size() - 5) + " more" : ""), true);
        }
        return result;
    }

    /** One attempt's calls: the same model, temperature and deadline; cut-off answers continued. */
    private final class Call {
        private final GenerateModule command;
        private final String model;
        private final double temperature;
        private final StackDefinition stack;
        private int calls;

        Call(GenerateModule command, String model, double temperature, StackDefinition stack) {
            this.command = command;
            this.model = model;
            this.temperature = temperature;
            this.stack = stack;
        }

        String answer(List<ChatMessage> conversation) {
            String text = "";
            for (int round = 0;; round++) {
                List<ChatMessage> messages = conversation;
                if (round > 0) {
                    messages = new ArrayList<>(conversation);
                    messages.add(ChatMessage.assistant(text));
                    messages.add(ChatMessage.user(prompts.continuation(stack)));
                }
                ChatResult result = send(messages);
                text = Continuations.join(text, result.content());
                if (!result.truncated()) {
                    return text;
                }
                if (round >= config.maxContinuations()) {
                    throw new GenerationException("the model's answer was still cut off by its output limit "
                            + "(finish_reason=length) after " + round + " continuation(s); raise "
                            + "FORGELINE_LLM_MAX_TOKENS or use a model with a larger output limit", true);
                }
                Log.infof("command %s: answer cut off (finish_reason=length, %s completion tokens); continuing %d/%d",
                        command.commandId(), result.completionTokens(), round + 1, config.maxContinuations());
            }
        }

        private ChatResult send(List<ChatMessage> messages) {
            Instant now = clock.instant();
            if (command.deadline() != null && !now.isBefore(command.deadline())) {
                throw new GenerationException("the command's deadline " + command.deadline() + " passed during "
                        + "LLM generation after " + calls + " call(s)", true);
            }
            calls++;
            ChatCompletionRequest request = ChatCompletionRequest.of(model, messages, temperature,
                    config.maxTokens().isPresent() ? config.maxTokens().getAsInt() : null);
            try {
                return completeWaitingForTheCircuit(request);
            } catch (LlmException e) {
                throw new GenerationException(secrets.mask(e.getMessage()), e.retryableLater());
            } catch (TimeoutException e) {
                throw new GenerationException("the LLM call timed out (per-call timeout, retries spent)", true);
            } catch (CircuitBreakerOpenException e) {
                throw new GenerationException("the LLM endpoint's circuit breaker is open after repeated failures; "
                        + "not calling it until it recovers (waited " + config.openCircuitWait().toMillis()
                        + " ms, forgeline.llm.open-circuit-wait)", true);
            } catch (BulkheadException e) {
                throw new GenerationException("too many LLM calls in flight in this worker (bulkhead full)", true);
            } catch (GenerationException e) {
                throw e;
            } catch (RuntimeException e) {
                throw new GenerationException("the LLM call failed: " + secrets.mask(e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : ": " + e.getMessage())), true);
            }
        }

        /**
         * The call; while the circuit is open, waits for it (up to {@code forgeline.llm.open-circuit-wait}, checking
         * every second, never past the command's deadline) instead of failing at once. Why: a module fails for good
         * after 3 attempts, and the orchestrator's backoff (3 + 6 s) is shorter than the breaker's delay (30 s), so
         * failing fast would turn a short outage into failed runs. The wait holds an LLM slot, which is I/O waiting,
         * what those slots are sized for.
         */
        private ChatResult completeWaitingForTheCircuit(ChatCompletionRequest request) {
            long giveUp = System.nanoTime() + config.openCircuitWait().toNanos();
            while (true) {
                try {
                    return client.complete(request);
                } catch (CircuitBreakerOpenException e) {
                    long left = giveUp - System.nanoTime();
                    if (left <= 0 || (command.deadline() != null && !clock.instant().isBefore(command.deadline()))) {
                        throw e;
                    }
                    try {
                        TimeUnit.NANOSECONDS.sleep(Math.min(left, TimeUnit.SECONDS.toNanos(1)));
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                        throw e;
                    }
                }
            }
        }
    }
}
