package dev.forgeline.e2e.kubernetes;

import static dev.forgeline.e2e.kubernetes.Manifests.at;
import static dev.forgeline.e2e.kubernetes.Manifests.container;
import static dev.forgeline.e2e.kubernetes.Manifests.list;
import static dev.forgeline.e2e.kubernetes.Manifests.map;
import static dev.forgeline.e2e.kubernetes.Manifests.name;
import static dev.forgeline.e2e.kubernetes.Manifests.str;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.forgeline.contracts.SizeLimits;
import dev.forgeline.contracts.TopicSettings;
import dev.forgeline.contracts.Topics;
import dev.forgeline.testkit.ProjectRoot;

/**
 * deploy/kubernetes against the services' own sources: no cluster runs here, so the rendered manifests are compared
 * with what each service really reads (application.properties, @ConfigMapping interfaces), the topic names in
 * {@link Topics} and the images {@code ./forgeline images} builds.
 */
class KubernetesManifestsTest {
    private static final Path ROOT = ProjectRoot.projectRoot();
    private static final Path KUBERNETES = ROOT.resolve("deploy/kubernetes");
    private static final List<String> SERVICES = List.of("orchestrator-service", "generator-worker", "validation-service");
    private static final Map<String, ServiceConfig> CONFIG = new HashMap<>();
    /** The topics each KEDA-scaled service consumes (DESIGN §1). */
    private static final Map<String, Set<String>> CONSUMED = Map.of(
            "generator-worker", Set.of(Topics.MODULE_COMMANDS),
            "validation-service", Set.of(Topics.MODULE_GENERATED, Topics.RUN_COMMANDS));

    /** The overlays an operator applies (topics/strimzi is checked on its own). */
    static List<String> overlays() {
        return List.of("overlays/local", "overlays/production", "overlays/production-strimzi");
    }

    private static ServiceConfig config(String service) {
        return CONFIG.computeIfAbsent(service, s -> ServiceConfig.load(ROOT, s));
    }

    private static Manifests render(String kustomization) {
        return Kustomize.render(KUBERNETES.resolve(kustomization));
    }

