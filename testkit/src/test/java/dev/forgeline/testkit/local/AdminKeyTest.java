package dev.forgeline.testkit.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** The admin key a local stack starts with: generated in the gateway's key format, or the one configured. */
class AdminKeyTest {
    @Test
    void aNewKeyIsFlkAnd43Base64UrlCharactersAndNeverTheSameTwice() {
        String key = LocalForgeline.newKey();
        assertTrue(key.matches("flk_[A-Za-z0-9_-]{43}"), key);
        assertNotEquals(key, LocalForgeline.newKey());
    }

    @Test
    void theConfiguredKeyIsUsedAsItIs() {
        String key = "configured-admin-key-0123456789";
        assertEquals(key, LocalForgeline.adminKey(StackOptions.defaults().adminKey(key)));
        assertEquals(key, LocalForgeline.adminKey(StackOptions.defaults().env(LocalForgeline.ADMIN_KEY_ENV, key)));
    }

    @Test
    void aKeyShorterThan20CharactersIsRefusedNamingTheVariableButNotTheKey() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LocalForgeline.adminKey(StackOptions.defaults().adminKey("too-short")));
        assertTrue(e.getMessage().contains("FORGELINE_ADMIN_KEY must be at least 20"), e.getMessage());
        assertFalse(e.getMessage().contains("too-short"), e.getMessage());
    }

    @Test
    void quotasGoToTheOrchestratorOnly() {
        StackOptions options = StackOptions.defaults().quotas(200, 1000);
        assertEquals(Map.of("FORGELINE_QUOTA_RUNS_IN_FLIGHT", "200", "FORGELINE_QUOTA_SUBMISSIONS_PER_MINUTE", "1000"),
                options.perService.get(LocalForgeline.ORCHESTRATOR));
        assertTrue(options.common.isEmpty());
    }
}
