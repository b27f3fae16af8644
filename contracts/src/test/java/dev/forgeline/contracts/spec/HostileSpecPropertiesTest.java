package dev.forgeline.contracts.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.forgeline.contracts.SizeLimits;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Hostile input for the spec parser and validator: whatever the bytes, the answer is a spec without violations or
 * violations that name a path, a rule and a message; never an exception (which the gateway would turn into a 5xx).
 * Over 10^5 inputs in all: random JSON, mutations of the example specs, deep nesting, huge strings and odd Unicode.
 */
class HostileSpecPropertiesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final SpecValidator VALIDATOR = new SpecValidator(Set.of("express-js"));
    private static final List<JsonNode> EXAMPLES = examples();

    @Property(tries = 40_000)
    void randomJsonIsASpecOrNamedViolations(@ForAll("jsonValues") JsonNode body) {
        assertVerdict(bytes(body));
    }

    @Property(tries = 50_000)
    void mutatedExampleSpecsAreASpecOrNamedViolations(@ForAll("mutatedExamples") JsonNode body) {
        assertVerdict(bytes(body));
    }

    @Property(tries = 10_000)
    void arbitraryBytesAreASpecOrNamedViolations(@ForAll("bodies") byte[] body) {
        assertVerdict(body);
    }

    @Property(tries = 200)
    void deepNestingIsRefusedByName(@ForAll("depths") int depth, @ForAll boolean arrays) {
        String open = arrays ? "[" : "{\"a\":";
        String close = arrays ? "]" : "}";
        String body = "{\"name\":" + open.repeat(depth) + "1" + close.repeat(depth) + "}";

        List<SpecViolation> violations = assertVerdict(body.getBytes(StandardCharsets.UTF_8));

        assertThat(violations).isNotEmpty();
    }

    @Property(tries = 50)
    void aSpecOverTheSizeLimitIsRefusedWithTheLimit(@ForAll("oversize") int extra) {
        ObjectNode spec = EXAMPLES.get(0).deepCopy();
        spec.put("description", "x".repeat(SizeLimits.MAX_SPEC_BYTES + extra));

        List<SpecViolation> violations = assertVerdict(bytes(spec));

        assertThat(violations).extracting(SpecViolation::rule).containsExactly("spec.size");
    }

    /** Parses and validates; every violation is named; an accepted spec really obeys the name rules. */
    private static List<SpecViolation> assertVerdict(byte[] body) {
        SpecParser.Result parsed = SpecParser.parse(body);
        List<SpecViolation> violations = parsed.ok() ? VALIDATOR.validate(parsed.spec()) : parsed.violations();
        for (SpecViolation v : violations) {
            assertThat(v.path()).as("path of %s", v).isNotBlank();
            assertThat(v.rule()).as("rule of %s", v).isNotBlank();
            assertThat(v.message()).as("message of %s", v).isNotBlank();
        }
        if (violations.isEmpty()) {
            ProjectSpec spec = parsed.spec();
            assertThat(spec.name()).matches(SpecValidator.PROJECT_NAME);
            assertThat(spec.entities()).isNotEmpty().allSatisfy(entity -> {
                assertThat(entity.name()).matches(SpecValidator.ENTITY_NAME);
                entity.fields().forEach(field -> assertThat(field.name()).matches(SpecValidator.MEMBER_NAME));
                entity.relations().forEach(relation -> assertThat(spec.entities())
                        .anySatisfy(target -> assertThat(target.name()).isEqualTo(relation.target())));
            });
        }
        return violations;
    }

    @Provide
    Arbitrary<JsonNode> jsonValues() {
        return jsonValue(4);
    }

    @Provide
    Arbitrary<byte[]> bodies() {
        Arbitrary<byte[]> raw = Arbitraries.bytes().array(byte[].class).ofMaxSize(300);
        Arbitrary<byte[]> text = oddStrings().map(s -> s.getBytes(StandardCharsets.UTF_8));
        return Arbitraries.oneOf(raw, text);
    }

    @Provide
    Arbitrary<Integer> depths() {
        return Arbitraries.integers().between(200, 20_000);
    }

    @Provide
    Arbitrary<Integer> oversize() {
        return Arbitraries.integers().between(1, 1_000_000);
    }

    @Provide
    Arbitrary<JsonNode> mutatedExamples() {
        Arbitrary<JsonNode> example = Arbitraries.of(EXAMPLES);
        Arbitrary<Integer> mutations = Arbitraries.integers().between(1, 4);
        return Combinators.combine(example, mutations, Arbitraries.longs()).as((base, count, seed) -> {
            JsonNode copy = base.deepCopy();
            java.util.Random random = new java.util.Random(seed);
            for (int i = 0; i < count; i++) {
                copy = mutate(copy, random);
            }
            return copy;
        });
    }

    /** One mutation somewhere in the tree: a value replaced, a member removed, an array element doubled. */
    private static JsonNode mutate(JsonNode root, java.util.Random random) {
        List<Tuple.Tuple2<JsonNode, Object>> slots = new ArrayList<>();
        collect(root, slots);
        if (slots.isEmpty()) {
            return randomValue(random, 2);
        }
        var slot = slots.get(random.nextInt(slots.size()));
        JsonNode parent = slot.get1();
        Object key = slot.get2();
        int kind = random.nextInt(4);
        if (parent instanceof ObjectNode object) {
            String name = (String) key;
            switch (kind) {
                case 0 -> object.remove(name);
                case 1 -> object.set(name, randomValue(random, 2));
                case 2 -> object.set(oddString(random), object.get(name));
                default -> object.put(name, oddString(random));
            }
        } else if (parent instanceof ArrayNode array) {
            int index = (Integer) key;
            switch (kind) {
                case 0 -> array.remove(index);
                case 1 -> array.set(index, randomValue(random, 2));
                case 2 -> array.add(array.get(index).deepCopy());
                default -> array.insert(index, NODES.nullNode());
            }
        }
        return root;
    }

    private static void collect(JsonNode node, List<Tuple.Tuple2<JsonNode, Object>> slots) {
        if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> entry = it.next();
                slots.add(Tuple.of(object, entry.getKey()));
                collect(entry.getValue(), slots);
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                slots.add(Tuple.of(array, i));
                collect(array.get(i), slots);
            }
        }
    }

    private static JsonNode randomValue(java.util.Random random, int depth) {
        int kind = random.nextInt(depth > 0 ? 9 : 7);
        return switch (kind) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.booleanNode(random.nextBoolean());
            case 2 -> NODES.numberNode(random.nextLong());
            case 3 -> NODES.numberNode(random.nextDouble() * Math.pow(10, random.nextInt(40) - 20));
            case 4, 5 -> NODES.textNode(oddString(random));
            case 6 -> NODES.textNode("x".repeat(random.nextInt(70_000)));
            case 7 -> {
                ArrayNode array = NODES.arrayNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    array.add(randomValue(random, depth - 1));
                }
                yield array;
            }
            default -> {
                ObjectNode object = NODES.objectNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    object.set(oddString(random), randomValue(random, depth - 1));
                }
                yield object;
            }
        };
    }

    /** Names that bite: reserved words, empty, control characters, lone surrogates, right-to-left, zero width. */
    private static String oddString(java.util.Random random) {
        String[] pool = {"", " ", "id", "createdAt", "order", "user", "class", "Default", "a-b", "9lives", "Todo",
            "todo", "\u0000", "\u202Eevil", "zero\u200Bwidth", "\uD800", "\uDC00x", "😀😀😀", "Ω", "ǅ", "ß", "İ",
            "__proto__", "constructor", "../etc/passwd", "${jndi:x}", "'; drop table runs; --", "a".repeat(64),
            "A".repeat(300)};
        return pool[random.nextInt(pool.length)];
    }

    private static Arbitrary<String> oddStrings() {
        return Arbitraries.strings().all().ofMaxLength(200);
    }

    private static Arbitrary<JsonNode> jsonValue(int depth) {
        Arbitrary<JsonNode> leaf = Arbitraries.oneOf(
                Arbitraries.just(NODES.nullNode()),
                Arbitraries.of(true, false).map(NODES::booleanNode),
                Arbitraries.longs().map(NODES::numberNode),
                Arbitraries.doubles().map(NODES::numberNode),
                oddStrings().map(NODES::textNode));
        if (depth == 0) {
            return leaf;
        }
        Arbitrary<JsonNode> child = Arbitraries.lazy(() -> jsonValue(depth - 1));
        Arbitrary<JsonNode> array = child.list().ofMaxSize(4).map(items -> {
            ArrayNode node = NODES.arrayNode();
            items.forEach(node::add);
            return node;
        });
        Arbitrary<String> keys = Arbitraries.oneOf(Arbitraries.of("name", "stack", "entities", "fields", "relations",
                "type", "values", "target", "kind", "options", "generator", "required", "maxLength", "min", "max"),
                oddStrings());
        Arbitrary<JsonNode> object = Combinators.combine(keys, child).as(Tuple::of).list().ofMaxSize(5).map(pairs -> {
            ObjectNode node = NODES.objectNode();
            pairs.forEach(pair -> node.set(pair.get1(), pair.get2()));
            return node;
        });
        return Arbitraries.frequencyOf(Tuple.of(3, leaf), Tuple.of(2, array), Tuple.of(3, object));
    }

    private static byte[] bytes(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<JsonNode> examples() {
        Path dir = Path.of("..", "examples");
        try (Stream<Path> files = Files.list(dir)) {
            List<JsonNode> specs = new ArrayList<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                specs.add(JSON.readTree(file.toFile()));
            }
            if (specs.isEmpty()) {
                throw new IllegalStateException("no example specs in " + dir.toAbsolutePath());
            }
            return specs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
