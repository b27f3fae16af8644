package dev.forgeline.stacks.expressjs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.forgeline.contracts.Json;
import dev.forgeline.contracts.spec.SpecParser;
import dev.forgeline.stacks.render.ProjectModel;

class OpenApiDocumentTest {

    private static ProjectModel example(String name) throws Exception {
        SpecParser.Result result = SpecParser.parse(Files.readString(Path.of("..", "examples", name)));
        assertThat(result.violations()).isEmpty();
        return ProjectModel.of(result.spec());
    }

    private static JsonNode document(String name) throws Exception {
        return Json.mapper().readTree(OpenApiDocument.json(example(name)));
    }

    /** 51 entities of 7 fields in a many-to-one chain: pretty-printed, its document is about 1 MB. */
    private static ProjectModel large() {
        StringBuilder entities = new StringBuilder();
        for (int i = 0; i < 51; i++) {
            entities.append(i == 0 ? "" : ",").append("{\"name\":\"Item").append(i).append("\",\"fields\":[")
                    .append("{\"name\":\"title\",\"type\":\"string\",\"required\":true,\"maxLength\":120},")
                    .append("{\"name\":\"notes\",\"type\":\"text\"},{\"name\":\"quantity\",\"type\":\"integer\",\"min\":0},")
                    .append("{\"name\":\"price\",\"type\":\"decimal\"},{\"name\":\"active\",\"type\":\"boolean\"},")
                    .append("{\"name\":\"dueOn\",\"type\":\"date\"},")
                    .append("{\"name\":\"state\",\"type\":\"enum\",\"values\":[\"NEW\",\"OPEN\",\"DONE\"]}]")
                    .append(i == 0 ? "" : ",\"relations\":[{\"kind\":\"many-to-one\",\"name\":\"parent\",\"target\":\"Item"
                            + (i - 1) + "\"}]")
                    .append("}");
        }
        SpecParser.Result result = SpecParser.parse("{\"name\":\"large-api\",\"stack\":\"express-js\",\"entities\":["
                + entities + "]}");
        assertThat(result.violations()).isEmpty();
        return ProjectModel.of(result.spec());
    }

    @Test
    void aDocumentTooLargePrettyPrintedIsWrittenOnOneLineWithinTheFileLimit() throws Exception {
        String json = OpenApiDocument.json(large());

        assertThat(json.getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
                .isLessThanOrEqualTo(dev.forgeline.contracts.SizeLimits.MAX_FILE_BYTES);
        assertThat(json.strip()).doesNotContain("\n");
        JsonNode doc = Json.mapper().readTree(json);
        assertThat(doc.at("/components/schemas/Item50Input/properties/state/enum")).extracting(JsonNode::asText)
                .contains("NEW", "OPEN", "DONE");
        assertThat(doc.at("/paths/~1api~1item50s/get/parameters").size()).isGreaterThan(10);
    }

    @Test
    void aDocumentWithinTheLimitStaysPrettyPrinted() throws Exception {
        assertThat(OpenApiDocument.json(example("every-type.json"))).contains("\n  \"openapi\": \"3.1.0\",\n");
    }

    @Test
    void everyConstraintOfTheSpecIsInTheInputSchema() throws Exception {
        JsonNode input = document("every-type.json").at("/components/schemas/SpecimenInput");

        assertThat(input.path("additionalProperties").asBoolean(true)).isFalse();
        assertThat(input.path("required")).extracting(JsonNode::asText)
                .contains("code", "title", "count", "price", "active", "bornOn", "grade");
        JsonNode code = input.at("/properties/code");
        assertThat(code.path("minLength").asInt()).isEqualTo(5);
        assertThat(code.path("maxLength").asInt()).isEqualTo(12);
        assertThat(code.path("pattern").asText()).isEqualTo("^[A-Z]{2}-[0-9]{3,9}$");
        assertThat(input.at("/properties/count/maximum").asLong()).isEqualTo(1000);
        assertThat(input.at("/properties/bigCount/minimum").asLong()).isEqualTo(-5000000000L);
        assertThat(input.at("/properties/price/x-minimum").decimalValue()).isEqualByComparingTo("0.01");
        assertThat(input.at("/properties/seenAt/format").asText()).isEqualTo("date-time");
        assertThat(input.at("/properties/seenAt/type")).extracting(JsonNode::asText).containsExactly("string", "null");
        assertThat(input.at("/properties/grade/enum")).extracting(JsonNode::asText).containsExactly("A", "B", "C", "D");
        assertThat(document("every-type.json").at("/components/schemas/SpecimenPatch").has("required")).isFalse();
    }

    @Test
    void decimalsAreStringsInResponsesAndReferencesAreIds() throws Exception {
        JsonNode doc = document("every-type.json");

        assertThat(doc.at("/components/schemas/Specimen/properties/price/type").asText()).isEqualTo("string");
        assertThat(doc.at("/components/schemas/Badge/properties/specimenId/format").asText()).isEqualTo("uuid");
        assertThat(doc.at("/components/schemas/Tally/required")).extracting(JsonNode::asText)
                .contains("id", "specimenId", "createdAt", "updatedAt");
    }

    @Test
    void listsDocumentPaginationSortEqualityAndRangeFilters() throws Exception {
        JsonNode list = document("every-type.json").at("/paths/~1api~1specimens/get");

        assertThat(list.path("parameters").findValuesAsText("name"))
                .contains("sort", "code", "count", "count[gte]", "count[lte]", "bornOn[gte]", "grade")
                .doesNotContain("payload", "code[gte]", "grade[lte]");
        assertThat(list.path("parameters").findValuesAsText("$ref"))
                .containsExactly("#/components/parameters/limit", "#/components/parameters/offset");
        assertThat(list.at("/responses/200/content/application~1json/schema/$ref").asText())
                .isEqualTo("#/components/schemas/SpecimenPage");
    }

    @Test
    void writesNeedTheBearerTokenOnlyWithAuthAndEveryErrorIsAProblem() throws Exception {
        JsonNode withAuth = document("every-type.json");
        JsonNode create = withAuth.at("/paths/~1api~1specimens/post");
        assertThat(create.at("/security/0").has("bearerAuth")).isTrue();
        assertThat(create.path("responses").fieldNames()).toIterable()
                .contains("201", "400", "401", "409", "413", "429", "500");
        assertThat(withAuth.at("/paths/~1api~1specimens/get/security")).isEmpty();
        assertThat(withAuth.at("/components/responses/BadRequest/content/application~1problem+json/schema/$ref")
                .asText()).isEqualTo("#/components/schemas/Problem");

        JsonNode withoutAuth = document("todo-api.json");
        assertThat(withoutAuth.at("/components/securitySchemes").isMissingNode()).isTrue();
        assertThat(withoutAuth.at("/paths/~1api~1todos/post/responses").has("401")).isFalse();
    }

    @Test
    void manyToManyLinksHaveRoutesOfTheirOwn() throws Exception {
        JsonNode paths = document("every-type.json").path("paths");

        assertThat(paths.has("/api/specimens/{id}/related")).isTrue();
        assertThat(paths.has("/api/specimens/{id}/related/{specimenId}")).isTrue();
        assertThat(paths.at("/~1api~1tallies~1{id}~1badges~1{badgeId}/put/operationId").asText())
                .isEqualTo("addTallyBadges");
    }

    @Test
    void theSameModelGivesTheSameText() throws Exception {
        assertThat(OpenApiDocument.json(example("inventory.json")))
                .isEqualTo(OpenApiDocument.json(example("inventory.json")));
    }
}
