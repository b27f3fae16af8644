package dev.forgeline.worker.service.llm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;

import dev.forgeline.contracts.Json;
import dev.forgeline.contracts.SizeLimits;

/**
 * Turns a model's answer into files, the way real models answer:
 * <ul>
 * <li>a JSON object {@code {"files": [{"path", "content"}]}}, a bare array of such objects or a {@code {path:
 * content}} map, possibly fenced as {@code ```json} and surrounded by chatter;</li>
 * <li>otherwise fenced code blocks, each named by its info string ({@code ```js src/app.js}), by the nearest line
 * above it ({@code ### `src/app.js`}, {@code **File: src/app.js**}), or by a path comment on its first line
 * ({@code // src/app.js}, dropped from the content).</li>
 * </ul>
 * Chatter between blocks and {@code <think>} sections are ignored. Every path is checked: an absolute path, a
 * {@code ..} segment, a backslash, control characters or a file over {@link SizeLimits#MAX_FILE_BYTES} is a
 * {@link Rejection} (the caller fails the attempt, retryable, naming it); a safe path outside the plan is dropped
 * and listed; a planned path given twice keeps its last version.
 */
public final class AnswerParser {
    private static final Pattern THINK = Pattern.compile("(?is)<think>.*?</think>");
    private static final Pattern FENCE_OPEN = Pattern.compile("^ {0,3}(`{3,}|~{3,})\\s*([^`]*)$");
    private static final Pattern JSON_FILES = Pattern.compile("\\{\\s*\"files\"\\s*:");
    private static final Pattern JSON_ARRAY = Pattern.compile("\\[\\s*\\{\\s*\"(path|file|filename|name)\"\\s*:");
    private static final Pattern PATH_LIKE = Pattern.compile("[A-Za-z0-9_@.+/-]+");
    private static final Pattern HAS_EXTENSION = Pattern.compile("(^|/)\\.?[A-Za-z0-9_@+-][A-Za-z0-9_@.+-]*\\.[A-Za-z0-9]+$");
    private static final Pattern FIRST_LINE_PATH = Pattern.compile(
            "^\\s*(?://|#|--|;)\\s*(?:(?:file(?:name)?|path)\\s*:\\s*)?(\\S+)\\s*$"
                    + "|^\\s*/\\*\\s*(?:(?:file(?:name)?|path)\\s*:\\s*)?(\\S+)\\s*\\*/\\s*$"
                    + "|^\\s*<!--\\s*(?:(?:file(?:name)?|path)\\s*:\\s*)?(\\S+)\\s*-->\\s*$",
            Pattern.CASE_INSENSITIVE);
    private static final String[] PATH_KEYS = { "path", "file", "filename", "filePath", "name" };
    private static final String[] CONTENT_KEYS = { "content", "contents", "code", "text", "source", "body" };

    /** A file the answer must not contain: where, which rule, why. */
    public record Rejection(String path, String rule, String message) {
        @Override
        public String toString() {
            return "'" + path + "' (" + rule + ": " + message + ")";
        }
    }

    /** The planned files found (path → content, in answer order), what was rejected, dropped, and noticed. */
    public record Result(Map<String, String> files, List<Rejection> rejected, List<String> dropped, List<String> notes) {
        public Result {
            files = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(files));
            rejected = List.copyOf(rejected);
            dropped = List.copyOf(dropped);
            notes = List.copyOf(notes);
        }

