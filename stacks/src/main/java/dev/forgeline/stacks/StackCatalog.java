package dev.forgeline.stacks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The stacks on the classpath, listed in {@code stacks/index.json}, each defined by {@code stacks/<name>/stack.json}.
 * Adding a stack is adding a folder: no scheduler code changes.
 */
public final class StackCatalog {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static volatile StackCatalog defaultCatalog;

    private final Map<String, StackDefinition> stacks;

    private StackCatalog(Map<String, StackDefinition> stacks) {
        this.stacks = Map.copyOf(stacks);
    }

    /** The catalog of the stacks bundled on the classpath, loaded once and checked for consistency. */
    public static StackCatalog load() {
        StackCatalog catalog = defaultCatalog;
        if (catalog == null) {
            synchronized (StackCatalog.class) {
                if (defaultCatalog == null) {
                    defaultCatalog = loadFrom(StackCatalog.class.getClassLoader());
                }
                catalog = defaultCatalog;
            }
        }
        return catalog;
    }

    static StackCatalog loadFrom(ClassLoader loader) {
        List<String> names = read(loader, "stacks/index.json", new TypeReference<>() {
        });
        Map<String, StackDefinition> stacks = new LinkedHashMap<>();
        for (String name : names) {
            StackDefinition def = read(loader, "stacks/" + name + "/stack.json", new TypeReference<>() {
            });
            if (!name.equals(def.name())) {
                throw new IllegalStateException("stacks/" + name + "/stack.json names itself '" + def.name() + "'");
            }
            StackPlanner.checkConsistent(def);
            stacks.put(name, def);
        }
        return new StackCatalog(stacks);
    }

    private static <T> T read(ClassLoader loader, String resource, TypeReference<T> type) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing stack resource " + resource);
            }
            return MAPPER.readValue(in, type);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read stack resource " + resource, e);
        }
    }

    public Set<String> names() {
        return stacks.keySet();
    }

    public Optional<StackDefinition> find(String name) {
        return Optional.ofNullable(name == null ? null : stacks.get(name));
    }

    public StackDefinition get(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException("unknown stack " + name));
    }
}
