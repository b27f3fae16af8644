package dev.forgeline.stacks.expressjs;

import java.nio.charset.StandardCharsets;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.forgeline.contracts.SizeLimits;
import dev.forgeline.contracts.spec.EntitySpec;
import dev.forgeline.contracts.spec.FieldSpec;
import dev.forgeline.contracts.spec.FieldType;
import dev.forgeline.stacks.render.ColumnModel;
import dev.forgeline.stacks.render.EntityModel;
import dev.forgeline.stacks.render.ProjectModel;
import dev.forgeline.stacks.render.RelationModel;

/**
 * The OpenAPI 3.1 document of a generated express-js project, built from the spec: every entity as a record, an
 * input and a patch schema with the spec's constraints (the app validates requests with these very schemas through
 * ajv), list parameters (pagination, sort, equality and range filters), relation routes, and every error response
 * as RFC 9457 problem details. Deterministic: the same model gives the same text.
 */
public final class OpenApiDocument {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final long INT_MIN = Integer.MIN_VALUE;
    private static final long INT_MAX = Integer.MAX_VALUE;
    /** BIGINT values are JSON integers JavaScript represents exactly. */
    private static final long SAFE = 9007199254740991L;
    static final String DECIMAL_PATTERN = "^-?\\d+(\\.\\d+)?$";
    private static final String PROBLEM = "application/problem+json";
    private static final String JSON = "application/json";

    /**
     * Field names that OpenAPI linters (Redocly, Spectral) call as methods on the objects they walk: as keys of
     * {@code properties} they crash the linter, so these fields are declared as {@code patternProperties}
     * ({@code ^name$}), which means the same to a JSON Schema validator.
     */
    static final java.util.Set<String> LINTER_UNSAFE = java.util.Set.of("hasOwnProperty", "isPrototypeOf",
            "propertyIsEnumerable");

    private final ProjectModel project;

    private OpenApiDocument(ProjectModel project) {
        this.project = project;
    }

    /** Whether a field of the project is declared as a pattern property (see {@link #LINTER_UNSAFE}). */
    public static boolean hasPatternFields(ProjectModel project) {
        return project.spec().entities().stream().flatMap(e -> e.fields().stream())
                .anyMatch(f -> LINTER_UNSAFE.contains(f.name()));
    }

    /**
     * The document as pretty-printed JSON ending with a newline; on one line when pretty-printed it would exceed the
     * per-file limit ({@link SizeLimits#MAX_FILE_BYTES}), as it does from about 50 entities of 7 fields, where the
     * indentation is half of the bytes. Beyond about twice that even the compact document is over the limit and the
     * module fails naming the file and the limit.
     */
    public static String json(ProjectModel project) {
        ObjectNode doc = new OpenApiDocument(project).build();
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        try {
            String pretty = MAPPER.writer(printer).writeValueAsString(doc).replace("\" : ", "\": ") + "\n";
            if (pretty.getBytes(StandardCharsets.UTF_8).length <= SizeLimits.MAX_FILE_BYTES) {
                return pretty;
            }
            return MAPPER.writeValueAsString(doc) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the OpenAPI document", e);
        }
    }

