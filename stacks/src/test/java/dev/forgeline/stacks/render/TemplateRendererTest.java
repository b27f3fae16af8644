package dev.forgeline.stacks.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.forgeline.contracts.messages.PlannedFile;
import dev.forgeline.contracts.spec.ProjectSpec;
import dev.forgeline.stacks.FileRule;
import dev.forgeline.stacks.ModuleDefinition;
import dev.forgeline.stacks.StackCatalog;
import dev.forgeline.stacks.StackDefinition;

class TemplateRendererTest {
    private static final Pattern REQUIRE = Pattern.compile("require\\(\\s*['\"]([^'\"]+)['\"]\\s*\\)");
    private static final Set<String> NODE_BUILTINS = Set.of("assert", "buffer", "child_process", "cluster",
            "crypto", "dns", "events", "fs", "http", "https", "net", "os", "path", "process", "querystring",
            "readline", "stream", "string_decoder", "timers", "tls", "url", "util", "worker_threads", "zlib");
    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<ProjectSpec> specs() {
        return Stream.of(RenderedProject.todoApi(), RenderedProject.example("blog.json"),
                RenderedProject.example("inventory.json"), RenderedProject.example("every-type.json"),
                RenderedProject.resource("library-api.json"), RenderedProject.resource("awkward-names.json"),
                RenderedProject.example("names-that-bite.json"));
    }

