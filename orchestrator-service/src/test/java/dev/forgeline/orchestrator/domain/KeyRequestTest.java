package dev.forgeline.orchestrator.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class KeyRequestTest {
    @Test
    void tenantNamesAreALowerCaseLetterThenOneTo39OfLettersDigitsAndDashes() {
        assertThat(KeyRequest.validTenant("team-a")).isTrue();
        assertThat(KeyRequest.validTenant("ab")).isTrue();
        assertThat(KeyRequest.validTenant("a" + "b".repeat(39))).isTrue();
        assertThat(KeyRequest.validTenant("a")).isFalse();
        assertThat(KeyRequest.validTenant("a" + "b".repeat(40))).isFalse();
        assertThat(KeyRequest.validTenant("1team")).isFalse();
        assertThat(KeyRequest.validTenant("Team")).isFalse();
        assertThat(KeyRequest.validTenant("team_a")).isFalse();
        assertThat(KeyRequest.validTenant("team a")).isFalse();
        assertThat(KeyRequest.validTenant("team-a\n")).isFalse();
        assertThat(KeyRequest.validTenant(null)).isFalse();
    }

    @Test
    void keyNamesAreOneTo64PrintableCharacters() {
        assertThat(KeyRequest.validName("ci")).isTrue();
        assertThat(KeyRequest.validName("deploy bot ü")).isTrue();
        assertThat(KeyRequest.validName("n".repeat(64))).isTrue();
        assertThat(KeyRequest.validName("n".repeat(65))).isFalse();
        assertThat(KeyRequest.validName("")).isFalse();
        assertThat(KeyRequest.validName("   ")).isFalse();
        assertThat(KeyRequest.validName("bad\nname")).isFalse();
        assertThat(KeyRequest.validName("bad\u202ename")).isFalse();
        assertThat(KeyRequest.validName(null)).isFalse();
    }

    @Test
    void everyBrokenFieldIsNamed() {
        assertThatThrownBy(() -> KeyRequest.of("Bad", "", "root")).isInstanceOfSatisfying(
                DomainException.Invalid.class, e -> assertThat(e.violations()).extracting(v -> v.path())
                        .containsExactly("tenant", "name", "role"));
        assertThat(KeyRequest.of("team-a", "ci", "admin").role()).isEqualTo(Role.ADMIN);
    }
}
