package dev.forgeline.validation.service;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import dev.forgeline.contracts.messages.GeneratedFile;
import dev.forgeline.contracts.messages.GenerationOutcome;
import dev.forgeline.contracts.messages.ModuleGenerated;
import dev.forgeline.contracts.messages.ModuleOutcome;
import dev.forgeline.contracts.messages.ModulePlan;
import dev.forgeline.contracts.messages.ModuleStatus;
import dev.forgeline.contracts.messages.PlannedFile;
import dev.forgeline.contracts.messages.RunFile;

/** Builders for module and run messages used by the validator tests. */
final class Fixtures {
    static final UUID RUN = UUID.fromString("0190a5d2-7c3e-7a10-8000-000000000001");

    private Fixtures() {
    }

    static PlannedFile planned(String path) {
        return new PlannedFile(path, false, null, null);
    }

    static PlannedFile critical(String path) {
        return new PlannedFile(path, true, null, null);
    }

    static ModulePlan plan(String module, PlannedFile... files) {
        return new ModulePlan(module, false, List.of(), Arrays.asList(files));
    }

    /** A plan of {@code count} plain JavaScript files src/m/f0.js … */
    static ModulePlan jsPlan(int count, int criticalCount) {
        List<PlannedFile> files = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            files.add(new PlannedFile("src/m/f" + k + ".js", k < criticalCount, null, null));
        }
        return new ModulePlan("m", false, List.of(), files);
    }

    static GeneratedFile file(String path, String content) {
        return GeneratedFile.of(path, content);
    }

    /** A file with good content for its type. */
    static GeneratedFile good(String path) {
        return GeneratedFile.of(path, goodContent(path));
    }

    static String goodContent(String path) {
        return switch (FileType.of(path)) {
            case JAVASCRIPT -> "'use strict';\n\nmodule.exports = { ok: () => true };\n";
            case JSON -> "{\n  \"name\": \"todo-api\",\n  \"version\": \"1.0.0\"\n}\n";
            case SQL -> "CREATE TABLE todos (id uuid PRIMARY KEY);\n";
            case TERRAFORM -> "terraform {\n  required_version = \">= 1.5\"\n}\n";
            case YAML -> "services:\n  api:\n    build: .\n";
            case DOCKERFILE -> "FROM node:20-alpine\nWORKDIR /app\n";
            case MARKDOWN -> "# todo-api\n\n```sh\nnpm test\n```\n";
            default -> "PORT=3000\n";
        };
    }

    static List<GeneratedFile> goodFiles(ModulePlan plan) {
        return plan.files().stream().map(f -> good(f.path())).toList();
    }

    static ModuleGenerated generated(ModulePlan plan, List<GeneratedFile> files) {
        return generated(plan, files, List.of());
    }

    static ModuleGenerated generated(ModulePlan plan, List<GeneratedFile> files, List<String> upstreamPaths) {
        return new ModuleGenerated(RUN + "/" + plan.module() + "/1", RUN, plan.module(), 1, GenerationOutcome.GENERATED,
                null, false, files, plan, upstreamPaths, "template", "worker-1", 42);
    }

    static ModuleGenerated failed(ModulePlan plan, String reason, boolean retryable) {
        return new ModuleGenerated(RUN + "/" + plan.module() + "/2", RUN, plan.module(), 2, GenerationOutcome.FAILED,
                reason, retryable, List.of(), plan, List.of(), "llm", "worker-2", 45_000);
    }

    /** The express-js modules (DESIGN §8) with their critical flag and critical files, for one entity Todo. */
    static final List<ModuleOutcome> EXPRESS = List.of(
            outcome("config", false, ModuleStatus.VALIDATED, "package.json", "src/config/index.js"),
            outcome("docker", false, ModuleStatus.VALIDATED),
            outcome("terraform", false, ModuleStatus.VALIDATED),
            outcome("utils", false, ModuleStatus.VALIDATED, "src/utils/errors.js"),
            outcome("database", true, ModuleStatus.VALIDATED, "src/db/pool.js", "migrations/001_init.sql"),
            outcome("models", true, ModuleStatus.VALIDATED, "src/models/todo.js"),
            outcome("services", true, ModuleStatus.VALIDATED, "src/services/todoService.js"),
            outcome("handlers", true, ModuleStatus.VALIDATED, "src/handlers/todoHandler.js"),
            outcome("routes", true, ModuleStatus.VALIDATED, "src/routes/todo.js", "src/app.js"));

    static ModuleOutcome outcome(String module, boolean critical, ModuleStatus status, String... criticalFiles) {
        return new ModuleOutcome(module, status, critical, 1, List.of(criticalFiles),
                status == ModuleStatus.VALIDATED ? Math.max(1, criticalFiles.length) : 0, null);
    }

    /** The final file set of a fully validated express-js run: every critical file, imports that resolve. */
    static List<RunFile> expressFiles() {
        List<RunFile> files = new ArrayList<>();
        files.add(runFile("config", "package.json",
                "{\"name\":\"todo-api\",\"dependencies\":{\"express\":\"^4.21.0\",\"pg\":\"^8.13.0\"}}"));
        files.add(runFile("config", "src/config/index.js", "module.exports = { port: 3000 };\n"));
        files.add(runFile("docker", "Dockerfile", "FROM node:20\n"));
        files.add(runFile("terraform", "terraform/main.tf", "terraform {}\n"));
        files.add(runFile("utils", "src/utils/errors.js", "class NotFound extends Error {}\nmodule.exports = { NotFound };\n"));
        files.add(runFile("database", "src/db/pool.js",
                "const { Pool } = require('pg');\nconst config = require('../config');\nmodule.exports = new Pool(config);\n"));
        files.add(runFile("database", "migrations/001_init.sql", "CREATE TABLE todos (id uuid);\n"));
        files.add(runFile("models", "src/models/todo.js", "const pool = require('../db/pool');\nmodule.exports = {};\n"));
        files.add(runFile("services", "src/services/todoService.js",
                "const Todo = require('../models/todo');\nconst { NotFound } = require('../utils/errors');\n"));
        files.add(runFile("handlers", "src/handlers/todoHandler.js", "const s = require('../services/todoService');\n"));
        files.add(runFile("routes", "src/routes/todo.js", "const h = require('../handlers/todoHandler.js');\n"));
        files.add(runFile("routes", "src/app.js", "const express = require('express');\nconst todo = require('./routes/todo');\n"));
        return files;
    }

    static RunFile runFile(String module, String path, String content) {
        return new RunFile(module, path, content, GeneratedFile.sha256(content));
    }
}
