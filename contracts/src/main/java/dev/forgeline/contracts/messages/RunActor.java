package dev.forgeline.contracts.messages;

/** Who caused a run event: the caller's tenant and key name (an API key's name or a JWT's subject), never a token. */
public record RunActor(String tenant, String keyName) {
}
