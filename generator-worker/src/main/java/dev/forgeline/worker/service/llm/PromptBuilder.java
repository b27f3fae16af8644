package dev.forgeline.worker.service.llm;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;

import dev.forgeline.contracts.Json;
import dev.forgeline.contracts.messages.GenerateModule;
import dev.forgeline.contracts.messages.GeneratedFile;
import dev.forgeline.contracts.messages.PlannedFile;
import dev.forgeline.contracts.messages.ValidationIssue;
import dev.forgeline.stacks.StackDefinition;
import dev.forgeline.stacks.prompts.StackPrompts;
import dev.forgeline.stacks.render.ProjectModel;

/**
 * Builds the conversation for one module from the stack's prompts ({@code stacks/<stack>/prompts/}): the system
 * prompt, then one user message with the spec as JSON, the exact files to write, the module's notes, the upstream
 * modules' validated files (quoted up to {@code forgeline.llm.max-context-bytes}, the rest named), the project's other
 * paths and, on a repair attempt, the previous attempt's validation issues.
 */
public final class PromptBuilder {
    static final int MAX_ISSUES = 40;
    static final int MAX_ISSUE_CHARS = 400;
    static final int MAX_LISTED_PATHS = 300;

    private final StackPrompts prompts;
    private final int maxContextBytes;

    public PromptBuilder(StackPrompts prompts, int maxContextBytes) {
        this.prompts = prompts;
        this.maxContextBytes = maxContextBytes;
    }

    /** The system and user messages of the first request of an attempt. */
    public List<ChatMessage> conversation(StackDefinition stack, GenerateModule command) {
        ProjectModel project = ProjectModel.of(command.spec());
        Map<String, Object> base = baseContext(stack, project);
        String system = prompts.render(stack, StackPrompts.SYSTEM, base);

        Map<String, Object> context = new HashMap<>(base);
        Map<String, Object> module = new HashMap<>();
        module.put("name", command.module());
        module.put("critical", command.plan().critical());
        module.put("dependsOn", String.join(", ", command.plan().dependsOn()));
        context.put("module", module);
        context.put("attempt", command.attempt());
        context.put("specJson", specJson(command));
        List<Map<String, Object>> files = new ArrayList<>();
        for (PlannedFile f : command.plan().files()) {
            Map<String, Object> file = new HashMap<>();
            file.put("path", f.path());
            file.put("critical", f.critical());
            if (f.entity() != null) {
                file.put("entity", f.entity());
            }
            files.add(file);
        }
        context.put("files", files);
        context.put("fileCount", files.size());
        prompts.moduleNotes(stack, command.module(), base).ifPresent(notes -> context.put("notes", notes.strip()));

        Set<String> planned = new LinkedHashSet<>(command.plan().requiredPaths());
        List<Map<String, Object>> upstream = new ArrayList<>();
        List<Map<String, Object>> omitted = new ArrayList<>();
        Set<String> upstreamPaths = new LinkedHashSet<>();
        long budget = maxContextBytes;
        for (GeneratedFile f : command.upstreamFiles()) {
            if (f.path() == null || planned.contains(f.path()) || !upstreamPaths.add(f.path())) {
                continue;
            }
            String content = f.content() == null ? "" : f.content();
            long size = content.getBytes(StandardCharsets.UTF_8).length;
            if (size <= budget) {
                budget -= size;
                Map<String, Object> file = new HashMap<>();
                file.put("path", f.path());
                file.put("content", content.endsWith("\n") ? content : content + "\n");
                file.put("fence", fenceFor(content));
                file.put("language", language(f.path()));
                upstream.add(file);
            } else {
                omitted.add(Map.of("path", f.path()));
            }
        }
        context.put("upstream", upstream);
        context.put("hasUpstream", !upstream.isEmpty());
        context.put("omitted", omitted);
        context.put("hasOmitted", !omitted.isEmpty());

        List<Map<String, Object>> others = new ArrayList<>();
        for (String path : new LinkedHashSet<>(command.runPaths())) {
            if (!planned.contains(path) && !upstreamPaths.contains(path) && others.size() < MAX_LISTED_PATHS) {
                others.add(Map.of("path", path));
            }
        }
        context.put("otherPaths", others);
        context.put("hasOtherPaths", !others.isEmpty());

        if (command.attempt() > 1 && !command.previousIssues().isEmpty()) {
            context.put("repairText", repair(stack, base, command).strip());
        }
        String user = prompts.render(stack, StackPrompts.MODULE, context);
        return List.of(ChatMessage.system(system.strip()), ChatMessage.user(user.strip()));
    }