    @Test
    void everyYamlFileUnderDeployKubernetesParses() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(KUBERNETES)) {
            files = walk.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(10);
        for (Path file : files) {
            Manifests parsed = Manifests.parse(ROOT.relativize(file).toString(), Files.readString(file));
            assertThat(parsed.resources).as(file.toString()).isNotEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void deploymentsRunTheImagesForgelineImagesBuilds(String overlay) throws Exception {
        Manifests out = render(overlay);
        String version = projectVersion();
        assertThat(out.ofKind("Deployment")).extracting(d -> str(d, "metadata", "name"))
                .containsExactlyInAnyOrderElementsOf(SERVICES);
        for (Map<String, Object> deployment : out.ofKind("Deployment")) {
            String service = str(deployment, "metadata", "name");
            String image = str(container(deployment), "image");
            List<String> tags = overlay.startsWith("overlays/production") ? List.of(version) : List.of(version, "latest");
            assertThat(image).as(name(deployment))
                    .isIn(tags.stream().map(tag -> "forgeline/" + service + ":" + tag).toList());
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void containerPortAndProbesAreTheServicesHttpPortAndHealthPaths(String overlay) throws IOException {
        Manifests out = render(overlay);
        for (Map<String, Object> deployment : out.ofKind("Deployment")) {
            ServiceConfig service = config(str(deployment, "metadata", "name"));
            Map<String, String> env = out.environment(deployment);
            Map<String, Object> container = container(deployment);
            int port = Integer.parseInt(service.effective("quarkus.http.port", env));
            assertThat(list(container, "ports")).as(name(deployment) + " ports")
                    .containsExactly(Map.of("name", "http", "containerPort", port));
            assertThat(Files.readString(ROOT.resolve(service.module).resolve("pom.xml")))
                    .as(service.module + " serves /q/health").contains("<artifactId>quarkus-smallrye-health</artifactId>");
            String health = "/" + orDefault(service.effective("quarkus.http.non-application-root-path", env), "q")
                    + "/" + orDefault(service.effective("quarkus.smallrye-health.root-path", env), "health") + "/";
            String prefix = "quarkus.smallrye-health.";
            Map<String, String> paths = Map.of(
                    "startupProbe", health + orDefault(service.effective(prefix + "startup-path", env), "started"),
                    "readinessProbe", health + orDefault(service.effective(prefix + "readiness-path", env), "ready"),
                    "livenessProbe", health + orDefault(service.effective(prefix + "liveness-path", env), "live"));
            paths.forEach((probe, path) -> {
                assertThat(str(container, probe, "httpGet", "path")).as(name(deployment) + " " + probe).isEqualTo(path);
                assertThat(str(container, probe, "httpGet", "port")).as(name(deployment) + " " + probe + " port")
                        .isIn("http", String.valueOf(port));
            });
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyEnvironmentVariableIsOneTheServiceReads(String overlay) {
        Manifests out = render(overlay);
        Set<String> referenced = new HashSet<>();
        for (Map<String, Object> deployment : out.ofKind("Deployment")) {
            ServiceConfig service = config(str(deployment, "metadata", "name"));
            Set<String> unknown = new TreeSet<>(out.environment(deployment).keySet());
            unknown.removeAll(service.knownEnvNames());
            assertThat(unknown).as(overlay + ": variables set for " + service.module + " that it never reads "
                    + "(not a property of its application.properties or @ConfigMapping, nor a ${...} placeholder)")
                    .isEmpty();
            Map<String, Object> container = container(deployment);
            list(container, "envFrom").forEach(f -> referenced.add(str(f, "configMapRef", "name")));
            list(container, "envFrom").forEach(f -> referenced.add(str(f, "secretRef", "name")));
            list(container, "env").forEach(e -> referenced.add(str(e, "valueFrom", "secretKeyRef", "name")));
        }
        Stream.concat(out.ofKind("ConfigMap").stream(), out.ofKind("Secret").stream()).forEach(resource ->
                assertThat(referenced).as(overlay + ": " + name(resource) + " is used by no Deployment")
                        .contains(str(resource, "metadata", "name")));
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyVariableTheProdProfileRequiresIsSet(String overlay) {
        Manifests out = render(overlay);
        for (Map<String, Object> deployment : out.ofKind("Deployment")) {
            ServiceConfig service = config(str(deployment, "metadata", "name"));
            assertThat(out.environment(deployment).keySet()).as(overlay + ": " + service.module
                    + " reads these with no default in %prod").containsAll(service.requiredEnvNames());
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void credentialsComeFromSecretsOnly(String overlay) throws IOException {
        Manifests out = render(overlay);
        Pattern credential = Pattern.compile(".*(PASSWORD|API_KEY|ADMIN_KEY|USERNAME|TOKEN|SECRET).*");
        Map<String, Set<String>> documented = secretsCreatedByTheDocs();
        for (Map<String, Object> deployment : out.ofKind("Deployment")) {
            for (Map<String, Object> entry : list(container(deployment), "env")) {
                String secret = str(entry, "valueFrom", "secretKeyRef", "name");
                String key = str(entry, "valueFrom", "secretKeyRef", "key");
                if (secret == null) {
                    continue;
                }
                Map<String, Object> generated = out.find("Secret", secret).orElse(null);
                if (generated != null) {
                    assertThat(map(generated, "data")).as(overlay + ": Secret " + secret).containsKey(key);
                } else {
                    assertThat(documented).as(overlay + ": " + name(deployment) + " reads Secret " + secret
                            + "; docs/kubernetes.md must tell the operator to create it").containsKey(secret);
                    assertThat(documented.get(secret)).as("keys of Secret " + secret + " in docs/kubernetes.md")
                            .contains(key);
                }
            }
            for (Map.Entry<String, String> variable : out.environment(deployment).entrySet()) {
                if (credential.matcher(variable.getKey()).matches()) {
                    assertThat(variable.getValue()).as(overlay + ": " + variable.getKey() + " of " + name(deployment)
                            + " must come from a Secret").startsWith("<secret ");
                }
            }
        }
        assertThat(out.ofKind("Deployment")).flatMap(d -> list(container(d), "env"))
                .extracting(e -> str(e, "name"))
                .contains("FORGELINE_DB_USERNAME", "FORGELINE_DB_PASSWORD", "FORGELINE_LLM_API_KEY", "FORGELINE_ADMIN_KEY");
        if (overlay.startsWith("overlays/production")) {
            assertThat(out.ofKind("Secret")).as(overlay + " generates no credentials").isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void kedaScalesTheConsumersOnTheirRealTopicsAndGroups(String overlay) {
        Manifests out = render(overlay);
        assertThat(out.ofKind("ScaledObject")).extracting(s -> str(s, "spec", "scaleTargetRef", "name"))
                .containsExactlyInAnyOrderElementsOf(CONSUMED.keySet());
        for (Map<String, Object> scaled : out.ofKind("ScaledObject")) {
            String service = str(scaled, "spec", "scaleTargetRef", "name");
            Map<String, Object> deployment = out.get("Deployment", service);
            Map<String, String> env = out.environment(deployment);
            ServiceConfig config = config(service);
            Map<String, String> channels = config.incomingChannelsByTopic(env);
            assertThat(at(deployment, "spec", "replicas")).as(service + ": KEDA owns the replica count").isNull();

            Set<String> triggerTopics = new TreeSet<>();
            for (Map<String, Object> trigger : list(scaled, "spec", "triggers")) {
                assertThat(str(trigger, "type")).isEqualTo("kafka");
                String topic = str(trigger, "metadata", "topic");
                triggerTopics.add(topic);
                assertThat(channels).as(service + " consumes " + topic).containsKey(topic);
                String channel = "mp.messaging.incoming." + channels.get(topic) + ".";
                assertThat(str(trigger, "metadata", "consumerGroup")).as(service + " group on " + topic)
                        .isEqualTo(config.effective(channel + "group.id", env));
                assertThat(str(trigger, "metadata", "offsetResetPolicy")).as(service + " offset reset on " + topic)
                        .isEqualTo(config.effective(channel + "auto.offset.reset", env));
                assertThat(str(trigger, "metadata", "bootstrapServers")).as(service + " bootstrap servers")
                        .isEqualTo(config.effective("kafka.bootstrap.servers", env));
            }
            assertThat(triggerTopics).as(service + " trigger topics").isEqualTo(new TreeSet<>(CONSUMED.get(service)))
                    .isEqualTo(new TreeSet<>(channels.keySet()));
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void maxReplicasEqualThePartitionsEveryServiceCreatesTopicsWith(String overlay) {
        Manifests out = render(overlay);
        Map<String, Integer> partitions = partitions(out);
        assertThat(new HashSet<>(partitions.values())).as(overlay + ": partitions per service " + partitions).hasSize(1);
        for (Map<String, Object> scaled : out.ofKind("ScaledObject")) {
            String service = str(scaled, "spec", "scaleTargetRef", "name");
            assertThat(at(scaled, "spec", "maxReplicaCount")).as(overlay + ": " + name(scaled) + " maxReplicaCount")
                    .isEqualTo(partitions.get(service));
            assertThat((Integer) at(scaled, "spec", "minReplicaCount")).as(name(scaled) + " minReplicaCount")
                    .isPositive();
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void podsRunAsNonRootOnAReadOnlyRootFilesystemWithAWritableTmp(String overlay) {
        for (Map<String, Object> deployment : render(overlay).ofKind("Deployment")) {
            Map<String, Object> pod = map(deployment, "spec", "template", "spec");
            Map<String, Object> container = container(deployment);
            assertThat(at(pod, "securityContext", "runAsNonRoot")).as(name(deployment)).isEqualTo(true);
            assertThat((Integer) at(pod, "securityContext", "runAsUser")).as(name(deployment)).isPositive();
            assertThat(at(container, "securityContext", "readOnlyRootFilesystem")).as(name(deployment)).isEqualTo(true);
            assertThat(at(container, "securityContext", "allowPrivilegeEscalation")).as(name(deployment)).isEqualTo(false);
            assertThat(str(container, "securityContext", "capabilities", "drop")).as(name(deployment))
                    .isEqualTo("[ALL]");
            String tmpVolume = list(container, "volumeMounts").stream()
                    .filter(m -> "/tmp".equals(str(m, "mountPath"))).map(m -> str(m, "name")).findFirst().orElse(null);
            assertThat(tmpVolume).as(name(deployment) + " mounts a writable /tmp").isNotNull();
            assertThat(list(pod, "volumes")).as(name(deployment) + " /tmp is an emptyDir")
                    .anyMatch(v -> tmpVolume.equals(str(v, "name")) && at(v, "emptyDir") != null);
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyContainerHasRequestsWithinLimits(String overlay) {
        for (Map<String, Object> deployment : render(overlay).ofKind("Deployment")) {
            Map<String, Object> resources = map(container(deployment), "resources");
            for (String resource : List.of("cpu", "memory")) {
                String request = str(resources, "requests", resource);
                String limit = str(resources, "limits", resource);
                assertThat(request).as(name(deployment) + " requests." + resource).isNotNull();
                assertThat(limit).as(name(deployment) + " limits." + resource).isNotNull();
                assertThat(quantity(request)).as(name(deployment) + " " + resource + " request <= limit")
                        .isLessThanOrEqualTo(quantity(limit));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void terminationGraceCoversTheServicesOwnShutdownGrace(String overlay) {
        Manifests out = render(overlay);
        for (Map<String, Object> deployment : out.ofKind("Deployment")) {
            ServiceConfig service = config(str(deployment, "metadata", "name"));
            Map<String, String> env = out.environment(deployment);
            long shutdown = 0;
            for (String property : service.declaredEndingWith("shutdown-grace")) {
                shutdown = Math.max(shutdown, seconds(service.effective(property, env)));
            }
            String quarkusTimeout = service.effective("quarkus.shutdown.timeout", env);
            if (quarkusTimeout != null) {
                shutdown = Math.max(shutdown, seconds(quarkusTimeout));
            }
            List<?> preStop = (List<?>) at(container(deployment), "lifecycle", "preStop", "exec", "command");
            long sleep = preStop != null && "sleep".equals(preStop.get(0)) ? Long.parseLong((String) preStop.get(1)) : 0;
            Object grace = at(deployment, "spec", "template", "spec", "terminationGracePeriodSeconds");
            assertThat(grace).as(name(deployment) + " terminationGracePeriodSeconds").isNotNull();
            assertThat(((Number) grace).longValue())
                    .as(name(deployment) + ": preStop sleep " + sleep + " s + shutdown " + shutdown + " s + 5 s to exit")
                    .isGreaterThanOrEqualTo(sleep + shutdown + 5);
        }
        assertThat(config("generator-worker").declares("forgeline.worker.shutdown-grace")).isTrue();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void eachDeploymentHasADisruptionBudgetAndOnlyTheGatewayIsExposed(String overlay) {
        Manifests out = render(overlay);
        for (Map<String, Object> deployment : out.ofKind("Deployment")) {
            Map<String, Object> labels = map(deployment, "spec", "template", "metadata", "labels");
            List<Map<String, Object>> budgets = out.ofKind("PodDisruptionBudget").stream()
                    .filter(b -> labels.entrySet().containsAll(map(b, "spec", "selector", "matchLabels").entrySet()))
                    .toList();
            assertThat(budgets).as(name(deployment) + " disruption budgets").hasSize(1);
        }
        Map<String, Object> orchestrator = out.get("Deployment", "orchestrator-service");
        assertThat(out.ofKind("Service")).as(overlay + ": only the gateway has a Service").hasSize(1);
        Map<String, Object> service = out.ofKind("Service").get(0);
        assertThat(map(orchestrator, "spec", "template", "metadata", "labels").entrySet())
                .containsAll(map(service, "spec", "selector").entrySet());
        assertThat(list(service, "spec", "ports")).extracting(p -> str(p, "targetPort")).containsExactly("http");
        List<Map<String, Object>> ingresses = out.ofKind("Ingress");
        assertThat(ingresses).hasSize(1);
        for (Map<String, Object> rule : list(ingresses.get(0), "spec", "rules")) {
            for (Map<String, Object> path : list(rule, "http", "paths")) {
                assertThat(str(path, "backend", "service", "name")).isEqualTo(str(service, "metadata", "name"));
                assertThat(list(service, "spec", "ports")).extracting(p -> str(p, "name"))
                        .contains(str(path, "backend", "service", "port", "name"));
            }
        }
    }

    @Test
    void strimziTopicsAreExactlyTheContractsTopicsWithTheProductionSettings() {
        Manifests topics = render("topics/strimzi");
        Manifests production = render("overlays/production");
        Set<List<String>> settings = new HashSet<>();
        for (String service : SERVICES) {
            Map<String, String> env = production.environment(production.get("Deployment", service));
            settings.add(List.of(String.valueOf(partitions(production).get(service)),
                    config(service).effective(TopicSettings.REPLICATION_FACTOR, env),
                    config(service).effective(TopicSettings.MIN_INSYNC_REPLICAS, env)));
        }
        assertThat(settings).as("overlays/production: [partitions, replication, min.insync.replicas] per service")
                .hasSize(1);
        List<String> expected = settings.iterator().next();
        assertThat(topics.resources).allMatch(r -> "KafkaTopic".equals(r.get("kind")));
        assertThat(topics.ofKind("KafkaTopic"))
                .extracting(t -> at(t, "spec", "topicName") != null ? str(t, "spec", "topicName")
                        : str(t, "metadata", "name"))
                .containsExactlyInAnyOrderElementsOf(Topics.ALL);
        for (Map<String, Object> topic : topics.ofKind("KafkaTopic")) {
            assertThat(str(topic, "apiVersion")).startsWith("kafka.strimzi.io/");
            assertThat(str(topic, "metadata", "labels", "strimzi.io/cluster")).as(name(topic)).isNotBlank();
            assertThat(List.of(str(topic, "spec", "partitions"), str(topic, "spec", "replicas"),
                    str(topic, "spec", "config", "min.insync.replicas")))
                    .as(name(topic) + " [partitions, replicas, min.insync.replicas]").isEqualTo(expected);
            assertThat(str(topic, "spec", "config", "max.message.bytes")).as(name(topic) + " max.message.bytes")
                    .isEqualTo(String.valueOf(SizeLimits.MAX_RECORD_BYTES));
        }
        for (String overlay : overlays()) {
            assertThat(render(overlay).ofKind("KafkaTopic")).as(overlay + " leaves topics to topics/strimzi").isEmpty();
        }
    }

    @Test
    void servicesCreateTopicsUnlessTheOperatorManagesThem() {
        Manifests production = render("overlays/production");
        Manifests strimzi = render("overlays/production-strimzi");
        for (String service : SERVICES) {
            ServiceConfig config = config(service);
            assertThat(config.declares(TopicSettings.CREATE)).as(service + " declares " + TopicSettings.CREATE).isTrue();
            Map<String, String> productionEnv = production.environment(production.get("Deployment", service));
            assertThat(config.effective(TopicSettings.CREATE, productionEnv))
                    .as("overlays/production: " + service + " " + TopicSettings.CREATE).isEqualToIgnoringCase("true");
            assertThat(config.effective(TopicSettings.CREATE, strimzi.environment(strimzi.get("Deployment", service))))
                    .as("overlays/production-strimzi: " + service + " " + TopicSettings.CREATE)
                    .isEqualToIgnoringCase("false");
        }
    }

    /** Each service's effective partition count (the property ending with "partitions" it declares). */
    private static Map<String, Integer> partitions(Manifests out) {
        Map<String, Integer> partitions = new HashMap<>();
        for (Map<String, Object> deployment : out.ofKind("Deployment")) {
            ServiceConfig config = config(str(deployment, "metadata", "name"));
            Set<String> names = config.declaredEndingWith(".partitions");
            assertThat(names).as(config.module + " partitions setting").hasSize(1);
            partitions.put(config.module, Integer.parseInt(
                    config.effective(names.iterator().next(), out.environment(deployment))));
        }
        return partitions;
    }

    /** {@code kubectl create secret generic NAME --from-literal=KEY=…} commands in docs/kubernetes.md. */
    private static Map<String, Set<String>> secretsCreatedByTheDocs() throws IOException {
        String docs = Files.readString(ROOT.resolve("docs/kubernetes.md")).replace("\\\n", " ");
        Map<String, Set<String>> secrets = new HashMap<>();
        Matcher command = Pattern.compile("create secret generic (\\S+)([^\\n]*)").matcher(docs);
        while (command.find()) {
            Matcher key = Pattern.compile("--from-(?:literal|file)=([^=\\s]+)=").matcher(command.group(2));
            Set<String> keys = secrets.computeIfAbsent(command.group(1), n -> new TreeSet<>());
            while (key.find()) {
                keys.add(key.group(1));
            }
        }
        return secrets;
    }

    private static String projectVersion() throws Exception {
        var pom = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(ROOT.resolve("pom.xml").toFile());
        var children = pom.getDocumentElement().getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if ("version".equals(children.item(i).getNodeName())) {
                return children.item(i).getTextContent().trim();
            }
        }
        throw new IllegalStateException("no <version> in the root pom.xml");
    }

    private static String orDefault(String value, String fallback) {
        return value == null ? fallback : value;
    }

    /** Seconds of a Quarkus duration: {@code 15s}, {@code 2m}, {@code 500ms}, ISO-8601 {@code PT15S}, or a number. */
    static long seconds(String duration) {
        String d = duration.trim().toLowerCase(Locale.ROOT);
        if (d.startsWith("pt") || d.startsWith("p")) {
            return Duration.parse(d.toUpperCase(Locale.ROOT)).toSeconds();
        }
        Matcher m = Pattern.compile("(\\d+)(ms|s|m|h|d)?").matcher(d);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a duration: " + duration);
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2) == null ? "s" : m.group(2)) {
            case "ms" -> (n + 999) / 1000;
            case "m" -> n * 60;
            case "h" -> n * 3600;
            case "d" -> n * 86400;
            default -> n;
        };
    }

    /** A Kubernetes quantity as a number: {@code 250m} = 0.25, {@code 1Gi} = 2^30, {@code 512M} = 512e6. */
    static double quantity(String value) {
        Matcher m = Pattern.compile("([0-9.]+)([a-zA-Z]*)").matcher(value);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a quantity: " + value);
        }
        double n = Double.parseDouble(m.group(1));
        Map<String, Double> suffixes = Map.of("", 1d, "m", 1e-3, "k", 1e3, "M", 1e6, "G", 1e9,
                "Ki", 1024d, "Mi", 1024d * 1024, "Gi", 1024d * 1024 * 1024);
        return n * suffixes.entrySet().stream().filter(e -> e.getKey().equals(m.group(2))).map(Map.Entry::getValue)
                .findFirst().orElseThrow(() -> new IllegalArgumentException("unknown suffix in " + value));
    }
}
