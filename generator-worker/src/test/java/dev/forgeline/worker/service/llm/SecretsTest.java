package dev.forgeline.worker.service.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class SecretsTest {

    @Test
    void configuredKeyBearerTokensAndProviderKeysAreMasked() {
        Secrets secrets = new Secrets(Optional.of("canary-key-31337"));

        String masked = secrets.mask("key canary-key-31337 rejected; Authorization: Bearer abc.def.ghi; "
                + "Incorrect API key provided: sk-proj-AbCdEf123456789 and sk-or-v1-0123456789abcdef");

        assertThat(masked).doesNotContain("canary-key-31337", "abc.def.ghi", "AbCdEf123456789", "0123456789abcdef")
                .contains("key *** rejected", "Bearer ***", "sk-***");
    }

    @Test
    void userInfoInAnEndpointUrlIsMasked() {
        Secrets secrets = new Secrets(Optional.empty());

        assertThat(secrets.safeUrl("https://user:pa55@llm.example.com/v1")).isEqualTo("https://***@llm.example.com/v1");
        assertThat(secrets.mask(null)).isNull();
    }
}
