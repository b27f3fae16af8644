package dev.forgeline.testkit.faults;

import java.util.List;

/**
 * One scenario's figures. {@code wrong}: terminal but not SUCCEEDED, a status that changed after a terminal one,
 * a SUCCEEDED run with a module not VALIDATED, or files other than the reference run's. {@code lost}: never
 * terminal (or unknown to the API) by the end of the watch. {@code stuck}: not terminal by the deadline.
 * {@code duplicated}: runs with two attempts of one command or with one attempt number twice, a file listed twice,
 * or a file of a module that was not validated. {@code recoveryMs}: from the fault until every run in flight at
 * the fault recorded progress (a new module verdict or its terminal status), null if some never did.
 * {@code failedChecks}: the scenario's own checks that failed (see {@link FaultContext#failed}).
 */
public record FaultFigures(String scenario, int submitted, int inFlightAtFault, int terminal, int succeeded,
        int wrong, int lost, int duplicated, int stuck, int retries, long reads, long serverErrors,
        long unavailable, long connectionFailures, Long recoveryMs, long wallMs, List<String> failedChecks,
        List<String> problems) {

    /** True when the required figures hold: nothing lost, wrong, duplicated or stuck, no 5xx on reads. */
    public boolean correct() {
        return submitted > 0 && failedChecks.isEmpty() && lost == 0 && wrong == 0 && duplicated == 0 && stuck == 0 && serverErrors == 0
                && terminal == submitted && succeeded == submitted;
    }

    /** The row of a scenario that could not run at all (its stack did not start, its fault could not be injected). */
    public static FaultFigures broken(String scenario, String why) {
        return new FaultFigures(scenario, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, null, 0,
                List.of("the scenario could not run: " + why), List.of());
    }

    public static String header() {
        return String.format("%-22s %5s %5s %5s %5s %5s %4s %4s %5s %5s %6s %4s %4s %5s %9s %7s",
                "scenario", "subm", "infl", "term", "succ", "wrong", "lost", "dup", "stuck", "retry", "reads",
                "5xx", "503", "conn", "recovery", "wall");
    }

    public String row() {
        return String.format("%-22s %5d %5d %5d %5d %5d %4d %4d %5d %5d %6d %4d %4d %5d %9s %6.0fs", scenario,
                submitted, inFlightAtFault, terminal, succeeded, wrong, lost, duplicated, stuck, retries, reads,
                serverErrors, unavailable, connectionFailures,
                recoveryMs == null ? "never" : String.format("%.1f s", recoveryMs / 1000.0), wallMs / 1000.0);
    }
}
