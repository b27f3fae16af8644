package dev.forgeline.validation.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.forgeline.contracts.messages.GeneratedFile;
import dev.forgeline.contracts.messages.ModuleOutcome;
import dev.forgeline.contracts.messages.ModulePlan;
import dev.forgeline.contracts.messages.ModuleStatus;
import dev.forgeline.contracts.messages.ModuleValidated;
import dev.forgeline.contracts.messages.PlannedFile;
import dev.forgeline.contracts.messages.RunFile;
import dev.forgeline.contracts.messages.RunValidated;
import dev.forgeline.contracts.messages.ValidateRun;
import dev.forgeline.contracts.messages.ValidationIssue;

/** Every broken case of the corpus (src/test/resources/corpus, see its README) is caught by its rule; every good one passes. */
class CorpusTest {
    private final ModuleValidator modules = new ModuleValidator(0.90, FileChecks.defaults());
    private final RunValidator runs = new RunValidator(0.95);

    /** One corpus case: its folder, its properties and its files by relative path. */
    record Case(String name, Properties props, Map<String, String> files) {
        @Override
        public String toString() {
            return name;
        }

        List<String> list(String key) {
            String value = props.getProperty(key, "").strip();
            return value.isEmpty() ? List.of() : Arrays.stream(value.split(",")).map(String::strip).toList();
        }
    }

    static Stream<Case> bad() {
        return cases("bad");
    }

    static Stream<Case> good() {
        return cases("good");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bad")
    void brokenCaseIsCaughtByItsRuleAtItsPathAndLine(Case c) {
        List<ValidationIssue> issues = verdict(c);

        String rule = c.props().getProperty("rule");
        assertThat(issues).as(c.name()).anySatisfy(i -> {
            assertThat(i.rule()).isEqualTo(rule);
            if (c.props().containsKey("path")) {
                assertThat(i.path()).isEqualTo(c.props().getProperty("path"));
            }
            if (c.props().containsKey("line")) {
                assertThat(i.line()).isEqualTo(Integer.valueOf(c.props().getProperty("line")));
            }
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("good")
    void goodCounterpartPassesWithoutAnyIssue(Case c) {
        assertThat(verdict(c)).as(c.name()).isEmpty();
    }

    /** The issues of the case's verdict; asserts that the verdict's pass flag agrees with its error issues. */
    private List<ValidationIssue> verdict(Case c) {
        if ("run".equals(c.props().getProperty("level"))) {
            RunValidated v = runs.validate(run(c));
            assertThat(v.passed()).as(v.reason()).isEqualTo(c.name().startsWith("good/"));
            return v.issues();
        }
        ModuleValidated v = modules.validate(Fixtures.generated(plan(c), files(c), c.list("upstream")));
        assertThat(v.passed()).as("%s: %s", c.name(), v.issues()).isEqualTo(c.name().startsWith("good/"));
        return v.issues();
    }

    private static ModulePlan plan(Case c) {
        Set<String> paths = new LinkedHashSet<>(c.files().keySet());
        paths.addAll(c.list("planned"));
        paths.addAll(c.list("critical"));
        Set<String> critical = new LinkedHashSet<>(c.list("critical"));
        List<PlannedFile> planned = paths.stream().map(p -> new PlannedFile(p, critical.contains(p), null, null)).toList();
        return new ModulePlan(c.name().substring(c.name().indexOf('/') + 1), false, List.of(), planned);
    }

    private static List<GeneratedFile> files(Case c) {
        return c.files().entrySet().stream().map(e -> GeneratedFile.of(e.getKey(), e.getValue())).toList();
    }

    private static ValidateRun run(Case c) {
        Map<String, List<RunFile>> byModule = new LinkedHashMap<>();
        c.files().forEach((path, content) -> {
            int slash = path.indexOf('/');
            String module = path.substring(0, slash);
            String file = path.substring(slash + 1);
            byModule.computeIfAbsent(module, m -> new ArrayList<>()).add(Fixtures.runFile(module, file, content));
        });
        c.list("modules").forEach(m -> byModule.computeIfAbsent(m, k -> new ArrayList<>()));
        Set<String> critical = Set.copyOf(c.list("critical-modules"));
        List<ModuleOutcome> outcomes = new ArrayList<>();
        List<RunFile> files = new ArrayList<>();
        byModule.forEach((module, written) -> {
            ModuleStatus status = ModuleStatus.valueOf(c.props().getProperty("status." + module, "VALIDATED"));
            outcomes.add(new ModuleOutcome(module, status, critical.contains(module), 1, List.of(), written.size(),
                    status == ModuleStatus.VALIDATED ? null : "attempts spent"));
            if (status == ModuleStatus.VALIDATED) {
                files.addAll(written);
            }
        });
        return new ValidateRun("c", Fixtures.RUN, 1, "express-js", outcomes, files);
    }

    private static Stream<Case> cases(String kind) {
        try {
            Path root = Path.of(CorpusTest.class.getResource("/corpus/" + kind).toURI());
            List<Case> cases = new ArrayList<>();
            try (Stream<Path> dirs = Files.list(root)) {
                for (Path dir : dirs.sorted().toList()) {
                    Properties props = new Properties();
                    try (Reader r = Files.newBufferedReader(dir.resolve("case.properties"), StandardCharsets.UTF_8)) {
                        props.load(r);
                    }
                    Map<String, String> files = new LinkedHashMap<>();
                    Path base = dir.resolve("files");
                    if (Files.isDirectory(base)) {
                        try (Stream<Path> walk = Files.walk(base)) {
                            for (Path f : walk.filter(Files::isRegularFile).sorted().toList()) {
                                files.put(base.relativize(f).toString().replace('\\', '/'), Files.readString(f));
                            }
                        }
                    }
                    cases.add(new Case(kind + "/" + dir.getFileName(), props, files));
                }
            }
            assertThat(cases).as("corpus/" + kind).isNotEmpty();
            return cases.stream();
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException("cannot read the corpus", e);
        }
    }
}
