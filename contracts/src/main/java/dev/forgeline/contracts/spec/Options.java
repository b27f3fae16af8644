package dev.forgeline.contracts.spec;

/** Optional modules of a stack: authentication and generated tests. */
public record Options(Boolean auth, Boolean tests) {
    public static final Options DEFAULT = new Options(false, false);

    public boolean authEnabled() {
        return Boolean.TRUE.equals(auth);
    }

    public boolean testsEnabled() {
        return Boolean.TRUE.equals(tests);
    }

    /** Whether the named option is on; the stack plan uses this to include optional modules. */
    public boolean enabled(String option) {
        return switch (option) {
            case "auth" -> authEnabled();
            case "tests" -> testsEnabled();
            default -> false;
        };
    }
}
