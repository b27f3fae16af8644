package dev.forgeline.stacks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.forgeline.contracts.spec.SpecParser;
import dev.forgeline.contracts.spec.SpecViolation;

class StackNamesValidationTest {
    private final StackDefinition stack = StackCatalog.load().get("express-js");

    private List<String> violations(String entities) {
        var parsed = SpecParser.parse("{\"name\": \"x-api\", \"stack\": \"express-js\", \"entities\": " + entities + "}");
        assertThat(parsed.violations()).isEmpty();
        return StackPlanner.validate(stack, parsed.spec()).stream().map((SpecViolation v) -> v.path() + " " + v.rule())
                .toList();
    }

    @Test
    void javaScriptReservedWordsAreRejectedWithThePath() {
        assertThat(violations("[{\"name\": \"Class\", \"fields\": [{\"name\": \"default\", \"type\": \"string\"}]}]"))
                .containsExactly("entities[0].name name.reserved", "entities[0].fields[0].name name.reserved");
    }

    @Test
    void sqlReservedWordsAreAcceptedBecauseTheTemplatesQuoteEveryIdentifier() {
        assertThat(violations("[{\"name\": \"User\"}, {\"name\": \"Order\", \"fields\": [{\"name\": \"group\","
                + " \"type\": \"string\"}, {\"name\": \"timestamp\", \"type\": \"datetime\"}]}]")).isEmpty();
    }

    @Test
    void namesTheStackGeneratesAreRejected() {
        assertThat(violations("[{\"name\": \"Note\", \"fields\": [{\"name\": \"id\", \"type\": \"uuid\"},"
                + " {\"name\": \"createdAt\", \"type\": \"datetime\"}]}]"))
                .containsExactly("entities[0].fields[0].name name.generated", "entities[0].fields[1].name name.generated");
    }

    @Test
    void namesThatMapToTheSameTableOrColumnCollide() {
        assertThat(violations("[{\"name\": \"Box\"}, {\"name\": \"Boxes\"}]")).isEmpty();
        assertThat(violations("[{\"name\": \"Category\"}, {\"name\": \"Categorie\"}]"))
                .containsExactly("entities[1].name name.collision");
        assertThat(violations("[{\"name\": \"Note\", \"fields\": [{\"name\": \"ownerId\", \"type\": \"uuid\"}],"
                + " \"relations\": [{\"kind\": \"many-to-one\", \"name\": \"owner\", \"target\": \"Note\"}]}]"))
                .containsExactly("entities[0].relations[0].name name.collision");
    }

    @Test
    void everyBundledStackIsAConsistentDag() {
        assertThat(StackCatalog.load().names()).contains("express-js");
        assertThat(stack.modules()).extracting(ModuleDefinition::name)
                .containsExactly("config", "docker", "terraform", "utils", "database", "models", "services",
                        "handlers", "routes", "tests", "auth");
    }
}