    /** The request to go on after a cut-off answer. */
    public String continuation(StackDefinition stack) {
        return prompts.render(stack, StackPrompts.CONTINUE, Map.of()).strip();
    }

    /** The request for the planned files an answer lacks. */
    public String missing(StackDefinition stack, List<String> paths) {
        List<Map<String, Object>> missing = paths.stream().map(p -> Map.<String, Object>of("path", p)).toList();
        return prompts.render(stack, StackPrompts.MISSING, Map.of("missing", missing)).strip();
    }

    private String repair(StackDefinition stack, Map<String, Object> base, GenerateModule command) {
        List<Map<String, Object>> issues = new ArrayList<>();
        for (ValidationIssue issue : command.previousIssues()) {
            if (issues.size() == MAX_ISSUES) {
                Map<String, Object> more = new HashMap<>();
                more.put("severity", "NOTE");
                more.put("rule", "issues.truncated");
                more.put("message", (command.previousIssues().size() - MAX_ISSUES) + " more issues not shown");
                issues.add(more);
                break;
            }
            Map<String, Object> item = new HashMap<>();
            item.put("severity", issue.severity() == null ? "ERROR" : issue.severity().name());
            item.put("rule", issue.rule() == null ? "issue" : issue.rule());
            if (issue.path() != null) {
                item.put("location", issue.path() + (issue.line() == null ? "" : ":" + issue.line()));
            }
            String message = issue.message() == null ? "" : issue.message().replaceAll("\\s+", " ").strip();
            item.put("message", message.length() > MAX_ISSUE_CHARS ? message.substring(0, MAX_ISSUE_CHARS) + "…"
                    : message);
            issues.add(item);
        }
        Map<String, Object> context = new HashMap<>(base);
        context.put("attempt", command.attempt());
        context.put("previousAttempt", command.attempt() - 1);
        context.put("issues", issues);
        return prompts.render(stack, StackPrompts.REPAIR, context);
    }

    private static Map<String, Object> baseContext(StackDefinition stack, ProjectModel project) {
        Map<String, Object> context = new LinkedHashMap<>();
        Map<String, Object> stackInfo = new HashMap<>();
        stackInfo.put("name", stack.name());
        stackInfo.put("description", stack.description() == null ? stack.name() : stack.description());
        context.put("stack", stackInfo);
        context.put("project", project);
        context.put("entities", project.entities());
        context.put("joinTables", project.joinTables());
        context.put("auth", project.auth());
        context.put("tests", project.tests());
        return context;
    }

    private static String specJson(GenerateModule command) {
        try {
            return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(command.spec());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise the spec", e);
        }
    }

    /** A backtick fence longer than any backtick run inside the content. */
    static String fenceFor(String content) {
        int longest = 0;
        int run = 0;
        for (int i = 0; i < content.length(); i++) {
            if (content.charAt(i) == '`') {
                run++;
                longest = Math.max(longest, run);
            } else {
                run = 0;
            }
        }
        return "`".repeat(Math.max(3, longest + 1));
    }

    static String language(String path) {
        int dot = path.lastIndexOf('.');
        String ext = dot < 0 ? "" : path.substring(dot + 1);
        return switch (ext) {
            case "js", "mjs", "cjs" -> "js";
            case "json" -> "json";
            case "sql" -> "sql";
            case "md" -> "markdown";
            case "yml", "yaml" -> "yaml";
            case "tf" -> "hcl";
            default -> path.endsWith("Dockerfile") ? "dockerfile" : "";
        };
    }
}
