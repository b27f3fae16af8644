package dev.forgeline.e2e.kubernetes;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one service reads from its environment, from its own sources: the keys and {@code ${ENV:default}} placeholders
 * of src/main/resources/application.properties and the properties of its {@code @ConfigMapping} interfaces, and the
 * value a property takes in the prod profile under a given container environment.
 */
final class ServiceConfig {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^:}]+)(?::([^}]*))?}");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Z_][A-Z0-9_]*");

    final String module;
    /** Property name (profile removed) to raw value; prod-profile values win over unprofiled ones. */
    private final Map<String, String> properties = new LinkedHashMap<>();
    private final Set<String> knownEnvNames = new TreeSet<>();
    private final Map<String, String> mappingDefaults;

    private ServiceConfig(String module, Properties file, Map<String, String> mappingDefaults) {
        this.module = module;
        this.mappingDefaults = mappingDefaults;
        Map<String, String> prod = new HashMap<>();
        for (String key : file.stringPropertyNames()) {
            String value = file.getProperty(key);
            Matcher placeholders = PLACEHOLDER.matcher(value);
            while (placeholders.find()) {
                if (ENV_NAME.matcher(placeholders.group(1)).matches()) {
                    knownEnvNames.add(placeholders.group(1));
                }
            }
            if (key.startsWith("%")) {
                int dot = key.indexOf('.');
                List<String> profiles = List.of(key.substring(1, dot).split(","));
                knownEnvNames.add(envName(key));
                knownEnvNames.add(envName(key.substring(dot + 1)));
                if (profiles.contains("prod")) {
                    prod.put(key.substring(dot + 1), value);
                }
            } else {
                knownEnvNames.add(envName(key));
                properties.putIfAbsent(key, value);
            }
        }
        properties.putAll(prod);
        mappingDefaults.keySet().forEach(name -> knownEnvNames.add(envName(name)));
    }

    /** Reads {@code <root>/<module>}'s application.properties and @ConfigMapping sources. */
    static ServiceConfig load(Path root, String module) {
        Path dir = root.resolve(module);
        Properties file = new Properties();
        try (Reader reader = Files.newBufferedReader(dir.resolve("src/main/resources/application.properties"))) {
            file.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ServiceConfig(module, file, ConfigMappings.read(dir.resolve("src/main/java")));
    }

    /** Quarkus's environment-variable form of a property name: non-alphanumerics to '_', upper case. */
    static String envName(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    /** Every environment variable name this service maps to one of its properties or reads in a placeholder. */
    Set<String> knownEnvNames() {
        return knownEnvNames;
    }

    /** Variables the prod profile reads with no default ({@code ${NAME}}): the service does not start without them. */
    Set<String> requiredEnvNames() {
        Set<String> required = new TreeSet<>();
        for (String value : properties.values()) {
            Matcher m = PLACEHOLDER.matcher(value);
            while (m.find()) {
                if (m.group(2) == null && ENV_NAME.matcher(m.group(1)).matches()) {
                    required.add(m.group(1));
                }
            }
        }
        return required;
    }

    /** Whether the service's own configuration declares the property (application.properties or a mapping). */
    boolean declares(String property) {
        return properties.containsKey(property) || mappingDefaults.containsKey(property);
    }

    /** Declared property names ending with the suffix (application.properties and mappings). */
    Set<String> declaredEndingWith(String suffix) {
        Set<String> names = new TreeSet<>();
        properties.keySet().stream().filter(n -> n.endsWith(suffix)).forEach(names::add);
        mappingDefaults.keySet().stream().filter(n -> n.endsWith(suffix)).forEach(names::add);
        return names;
    }

    /** Pairs (topic, channel) of the incoming Kafka channels, as the service is configured in prod. */
    Map<String, String> incomingChannelsByTopic(Map<String, String> env) {
        Map<String, String> channels = new LinkedHashMap<>();
        for (String key : properties.keySet()) {
            Matcher m = Pattern.compile("mp\\.messaging\\.incoming\\.([^.]+)\\.topic").matcher(key);
            if (m.matches()) {
                channels.put(effective(key, env), m.group(1));
            }
        }
        return channels;
    }

    /**
     * The value the service sees in the prod profile with this environment: the property's own environment variable,
     * else its prod or plain value with placeholders resolved (environment first), else the mapping's default; null
     * when none.
     */
    String effective(String property, Map<String, String> env) {
        String fromEnv = env.get(envName(property));
        if (fromEnv != null) {
            return fromEnv;
        }
        String raw = properties.containsKey(property) ? properties.get(property) : mappingDefaults.get(property);
        return raw == null ? null : resolve(raw, env);
    }

    private String resolve(String raw, Map<String, String> env) {
        Matcher m = PLACEHOLDER.matcher(raw);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value = env.containsKey(name) ? env.get(name)
                    : declares(name) ? effective(name, env)
                    : m.group(2);
            if (value == null) {
                throw new IllegalStateException(module + ": ${" + name + "} has no value and no default");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
