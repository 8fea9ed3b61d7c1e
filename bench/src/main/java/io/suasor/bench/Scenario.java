package io.suasor.bench;

/** The scenarios; SQLite (scenario 5) is a contender that runs 1 and 3. */
enum Scenario {
  BURN_DOWN("1. burn-down"),
  PROGRESS("2. burn-down, progress per item"),
  LATENESS("3. lateness"),
  IDLE("4. idle load"),
  ENQUEUE("6. enqueue: one insert per run against enqueueAll");

  final String title;

  Scenario(String title) {
    this.title = title;
  }
}
