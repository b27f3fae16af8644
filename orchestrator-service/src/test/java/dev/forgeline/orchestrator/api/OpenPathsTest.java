package dev.forgeline.orchestrator.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class OpenPathsTest {
    private final OpenPaths open = new OpenPaths(List.of("/q/*", "/", "/index.html", "/assets/*",
            "GET /api/auth/config", " POST /api/session "));

    @Test
    void prefixesExactPathsAndMethodsMatch() {
        assertThat(open.open("GET", "/q/health/ready")).isTrue();
        assertThat(open.open("GET", "/q")).isTrue();
        assertThat(open.open("GET", "/")).isTrue();
        assertThat(open.open("GET", "/index.html")).isTrue();
        assertThat(open.open("GET", "/assets/app.js")).isTrue();
        assertThat(open.open("GET", "/api/auth/config")).isTrue();
        assertThat(open.open("POST", "/api/session")).isTrue();
    }

    @Test
    void everythingElseNeedsAToken() {
        assertThat(open.open("GET", "/quit")).isFalse();
        assertThat(open.open("POST", "/api/auth/config")).isFalse();
        assertThat(open.open("GET", "/api/session")).isFalse();
        assertThat(open.open("GET", "/api/runs")).isFalse();
        assertThat(open.open("GET", "/index.html/../api/runs")).isFalse();
        assertThat(open.open("GET", "/assetsX")).isFalse();
    }

    @Test
    void aPatternThatIsNotAPathIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> new OpenPaths(List.of("q/*"))).hasMessageContaining("forgeline.auth.open-paths");
        assertThatThrownBy(() -> new OpenPaths(List.of("/a/*/b"))).hasMessageContaining("only end with /*");
    }

    @Test
    void onlyBearerAuthorizationCarriesAToken() {
        assertThat(AuthFilter.bearer("Bearer abc")).isEqualTo("abc");
        assertThat(AuthFilter.bearer("bearer abc")).isEqualTo("abc");
        assertThat(AuthFilter.bearer("Bearer ")).isNull();
        assertThat(AuthFilter.bearer("Basic abc")).isNull();
        assertThat(AuthFilter.bearer("Bearerabc")).isNull();
    }
}
