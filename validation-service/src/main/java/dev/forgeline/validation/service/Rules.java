package dev.forgeline.validation.service;

/** The rule ids carried by {@link dev.forgeline.contracts.messages.ValidationIssue#rule()} (DESIGN §4). */
public final class Rules {
    /** The generator could not produce the module. */
    public static final String GENERATION_FAILED = "generation.failed";
    /** The module message carried no plan to validate against. */
    public static final String PLAN_MISSING = "plan.missing";
    /** Fewer planned files present than the minimum coverage. */
    public static final String COVERAGE_LOW = "coverage.low";
    /** A critical planned file is absent (module), or absent from the final file set (run). */
    public static final String CRITICAL_MISSING = "critical.missing";
    /** A Markdown code fence in a code file. */
    public static final String FENCE_MARKDOWN = "fence.markdown";
    /** An empty or whitespace-only file. */
    public static final String FILE_EMPTY = "file.empty";
    /** A JSON file that does not parse. */
    public static final String JSON_SYNTAX = "json.syntax";
    /** A JavaScript file the ECMAScript 2022 parser rejects. */
    public static final String JS_SYNTAX = "js.syntax";
    /** A YAML file that does not parse, or whose document is a bare string. */
    public static final String YAML_SYNTAX = "yaml.syntax";
    /** An SQL statement the PostgreSQL-dialect parser rejects. */
    public static final String SQL_SYNTAX = "sql.syntax";
    /** A Terraform (HCL) file that does not parse or whose blocks and attributes are malformed. */
    public static final String HCL_SYNTAX = "hcl.syntax";
    /** A Dockerfile that breaks the instruction grammar. */
    public static final String DOCKERFILE_SYNTAX = "dockerfile.syntax";
    /** A .env line that is not {@code KEY=VALUE}, a comment or blank. */
    public static final String ENV_SYNTAX = "env.syntax";
    /** A .env key written twice (warning). */
    public static final String ENV_DUPLICATE = "env.duplicate";
    /** Prose (an assistant's sentence) at the top of a code file. */
    public static final String PROSE = "prose";
    /** A package import (bare specifier, not a Node built-in) that package.json does not declare. */
    public static final String IMPORT_UNDECLARED = "import.undeclared";
    /** A relative require/import that resolves to no file. */
    public static final String IMPORT_UNRESOLVED = "import.unresolved";
    /** A path that is absolute, climbs out with {@code ..}, or holds a backslash, NUL or control character. */
    public static final String PATH_UNSAFE = "path.unsafe";
    /** The same path twice within one module. */
    public static final String PATH_DUPLICATE = "path.duplicate";
    /** The same path written by two modules of a run. */
    public static final String PATH_CONFLICT = "path.conflict";
    /** A file over {@link dev.forgeline.contracts.SizeLimits#MAX_FILE_BYTES}. */
    public static final String FILE_SIZE = "file.size";
    /** A module over {@link dev.forgeline.contracts.SizeLimits#MAX_MODULE_BYTES}. */
    public static final String MODULE_SIZE = "module.size";
    /** A file the plan does not ask for (warning). */
    public static final String FILE_UNPLANNED = "file.unplanned";
    /**
     * Placeholder code left by a generator: "TODO: implement", "... existing code ...", {@code throw new
     * Error('not implemented')}, or an empty function declaration or method body.
     */
    public static final String PLACEHOLDER = "placeholder";
    /** More issues than one record carries; the rest were dropped (warning). */
    public static final String ISSUES_TRUNCATED = "issues.truncated";
    /** The run's module success rate is below the minimum. */
    public static final String RUN_SUCCESS_RATE = "run.success-rate";
    /** A critical module of the run did not reach VALIDATED. */
    public static final String CRITICAL_MODULE = "critical.module";
    /** The run has no modules at all. */
    public static final String RUN_EMPTY = "run.empty";

    private Rules() {
    }
}
