package dev.forgeline.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.forgeline.contracts.spec.EntitySpec;
import dev.forgeline.contracts.spec.FieldSpec;
import dev.forgeline.contracts.spec.FieldType;
import dev.forgeline.contracts.spec.ProjectSpec;
import dev.forgeline.stacks.PortableRegex;
import dev.forgeline.stacks.render.EntityModel;
import dev.forgeline.stacks.render.ProjectModel;
import dev.forgeline.stacks.render.RelationModel;

/**
 * Drives a running generated server over HTTP as a client of its API would, for any spec: create, read, list with
 * pagination and filters, replace, delete, validation errors, references and many-to-many links. Payloads are
 * built here, independently of the generated tests, from the spec's fields and constraints.
 */
final class CrudScenario {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern README_POST = Pattern.compile(
            "curl -X POST http://localhost:3000(/api/[a-z0-9-]+) .*\\n\\s+-d '(.*)'\\n");

    private final ProjectSpec spec;
    private final ProjectModel model;
    private final NodeProject.Server server;
    private final Map<String, Integer> counters = new java.util.HashMap<>();

    CrudScenario(ProjectSpec spec, NodeProject.Server server) {
        this.spec = spec;
        this.model = ProjectModel.of(spec);
        this.server = server;
    }

    /** Runs every step against the entity with the most required references (the richest relations). */
    void run() {
        EntityModel subject = model.entities().stream().filter(e -> !e.singleton())
                .max(Comparator.comparingInt((EntityModel e) -> e.requiredReferences().size())
                        .thenComparingInt(e -> -model.entities().indexOf(e)))
                .orElseThrow();
        String route = "/api/" + subject.route();

        // create and read back
        ObjectNode payload = payload(subject);
        NodeProject.Server.Reply created = server.post(route, payload);
        assertThat(created.status()).as("POST %s %s -> %s", route, payload, created.body()).isEqualTo(201);
        String id = created.json().path("id").asText();
        assertThat(created.location()).isEqualTo(route + "/" + id);
        NodeProject.Server.Reply read = server.get(route + "/" + id);
        assertThat(read.status()).isEqualTo(200);
        assertSameValues(entity(subject), payload, read.json());
        assertThat(read.json().path("createdAt").asText()).isNotEmpty();

        // list a page at a time
        ObjectNode secondPayload = payload(subject);
        NodeProject.Server.Reply second = server.post(route, secondPayload);
        assertThat(second.status()).as(second.body()).isEqualTo(201);
        String secondId = second.json().path("id").asText();
        NodeProject.Server.Reply page1 = server.get(route + "?limit=1&offset=0");
        NodeProject.Server.Reply page2 = server.get(route + "?limit=1&offset=1");
        assertThat(page1.status()).isEqualTo(200);
        assertThat(page1.json().path("data")).hasSize(1);
        assertThat(page1.json().path("pagination").path("total").asInt()).isEqualTo(2);
        assertThat(page1.json().path("pagination").path("limit").asInt()).isEqualTo(1);
        assertThat(List.of(page1.json().path("data").get(0).path("id").asText(),
                page2.json().path("data").get(0).path("id").asText())).containsExactlyInAnyOrder(id, secondId);
        assertThat(server.get(route + "?limit=1000").status()).as("limit above 100").isEqualTo(400);

        // sort both ways
        List<String> ascending = ids(server.get(route + "?sort=id").json());
        assertThat(ascending).containsExactlyInAnyOrder(id, secondId).isSorted();
        assertThat(ids(server.get(route + "?sort=-id").json())).containsExactly(ascending.get(1), ascending.get(0));
        assertThat(server.get(route + "?sort=notAField").status()).as("sort by an unknown field").isEqualTo(400);

        // enum filters accept the enum's values only
        for (FieldSpec f : entity(subject).fields()) {
            if (f.fieldType() == FieldType.ENUM) {
                assertThat(server.get(route + "?" + f.name() + "=" + f.values().get(0)).status()).isEqualTo(200);
                assertThat(server.get(route + "?" + f.name() + "=NOT_A_VALUE").status()).as("enum filter %s", f.name())
                        .isEqualTo(400);
            }
        }

        // filter by a reference
        for (RelationModel r : subject.requiredReferences().stream().limit(1).toList()) {
            String target = read.json().path(r.fieldName()).asText();
            NodeProject.Server.Reply filtered = server.get(route + "?" + r.fieldName() + "=" + target);
            assertThat(filtered.status()).as(filtered.body()).isEqualTo(200);
            assertThat(ids(filtered.json())).contains(id);
            assertThat(server.get(route + "?" + r.fieldName() + "=" + UUID.randomUUID()).json()
                    .path("pagination").path("total").asInt()).isZero();
        }

        // replace
        ObjectNode replacement = payload(subject);
        NodeProject.Server.Reply replaced = server.put(route + "/" + id, replacement);
        assertThat(replaced.status()).as("PUT %s -> %s", replacement, replaced.body()).isEqualTo(200);
        assertSameValues(entity(subject), replacement, server.get(route + "/" + id).json());

        // validation errors: JSON, 400, naming the field
        NodeProject.Server.Reply unknown = server.post(route, Map.of("notAField", 1));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().path("code").asText()).isEqualTo("validation_failed");
        assertThat(unknown.json().path("status").asInt()).isEqualTo(400);
        assertThat(unknown.json().path("errors").findValuesAsText("field")).contains("notAField");
        if (subject.hasRequiredMembers()) {
            NodeProject.Server.Reply empty = server.post(route, Map.of());
            assertThat(empty.status()).isEqualTo(400);
            assertThat(empty.json().path("errors")).isNotEmpty();
        }
        assertThat(server.get(route + "/not-a-uuid").status()).isEqualTo(400);