    private ObjectNode build() {
        ObjectNode doc = NODES.objectNode();
        doc.put("openapi", "3.1.0");
        ObjectNode info = doc.putObject("info");
        info.put("title", project.name());
        info.put("version", "1.0.0");
        info.put("description", (project.hasDescription() ? project.description() + "\n\n" : "")
                + "Errors are RFC 9457 problem details (application/problem+json). Decimal values are strings, to keep"
                + " their precision; long values are JSON integers within +/-(2^53-1).");
        info.putObject("license").put("name", "UNLICENSED").put("identifier", "UNLICENSED");
        doc.putArray("servers").addObject().put("url", "/").put("description", "the server serving this document");
        ArrayNode tags = doc.putArray("tags");
        tags.addObject().put("name", "system").put("description", "health and API description");
        for (EntityModel e : project.entities()) {
            EntitySpec spec = project.entitySpec(e.name());
            tags.addObject().put("name", e.name()).put("description",
                    spec.description() == null || spec.description().isBlank() ? e.name() + " records"
                            : spec.description());
        }
        ObjectNode paths = doc.putObject("paths");
        systemPaths(paths);
        ObjectNode components = NODES.objectNode();
        ObjectNode schemas = components.putObject("schemas");
        problemSchemas(schemas);
        for (EntityModel e : project.entities()) {
            entitySchemas(e, schemas);
            entityPaths(e, paths);
        }
        components.set("parameters", commonParameters());
        components.set("responses", problemResponses(project.auth()));
        components.putObject("headers").putObject("RequestId")
                .put("description", "the request id (taken from the request's X-Request-Id when given)")
                .putObject("schema").put("type", "string");
        if (project.auth()) {
            components.putObject("securitySchemes").putObject("bearerAuth").put("type", "http")
                    .put("scheme", "bearer").put("bearerFormat", "JWT")
                    .put("description", "an HS256 JWT signed with the server's JWT_SECRET; required by writes");
        }
        doc.set("components", components);
        return doc;
    }

    // ------------------------------------------------------------------------------------------------- schemas

    private void problemSchemas(ObjectNode schemas) {
        ObjectNode problem = schemas.putObject("Problem");
        problem.put("type", "object");
        problem.put("description", "RFC 9457 problem details");
        problem.putArray("required").add("type").add("title").add("status");
        ObjectNode p = problem.putObject("properties");
        p.putObject("type").put("type", "string").put("format", "uri-reference");
        p.putObject("title").put("type", "string");
        p.putObject("status").put("type", "integer").put("minimum", 400).put("maximum", 599);
        p.putObject("detail").put("type", "string");
        p.putObject("instance").put("type", "string");
        p.putObject("code").put("type", "string").put("description", "a stable machine-readable error code");
        ObjectNode errors = p.putObject("errors");
        errors.put("type", "array");
        errors.put("description", "what was wrong, one entry per field (or constraint)");
        ObjectNode item = errors.putObject("items");
        item.put("type", "object");
        item.putArray("required").add("message");
        ObjectNode ip = item.putObject("properties");
        ip.putObject("field").put("type", "string");
        ip.putObject("constraint").put("type", "string");
        ip.putObject("message").put("type", "string");
    }

    private void entitySchemas(EntityModel e, ObjectNode schemas) {
        EntitySpec spec = project.entitySpec(e.name());
        ObjectNode record = schemas.putObject(e.name());
        record.put("type", "object");
        record.put("additionalProperties", false);
        ArrayNode required = record.putArray("required").add("id");
        ObjectNode props = record.putObject("properties");
        props.set("id", uuid(false).put("readOnly", true));
        for (FieldSpec f : spec.fields()) {
            property(record, f.name(), output(f));
            required.add(f.name());
        }
        for (RelationModel r : e.references()) {
            props.set(r.fieldName(), uuid(!r.required()).put("description", "id of the " + r.target()));
            required.add(r.fieldName());
        }
        props.set("createdAt", NODES.objectNode().put("type", "string").put("format", "date-time")
                .put("readOnly", true));
        props.set("updatedAt", NODES.objectNode().put("type", "string").put("format", "date-time")
                .put("readOnly", true));
        required.add("createdAt").add("updatedAt");

        schemas.set(e.name() + "Input", input(e, spec, true));
        schemas.set(e.name() + "Patch", input(e, spec, false));

        ObjectNode page = schemas.putObject(e.name() + "Page");
        page.put("type", "object");
        page.put("additionalProperties", false);
        page.putArray("required").add("data").add("pagination");
        ObjectNode pp = page.putObject("properties");
        pp.putObject("data").put("type", "array").putObject("items").put("$ref", ref(e.name()));
        ObjectNode pagination = pp.putObject("pagination");
        pagination.put("type", "object");
        pagination.put("additionalProperties", false);
        pagination.putArray("required").add("limit").add("offset");
        ObjectNode pg = pagination.putObject("properties");
        pg.putObject("limit").put("type", "integer").put("minimum", 1).put("maximum", 100);
        pg.putObject("offset").put("type", "integer").put("minimum", 0);
        pg.putObject("total").put("type", "integer").put("minimum", 0)
                .put("description", "how many records match (lists of an entity; absent on relation lists)");
    }

