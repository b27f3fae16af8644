package dev.forgeline.stacks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import dev.forgeline.contracts.messages.ModulePlan;
import dev.forgeline.contracts.spec.ProjectSpec;
import dev.forgeline.contracts.spec.SpecParser;

class StackPlannerTest {

    private static ProjectSpec todoApi() throws IOException {
        return SpecParser.parse(Files.readString(Path.of("..", "examples", "todo-api.json"))).spec();
    }

    @Test
    void planOfTheTodoApiHasTheModulesAndFilesOfTheDesign() throws IOException {
        StackDefinition stack = StackCatalog.load().get("express-js");

        List<ModulePlan> plan = StackPlanner.plan(stack, todoApi());
        Map<String, ModulePlan> byName = plan.stream()
                .collect(Collectors.toMap(ModulePlan::module, Function.identity()));

        assertThat(plan).extracting(ModulePlan::module).containsExactly("config", "docker", "terraform", "utils",
                "database", "models", "services", "handlers", "routes", "tests");
        assertThat(byName.get("config").requiredPaths())
                .containsExactly("package.json", ".env.example", "README.md", "src/config/index.js", "openapi.json",
                        "eslint.config.js", "redocly.yaml", ".gitignore", ".nvmrc", ".github/workflows/ci.yml");
        assertThat(byName.get("docker").requiredPaths())
                .containsExactly("Dockerfile", ".dockerignore", "docker-compose.yml");
        assertThat(byName.get("terraform").requiredPaths())
                .containsExactly("terraform/main.tf", "terraform/variables.tf", "terraform/outputs.tf");
        assertThat(byName.get("utils").requiredPaths())
                .containsExactly("src/utils/logger.js", "src/utils/errors.js", "src/utils/validation.js");
        assertThat(byName.get("database").requiredPaths())
                .containsExactly("src/db/pool.js", "src/db/migrate.js", "migrations/001_init.sql");
        assertThat(byName.get("models").requiredPaths())
                .containsExactly("src/models/user.js", "src/models/todo.js", "src/models/index.js");
        assertThat(byName.get("services").requiredPaths())
                .containsExactly("src/services/userService.js", "src/services/todoService.js");
        assertThat(byName.get("handlers").requiredPaths())
                .containsExactly("src/handlers/userHandler.js", "src/handlers/todoHandler.js");
        assertThat(byName.get("routes").requiredPaths()).containsExactly("src/routes/user.js", "src/routes/todo.js",
                "src/routes/index.js", "src/app.js", "src/server.js");
        assertThat(byName.get("tests").requiredPaths())
                .containsExactly("test/helpers.js", "test/conformance.js", "test/app.test.js", "test/user.test.js",
                        "test/todo.test.js");

        assertThat(plan).filteredOn(ModulePlan::critical).extracting(ModulePlan::module)
                .containsExactly("database", "models", "services", "handlers", "routes");
        assertThat(byName.get("config").dependsOn()).isEmpty();
        assertThat(byName.get("docker").dependsOn()).isEmpty();
        assertThat(byName.get("terraform").dependsOn()).isEmpty();
        assertThat(byName.get("utils").dependsOn()).isEmpty();
        assertThat(byName.get("database").dependsOn()).isEmpty();
        assertThat(byName.get("models").dependsOn()).containsExactly("database");
        assertThat(byName.get("services").dependsOn()).containsExactly("models");
        assertThat(byName.get("handlers").dependsOn()).containsExactly("services");
        assertThat(byName.get("routes").dependsOn()).containsExactly("handlers");
        assertThat(byName.get("tests").dependsOn()).containsExactly("routes");
        assertThat(byName.get("models").files()).filteredOn(f -> f.entity() != null)
                .extracting(f -> f.entity()).containsExactly("User", "Todo");
    }

    @Test
    void authModuleIsPlannedOnlyWhenTheOptionIsOn() throws IOException {
        StackDefinition stack = StackCatalog.load().get("express-js");
        ProjectSpec todo = todoApi();
        ProjectSpec withAuth = new ProjectSpec(todo.name(), todo.description(), todo.stack(), todo.generator(),
                new dev.forgeline.contracts.spec.Options(true, false), todo.entities());

        List<ModulePlan> plan = StackPlanner.plan(stack, withAuth);

        assertThat(plan).extracting(ModulePlan::module).contains("auth").doesNotContain("tests");
        ModulePlan auth = plan.stream().filter(m -> m.module().equals("auth")).findFirst().orElseThrow();
        assertThat(auth.dependsOn()).containsExactly("utils");
        assertThat(auth.requiredPaths()).containsExactly("src/middleware/auth.js");
    }
}
