package dev.forgeline.stacks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PortableRegexTest {

    @ParameterizedTest
    @ValueSource(strings = { "^[a-z0-9_]+$", "^\\d{3}-\\d{4}$", "^(?:[A-Z]{2}|X)\\.\\w+$", "[^@\\s]+@[^@\\s]+\\.[a-z]{2,}",
            "^SKU-[0-9]{4,8}$", "colou?r", "(?<year>\\d{4})-\\d\\d", "\\bword\\b", "^[\\w.-]+$", "a.b", "^\\u00e9t\\x41$" })
    void samplesMatchThePatternAndDiffer(String pattern) {
        PortableRegex regex = PortableRegex.parse(pattern);

        List<String> samples = regex.samples(null, null, 5);

        assertThat(samples).isNotEmpty().doesNotHaveDuplicates().allMatch(regex::matches);
        assertThat(regex.samples(null, null, 5)).as("deterministic").isEqualTo(samples);
    }

    @Test
    void samplesRespectTheFieldsLengthLimits() {
        PortableRegex regex = PortableRegex.parse("^[a-z]+$");

        assertThat(regex.samples(10, 12, 4)).hasSize(4).allMatch(s -> s.length() >= 10 && s.length() <= 12);
        assertThat(PortableRegex.parse("^[a-z]{5}$").samples(null, 3, 4)).isEmpty();
    }

    @Test
    void postgresFormUsesItsOwnWordBoundaryAndBracketEscapes() {
        assertThat(PortableRegex.parse("\\bword\\b").postgres()).contains("\\yword\\y");
        assertThat(PortableRegex.parse("^[a-z_]+$").postgres()).contains("^(?:[\\u005fa-z])+$");
        assertThat(PortableRegex.parse("(?<n>\\d)").postgres()).contains("(?:[0-9])");
        assertThat(PortableRegex.parse("x{300}").postgres()).as("beyond PostgreSQL's repetition limit").isEmpty();
        assertThat(PortableRegex.parse("[\\D]").postgres()).as("negated escape inside brackets").isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = { "(?=x)", "(?!x)", "(?<=x)", "(?i)abc", "a++", "a*+", "\\p{L}", "[a-z&&[^b]]", "(a)\\1",
            "\\Qa\\E", "\\Aabc", "[[a]]", "a{", "(abc" })
    void engineSpecificSyntaxIsRefusedWithTheReason(String pattern) {
        assertThatThrownBy(() -> PortableRegex.parse(pattern))
                .isInstanceOf(PortableRegex.UnsupportedPatternException.class)
                .hasMessageContaining("is not supported");
    }
}