    /** The writable fields with their constraints: a create/replace body ({@code complete}) or a PATCH body. */
    private ObjectNode input(EntityModel e, EntitySpec spec, boolean complete) {
        ObjectNode schema = NODES.objectNode();
        schema.put("type", "object");
        schema.put("description", complete
                ? "a complete " + e.name() + ": absent optional fields are null; id, createdAt and updatedAt are ignored"
                : "the fields to change; id, createdAt and updatedAt are ignored");
        schema.put("additionalProperties", false);
        ArrayNode required = NODES.arrayNode();
        ObjectNode props = schema.putObject("properties");
        for (FieldSpec f : spec.fields()) {
            property(schema, f.name(), input(f));
            if (f.isRequired()) {
                required.add(f.name());
            }
        }
        for (RelationModel r : e.references()) {
            props.set(r.fieldName(), uuid(!r.required()).put("description", "id of an existing " + r.target()));
            if (r.required()) {
                required.add(r.fieldName());
            }
        }
        for (String readOnly : List.of("id", "createdAt", "updatedAt")) {
            props.putObject(readOnly).put("description", "read-only: ignored when sent");
        }
        if (complete && !required.isEmpty()) {
            schema.set("required", required);
        }
        return schema;
    }

    /** Declares a property of an object schema (see {@link #LINTER_UNSAFE}). */
    private static void property(ObjectNode objectSchema, String name, ObjectNode value) {
        if (LINTER_UNSAFE.contains(name)) {
            ObjectNode patterns = objectSchema.has("patternProperties")
                    ? (ObjectNode) objectSchema.get("patternProperties") : objectSchema.putObject("patternProperties");
            patterns.set("^" + name + "$", value);
        } else {
            ((ObjectNode) objectSchema.get("properties")).set(name, value);
        }
    }

    /** A request value of the field: every constraint of the spec. */
    private static ObjectNode input(FieldSpec f) {
        FieldType type = f.fieldType();
        boolean nullable = !f.isRequired();
        if (type == FieldType.DECIMAL) {
            ObjectNode s = NODES.objectNode();
            ArrayNode types = s.putArray("type").add("string").add("number");
            if (nullable) {
                types.add("null");
            }
            s.put("description", "a decimal number; send it as a string to keep every digit (x-minimum and"
                    + " x-maximum bound the string form as minimum and maximum bound the number form)");
            s.put("format", "decimal");
            s.put("pattern", DECIMAL_PATTERN);
            if (f.min() != null) {
                s.set("minimum", number(f.min()));
                s.set("x-minimum", number(f.min()));
            }
            if (f.max() != null) {
                s.set("maximum", number(f.max()));
                s.set("x-maximum", number(f.max()));
            }
            return s;
        }
        return value(f, nullable, true);
    }

    /** A response value of the field. */
    private static ObjectNode output(FieldSpec f) {
        if (f.fieldType() == FieldType.DECIMAL) {
            ObjectNode s = typed("string", !f.isRequired());
            s.put("description", "a decimal number as a string (every digit kept)");
            s.put("format", "decimal");
            s.put("pattern", DECIMAL_PATTERN);
            return s;
        }
        return value(f, !f.isRequired(), true);
    }