    @Test
    void everyTemplateNamedByTheStackExists() {
        TemplateRenderer renderer = new TemplateRenderer();
        for (StackDefinition stack : StackCatalog.load().names().stream().map(StackCatalog.load()::get).toList()) {
            for (ModuleDefinition module : stack.modules()) {
                for (FileRule rule : module.files()) {
                    assertThat(renderer.hasTemplate(stack, rule.template()))
                            .as("template %s of %s/%s", rule.template(), stack.name(), module.name()).isTrue();
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("specs")
    void rendersEveryPlannedFileWithRealContent(ProjectSpec spec) {
        RenderedProject project = RenderedProject.render(spec);

        assertThat(project.files().keySet()).containsExactlyInAnyOrderElementsOf(project.plannedPaths());
        project.files().forEach((path, text) -> {
            assertThat(text.strip()).as(path).isNotEmpty();
            assertThat(text).as(path).endsWith("\n").doesNotContain("```").doesNotContain("{{").doesNotContain("\r");
        });
    }

    @ParameterizedTest
    @MethodSource("specs")
    void renderingIsDeterministic(ProjectSpec spec) {
        RenderedProject first = RenderedProject.render(new TemplateRenderer(), spec);
        RenderedProject second = RenderedProject.render(new TemplateRenderer(), spec);
        RenderedProject cached = RenderedProject.render(new TemplateRenderer(), RenderedProject.parse(
                dev.forgeline.contracts.Json.write(spec)));

        assertThat(second.files()).isEqualTo(first.files());
        assertThat(cached.files()).isEqualTo(first.files());
    }

    @ParameterizedTest
    @MethodSource("specs")
    void everyJsonFileParses(ProjectSpec spec) {
        RenderedProject project = RenderedProject.render(spec);
        project.files().forEach((path, text) -> {
            if (path.endsWith(".json")) {
                assertDoesNotThrow(() -> JSON.readTree(text), path);
            }
        });
        JsonNode pkg = packageJson(project);
        assertThat(pkg.path("name").asText()).isEqualTo(spec.name());
        assertThat(pkg.path("description").asText()).isEqualTo(spec.description());
    }

    @ParameterizedTest
    @MethodSource("specs")
    void relativeRequiresResolveToPlannedFiles(ProjectSpec spec) {
        RenderedProject project = RenderedProject.render(spec);
        Set<String> planned = new HashSet<>(project.plannedPaths());
        List<String> unresolved = new ArrayList<>();
        forEachRequire(project, (path, target) -> {
            if (target.startsWith("./") || target.startsWith("../")) {
                if (resolve(path, target, planned) == null) {
                    unresolved.add(path + " -> " + target);
                }
            }
        });
        assertThat(unresolved).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("specs")
    void packageRequiresAreBuiltinsOrDeclaredDependencies(ProjectSpec spec) {
        RenderedProject project = RenderedProject.render(spec);
        JsonNode pkg = packageJson(project);
        Set<String> dependencies = names(pkg.path("dependencies"));
        Set<String> devDependencies = names(pkg.path("devDependencies"));
        List<String> undeclared = new ArrayList<>();
        Set<String> used = new HashSet<>();
        forEachRequire(project, (path, target) -> {
            if (target.startsWith(".") || target.startsWith("node:") || NODE_BUILTINS.contains(target.split("/")[0])) {
                return;
            }
            String name = target.startsWith("@") ? String.join("/", List.of(target.split("/")).subList(0, 2))
                    : target.split("/")[0];
            used.add(name);
            boolean devFile = path.startsWith("test/") || path.equals("eslint.config.js");
            if (!dependencies.contains(name) && !(devFile && devDependencies.contains(name))) {
                undeclared.add(path + " -> " + name);
            }
        });
        assertThat(undeclared).isEmpty();
        Set<String> tools = Set.of("eslint", "@redocly/cli");
        assertThat(used).as("every declared package is used").containsAll(dependencies)
                .containsAll(devDependencies.stream().filter(d -> !tools.contains(d)).toList());
        assertThat(pkg.path("scripts").path("lint").asText()).as("the command-line tools are used by npm run lint")
                .contains("eslint . --max-warnings 0").contains("redocly lint openapi.json");
    }

    @ParameterizedTest
    @MethodSource("specs")
    void everyJavaScriptFilePassesNodeCheck(ProjectSpec spec, @TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(nodeAvailable(), "node is not on PATH: skipping the syntax check of the rendered JS");
        RenderedProject project = RenderedProject.render(spec);
        project.writeTo(dir);
        // One node process compiles every file as node --check does (a CommonJS module wrapper, no execution).
        List<String> scripts = project.files().keySet().stream().filter(p -> p.endsWith(".js")).toList();
        Path checker = dir.resolve("check-syntax.cjs");
        Files.writeString(checker, """
                const fs = require('node:fs');
                const vm = require('node:vm');
                const { wrap } = require('node:module');
                let failed = 0;
                for (const file of process.argv.slice(2)) {
                  try {
                    new vm.Script(wrap(fs.readFileSync(file, 'utf8')), { filename: file });
                  } catch (err) {
                    failed += 1;
                    console.log(`${file}: ${err.message}`);
                  }
                }
                process.exitCode = failed === 0 ? 0 : 1;
                """);
        List<String> command = new ArrayList<>(List.of("node", checker.toString()));
        scripts.forEach(p -> command.add(dir.resolve(p).toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(scripts).isNotEmpty();
    }

    @Test
    void migrationCreatesTablesConstraintsAndForeignKeys() {
        String sql = RenderedProject.render(RenderedProject.todoApi()).files().get("migrations/001_init.sql");

        assertThat(sql)
                .contains("CREATE TABLE \"users\" (")
                .contains("CREATE TABLE \"todos\" (")
                .contains("\"id\" uuid PRIMARY KEY DEFAULT gen_random_uuid()")
                .contains("\"email\" varchar(120) NOT NULL UNIQUE,")
                .contains("\"title\" varchar(200) NOT NULL CHECK (char_length(\"title\") >= 1),")
                .contains("\"priority\" text CHECK (\"priority\" IN ('LOW', 'MEDIUM', 'HIGH')),")
                .contains("\"due_at\" timestamptz,")
                .contains("\"owner_id\" uuid NOT NULL,")
                .contains("\"created_at\" timestamptz NOT NULL DEFAULT now()")
                .contains("FOREIGN KEY (\"owner_id\") REFERENCES \"users\" (\"id\") ON DELETE RESTRICT;");
    }

    @Test
    void manyToManyGetsOneJoinTableAndOneToManyAddsTheInverseKey() {
        Map<String, String> files = RenderedProject.render(RenderedProject.resource("library-api.json")).files();
        String sql = files.get("migrations/001_init.sql");

        assertThat(sql).containsOnlyOnce("CREATE TABLE \"book_tags\" (")
                .contains("\"author_id\" uuid NOT NULL,\n  \"publisher_id\" uuid,\n")
                .contains("\"author_id\" uuid NOT NULL UNIQUE,")
                .contains("\"metadata\" jsonb,")
                .contains("\"price\" numeric CHECK (\"price\" >= 0) CHECK (\"price\" <= 999.99),");
        assertThat(files.get("src/routes/tag.js")).contains("router.put('/:id/books/:bookId', requireAuth, ");
        assertThat(files.get("src/models/tag.js")).contains("JOIN \"book_tags\" j ON j.\"book_id\" = t.\"id\"");
    }

    @Test
    void perEntityFilesSeeTheirEntity() {
        Map<String, String> files = RenderedProject.render(RenderedProject.todoApi()).files();

        assertThat(files.get("src/models/todo.js")).contains("const TABLE = '\"todos\"';")
                .contains("['ownerId', 'owner_id'],")
                .contains("['priority', 'priority'],");
        assertThat(files.get("src/routes/index.js")).contains("router.use('/users', require('./user'));")
                .contains("router.use('/todos', require('./todo'));");
    }

    @Test
    void optionsSwitchFilesAndDependencies() {
        Map<String, String> todo = RenderedProject.render(RenderedProject.todoApi()).files();
        Map<String, String> library = RenderedProject.render(RenderedProject.resource("library-api.json")).files();

        assertThat(todo).doesNotContainKey("src/middleware/auth.js");
        assertThat(todo.get("package.json")).doesNotContain("jsonwebtoken").contains("supertest");
        assertThat(todo.get("src/routes/todo.js")).doesNotContain("requireAuth");
        assertThat(library.get("package.json")).contains("jsonwebtoken");
        assertThat(library.get("src/routes/book.js")).contains("router.post('/', requireAuth, handler.create);");
    }

    @Test
    void patternsAreCheckedByTheDatabaseInTheirPostgresForm() {
        String sql = RenderedProject.render(RenderedProject.example("every-type.json")).files()
                .get("migrations/001_init.sql");

        assertThat(sql).contains("CHECK (\"code\" ~ '^(?:[A-Z]){2}\\-(?:[0-9]){3,9}$')");
    }

    @Test
    void namesLongerThanPostgresKeepsAreShortenedWithAHashEverywhere() {
        Map<String, String> files = RenderedProject.render(RenderedProject.example("names-that-bite.json")).files();
        String table = "an_entity_with_a_very_long_name_that_goes_on_and_on_be_8ed230e5";

        assertThat(table).hasSize(63);
        assertThat(files.get("migrations/001_init.sql")).contains("CREATE TABLE \"" + table + "\" (");
        assertThat(files.get("src/models/anEntityWithAVeryLongNameThatGoesOnAndOnBeyondWhatPostgresKeeps.js"))
                .contains("const TABLE = '\"" + table + "\"';");
        Matcher quoted = Pattern.compile("\"([a-z0-9_]+)\"").matcher(files.get("migrations/001_init.sql"));
        while (quoted.find()) {
            assertThat(quoted.group(1)).hasSizeLessThanOrEqualTo(63);
        }
    }

    @Test
    void generatedTestsWorkInASchemaOfTheirOwnAndEmptyItChildrenFirst() {
        Map<String, String> files = RenderedProject.render(RenderedProject.example("blog.json")).files();

        assertThat(files.get("test/helpers.js"))
                .contains("process.env.DATABASE_SCHEMA = SCHEMA;")
                .contains("await db.query(`CREATE SCHEMA \"${SCHEMA}\"`);")
                .contains("await db.query(`DROP SCHEMA IF EXISTS \"${SCHEMA}\" CASCADE`);");
        String reset = files.get("test/helpers.js").lines().filter(l -> l.contains("DELETE FROM")).findFirst()
                .orElseThrow();
        assertThat(reset.indexOf("\"post_tags\"")).isLessThan(reset.indexOf("\"comments\""));
        assertThat(reset.indexOf("\"comments\"")).isLessThan(reset.indexOf("\"posts\""));
        assertThat(reset.indexOf("\"profiles\"")).isLessThan(reset.indexOf("\"authors\""));
        assertThat(reset.indexOf("\"posts\"")).isLessThan(reset.indexOf("\"authors\""));
        assertThat(files.get("test/post.test.js")).startsWith("'use strict';")
                .contains("const t = require('./helpers');")
                .contains("it('filters posts by authorId'")
                .contains("it('links and unlinks tags'");
        assertThat(files.get("src/db/pool.js")).contains("options: `-c search_path=${config.databaseSchema}`");
    }

    @Test
    void uniqueFieldsWithFewValuesGetValuesInTurnAndSingletonTablesOneRecordAtATime() {
        Map<String, String> files = RenderedProject.render(RenderedProject.example("every-type.json")).files();

        assertThat(files.get("test/helpers.js"))
                .contains("primary: cycle('Badge.primary', [true, false]),")
                .contains("level: cycle('Badge.level', ['BRONZE', 'SILVER', 'GOLD']),")
                .contains("issuedOn: day('Badge.issuedOn', true),")
                .doesNotContain("hidden:");
        assertThat(files.get("test/setting.test.js")).contains("for (let i = 0; i < 1; i += 1)")
                .contains("const other = record;");
        assertThat(files.get("test/settingNote.test.js")).contains("for (let i = 0; i < 1; i += 1)");
        assertThat(files.get("test/badge.test.js")).contains("for (let i = 0; i < 2; i += 1)");
    }

    @Test
    void aMissingTemplateIsReportedByName() {
        StackDefinition stack = StackCatalog.load().get("express-js");
        PlannedFile file = new PlannedFile("x.js", false, "no/such/template", null);

        assertThatThrownBy(() -> new TemplateRenderer().render(stack, RenderedProject.todoApi(), file))
                .isInstanceOf(TemplateNotFoundException.class)
                .hasMessageContaining("stacks/express-js/templates/no/such/template.mustache");
    }

    private static JsonNode packageJson(RenderedProject project) {
        try {
            return JSON.readTree(project.files().get("package.json"));
        } catch (IOException e) {
            throw new AssertionError("package.json does not parse", e);
        }
    }

    private static Set<String> names(JsonNode object) {
        Set<String> names = new HashSet<>();
        for (Iterator<String> it = object.fieldNames(); it.hasNext();) {
            names.add(it.next());
        }
        return names;
    }

    private static void forEachRequire(RenderedProject project, java.util.function.BiConsumer<String, String> action) {
        project.files().forEach((path, text) -> {
            if (path.endsWith(".js")) {
                Matcher m = REQUIRE.matcher(text);
                while (m.find()) {
                    action.accept(path, m.group(1));
                }
            }
        });
    }

    /** Node's resolution of a relative require against the planned paths: file, .js, .json, dir/index.js. */
    static String resolve(String from, String target, Set<String> planned) {
        Path base = Path.of(from).getParent();
        String resolved = (base == null ? Path.of(target) : base.resolve(target)).normalize().toString()
                .replace('\\', '/');
        for (String candidate : List.of(resolved, resolved + ".js", resolved + ".json", resolved + "/index.js")) {
            if (planned.contains(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private static boolean nodeAvailable() {
        try {
            Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
