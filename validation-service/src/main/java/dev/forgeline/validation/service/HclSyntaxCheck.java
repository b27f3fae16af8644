package dev.forgeline.validation.service;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.bertramlabs.plugins.hcl4j.HCLParser;

import dev.forgeline.contracts.messages.GeneratedFile;
import dev.forgeline.contracts.messages.ValidationIssue;

/**
 * {@code hcl.syntax}: a Terraform file must parse with hcl4j and have a sound block/attribute structure
 * ({@link HclStructure}, which catches what hcl4j lets through: unclosed blocks, attributes without a value, prose).
 */
final class HclSyntaxCheck implements FileCheck {
    private static final Pattern HCL4J_LINE = Pattern.compile("line:? (\\d+)");

    @Override
    public Set<FileType> fileTypes() {
        return EnumSet.of(FileType.TERRAFORM);
    }

    @Override
    public List<ValidationIssue> check(GeneratedFile file, CheckContext context) {
        HclStructure.Error structure = HclStructure.check(file.content());
        if (structure != null) {
            return List.of(ValidationIssue.error(file.path(), structure.line(), Rules.HCL_SYNTAX,
                    "invalid HCL: " + structure.message()));
        }
        try {
            new HCLParser().parse(file.content());
            return List.of();
        } catch (Exception | StackOverflowError e) {
            Throwable cause = e;
            while (cause.getCause() != null && cause.getCause() != cause) {
                cause = cause.getCause();
            }
            String message = String.valueOf(cause.getMessage()).replaceAll("\\s+", " ").strip();
            Matcher m = HCL4J_LINE.matcher(message);
            Integer line = m.find() ? Integer.valueOf(m.group(1)) : null;
            return List.of(ValidationIssue.error(file.path(), line, Rules.HCL_SYNTAX, "invalid HCL (hcl4j): " + message));
        }
    }
}