    /** The JSON Schema of a field's non-decimal value, with its constraints when {@code constrained}. */
    private static ObjectNode value(FieldSpec f, boolean nullable, boolean constrained) {
        FieldType type = f.fieldType();
        ObjectNode s;
        switch (type) {
            case STRING, TEXT -> {
                s = typed("string", nullable);
                if (constrained) {
                    if (f.minLength() != null) {
                        s.put("minLength", f.minLength());
                    }
                    if (f.maxLength() != null) {
                        s.put("maxLength", f.maxLength());
                    }
                    if (f.pattern() != null) {
                        s.put("pattern", f.pattern());
                    }
                }
            }
            case INTEGER -> {
                s = typed("integer", nullable).put("format", "int32");
                range(s, f, INT_MIN, INT_MAX, constrained);
            }
            case LONG -> {
                s = typed("integer", nullable).put("format", "int64");
                range(s, f, -SAFE, SAFE, constrained);
            }
            case DECIMAL -> s = typed("string", nullable).put("format", "decimal").put("pattern", DECIMAL_PATTERN);
            case BOOLEAN -> s = typed("boolean", nullable);
            case DATE -> s = typed("string", nullable).put("format", "date");
            case DATETIME -> s = typed("string", nullable).put("format", "date-time")
                    .put("description", "RFC 3339 date-time with an offset (Z or +hh:mm)");
            case UUID -> s = typed("string", nullable).put("format", "uuid");
            case JSON -> {
                s = NODES.objectNode().put("description", "any JSON value");
                if (!nullable) {
                    s.putArray("type").add("object").add("array").add("string").add("number").add("boolean");
                }
            }
            case ENUM -> {
                s = typed("string", nullable);
                ArrayNode values = s.putArray("enum");
                f.values().forEach(values::add);
                if (nullable) {
                    values.addNull();
                }
            }
            default -> throw new IllegalStateException("type " + type);
        }
        return s;
    }

    private static void range(ObjectNode s, FieldSpec f, long lowest, long highest, boolean constrained) {
        double min = constrained && f.min() != null ? Math.max(Math.ceil(f.min()), lowest) : lowest;
        double max = constrained && f.max() != null ? Math.min(Math.floor(f.max()), highest) : highest;
        s.put("minimum", (long) min);
        s.put("maximum", (long) max);
    }

    private static ObjectNode typed(String type, boolean nullable) {
        ObjectNode s = NODES.objectNode();
        if (nullable) {
            s.putArray("type").add(type).add("null");
        } else {
            s.put("type", type);
        }
        return s;
    }

    private static ObjectNode uuid(boolean nullable) {
        return typed("string", nullable).put("format", "uuid");
    }

    private static com.fasterxml.jackson.databind.JsonNode number(double value) {
        BigDecimal d = BigDecimal.valueOf(value).stripTrailingZeros();
        return d.scale() <= 0 ? NODES.numberNode(d.longValueExact()) : NODES.numberNode(d);
    }

    // --------------------------------------------------------------------------------------------------- paths

    /** GET of a system path, open to everyone and rate limited: its responses object, 429 already in it. */
    private static ObjectNode systemGet(ObjectNode paths, String path, String operationId, String summary) {
        ObjectNode op = paths.putObject(path).putObject("get");
        op.put("operationId", operationId).put("summary", summary);
        op.putArray("tags").add("system");
        op.putArray("security");
        ObjectNode responses = op.putObject("responses");
        responses.putObject("429").put("$ref", "#/components/responses/TooManyRequests");
        return responses;
    }

