package dev.forgeline.validation.service;

import java.math.BigDecimal;
import java.util.Locale;

/** Formats ratios for humans: a measured one with one decimal ("88.9%"), a threshold as written ("95%"). */
final class Percent {
    private Percent() {
    }

    /** A measured ratio, one decimal: 0.8889 → "88.9%". */
    static String of(double ratio) {
        return String.format(Locale.ROOT, "%.1f%%", ratio * 100.0);
    }

    /** A configured threshold without trailing zeros: 0.95 → "95%", 0.975 → "97.5%". */
    static String threshold(double ratio) {
        return BigDecimal.valueOf(ratio).movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }
}
