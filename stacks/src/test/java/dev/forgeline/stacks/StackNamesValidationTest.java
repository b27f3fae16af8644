package dev.forgeline.stacks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.forgeline.contracts.spec.SpecParser;
import dev.forgeline.contracts.spec.SpecViolation;

/** How the express-js stack handles names and constraints it cannot generate as-is (DESIGN §7, issue 4). */
class StackNamesValidationTest {
    private final StackDefinition stack = StackCatalog.load().get("express-js");

    private List<SpecViolation> check(String entities) {
        var parsed = SpecParser.parse("{\"name\": \"x-api\", \"stack\": \"express-js\", \"entities\": " + entities + "}");
        assertThat(parsed.violations()).isEmpty();
        return StackPlanner.validate(stack, parsed.spec());
    }

    private List<String> violations(String entities) {
        return check(entities).stream().map((SpecViolation v) -> v.path() + " " + v.rule()).toList();
    }

    @Test
    void reservedWordsOfJavaScriptAndSqlAreAcceptedBecauseIdentifiersAreQuotedAndNamesNeverBareVariables() {
        assertThat(violations("[{\"name\": \"Class\", \"fields\": [{\"name\": \"default\", \"type\": \"string\"},"
                + " {\"name\": \"class\", \"type\": \"string\"}, {\"name\": \"constructor\", \"type\": \"string\"}]},"
                + " {\"name\": \"Default\"}, {\"name\": \"Return\"}]")).isEmpty();
        assertThat(violations("[{\"name\": \"User\"}, {\"name\": \"Order\", \"fields\": [{\"name\": \"group\","
                + " \"type\": \"string\"}, {\"name\": \"timestamp\", \"type\": \"datetime\"}, {\"name\": \"order\","
                + " \"type\": \"integer\"}], \"relations\": [{\"kind\": \"many-to-one\", \"name\": \"user\","
                + " \"target\": \"User\"}]}, {\"name\": \"Group\"}, {\"name\": \"Timestamp\"}]")).isEmpty();
    }

    @Test
    void entityNamesThatWouldShareAnOpenApiSchemaNameAreRefused() {
        assertThat(violations("[{\"name\": \"Order\"}, {\"name\": \"OrderPage\"}, {\"name\": \"Problem\"}]"))
                .containsExactly("entities[1].name name.collision", "entities[2].name name.collision");
        assertThat(check("[{\"name\": \"OrderInput\"}, {\"name\": \"Order\"}]").get(0).message())
                .contains("'OrderInput' is also the name of the input schema of Order");
        assertThat(violations("[{\"name\": \"Order\"}, {\"name\": \"OrderLine\"}, {\"name\": \"Problems\"}]"))
                .isEmpty();
    }

    @Test
    void aFieldNamedAfterItsEntityAndEntitiesUserAndUsersAreAccepted() {
        assertThat(violations("[{\"name\": \"User\", \"fields\": [{\"name\": \"user\", \"type\": \"string\"}]},"
                + " {\"name\": \"Users\", \"fields\": [{\"name\": \"users\", \"type\": \"string\"}]}]")).isEmpty();
    }

    @Test
    void namesTheStackGeneratesAreRejected() {
        assertThat(violations("[{\"name\": \"Note\", \"fields\": [{\"name\": \"id\", \"type\": \"uuid\"},"
                + " {\"name\": \"createdAt\", \"type\": \"datetime\"}, {\"name\": \"updatedAT\", \"type\": \"string\"}],"
                + " \"relations\": [{\"kind\": \"many-to-one\", \"name\": \"createdAt\", \"target\": \"Note\"}]}]"))
                .containsExactly("entities[0].fields[0].name name.generated", "entities[0].fields[1].name name.generated",
                        "entities[0].fields[2].name name.generated", "entities[0].relations[0].name name.generated");
        assertThat(check("[{\"name\": \"Note\", \"fields\": [{\"name\": \"updatedAT\", \"type\": \"string\"}]}]")
                .get(0).message()).contains("'updatedAT' maps to column 'updated_at'");
    }

    @Test
    void reservedWordsOfAStackAreRejectedWithThePath() {
        StackDefinition strict = new StackDefinition("strict", "", Set.of("select"), Set.of(), stack.modules());
        var parsed = SpecParser.parse("{\"name\": \"x-api\", \"stack\": \"express-js\", \"entities\": [{\"name\":"
                + " \"Select\", \"fields\": [{\"name\": \"select\", \"type\": \"string\"}]}]}");

        assertThat(StackPlanner.validate(strict, parsed.spec())).extracting(v -> v.path() + " " + v.rule())
                .containsExactly("entities[0].name name.reserved", "entities[0].fields[0].name name.reserved");
    }

