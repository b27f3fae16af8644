package dev.forgeline.validation.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import com.oracle.js.parser.ErrorManager;
import com.oracle.js.parser.Parser;
import com.oracle.js.parser.ParserException;
import com.oracle.js.parser.ScriptEnvironment;
import com.oracle.js.parser.Source;
import com.oracle.js.parser.ir.FunctionNode;
import com.oracle.js.parser.ir.LexicalContext;
import com.oracle.js.parser.ir.visitor.NodeVisitor;

/**
 * GraalJS's ECMAScript parser ({@code com.oracle.js.parser}, the one GraalJS compiles with) used on its own: parses,
 * never executes. ES2022 with class fields. A {@code .mjs} file, or a {@code .js} file with a top-level
 * {@code import}/{@code export} declaration, is parsed as an ES module; anything else as a CommonJS module body
 * (wrapped in Node's module function on the same line, so line numbers are the file's). Stateless and thread-safe:
 * the environment is immutable and each call has its own parser.
 */
public final class JsParser {
    /** ECMAScript 2022, the level the generated code is written to (class fields, top-level await in modules). */
    static final int ECMASCRIPT_VERSION = 13;
    private static final ScriptEnvironment SCRIPT = ScriptEnvironment.builder().ecmaScriptVersion(ECMASCRIPT_VERSION)
            .classFields(true).shebang(true).topLevelAwait(false).build();
    private static final ScriptEnvironment MODULE = ScriptEnvironment.builder().ecmaScriptVersion(ECMASCRIPT_VERSION)
            .classFields(true).shebang(true).topLevelAwait(true).build();
    private static final String CJS_WRAPPER = "(function (exports, require, module, __filename, __dirname) {";
    private static final Pattern ESM_DECLARATION = Pattern.compile(
            "^[ \\t]*(import[ \\t]*[\\w{*'\"]|export[ \\t]+(default|const|let|var|function|class|async)\\b|export[ \\t]*[{*])",
            Pattern.MULTILINE);

    /** A syntax error: 1-based line and column of the file, and the parser's message. */
    public record SyntaxError(int line, int column, String message) {
    }

    /** A function declaration or method whose body is empty (comments do not count), with its line. */
    public record EmptyBody(int line, String name) {
    }

    /** The outcome of a parse: the syntax error (null when it parsed) and the empty bodies found. */
    public record Result(boolean module, SyntaxError error, List<EmptyBody> emptyBodies) {
        public boolean parsed() {
            return error == null;
        }
    }

    private JsParser() {
    }

    /** Parses one JavaScript file; {@code path} decides ES module or CommonJS together with the content. */
    public static Result parse(String path, String content) {
        String src = content == null ? "" : content;
        boolean module = isModule(path, src);
        String text = src.startsWith("#!") ? "//" + src.substring(2) : src;
        String wrapped = module ? text : CJS_WRAPPER + text + "\n})";
        try {
            Parser parser = new Parser(module ? MODULE : SCRIPT, Source.sourceFor(path == null ? "file.js" : path,
                    wrapped), new ErrorManager.ThrowErrorManager());
            FunctionNode program = module ? parser.parseModule(":module") : parser.parse();
            return new Result(module, null, emptyBodies(program));
        } catch (ParserException e) {
            int line = Math.max(1, e.getLineNumber());
            int column = e.getColumnNumber() + 1 - (module || line > 1 ? 0 : CJS_WRAPPER.length());
            return new Result(module, new SyntaxError(line, Math.max(1, column), message(e)), List.of());
        }
    }

    static boolean isModule(String path, String content) {
        String lower = path == null ? "" : path.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".mjs")) {
            return true;
        }
        if (lower.endsWith(".cjs")) {
            return false;
        }
        return ESM_DECLARATION.matcher(content).find();
    }

    /** The parser's first message line without its {@code name:line:column} prefix. */
    private static String message(ParserException e) {
        String m = e.getMessage() == null ? "syntax error" : e.getMessage();
        int newline = m.indexOf('\n');
        String first = newline < 0 ? m : m.substring(0, newline);
        java.util.regex.Matcher prefix = Pattern.compile("^.*?:\\d+:\\d+ ").matcher(first);
        return prefix.find() ? first.substring(prefix.end()) : first;
    }

    private static List<EmptyBody> emptyBodies(FunctionNode program) {
        List<EmptyBody> found = new ArrayList<>();
        program.accept(new NodeVisitor<LexicalContext>(new LexicalContext()) {
            @Override
            public boolean enterFunctionNode(FunctionNode f) {
                if (!f.isProgram() && !f.isArrow() && (f.isStatement() || f.isMethod()) && !f.isClassConstructor()
                        && !f.isGetter() && !f.isSetter() && !f.isClassFieldInitializer()
                        && f.getBody() != null && f.getBody().getStatements().isEmpty()) {
                    found.add(new EmptyBody(f.getLineNumber(), f.getName()));
                }
                return true;
            }
        });
        return found;
    }
}
