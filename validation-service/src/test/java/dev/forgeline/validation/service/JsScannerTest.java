package dev.forgeline.validation.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The bracket-level JavaScript scan and the relative-import resolver. */
class JsScannerTest {

    @Test
    @Timeout(5)
    void privateClassNamesDoNotStallTheScanAndImportsAfterThemAreFound() {
        JsScanner.Result r = JsScanner.scan("class A {\n  #x = 1;\n  get() { return this.#x; }\n}\nrequire('./b');\n");

        assertThat(r.balanced()).isTrue();
        assertThat(r.specifiers()).containsExactly(new JsScanner.Specifier("./b", 5));
    }

    @Test
    void unclosedBraceIsReportedAtTheLineItOpened() {
        JsScanner.Result r = JsScanner.scan("const a = 1;\nfunction f() {\n  if (a) {\n    g();\n}\n");

        assertThat(r.balanced()).isFalse();
        assertThat(r.errorLine()).isEqualTo(2);
        assertThat(r.error()).contains("never closed");
    }

    @Test
    void strayClosingBracketIsReportedWhereItStands() {
        JsScanner.Result r = JsScanner.scan("a();\n});\n");

        assertThat(r.errorLine()).isEqualTo(2);
        assertThat(r.error()).contains("nothing is open");
    }

    @Test
    void unterminatedStringTemplateAndCommentAreImbalances() {
        assertThat(JsScanner.scan("const a = 'abc;\nconst b = 1;\n").errorLine()).isEqualTo(1);
        assertThat(JsScanner.scan("x;\nconst t = `abc ${a}\n").errorLine()).isEqualTo(2);
        assertThat(JsScanner.scan("x;\n\n/* never ends\n").errorLine()).isEqualTo(3);
        assertThat(JsScanner.scan("const t = `a ${ f( }`;\n").balanced()).isFalse();
    }

    @Test
    void divisionIsNotARegex() {
        JsScanner.Result r = JsScanner.scan("const x = (a) / 2 / (b[0]) / c;\nconst y = { a: 1 }.a / 3;\n");

        assertThat(r.balanced()).isTrue();
    }

    @Test
    void collectsRequireImportAndExportSpecifiersWithLines() {
        JsScanner.Result r = JsScanner.scan("""
                const a = require('./a');
                import b from "../b";
                import './c.js';
                export { d } from './d';
                const e = await import('./e');
                const f = Array.from('./not-a-module');
                const g = require(`./template-not-collected`);
                """);

        assertThat(r.balanced()).isTrue();
        assertThat(r.specifiers()).extracting(JsScanner.Specifier::value)
                .containsExactly("./a", "../b", "./c.js", "./d", "./e");
        assertThat(r.specifiers()).extracting(JsScanner.Specifier::line).containsExactly(1, 2, 3, 4, 5);
    }

    @Test
    void resolverTriesExtensionsAndIndexFiles() {
        var paths = java.util.Set.of("src/routes/index.js", "src/app.js", "package.json", "src/data.json");

        assertThat(ImportResolver.resolve("src/server.js", "./app", paths)).contains("src/app.js");
        assertThat(ImportResolver.resolve("src/server.js", "./routes", paths)).contains("src/routes/index.js");
        assertThat(ImportResolver.resolve("src/server.js", "./routes/", paths)).contains("src/routes/index.js");
        assertThat(ImportResolver.resolve("src/server.js", "../package", paths)).contains("package.json");
        assertThat(ImportResolver.resolve("src/server.js", "./data.json", paths)).contains("src/data.json");
        assertThat(ImportResolver.resolve("src/server.js", "./missing", paths)).isEmpty();
        assertThat(ImportResolver.resolve("src/server.js", "../../x", paths)).isEmpty();
        assertThat(ImportResolver.isRelative("express")).isFalse();
        assertThat(ImportResolver.isRelative("./x")).isTrue();
    }
}