        // references: a missing target is a 400, deleting a required target is refused
        for (RelationModel r : subject.requiredReferences().stream().limit(1).toList()) {
            ObjectNode dangling = payload(subject);
            dangling.put(r.fieldName(), UUID.randomUUID().toString());
            assertThat(server.post(route, dangling).status()).as("reference to nothing").isEqualTo(400);
            String target = server.get(route + "/" + id).json().path(r.fieldName()).asText();
            NodeProject.Server.Reply refused = server.delete("/api/" + r.targetRoute() + "/" + target);
            assertThat(refused.status()).as(refused.body()).isEqualTo(409);
            assertThat(refused.json().path("code").asText()).isEqualTo("conflict");
        }

        // many-to-many: link, list, unlink
        model.entities().stream().filter(EntityModel::hasManyToMany).findFirst().ifPresent(owner -> {
            RelationModel m = owner.manyToMany().get(0);
            String ownerId = create(owner.name());
            String targetId = create(m.target());
            String links = "/api/" + owner.route() + "/" + ownerId + "/" + m.segment();
            assertThat(server.put(links + "/" + targetId, null).status()).isEqualTo(204);
            assertThat(ids(server.get(links).json())).containsExactly(targetId);
            assertThat(server.delete(links + "/" + targetId).status()).isEqualTo(204);
            assertThat(ids(server.get(links).json())).isEmpty();
        });

