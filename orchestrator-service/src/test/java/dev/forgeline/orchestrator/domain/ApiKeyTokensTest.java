package dev.forgeline.orchestrator.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ApiKeyTokensTest {
    private final SecureRandom random = new SecureRandom();

    @Test
    void aTokenIsThePrefixAnd43Base64UrlCharacters() {
        String token = ApiKeyTokens.generate(random);
        assertThat(token).matches("flk_[A-Za-z0-9_-]{43}");
        assertThat(ApiKeyTokens.looksLikeKey(token)).isTrue();
    }

    @Test
    void tokensDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            assertThat(seen.add(ApiKeyTokens.generate(random))).isTrue();
        }
    }

    @Test
    void otherShapesAreNotKeys() {
        assertThat(ApiKeyTokens.looksLikeKey(null)).isFalse();
        assertThat(ApiKeyTokens.looksLikeKey("flk_short")).isFalse();
        assertThat(ApiKeyTokens.looksLikeKey("flx_" + "a".repeat(43))).isFalse();
        assertThat(ApiKeyTokens.looksLikeKey("flk_" + "a".repeat(42) + "=")).isFalse();
        assertThat(ApiKeyTokens.looksLikeKey("flk_" + "a".repeat(44))).isFalse();
        assertThat(ApiKeyTokens.looksLikeKey("eyJ.eyJ.sig")).isFalse();
    }

    @Test
    void theHashIsSha256HexOfTheWholeToken() {
        // SHA-256("abc"), FIPS 180-2 test vector.
        assertThat(ApiKeyTokens.hash("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        String token = ApiKeyTokens.generate(random);
        assertThat(ApiKeyTokens.hash(token)).hasSize(64).isEqualTo(ApiKeyTokens.hash(token))
                .doesNotContain(token.substring(4));
    }
}
