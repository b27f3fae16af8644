package dev.forgeline.validation.service;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

import dev.forgeline.contracts.messages.GeneratedFile;
import dev.forgeline.contracts.messages.ValidationIssue;

/**
 * {@code yaml.syntax}: every document of a YAML file loads with SnakeYAML's safe constructor (no duplicate keys, no
 * custom tags), and none is a bare string (prose, or a file that is one long line of text).
 */
final class YamlSyntaxCheck implements FileCheck {
    private static final int MAX_ALIASES = 50;

    @Override
    public Set<FileType> fileTypes() {
        return EnumSet.of(FileType.YAML);
    }

    @Override
    public List<ValidationIssue> check(GeneratedFile file, CheckContext context) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(MAX_ALIASES);
        Yaml yaml = new Yaml(new SafeConstructor(options));
        try {
            int document = 0;
            for (Object root : yaml.loadAll(file.content())) {
                document++;
                if (root instanceof String text) {
                    return List.of(ValidationIssue.error(file.path(), null, Rules.YAML_SYNTAX, "document " + document
                            + " is a bare string, not a mapping or a list: '" + abbreviate(text) + "'"));
                }
            }
            return List.of();
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            Integer line = mark == null ? null : mark.getLine() + 1;
            String problem = e.getProblem() == null ? e.getMessage() : e.getProblem();
            String during = e.getContext() == null ? "" : " (" + e.getContext() + ")";
            return List.of(ValidationIssue.error(file.path(), line, Rules.YAML_SYNTAX,
                    "invalid YAML: " + problem + during));
        } catch (YAMLException e) {
            return List.of(ValidationIssue.error(file.path(), null, Rules.YAML_SYNTAX, "invalid YAML: " + e.getMessage()));
        }
    }

    private static String abbreviate(String text) {
        String oneLine = text.strip().replaceAll("\\s+", " ");
        return oneLine.length() > 60 ? oneLine.substring(0, 60) + "…" : oneLine;
    }
}