        // delete
        assertThat(server.delete(route + "/" + id).status()).isEqualTo(204);
        NodeProject.Server.Reply gone = server.get(route + "/" + id);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.json().path("code").asText()).isEqualTo("not_found");
        assertThat(gone.contentType()).startsWith("application/problem+json");
    }

    /** The README's example POST, sent as written: it must create a record. */
    void readmeExampleCreatesARecord(String readme) {
        Matcher m = README_POST.matcher(readme);
        assertThat(m.find()).as("the README shows a POST example:\n" + readme).isTrue();
        String body = m.group(2).replace("'\\''", "'");
        NodeProject.Server.Reply reply = server.post(m.group(1), body);
        assertThat(reply.status()).as("README example POST %s %s -> %s", m.group(1), body, reply.body())
                .isEqualTo(201);
        assertThat(server.get(m.group(1) + "?limit=10").status()).isEqualTo(200);
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.path("data").forEach(r -> ids.add(r.path("id").asText()));
        return ids;
    }

    private EntitySpec entity(EntityModel e) {
        return spec.entities().stream().filter(s -> s.name().equals(e.name())).findFirst().orElseThrow();
    }

    /** Creates a record of the entity (and first the records it requires); returns its id. */
    private String create(String entityName) {
        EntityModel e = model.entity(entityName);
        ObjectNode body = payload(e);
        NodeProject.Server.Reply reply = server.post("/api/" + e.route(), body);
        assertThat(reply.status()).as("POST /api/%s %s -> %s", e.route(), body, reply.body()).isEqualTo(201);
        return reply.json().path("id").asText();
    }

    /** A valid body: every field the constraints allow a value for, and new records for required references. */
    private ObjectNode payload(EntityModel e) {
        ObjectNode body = NODES.objectNode();
        for (FieldSpec f : entity(e).fields()) {
            JsonNode value = value(f, counters.merge(e.name() + "." + f.name(), 1, Integer::sum));
            if (value != null) {
                body.set(f.name(), value);
            }
        }
        for (RelationModel r : e.requiredReferences()) {
            body.put(r.fieldName(), create(r.target()));
        }
        return body;
    }

    /** The n-th value (n = 1, 2, …) of the field: unique fields get a different one each time. */
    private static JsonNode value(FieldSpec f, int n) {
        boolean unique = f.isUnique();
        FieldType type = f.fieldType();
        boolean smallDomain = type == FieldType.BOOLEAN || type == FieldType.ENUM || f.pattern() != null
                || (f.min() != null && f.max() != null && f.max() - f.min() < 8);
        if (unique && !f.isRequired() && smallDomain) {
            return null; // NULLs never collide; the generated tests leave these out too
        }
        switch (type) {
            case STRING, TEXT -> {
                if (f.pattern() != null) {
                    List<String> samples = PortableRegex.parse(f.pattern()).samples(f.minLength(), f.maxLength(), 8);
                    return samples.isEmpty() ? null : NODES.textNode(samples.get(unique ? n % samples.size() : 0));
                }
                StringBuilder text = new StringBuilder("v").append(Integer.toString(n, 36));
                while (f.minLength() != null && text.length() < f.minLength()) {
                    text.append('x');
                }
                String s = text.toString();
                return NODES.textNode(f.maxLength() != null && s.length() > f.maxLength()
                        ? s.substring(s.length() - f.maxLength()) : s);
            }
            case INTEGER, LONG -> {
                long low = (long) Math.ceil(f.min() != null ? f.min() : f.max() != null && f.max() < 1 ? f.max() : 1);
                long high = (long) Math.floor(f.max() != null ? f.max() : low + 1_000_000);
                return NODES.numberNode(unique ? low + n % (high - low + 1) : low);
            }
            case DECIMAL -> {
                double low = f.min() != null ? f.min() : f.max() != null && f.max() < 1 ? f.max() : 1;
                double high = f.max() != null ? f.max() : low + 1_000_000;
                double value = unique ? low + (n % 1000) * (high - low) / 1000 : low;
                return NODES.numberNode(BigDecimal.valueOf(value));
            }
            case BOOLEAN -> {
                return NODES.booleanNode(!unique || n % 2 == 0);
            }
            case DATE -> {
                return NODES.textNode((unique ? LocalDate.of(2000, 1, 1).plusDays(n) : LocalDate.of(2024, 1, 15))
                        .toString());
            }
            case DATETIME -> {
                return NODES.textNode(Instant.parse("2024-01-15T10:30:00Z").plusSeconds(unique ? n : 0).toString());
            }
            case UUID -> {
                return NODES.textNode(UUID.randomUUID().toString());
            }
            case JSON -> {
                return NODES.objectNode().put("n", n).set("tags", NODES.arrayNode().add("a").add("b"));
            }
            case ENUM -> {
                return NODES.textNode(f.values().get(unique ? n % f.values().size() : 0));
            }
            default -> throw new IllegalStateException("type " + type);
        }
    }

    private static void assertSameValues(EntitySpec entity, ObjectNode sent, JsonNode stored) {
        for (FieldSpec f : entity.fields()) {
            if (!sent.has(f.name())) {
                continue;
            }
            JsonNode expected = sent.get(f.name());
            JsonNode actual = stored.path(f.name());
            switch (f.fieldType()) {
                case INTEGER, DECIMAL, LONG -> assertThat(new BigDecimal(actual.asText())).as(f.name())
                        .isEqualByComparingTo(new BigDecimal(expected.asText()));
                case DATETIME -> assertThat(Instant.parse(actual.asText())).as(f.name())
                        .isEqualTo(Instant.parse(expected.asText()));
                default -> assertThat(actual).as(f.name()).isEqualTo(expected);
            }
        }
    }
}
