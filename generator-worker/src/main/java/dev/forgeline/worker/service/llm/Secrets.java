package dev.forgeline.worker.service.llm;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks credentials in any text that leaves the LLM client (reasons, log lines): the configured API key wherever it
 * appears, and anything shaped like a bearer token or a provider key ({@code sk-…}, {@code sk-or-…}), so that an
 * endpoint echoing the key in an error body cannot leak it either.
 */
public final class Secrets {
    public static final String MASK = "***";
    private static final Pattern BEARER = Pattern.compile("(?i)(bearer\\s+)[^\\s\"',;]+");
    private static final Pattern KEY_LIKE = Pattern.compile("\\b(sk|pk|rk|or|gsk|xai)-[A-Za-z0-9_\\-]{8,}");
    private static final Pattern USER_INFO = Pattern.compile("(?i)(https?://)[^/@\\s]+@");

    private final String key;

    public Secrets(Optional<String> key) {
        this.key = key.filter(k -> !k.isBlank()).orElse(null);
    }

    /** The text with the key and key-like tokens replaced by {@value #MASK}; null stays null. */
    public String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        if (key != null) {
            out = out.replace(key, MASK);
        }
        out = BEARER.matcher(out).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + MASK));
        out = KEY_LIKE.matcher(out).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + "-" + MASK));
        return USER_INFO.matcher(out).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + MASK + "@"));
    }

    /** A URL fit for logs: user info masked. */
    public String safeUrl(String url) {
        return url == null ? null : mask(url);
    }
}
