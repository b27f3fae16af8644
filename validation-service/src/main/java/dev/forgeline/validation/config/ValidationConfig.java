package dev.forgeline.validation.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The validator's thresholds and topic settings ({@code forgeline.validation.*}, DESIGN §4). */
@ConfigMapping(prefix = "forgeline.validation")
public interface ValidationConfig {

    /** Module rules. */
    ModuleRules module();

    /** Run rules. */
    RunRules run();

    /** Partition count of the topics created at start-up. */
    @WithDefault("12")
    int partitions();

    /** Module rules. */
    interface ModuleRules {
        /** Share of the planned files a module must produce, 0..1. */
        @WithDefault("0.90")
        double minCoverage();

        /** Whether a function declaration or method with an empty body is a {@code placeholder} error. */
        @WithDefault("true")
        boolean emptyFunctionBodies();

        /**
         * Whether package imports are checked against package.json at module level (only possible for the module
         * that writes package.json: the others see upstream paths, not contents; the run level checks them all).
         */
        @WithDefault("true")
        boolean checkPackages();
    }

    /** Run rules. */
    interface RunRules {
        /** Share of the modules that must be VALIDATED, 0..1. */
        @WithDefault("0.95")
        double minSuccessRate();

        /** Whether every package import of the final file set must be declared in its package.json. */
        @WithDefault("true")
        boolean checkPackages();
    }
}