    private void systemPaths(ObjectNode paths) {
        ObjectNode hr = systemGet(paths, "/health", "health", "whether the server and its database are up");
        hr.set("200", jsonResponse("up", healthSchema("ok", "up")));
        hr.set("503", jsonResponse("the database is unreachable", healthSchema("unavailable", "down")));

        ObjectNode dr = systemGet(paths, "/openapi.json", "openapi", "this document");
        dr.set("200", jsonResponse("the OpenAPI document", NODES.objectNode().put("type", "object")));

        ObjectNode ur = systemGet(paths, "/docs", "docs", "interactive documentation of this API (Swagger UI)");
        ObjectNode page = ur.putObject("200");
        page.put("description", "the Swagger UI page (served at /docs/)");
        page.putObject("content").putObject("text/html").putObject("schema").put("type", "string");
        ObjectNode redirect = ur.putObject("301");
        redirect.put("description", "a redirect to /docs/");
        redirect.putObject("headers").putObject("Location").put("description", "/docs/").putObject("schema")
                .put("type", "string");
        redirect.putObject("content").putObject("text/html").putObject("schema").put("type", "string");
    }

    private static ObjectNode healthSchema(String status, String database) {
        ObjectNode s = NODES.objectNode();
        s.put("type", "object");
        s.put("additionalProperties", false);
        s.putArray("required").add("status").add("database");
        ObjectNode p = s.putObject("properties");
        p.putObject("status").put("const", status);
        p.putObject("database").put("const", database);
        return s;
    }

    private void entityPaths(EntityModel e, ObjectNode paths) {
        String base = "/api/" + e.route();
        ObjectNode collection = paths.putObject(base);
        ObjectNode list = operation(collection, "get", "list" + e.pluralName(), e.name(),
                "a page of " + e.pluralName() + ", filtered and sorted", false);
        ArrayNode params = list.putArray("parameters");
        params.addObject().put("$ref", "#/components/parameters/limit");
        params.addObject().put("$ref", "#/components/parameters/offset");
        params.add(sortParameter(e));
        for (ColumnModel c : e.filterColumns()) {
            FilterKind kind = filterKind(e, c);
            params.add(query(c.field(), "only records whose " + c.field() + " equals this value", kind.schema));
            if (kind.ranged) {
                params.add(query(c.field() + "[gte]", "only records whose " + c.field() + " is at least this value",
                        kind.schema.deepCopy()));
                params.add(query(c.field() + "[lte]", "only records whose " + c.field() + " is at most this value",
                        kind.schema.deepCopy()));
            }
        }
        ObjectNode lr = responses(list, false, false);
        lr.set("200", jsonResponse("a page of " + e.pluralName(), refSchema(e.name() + "Page")));
        lr.putObject("400").put("$ref", "#/components/responses/BadRequest");

        ObjectNode create = operation(collection, "post", "create" + e.name(), e.name(), "creates a " + e.name(),
                true);
        body(create, e.name() + "Input");
        ObjectNode cr = responses(create, true, true);
        ObjectNode created = jsonResponse("the created " + e.name(), refSchema(e.name()));
        created.putObject("headers").putObject("Location").put("description", "the URL of the created record")
                .putObject("schema").put("type", "string");
        cr.set("201", created);
        cr.putObject("400").put("$ref", "#/components/responses/BadRequest");
        cr.putObject("409").put("$ref", "#/components/responses/Conflict");

        ObjectNode item = paths.putObject(base + "/{id}");
        item.putArray("parameters").add(pathId("id", e.name()));
        ObjectNode get = operation(item, "get", "get" + e.name(), e.name(), "one " + e.name(), false);
        ObjectNode gr = responses(get, false, false);
        gr.set("200", jsonResponse("the " + e.name(), refSchema(e.name())));
        notFoundAndBadId(gr);

        ObjectNode replace = operation(item, "put", "replace" + e.name(), e.name(),
                "replaces every writable field of a " + e.name(), true);
        body(replace, e.name() + "Input");
        ObjectNode rr = responses(replace, true, true);
        rr.set("200", jsonResponse("the replaced " + e.name(), refSchema(e.name())));
        notFoundAndBadId(rr);
        rr.putObject("409").put("$ref", "#/components/responses/Conflict");

        ObjectNode patch = operation(item, "patch", "update" + e.name(), e.name(),
                "changes the given fields of a " + e.name(), true);
        body(patch, e.name() + "Patch");
        ObjectNode ur = responses(patch, true, true);
        ur.set("200", jsonResponse("the updated " + e.name(), refSchema(e.name())));
        notFoundAndBadId(ur);
        ur.putObject("409").put("$ref", "#/components/responses/Conflict");

        ObjectNode delete = operation(item, "delete", "delete" + e.name(), e.name(), "deletes a " + e.name(), true);
        ObjectNode dr = responses(delete, true, false);
        dr.putObject("204").put("description", "deleted");
        notFoundAndBadId(dr);
        dr.putObject("409").put("$ref", "#/components/responses/Conflict");

        for (RelationModel m : e.manyToMany()) {
            String links = base + "/{id}/" + m.segment();
            ObjectNode linkList = paths.putObject(links);
            linkList.putArray("parameters").add(pathId("id", e.name()));
            ObjectNode ll = operation(linkList, "get", "list" + e.name() + m.pascalName(), e.name(),
                    "the " + m.target() + " records linked as " + m.name(), false);
            ArrayNode lp = ll.putArray("parameters");
            lp.addObject().put("$ref", "#/components/parameters/limit");
            lp.addObject().put("$ref", "#/components/parameters/offset");
            ObjectNode llr = responses(ll, false, false);
            llr.set("200", jsonResponse("a page of linked " + m.target() + " records", refSchema(m.target() + "Page")));
            notFoundAndBadId(llr);

            ObjectNode link = paths.putObject(links + "/{" + m.targetVar() + "Id}");
            ArrayNode lkp = link.putArray("parameters");
            lkp.add(pathId("id", e.name()));
            lkp.add(pathId(m.targetVar() + "Id", m.target()));
            ObjectNode add = operation(link, "put", "add" + e.name() + m.pascalName(), e.name(),
                    "links a " + m.target() + " (idempotent)", true);
            ObjectNode ar = responses(add, true, false);
            ar.putObject("204").put("description", "linked");
            notFoundAndBadId(ar);
            ObjectNode remove = operation(link, "delete", "remove" + e.name() + m.pascalName(), e.name(),
                    "unlinks a " + m.target(), true);
            ObjectNode rmr = responses(remove, true, false);
            rmr.putObject("204").put("description", "unlinked");
            notFoundAndBadId(rmr);
        }
    }

