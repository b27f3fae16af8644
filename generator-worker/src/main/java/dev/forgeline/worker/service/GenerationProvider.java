package dev.forgeline.worker.service;

import java.util.List;

import dev.forgeline.contracts.messages.GenerateModule;
import dev.forgeline.contracts.messages.GeneratedFile;

/** Produces the files of one module: the offline templates today, an LLM later. */
public interface GenerationProvider {

    /** The name commands select this provider by ({@code generator.provider}). */
    String name();

    /**
     * Every planned file of the command's module. Throws {@link GenerationException} when the command cannot be
     * served (the exception says whether another attempt could help).
     */
    List<GeneratedFile> generate(GenerateModule command);
}
