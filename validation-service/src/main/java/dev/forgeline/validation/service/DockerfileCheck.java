package dev.forgeline.validation.service;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.forgeline.contracts.messages.GeneratedFile;
import dev.forgeline.contracts.messages.ValidationIssue;

/**
 * {@code dockerfile.syntax}: the Dockerfile instruction grammar. Parser directives, comments, line continuations
 * (with the {@code # escape=} character) and heredocs are understood; every instruction must be a known one with
 * arguments; the first must be FROM (only ARG may come before it); an argument that starts with {@code [} must be a
 * JSON array of strings (the exec form; Docker would silently run it as a shell command otherwise), and SHELL must
 * use it; FROM, EXPOSE, ENV, HEALTHCHECK and ONBUILD arguments are checked for their own shapes.
 */
final class DockerfileCheck implements FileCheck {
    static final Set<String> INSTRUCTIONS = Set.of("FROM", "RUN", "CMD", "LABEL", "MAINTAINER", "EXPOSE", "ENV", "ADD",
            "COPY", "ENTRYPOINT", "VOLUME", "USER", "WORKDIR", "ARG", "ONBUILD", "STOPSIGNAL", "HEALTHCHECK", "SHELL");
    private static final Set<String> EXEC_FORM = Set.of("RUN", "CMD", "ENTRYPOINT", "SHELL", "VOLUME", "ADD", "COPY");
    private static final Pattern DIRECTIVE = Pattern.compile("^#\\s*([a-zA-Z]+)\\s*=\\s*(\\S+)\\s*$");
    private static final Pattern INSTRUCTION = Pattern.compile("^\\s*([A-Za-z]+)(?:\\s+(.*))?$", Pattern.DOTALL);
    private static final Pattern FROM = Pattern.compile(
            "^(?:--[a-z-]+=\\S+\\s+)*[^\\s-][^\\s]*(?:\\s+[aA][sS]\\s+[A-Za-z][A-Za-z0-9_.-]*)?$");
    private static final Pattern PORT = Pattern.compile("^(?:\\d{1,5}(?:-\\d{1,5})?(?:/(?:tcp|udp|sctp))?|\\$\\{?\\w+\\}?(?:/\\w+)?)$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ENV_PAIR = Pattern.compile(
            "\\s*[A-Za-z_][A-Za-z0-9_.-]*=(?:\"(?:[^\"\\\\]|\\\\.)*\"|'[^']*'|(?:[^\\s\"'\\\\]|\\\\.)*)");
    private static final Pattern HEREDOC = Pattern.compile("<<-?([\"']?)([A-Za-z_][A-Za-z0-9_]*)\\1");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One logical instruction: its first line, keyword and joined arguments. */
    private record Instruction(int line, String keyword, String args) {
    }

    @Override
    public Set<FileType> fileTypes() {
        return EnumSet.of(FileType.DOCKERFILE);
    }

    @Override
    public List<ValidationIssue> check(GeneratedFile file, CheckContext context) {
        List<ValidationIssue> issues = new ArrayList<>();
        List<Instruction> instructions = instructions(file.path(), file.content(), issues);
        boolean seenFrom = false;
        for (Instruction in : instructions) {
            String problem = problem(in, seenFrom);
            if (problem != null) {
                issues.add(ValidationIssue.error(file.path(), in.line(), Rules.DOCKERFILE_SYNTAX, problem));
            }
            seenFrom |= in.keyword().equals("FROM");
        }
        if (instructions.isEmpty() && issues.isEmpty()) {
            issues.add(ValidationIssue.error(file.path(), 1, Rules.DOCKERFILE_SYNTAX, "no instruction: a Dockerfile needs FROM"));
        }
        return issues;
    }

    private static String problem(Instruction in, boolean seenFrom) {
        String k = in.keyword();
        String args = in.args().strip();
        if (!INSTRUCTIONS.contains(k)) {
            return "unknown instruction '" + abbreviate(k) + "'";
        }
        if (!seenFrom && !k.equals("FROM") && !k.equals("ARG")) {
            return k + " before the first FROM (only ARG may come before it)";
        }
        if (args.isEmpty()) {
            return k + " has no arguments";
        }
        if (EXEC_FORM.contains(k) && args.startsWith("[")) {
            if (!isStringArray(args)) {
                return k + " argument starts with '[' but is not a JSON array of strings: " + abbreviate(args);
            }
        } else if (k.equals("SHELL")) {
            return "SHELL needs the JSON array form, e.g. [\"/bin/sh\", \"-c\"]";
        }
        return switch (k) {
            case "FROM" -> FROM.matcher(args).matches() ? null : "FROM expects [--platform=…] image[:tag] [AS name]: " + abbreviate(args);
            case "EXPOSE" -> {
                for (String port : args.split("\\s+")) {
                    if (!PORT.matcher(port).matches()) {
                        yield "EXPOSE expects port[/protocol], found '" + abbreviate(port) + "'";
                    }
                }
                yield null;
            }
            case "ENV", "LABEL" -> envProblem(k, args);
            case "ONBUILD" -> {
                String inner = args.split("\\s+", 2)[0].toUpperCase(Locale.ROOT);
                yield !INSTRUCTIONS.contains(inner) || inner.equals("ONBUILD") || inner.equals("FROM")
                        ? "ONBUILD needs an instruction other than FROM or ONBUILD, found '" + abbreviate(inner) + "'" : null;
            }
            case "HEALTHCHECK" -> args.equalsIgnoreCase("NONE") || Pattern.compile("(^|\\s)CMD(\\s|$)").matcher(args).find()
                    ? null : "HEALTHCHECK expects [options] CMD command, or NONE";
            default -> null;
        };
    }

