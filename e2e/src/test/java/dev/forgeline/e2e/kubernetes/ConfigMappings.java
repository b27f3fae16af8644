package dev.forgeline.e2e.kubernetes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.expr.SingleMemberAnnotationExpr;

/**
 * The property names a service's {@code @ConfigMapping} interfaces declare (prefix, kebab-case method names or
 * {@code @WithName}, nested groups), each with its {@code @WithDefault} value or {@code null}, read from the source.
 */
final class ConfigMappings {
    private ConfigMappings() {
    }

    /** Every mapped property under {@code sourceRoot} (a module's src/main/java) with its default, or null. */
    static Map<String, String> read(Path sourceRoot) {
        JavaParser parser = new JavaParser(
                new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17));
        Map<String, String> properties = new HashMap<>();
        try (Stream<Path> files = Files.walk(sourceRoot)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                if (!source.contains("@ConfigMapping")) {
                    continue;
                }
                CompilationUnit unit = parser.parse(source).getResult()
                        .orElseThrow(() -> new IllegalStateException("cannot parse " + file));
                for (ClassOrInterfaceDeclaration type : unit.findAll(ClassOrInterfaceDeclaration.class)) {
                    Optional<String> prefix = type.getAnnotationByName("ConfigMapping")
                            .flatMap(a -> member(a, "prefix"));
                    if (prefix.isPresent()) {
                        collect(unit, type, prefix.get(), properties);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    private static void collect(CompilationUnit unit, ClassOrInterfaceDeclaration type, String prefix,
            Map<String, String> properties) {
        for (MethodDeclaration method : type.getMethods()) {
            if (method.isStatic() || method.isDefault() || method.isPrivate() || !method.getParameters().isEmpty()) {
                continue;
            }
            String name = method.getAnnotationByName("WithName").flatMap(a -> member(a, "value"))
                    .orElseGet(() -> kebab(method.getNameAsString()));
            String typeName = method.getType().asString();
            List<ClassOrInterfaceDeclaration> group = unit.findAll(ClassOrInterfaceDeclaration.class,
                    t -> t.isInterface() && t.getNameAsString().equals(typeName));
            if (!group.isEmpty()) {
                collect(unit, group.get(0), prefix + "." + name, properties);
            } else {
                properties.put(prefix + "." + name,
                        method.getAnnotationByName("WithDefault").flatMap(a -> member(a, "value")).orElse(null));
            }
        }
    }

    private static Optional<String> member(AnnotationExpr annotation, String name) {
        Expression value = null;
        if (annotation instanceof SingleMemberAnnotationExpr single && name.equals("value")) {
            value = single.getMemberValue();
        } else if (annotation instanceof NormalAnnotationExpr normal) {
            value = normal.getPairs().stream().filter(p -> p.getNameAsString().equals(name)).findFirst()
                    .map(p -> p.getValue()).orElse(null);
        }
        return value != null && value.isStringLiteralExpr()
                ? Optional.of(value.asStringLiteralExpr().asString())
                : Optional.empty();
    }

    /** SmallRye Config's default naming: {@code shutdownGrace} is {@code shutdown-grace}. */
    static String kebab(String methodName) {
        StringBuilder out = new StringBuilder();
        for (char c : methodName.toCharArray()) {
            if (Character.isUpperCase(c)) {
                out.append('-').append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