    private record FilterKind(ObjectNode schema, boolean ranged) {
    }

    /** The query schema of a filter on the column: the field's plain type, ranges on numbers and dates. */
    private FilterKind filterKind(EntityModel e, ColumnModel c) {
        EntitySpec spec = project.entitySpec(e.name());
        FieldSpec field = spec.fields().stream().filter(f -> f.name().equals(c.field())).findFirst().orElse(null);
        if (field == null) {
            return new FilterKind(uuid(false), false);
        }
        FieldType type = field.fieldType();
        boolean ranged = switch (type) {
            case INTEGER, LONG, DECIMAL, DATE, DATETIME -> true;
            default -> false;
        };
        ObjectNode schema = switch (type) {
            case STRING, TEXT -> NODES.objectNode().put("type", "string");
            case INTEGER -> NODES.objectNode().put("type", "integer").put("format", "int32")
                    .put("minimum", INT_MIN).put("maximum", INT_MAX);
            case LONG -> NODES.objectNode().put("type", "integer").put("format", "int64")
                    .put("minimum", -SAFE).put("maximum", SAFE);
            default -> value(field, false, false);
        };
        return new FilterKind(schema, ranged);
    }

    private ObjectNode sortParameter(EntityModel e) {
        ObjectNode schema = NODES.objectNode().put("type", "string").put("default", "createdAt");
        ArrayNode values = schema.putArray("enum");
        List<String> names = new ArrayList<>(List.of("id", "createdAt", "updatedAt"));
        e.filterColumns().forEach(c -> names.add(c.field()));
        for (String name : names) {
            values.add(name);
            values.add("-" + name);
        }
        return query("sort", "the field to order by, ascending; with a leading '-' descending (ties by id)", schema);
    }