    @Test
    void namesThatMapToTheSameTableColumnOrFileCollide() {
        assertThat(violations("[{\"name\": \"Box\"}, {\"name\": \"Boxes\"}]")).isEmpty();
        assertThat(violations("[{\"name\": \"Category\"}, {\"name\": \"Categorie\"}]"))
                .containsExactly("entities[1].name name.collision");
        assertThat(violations("[{\"name\": \"Note\", \"fields\": [{\"name\": \"ownerId\", \"type\": \"uuid\"}],"
                + " \"relations\": [{\"kind\": \"many-to-one\", \"name\": \"owner\", \"target\": \"Note\"}]}]"))
                .containsExactly("entities[0].relations[0].name name.collision");
        List<SpecViolation> index = check("[{\"name\": \"Index\"}]");
        assertThat(index).extracting(v -> v.path() + " " + v.rule()).containsExactly("entities[0].name name.collision");
        assertThat(index.get(0).message()).contains("src/models/index.js");
    }

    @Test
    void requiredRelationsInACycleAreRejectedBecauseNoRecordCouldBeCreatedFirst() {
        List<SpecViolation> cycle = check("[{\"name\": \"Egg\", \"relations\": [{\"kind\": \"many-to-one\", \"name\":"
                + " \"hen\", \"target\": \"Hen\", \"required\": true}]}, {\"name\": \"Hen\", \"relations\": [{\"kind\":"
                + " \"one-to-one\", \"name\": \"egg\", \"target\": \"Egg\", \"required\": true}]}]");
        assertThat(cycle).extracting(v -> v.path() + " " + v.rule())
                .containsExactly("entities[0].relations[0].required relation.requiredCycle");
        assertThat(cycle.get(0).message()).contains("Egg -> Hen -> Egg");
        assertThat(violations("[{\"name\": \"Node\", \"relations\": [{\"kind\": \"many-to-one\", \"name\": \"parent\","
                + " \"target\": \"Node\", \"required\": true}]}]"))
                .containsExactly("entities[0].relations[0].required relation.requiredCycle");
        assertThat(violations("[{\"name\": \"Node\", \"relations\": [{\"kind\": \"many-to-one\", \"name\": \"parent\","
                + " \"target\": \"Node\"}]}]")).isEmpty();
    }

    @Test
    void patternsOutsideThePortableSyntaxAreRejectedNamingTheConstruct() {
        List<SpecViolation> lookahead = check("[{\"name\": \"Note\", \"fields\": [{\"name\": \"code\", \"type\":"
                + " \"string\", \"pattern\": \"^(?=.*[0-9]).{8,}$\"}]}]");
        assertThat(lookahead).extracting(v -> v.path() + " " + v.rule())
                .containsExactly("entities[0].fields[0].pattern pattern.unsupported");
        assertThat(lookahead.get(0).message()).contains("(?=");
        assertThat(violations("[{\"name\": \"Note\", \"fields\": [{\"name\": \"code\", \"type\": \"string\","
                + " \"pattern\": \"^\\\\p{Lu}+$\"}]}]"))
                .containsExactly("entities[0].fields[0].pattern pattern.unsupported");
        assertThat(violations("[{\"name\": \"Note\", \"fields\": [{\"name\": \"code\", \"type\": \"string\","
                + " \"pattern\": \"^[A-Z]{2}-\\\\d{4}$\", \"required\": true}]}]")).isEmpty();
    }

    @Test
    void aRequiredFieldWhosePatternAndLengthsExcludeEachOtherIsRejected() {
        assertThat(violations("[{\"name\": \"Note\", \"fields\": [{\"name\": \"code\", \"type\": \"string\","
                + " \"pattern\": \"^[a-z]{5}$\", \"maxLength\": 3, \"required\": true}]}]"))
                .containsExactly("entities[0].fields[0].pattern pattern.unsatisfiable");
        assertThat(violations("[{\"name\": \"Note\", \"fields\": [{\"name\": \"code\", \"type\": \"string\","
                + " \"pattern\": \"^[a-z]{5}$\", \"maxLength\": 3}]}]")).isEmpty();
    }

    @Test
    void everyBundledStackIsAConsistentDag() {
        assertThat(StackCatalog.load().names()).contains("express-js");
        assertThat(stack.modules()).extracting(ModuleDefinition::name)
                .containsExactly("config", "docker", "terraform", "utils", "database", "models", "services",
                        "handlers", "routes", "tests", "auth");
    }
}
