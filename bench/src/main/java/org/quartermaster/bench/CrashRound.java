package org.quartermaster.bench;

/**
 * What one kill -9 round found.
 *
 * @param acknowledged needs the server answered 201 for before it was killed
 * @param found        of those, present with their own body after the restart
 * @param lost         acknowledged but missing, or present without their journal event
 * @param inDoubt      requests sent but unanswered when the server died
 * @param committed    of those, already stored before they were retried
 * @param retriedCreated in-doubt requests whose retry created the need (it had not committed)
 * @param retriedReplayed in-doubt requests whose retry replayed the stored first response
 * @param stuck        in-doubt requests whose retry still answered 409 (key claimed, response never stored)
 * @param duplicates   keys of this round stored as more than one need after the retries
 * @param chainBrokenAt first broken journal link after the kill, 0 when the chain is intact
 */
record CrashRound(int round, long pid, int exitValue, long killAfterMillis, int acknowledged, int found, int lost,
                  int inDoubt, int committed, int retriedCreated, int retriedReplayed, int stuck, int refused,
                  int duplicates, long journalEvents, long chainBrokenAt) {

    static final String HEADER = "%5s %8s %4s %7s %6s %6s %5s %8s %9s %7s %8s %5s %7s %4s %8s %6s".formatted(
            "round", "pid", "exit", "kill_ms", "acked", "found", "lost", "in-doubt", "committed", "created",
            "replayed", "stuck", "refused", "dup", "journal", "chain");

    String row() {
        return "%5d %8d %4d %7d %6d %6d %5d %8d %9d %7d %8d %5d %7d %4d %8d %6s".formatted(round, pid, exitValue,
                killAfterMillis, acknowledged, found, lost, inDoubt, committed, retriedCreated, retriedReplayed, stuck,
                refused, duplicates, journalEvents, chainBrokenAt == 0 ? "ok" : "BROKEN@" + chainBrokenAt);
    }
}