    private static ObjectNode query(String name, String description, ObjectNode schema) {
        ObjectNode p = NODES.objectNode();
        p.put("name", name).put("in", "query").put("required", false).put("description", description);
        p.set("schema", schema);
        return p;
    }

    private static ObjectNode pathId(String name, String entity) {
        ObjectNode p = NODES.objectNode();
        p.put("name", name).put("in", "path").put("required", true).put("description", "the id of the " + entity);
        p.set("schema", uuid(false));
        return p;
    }

    private ObjectNode operation(ObjectNode path, String method, String operationId, String tag, String summary,
            boolean write) {
        ObjectNode op = path.putObject(method);
        op.put("operationId", operationId);
        op.put("summary", summary);
        op.putArray("tags").add(tag);
        if (write && project.auth()) {
            op.putArray("security").addObject().putArray("bearerAuth");
        } else {
            op.putArray("security");
        }
        return op;
    }

    private static void body(ObjectNode op, String schema) {
        ObjectNode body = op.putObject("requestBody");
        body.put("required", true);
        body.putObject("content").putObject(JSON).set("schema", refSchema(schema));
    }

    /** The responses every operation can give: 429 and 500, and 401 / 413 for writes. */
    private ObjectNode responses(ObjectNode op, boolean write, boolean hasBody) {
        ObjectNode r = op.putObject("responses");
        if (write && project.auth()) {
            r.putObject("401").put("$ref", "#/components/responses/Unauthorized");
        }
        if (hasBody) {
            r.putObject("413").put("$ref", "#/components/responses/PayloadTooLarge");
        }
        r.putObject("429").put("$ref", "#/components/responses/TooManyRequests");
        r.putObject("500").put("$ref", "#/components/responses/InternalError");
        return r;
    }

    private static void notFoundAndBadId(ObjectNode responses) {
        responses.putObject("400").put("$ref", "#/components/responses/BadRequest");
        responses.putObject("404").put("$ref", "#/components/responses/NotFound");
    }

    private static ObjectNode commonParameters() {
        ObjectNode params = NODES.objectNode();
        params.set("limit", query("limit", "page size", NODES.objectNode().put("type", "integer").put("minimum", 1)
                .put("maximum", 100).put("default", 20)));
        params.set("offset", query("offset", "records to skip", NODES.objectNode().put("type", "integer")
                .put("minimum", 0).put("maximum", SAFE).put("default", 0)));
        return params;
    }

    private static ObjectNode problemResponses(boolean auth) {
        ObjectNode r = NODES.objectNode();
        r.set("BadRequest", problem("the request is not valid: the errors name each field"));
        if (auth) {
            r.set("Unauthorized", problem("a valid Bearer token is required"));
        }
        r.set("NotFound", problem("no such record"));
        r.set("Conflict", problem("a unique value is taken, or the record is still referenced"));
        r.set("PayloadTooLarge", problem("the request body is larger than the configured limit"));
        r.set("TooManyRequests", problem("rate limit exceeded; retry later"));
        r.set("InternalError", problem("an unexpected failure (logged with the request id)"));
        return r;
    }

    private static ObjectNode problem(String description) {
        ObjectNode response = NODES.objectNode();
        response.put("description", description);
        response.putObject("headers").putObject("X-Request-Id").put("$ref", "#/components/headers/RequestId");
        response.putObject("content").putObject(PROBLEM).set("schema", refSchema("Problem"));
        return response;
    }

    private static ObjectNode jsonResponse(String description, ObjectNode schema) {
        ObjectNode response = NODES.objectNode();
        response.put("description", description);
        response.putObject("content").putObject(JSON).set("schema", schema);
        return response;
    }

    private static ObjectNode refSchema(String name) {
        return NODES.objectNode().put("$ref", ref(name));
    }

    private static String ref(String name) {
        return "#/components/schemas/" + name;
    }
}
