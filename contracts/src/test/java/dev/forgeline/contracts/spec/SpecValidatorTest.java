package dev.forgeline.contracts.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class SpecValidatorTest {
    private static final String TODO = """
            {"name": "todo-api", "stack": "express-js", "options": {"tests": true},
             "entities": [
               {"name": "User", "fields": [{"name": "email", "type": "string", "required": true, "unique": true}]},
               {"name": "Todo",
                "fields": [{"name": "title", "type": "string", "minLength": 1, "maxLength": 200},
                           {"name": "priority", "type": "enum", "values": ["LOW", "HIGH"]}],
                "relations": [{"kind": "many-to-one", "name": "owner", "target": "User", "required": true}]}]}
            """;
    private final SpecValidator validator = new SpecValidator(Set.of("express-js"));

    private List<SpecViolation> violations(String json) {
        SpecParser.Result parsed = SpecParser.parse(json);
        return parsed.ok() ? validator.validate(parsed.spec()) : parsed.violations();
    }

    private static List<String> paths(List<SpecViolation> violations) {
        return violations.stream().map(v -> v.path() + " " + v.rule()).toList();
    }

    @Test
    void validSpecHasNoViolations() {
        assertThat(violations(TODO)).isEmpty();
    }

    @Test
    void anUnknownPropertyWithABlankOrOddNameIsNamedVisibly() {
        // Found by HostileSpecPropertiesTest: a key of " " used to give the path " ", which names nothing.
        assertThat(paths(violations("{\"name\": \"a-b\", \" \": 1}"))).containsExactly("[\" \"] json.unknown-property");
        assertThat(paths(violations("{\"options\": {\"a.b\": true}}"))).containsExactly("options[\"a.b\"] json.unknown-property");
    }

    @Test
    void malformedJsonIsNamedWithItsPosition() {
        List<SpecViolation> v = violations("{\"name\": ");
        assertThat(paths(v)).containsExactly("$ json.malformed");
        assertThat(v.get(0).message()).contains("line 1");
    }

    @Test
    void unknownPropertyIsNamedWithItsPath() {
        assertThat(paths(violations(TODO.replace("\"required\": true, \"unique\"", "\"requird\": true, \"unique\""))))
                .containsExactly("entities[0].fields[0].requird json.unknown-property");
    }

    @Test
    void wrongJsonTypeIsNamedWithItsPath() {
        assertThat(paths(violations(TODO.replace("\"maxLength\": 200", "\"maxLength\": \"long\""))))
                .containsExactly("entities[1].fields[0].maxLength json.type");
    }

    @Test
    void everyRuleNamesThePath() {
        assertThat(paths(violations(TODO.replace("\"express-js\"", "\"rails\"")))).containsExactly("stack stack.unknown");
        assertThat(paths(violations(TODO.replace("\"todo-api\"", "\"Todo\"")))).containsExactly("name name.pattern");
        assertThat(paths(violations(TODO.replace("\"type\": \"enum\"", "\"type\": \"money\""))))
                .containsExactly("entities[1].fields[1].type field.type.unknown");
        assertThat(paths(violations(TODO.replace("\"target\": \"User\"", "\"target\": \"Owner\""))))
                .containsExactly("entities[1].relations[0].target relation.target.unknown");
        assertThat(paths(violations(TODO.replace("\"name\": \"Todo\"", "\"name\": \"user\""))))
                .contains("entities[1].name name.pascalCase");
        assertThat(paths(violations(TODO.replace("\"name\": \"Todo\"", "\"name\": \"User\""))))
                .contains("entities[1].name name.duplicate");
        assertThat(paths(violations(TODO.replace("\"name\": \"priority\"", "\"name\": \"title\""))))
                .containsExactly("entities[1].fields[1].name name.duplicate");
        assertThat(paths(violations(TODO.replace("\"name\": \"owner\"", "\"name\": \"title\""))))
                .containsExactly("entities[1].relations[0].name name.duplicate");
        assertThat(paths(violations(TODO.replace("\"kind\": \"many-to-one\"", "\"kind\": \"some-to-few\""))))
                .containsExactly("entities[1].relations[0].kind relation.kind.unknown");
        assertThat(paths(violations(TODO.replace("\"values\": [\"LOW\", \"HIGH\"]", "\"values\": []"))))
                .containsExactly("entities[1].fields[1].values required");
        assertThat(paths(violations(TODO.replace("\"minLength\": 1", "\"minLength\": 300"))))
                .containsExactly("entities[1].fields[0].minLength range");
        assertThat(paths(violations(TODO.replace("\"type\": \"string\", \"minLength\"", "\"type\": \"integer\", \"minLength\""))))
                .containsExactly("entities[1].fields[0] constraint.textOnly");
    }

    @Test
    void emptyAndOversizedBodiesAreRejected() {
        assertThat(paths(violations(""))).containsExactly("$ spec.empty");
        assertThat(paths(violations("{\"name\": \"" + "x".repeat(300 * 1024) + "\"}"))).containsExactly("$ spec.size");
    }

    @Test
    void specWithoutEntitiesIsRejected() {
        assertThat(paths(violations("{\"name\": \"empty\", \"stack\": \"express-js\"}")))
                .containsExactly("entities required");
    }
}
