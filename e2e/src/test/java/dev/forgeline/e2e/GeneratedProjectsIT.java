package dev.forgeline.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.forgeline.contracts.messages.ModulePlan;
import dev.forgeline.contracts.messages.PlannedFile;
import dev.forgeline.contracts.spec.ProjectSpec;
import dev.forgeline.contracts.spec.SpecParser;
import dev.forgeline.contracts.spec.SpecValidator;
import dev.forgeline.stacks.StackCatalog;
import dev.forgeline.stacks.StackDefinition;
import dev.forgeline.stacks.StackPlanner;
import dev.forgeline.stacks.render.ProjectModel;
import dev.forgeline.stacks.render.TemplateRenderer;
import dev.forgeline.testkit.PostgresEndpoint;
import dev.forgeline.testkit.PostgresServers;

/**
 * The acceptance tests of issue 4 for the example specs: the project Forgeline generates installs, passes its own
 * tests against a real PostgreSQL, and its server answers the CRUD API. The files are rendered by the same code the
 * worker runs (StackPlanner + TemplateRenderer); {@link TwoWorkersIT} checks that a run's archive holds exactly
 * these files.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GeneratedProjectsIT {
    private static final Map<String, NodeProject> INSTALLED = new ConcurrentHashMap<>();
    private static PostgresEndpoint postgres;

    static Stream<String> examples() {
        return Stream.of("todo-api.json", "blog.json", "inventory.json", "every-type.json", "names-that-bite.json");
    }

    @BeforeAll
    static void requirements() {
        NodeProject.requireNode();
        postgres = PostgresServers.get();
    }

    /** Every file of every module of the spec's plan, as the worker renders them. */
    static Map<String, String> render(ProjectSpec spec) {
        StackDefinition stack = StackCatalog.load().get(spec.stack());
        ProjectModel model = ProjectModel.of(spec);
        TemplateRenderer renderer = new TemplateRenderer();
        Map<String, String> files = new TreeMap<>();
        for (ModulePlan module : StackPlanner.plan(stack, spec)) {
            for (PlannedFile file : module.files()) {
                files.put(file.path(), renderer.render(stack, model, file));
            }
        }
        return files;
    }

    static ProjectSpec spec(String example) {
        SpecParser.Result parsed = SpecParser.parse(E2eSupport.example(example));
        assertThat(parsed.violations()).as(example).isEmpty();
        ProjectSpec spec = parsed.spec();
        assertThat(new SpecValidator(StackCatalog.load().names()).validate(spec)).as(example).isEmpty();
        assertThat(StackPlanner.validate(StackCatalog.load().get(spec.stack()), spec)).as(example).isEmpty();
        return spec;
    }

    /** The example's project written, given a fresh database and npm-installed (once per example). */
    static NodeProject installed(String example) {
        return INSTALLED.computeIfAbsent(example, name -> {
            ProjectSpec spec = spec(name);
            NodeProject project = NodeProject.write(spec.name(), render(spec))
                    .database(postgres, ("gen_" + spec.name() + "_" + Long.toHexString(System.nanoTime()))
                            .replace('-', '_').toLowerCase(Locale.ROOT));
            project.install();
            return project;
        });
    }

    @Order(1)
    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void generatedProjectInstallsAndPassesItsOwnTestsAgainstPostgres(String example) {
        NodeProject project = installed(example);

        NodeProject.TestRun run = project.test();

        System.out.printf("%s: npm test %d tests, %d passed, %d failed in %d ms%n", example, run.count("tests"),
                run.count("pass"), run.count("fail"), run.millis());
        assertThat(run.exitCode()).as("npm test exit code; output in %s:%n%s", run.log(),
                NodeProject.tail(run.log(), 80)).isZero();
        assertThat(run.count("fail")).isZero();
        assertThat(run.count("pass")).isGreaterThanOrEqualTo(10);
        assertThat(run.count("skipped")).isZero();
        assertThat(run.count("pass")).isEqualTo(run.count("tests"));
    }

    @Order(2)
    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void generatedProjectPassesItsLintersWithNoWarnings(String example) {
        NodeProject project = installed(example);

        NodeProject.LintRun run = project.lint();

        String log = NodeProject.read(run.log());
        assertThat(run.exitCode()).as("npm run lint exit code; output in %s:%n%s", run.log(),
                NodeProject.tail(run.log(), 60)).isZero();
        assertThat(log).as("Redocly's verdict on openapi.json").contains("Your API description is valid");
        assertThat(log).doesNotContainPattern("\\d+ warnings?");
    }

    @Order(3)
    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void generatedServerAnswersCrudPaginationValidationAndRelationRequests(String example) throws Exception {
        ProjectSpec spec = spec(example);
        NodeProject project = installed(example);

        try (NodeProject.Server server = project.start()) {
            if (spec.optionsOrDefault().authEnabled()) {
                assertThat(server.post("/api/" + ProjectModel.of(spec).entities().get(0).route(), Map.of())
                        .status()).as("writes need a token").isEqualTo(401);
                server.authenticated(NodeProject.token());
            }
            NodeProject.Server.Reply document = server.get("/openapi.json");
            assertThat(document.status()).isEqualTo(200);
            assertThat(document.json()).isEqualTo(dev.forgeline.contracts.Json.mapper().readTree(
                    project.file("openapi.json")));
            NodeProject.Server.Reply docs = server.get("/docs/");
            assertThat(docs.status()).isEqualTo(200);
            assertThat(docs.contentType()).startsWith("text/html");
            CrudScenario scenario = new CrudScenario(spec, server);
            scenario.readmeExampleCreatesARecord(project.file("README.md"));
            scenario.run();

            assertThat(server.stop()).as("exit code after SIGTERM (graceful shutdown); log:%n%s", server.log())
                    .isZero();
        }
    }
}
