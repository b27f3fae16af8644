package dev.forgeline.e2e.kubernetes;

import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The resources of one rendered kustomization, with the lookups the manifest tests need. */
final class Manifests {
    final String source;
    final List<Map<String, Object>> resources;

    private Manifests(String source, List<Map<String, Object>> resources) {
        this.source = source;
        this.resources = resources;
    }

    /** Parses a multi-document YAML stream; every document must be a mapping with apiVersion and kind. */
    static Manifests parse(String source, String yaml) {
        List<Map<String, Object>> resources = new ArrayList<>();
        for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(yaml)) {
            if (document == null) {
                continue;
            }
            if (!(document instanceof Map<?, ?> map) || !map.containsKey("apiVersion") || !map.containsKey("kind")) {
                throw new IllegalStateException(source + ": a document is not a resource with apiVersion and kind: "
                        + document);
            }
            resources.add(cast(map));
        }
        return new Manifests(source, resources);
    }

    List<Map<String, Object>> ofKind(String kind) {
        return resources.stream().filter(r -> kind.equals(r.get("kind"))).toList();
    }

    Optional<Map<String, Object>> find(String kind, String name) {
        return ofKind(kind).stream().filter(r -> name.equals(str(r, "metadata", "name"))).findFirst();
    }

    Map<String, Object> get(String kind, String name) {
        return find(kind, name).orElseGet(() -> fail(source + " has no " + kind + " " + name));
    }

    /** The only container of a Deployment. */
    static Map<String, Object> container(Map<String, Object> deployment) {
        List<Map<String, Object>> containers = list(deployment, "spec", "template", "spec", "containers");
        if (containers.size() != 1) {
            fail(name(deployment) + " should run one container, has " + containers.size());
        }
        return containers.get(0);
    }

    /**
     * The environment a Deployment's container starts with: envFrom ConfigMaps and Secrets (they must be in this
     * output, except Secrets the operator creates), then env entries; a value from a Secret reads
     * {@code <secret name/key>}.
     */
    Map<String, String> environment(Map<String, Object> deployment) {
        Map<String, Object> container = container(deployment);
        Map<String, String> env = new LinkedHashMap<>();
        for (Map<String, Object> from : list(container, "envFrom")) {
            if (from.containsKey("configMapRef")) {
                String name = str(from, "configMapRef", "name");
                map(get("ConfigMap", name), "data").forEach((k, v) -> env.put(k, String.valueOf(v)));
            } else if (from.containsKey("secretRef")) {
                String name = str(from, "secretRef", "name");
                map(find("Secret", name).orElseGet(() -> fail(name(deployment) + " takes all keys of Secret " + name
                        + ", which is not in " + source + ": its names cannot be checked")), "data")
                        .forEach((k, v) -> env.put(k, "<secret " + name + "/" + k + ">"));
            }
        }
        for (Map<String, Object> entry : list(container, "env")) {
            String name = str(entry, "name");
            if (entry.containsKey("value")) {
                env.put(name, String.valueOf(entry.get("value")));
            } else if (entry.containsKey("valueFrom") && map(entry, "valueFrom").containsKey("secretKeyRef")) {
                env.put(name, "<secret " + str(entry, "valueFrom", "secretKeyRef", "name") + "/"
                        + str(entry, "valueFrom", "secretKeyRef", "key") + ">");
            } else {
                env.put(name, "<" + map(entry, "valueFrom").keySet() + ">");
            }
        }
        return env;
    }

    static String name(Map<String, Object> resource) {
        return resource.get("kind") + " " + str(resource, "metadata", "name");
    }

    /** The node at the path, or null. */
    static Object at(Object node, String... path) {
        Object current = node;
        for (String key : path) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(key);
        }
        return current;
    }

    static String str(Object node, String... path) {
        Object value = at(node, path);
        return value == null ? null : String.valueOf(value);
    }

    static Map<String, Object> map(Object node, String... path) {
        Object value = at(node, path);
        return value instanceof Map<?, ?> m ? cast(m) : Map.of();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Object node, String... path) {
        Object value = at(node, path);
        return value instanceof List<?> l ? (List<Map<String, Object>>) l : List.of();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }
}