    private static String envProblem(String k, String args) {
        if (!args.contains("=")) {
            return k.equals("ENV") && args.matches("[A-Za-z_][A-Za-z0-9_.-]*\\s+\\S.*") ? null
                    : k + " expects key=value pairs: " + abbreviate(args);
        }
        Matcher m = ENV_PAIR.matcher(args);
        int at = 0;
        while (at < args.length()) {
            if (!m.find(at) || m.start() != at) {
                return k + " expects key=value pairs (quote values with spaces): " + abbreviate(args.substring(at).strip());
            }
            at = m.end();
            while (at < args.length() && Character.isWhitespace(args.charAt(at))) {
                at++;
            }
        }
        return null;
    }

    private static boolean isStringArray(String json) {
        try {
            JsonNode node = JSON.readTree(json);
            if (node == null || !node.isArray() || node.isEmpty()) {
                return false;
            }
            for (JsonNode element : node) {
                if (!element.isTextual()) {
                    return false;
                }
            }
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /** Joins continuation lines and heredoc bodies into logical instructions; reports lexical problems. */
    private static List<Instruction> instructions(String path, String content, List<ValidationIssue> issues) {
        List<Instruction> out = new ArrayList<>();
        String[] lines = content.split("\n", -1);
        char escape = '\\';
        boolean directives = true;
        int i = 0;
        while (i < lines.length) {
            String raw = stripCr(lines[i]);
            String trimmed = raw.strip();
            if (trimmed.startsWith("#")) {
                Matcher d = DIRECTIVE.matcher(trimmed);
                if (directives && d.matches() && d.group(1).equalsIgnoreCase("escape")) {
                    String value = d.group(2);
                    if (!value.equals("\\") && !value.equals("`")) {
                        issues.add(ValidationIssue.error(path, i + 1, Rules.DOCKERFILE_SYNTAX,
                                "escape directive must be \\ or `, found '" + value + "'"));
                    } else {
                        escape = value.charAt(0);
                    }
                } else if (!d.matches()) {
                    directives = false;
                }
                i++;
                continue;
            }
            directives = false;
            if (trimmed.isEmpty()) {
                i++;
                continue;
            }
            int start = i;
            StringBuilder logical = new StringBuilder();
            String current = raw;
            while (true) {
                String stripped = current.stripTrailing();
                if (!stripped.isEmpty() && stripped.charAt(stripped.length() - 1) == escape) {
                    logical.append(stripped, 0, stripped.length() - 1).append(' ');
                    i++;
                    while (i < lines.length && (stripCr(lines[i]).strip().startsWith("#") || stripCr(lines[i]).isBlank())) {
                        i++;
                    }
                    if (i >= lines.length) {
                        issues.add(ValidationIssue.error(path, start + 1, Rules.DOCKERFILE_SYNTAX,
                                "line continuation at the end of the file: the instruction is never finished"));
                        break;
                    }
                    current = stripCr(lines[i]);
                } else {
                    logical.append(current);
                    break;
                }
            }
            i++;
            Matcher heredoc = HEREDOC.matcher(logical);
            while (heredoc.find()) {
                String marker = heredoc.group(2);
                int open = i;
                while (i < lines.length && !stripCr(lines[i]).strip().equals(marker)) {
                    i++;
                }
                if (i >= lines.length) {
                    issues.add(ValidationIssue.error(path, start + 1, Rules.DOCKERFILE_SYNTAX,
                            "heredoc <<" + marker + " opened at line " + (open) + " is never closed"));
                    break;
                }
                i++;
            }
            Matcher m = INSTRUCTION.matcher(logical.toString());
            if (!m.matches()) {
                out.add(new Instruction(start + 1, logical.toString().strip(), ""));
            } else {
                out.add(new Instruction(start + 1, m.group(1).toUpperCase(Locale.ROOT), m.group(2) == null ? "" : m.group(2)));
            }
        }
        return out;
    }

    private static String stripCr(String line) {
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }

    private static String abbreviate(String s) {
        String one = s.replaceAll("\\s+", " ");
        return one.length() > 60 ? one.substring(0, 60) + "…" : one;
    }
}
