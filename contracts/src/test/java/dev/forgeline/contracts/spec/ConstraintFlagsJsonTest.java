package dev.forgeline.contracts.spec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.forgeline.contracts.Json;

class ConstraintFlagsJsonTest {

    @Test
    void requiredAndUniqueSurviveParsingAndTheWire() {
        String body = """
                {"name":"todo-api","stack":"express-js","entities":[{"name":"User",
                 "fields":[{"name":"email","type":"string","required":true,"unique":true}],
                 "relations":[{"kind":"many-to-one","name":"boss","target":"User","required":true}]}]}
                """;

        ProjectSpec parsed = SpecParser.parse(body).spec();
        ProjectSpec onTheWire = Json.read(Json.write(parsed), ProjectSpec.class);

        for (ProjectSpec spec : new ProjectSpec[] {parsed, onTheWire}) {
            FieldSpec email = spec.entities().get(0).fields().get(0);
            RelationSpec boss = spec.entities().get(0).relations().get(0);
            assertThat(email.isRequired()).isTrue();
            assertThat(email.isUnique()).isTrue();
            assertThat(boss.isRequired()).isTrue();
        }
        assertThat(Json.write(parsed)).contains("\"required\":true").contains("\"unique\":true");
    }
}