        /** Planned paths the answer lacks, in plan order. */
        public List<String> missing(Collection<String> planned) {
            return planned.stream().filter(p -> !files.containsKey(p)).toList();
        }
    }

    private record RawFile(String path, String content, boolean explicit) {
    }

    private AnswerParser() {
    }

    public static Result parse(String answer, Collection<String> plannedPaths) {
        Set<String> planned = new LinkedHashSet<>(plannedPaths);
        String text = normalize(answer);
        List<String> notes = new ArrayList<>();
        List<RawFile> raw = fromJson(text);
        if (raw == null) {
            raw = fromFences(text, planned, notes);
        }
        Map<String, String> files = new LinkedHashMap<>();
        List<Rejection> rejected = new ArrayList<>();
        List<String> dropped = new ArrayList<>();
        long total = 0;
        for (RawFile file : raw) {
            String path = cleanPath(file.path());
            String unsafe = unsafeReason(path);
            if (unsafe != null) {
                rejected.add(new Rejection(path, "path.unsafe", unsafe));
                continue;
            }
            if (!planned.contains(path)) {
                if (!dropped.contains(path)) {
                    dropped.add(path);
                }
                continue;
            }
            String content = file.content().endsWith("\n") ? file.content() : file.content() + "\n";
            int size = content.getBytes(StandardCharsets.UTF_8).length;
            if (size > SizeLimits.MAX_FILE_BYTES) {
                rejected.add(new Rejection(path, "file.size", size + " bytes, over the limit of "
                        + SizeLimits.MAX_FILE_BYTES + " per file"));
                continue;
            }
            if (files.put(path, content) != null) {
                notes.add(path + " was given more than once; the last version is kept");
            }
        }
        for (String content : files.values()) {
            total += content.getBytes(StandardCharsets.UTF_8).length;
        }
        if (total > SizeLimits.MAX_MODULE_BYTES) {
            rejected.add(new Rejection("(module)", "module.size", total + " bytes, over the limit of "
                    + SizeLimits.MAX_MODULE_BYTES + " per module"));
        }
        return new Result(files, rejected, dropped, notes);
    }

    static String normalize(String answer) {
        if (answer == null) {
            return "";
        }
        String text = answer.replace("\r\n", "\n").replace('\r', '\n');
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        return THINK.matcher(text).replaceAll("");
    }

    // ---------------------------------------------------------------- JSON

    private static List<RawFile> fromJson(String text) {
        List<Integer> starts = new ArrayList<>();
        Matcher files = JSON_FILES.matcher(text);
        if (files.find()) {
            starts.add(files.start());
        }
        Matcher array = JSON_ARRAY.matcher(text);
        if (array.find()) {
            starts.add(array.start());
        }
        String trimmed = text.strip();
        if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
            starts.add(text.indexOf(trimmed.charAt(0)));
        }
        for (int start : starts) {
            JsonNode node = readFirstValue(text.substring(start));
            List<RawFile> found = node == null ? List.of() : filesOf(node);
            if (!found.isEmpty()) {
                return found;
            }
        }
        return null;
    }

    private static JsonNode readFirstValue(String text) {
        try (JsonParser parser = Json.mapper().getFactory().createParser(text)) {
            return Json.mapper().readTree(parser);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static List<RawFile> filesOf(JsonNode node) {
        JsonNode list = node.isObject() && node.has("files") ? node.get("files") : node;
        List<RawFile> out = new ArrayList<>();
        if (list.isArray()) {
            for (JsonNode entry : list) {
                String path = firstText(entry, PATH_KEYS);
                String content = firstText(entry, CONTENT_KEYS);
                if (path != null && content != null) {
                    out.add(new RawFile(path, unwrapFence(content), true));
                }
            }
        } else if (list.isObject() && list != node) {
            list.fields().forEachRemaining(e -> {
                if (e.getValue().isTextual()) {
                    out.add(new RawFile(e.getKey(), unwrapFence(e.getValue().asText()), true));
                }
            });
        }
        return out;
    }

    private static String firstText(JsonNode entry, String[] keys) {
        if (entry == null || !entry.isObject()) {
            return null;
        }
        for (String key : keys) {
            JsonNode value = entry.get(key);
            if (value != null && value.isTextual()) {
                return value.asText();
            }
        }
        return null;
    }

    /** A JSON content that is itself one fenced block (a common slip) loses the fence. */
    static String unwrapFence(String content) {
        String text = normalize(content);
        String stripped = text.strip();
        Matcher open = FENCE_OPEN.matcher(stripped.lines().findFirst().orElse(""));
        if (!open.matches()) {
            return text;
        }
        List<String> lines = stripped.lines().toList();
        if (lines.size() < 2 || !isClose(lines.get(lines.size() - 1), open.group(1))) {
            return text;
        }
        return String.join("\n", lines.subList(1, lines.size() - 1)) + "\n";
    }

    // ---------------------------------------------------------------- fenced blocks

    private static List<RawFile> fromFences(String text, Set<String> planned, List<String> notes) {
        String[] lines = text.split("\n", -1);
        List<RawFile> out = new ArrayList<>();
        List<String> unnamed = new ArrayList<>();
        int previousEnd = 0;
        int i = 0;
        while (i < lines.length) {
            Matcher open = FENCE_OPEN.matcher(lines[i]);
            if (!open.matches()) {
                i++;
                continue;
            }
            String fence = open.group(1);
            String info = open.group(2).strip();
            int j = i + 1;
            while (j < lines.length && !isClose(lines[j], fence)) {
                j++;
            }
            List<String> body = new ArrayList<>(List.of(lines).subList(i + 1, Math.min(j, lines.length)));
            if (j >= lines.length) {
                // An unclosed block at the end (a cut-off answer): keep it, without trailing blank lines.
                while (!body.isEmpty() && body.get(body.size() - 1).isBlank()) {
                    body.remove(body.size() - 1);
                }
                notes.add("the last code block is not closed");
            }
            String path = pathFromInfo(info, planned);
            boolean explicit = path != null;
            if (path == null) {
                path = pathAbove(lines, previousEnd, i, planned);
            }
            String firstLinePath = body.isEmpty() ? null : pathInComment(body.get(0), planned);
            if (firstLinePath != null && (path == null || firstLinePath.equals(cleanPath(path)))) {
                path = firstLinePath;
                body.remove(0);
            }
            String content = String.join("\n", body) + "\n";
            if (path == null) {
                unnamed.add(content);
                notes.add("a code block without a file path (line " + (i + 1) + ") was ignored");
            } else {
                out.add(new RawFile(path, content, explicit));
            }
            previousEnd = j + 1;
            i = j + 1;
        }
        if (out.isEmpty() && unnamed.size() == 1 && planned.size() == 1) {
            // One file asked, one block given: it is that file.
            out.add(new RawFile(planned.iterator().next(), unnamed.get(0), false));
            notes.removeIf(n -> n.startsWith("a code block without a file path"));
        }
        return out;
    }

    private static boolean isClose(String line, String fence) {
        String stripped = line.strip();
        if (line.length() - line.stripLeading().length() > 3 || stripped.length() < fence.length()) {
            return false;
        }
        char c = fence.charAt(0);
        for (int k = 0; k < stripped.length(); k++) {
            if (stripped.charAt(k) != c) {
                return false;
            }
        }
        return true;
    }

    /** A path in the fence's info string ({@code js src/app.js}, {@code javascript:src/app.js}, {@code title="…"}). */
    private static String pathFromInfo(String info, Set<String> planned) {
        if (info.isEmpty()) {
            return null;
        }
        String[] tokens = info.split("[\\s:=\"'`,{}()\\[\\]]+");
        for (String token : tokens) {
            if (planned.contains(token)) {
                return token;
            }
        }
        for (String token : tokens) {
            if (token.contains("/") || token.contains("\\") || HAS_EXTENSION.matcher(token).find()) {
                return token;
            }
        }
        return null;
    }

    /** The path named by the nearest one or two non-blank lines above a block, after the previous block. */
    private static String pathAbove(String[] lines, int from, int blockStart, Set<String> planned) {
        int seen = 0;
        for (int k = blockStart - 1; k >= from && seen < 2; k--) {
            if (lines[k].isBlank()) {
                continue;
            }
            seen++;
            String path = pathInLine(lines[k], planned);
            if (path != null) {
                return path;
            }
        }
        return null;
    }

    /**
     * A path in a line above a block. A line that is only a path (a heading, bold text, {@code File: …}) names it
     * whatever it is, so an unsafe one is reported; in a sentence only a planned path or a safe path-like word counts.
     */
    private static String pathInLine(String line, Set<String> planned) {
        String cleaned = line.replaceAll("[`*\"'()\\[\\]<>,;|]", " ").replaceFirst("^\\s*(#+|[-+]|\\d+\\.)\\s+", " ");
        List<String> tokens = new ArrayList<>();
        for (String token : cleaned.strip().split("\\s+")) {
            String t = token;
            while (t.endsWith(":") || (t.endsWith(".") && t.length() > 1)) {
                t = t.substring(0, t.length() - 1);
            }
            if (!t.isEmpty() && !t.matches("(?i)file|filename|path|file\\s*name")) {
                tokens.add(t);
            }
        }
        for (String t : tokens) {
            String clean = cleanPath(t);
            if (planned.contains(clean)) {
                return clean;
            }
        }
        if (tokens.size() == 1 && (tokens.get(0).contains("/") || tokens.get(0).contains("\\")
                || HAS_EXTENSION.matcher(tokens.get(0)).find())) {
            return tokens.get(0);
        }
        for (String t : tokens) {
            if (PATH_LIKE.matcher(t).matches() && (t.contains("/") || HAS_EXTENSION.matcher(t).find())
                    && unsafeReason(cleanPath(t)) == null) {
                return t;
            }
        }
        return null;
    }

    /** {@code // src/app.js}, {@code # Dockerfile}, {@code -- migrations/001_init.sql}, {@code <!-- README.md -->}. */
    private static String pathInComment(String line, Set<String> planned) {
        Matcher m = FIRST_LINE_PATH.matcher(line);
        if (!m.matches()) {
            return null;
        }
        String candidate = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
        String clean = cleanPath(candidate);
        if (planned.contains(clean)) {
            return clean;
        }
        if (PATH_LIKE.matcher(candidate).matches() && candidate.contains("/") && HAS_EXTENSION.matcher(candidate).find()
                && !candidate.startsWith("//")) {
            return candidate;
        }
        return null;
    }

    // ---------------------------------------------------------------- paths

    /** Trims decoration a model puts around a path; {@code ./} prefixes go, {@code ..} and {@code /} stay. */
    static String cleanPath(String path) {
        if (path == null) {
            return "";
        }
        String p = path.strip();
        while (p.length() > 1 && (p.startsWith("`") || p.startsWith("\"") || p.startsWith("'") || p.startsWith("*"))) {
            p = p.substring(1);
        }
        while (p.length() > 1 && (p.endsWith("`") || p.endsWith("\"") || p.endsWith("'") || p.endsWith("*")
                || p.endsWith(":"))) {
            p = p.substring(0, p.length() - 1);
        }
        while (p.startsWith("./")) {
            p = p.substring(2);
        }
        return p.strip();
    }

    /** Why a path may not be written, or null when it is a safe relative path. */
    static String unsafeReason(String path) {
        if (path == null || path.isBlank()) {
            return "empty path";
        }
        for (int k = 0; k < path.length(); k++) {
            if (Character.isISOControl(path.charAt(k))) {
                return "control character in the path";
            }
        }
        if (path.startsWith("/") || path.startsWith("\\") || path.startsWith("~") || path.matches("^[A-Za-z]:.*")) {
            return "absolute path";
        }
        if (path.contains("\\")) {
            return "backslash in the path";
        }
        for (String segment : path.split("/", -1)) {
            if (segment.equals("..")) {
                return "'..' segment";
            }
            if (segment.isEmpty() || segment.equals(".")) {
                return "empty or '.' segment";
            }
        }
        return null;
    }
}
