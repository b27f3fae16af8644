package dev.forgeline.validation.service;

import java.util.Collection;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The packages a package.json declares (dependencies, devDependencies, optional and peer) and its own name. */
public record PackageManifest(String name, Set<String> declared) {
    /** The path of the project's manifest. */
    public static final String PATH = "package.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] SECTIONS = { "dependencies", "devDependencies", "optionalDependencies",
            "peerDependencies" };

    public PackageManifest {
        declared = Set.copyOf(declared);
    }

    /** The manifest of a package.json's content; empty when it is not a JSON object (json.syntax reports that). */
    public static Optional<PackageManifest> parse(String content) {
        if (content == null) {
            return Optional.empty();
        }
        try {
            JsonNode root = JSON.readTree(content);
            if (root == null || !root.isObject()) {
                return Optional.empty();
            }
            Set<String> declared = new TreeSet<>();
            for (String section : SECTIONS) {
                JsonNode deps = root.get(section);
                if (deps != null && deps.isObject()) {
                    for (Iterator<String> it = deps.fieldNames(); it.hasNext();) {
                        declared.add(it.next());
                    }
                }
            }
            JsonNode name = root.get("name");
            return Optional.of(new PackageManifest(name != null && name.isTextual() ? name.asText() : null, declared));
        } catch (java.io.IOException e) {
            return Optional.empty();
        }
    }

    /** Whether a package may be imported: declared, or the project itself. */
    public boolean allows(String packageName) {
        return declared.contains(packageName) || packageName.equals(name);
    }

    /** The declared names, for messages. */
    Collection<String> names() {
        return declared;
    }
}
