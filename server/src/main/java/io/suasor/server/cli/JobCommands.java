package io.suasor.server.cli;

import io.suasor.jobs.Job;
import io.suasor.jobs.engine.JobEngine;
import io.suasor.jobs.model.JobRun;
import io.suasor.jobs.model.JobSchedule;
import io.suasor.jobs.model.JobStatus;
import io.suasor.jobs.service.JobService;
import io.suasor.jobs.service.ManualRun;
import io.suasor.jobs.store.CancelOutcome;
import io.suasor.jobs.store.NodeInfo;
import io.suasor.jobs.store.RunQuery;
import io.suasor.server.Application;
import java.io.PrintStream;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jobs list|run|runs|cancel}. */
final class JobCommands {
  static final long FOLLOW_INTERVAL_MILLIS = 200;

  private JobCommands() {}

  @Command(name = "jobs", description = "List, run and cancel jobs and look at their runs.")
  static final class Jobs {}

  static CommandLine create(Cli cli) {
    CommandLine jobs = new CommandLine(new Jobs());
    jobs.addSubcommand("list", new ListJobs(cli));
    jobs.addSubcommand("run", new RunJob(cli));
    jobs.addSubcommand("runs", new ListRuns(cli));
    jobs.addSubcommand("cancel", new CancelRun(cli));
    return jobs;
  }

  /** A job as {@code jobs list --json} shows it. */
  record JobLine(
      String name, String type, String frequency, boolean enabled, Instant nextRunTime) {}

  @Command(name = "list", description = "Registered jobs with their schedules and next runs.")
  static final class ListJobs implements Callable<Integer> {
    private final Cli cli;
    @Mixin ConfigOptions options;
    @Mixin JsonOption json;

    ListJobs(Cli cli) {
      this.cli = cli;
    }

    @Override
    public Integer call() {
      try (Application app = cli.open(options)) {
        JobService jobs = app.jobs();
        List<JobLine> lines =
            jobs.registeredJobs().stream()
                .sorted(Comparator.comparing(Job::name))
                .map(
                    job -> {
                      Optional<JobSchedule> schedule = jobs.getJobScheduleByName(job.name());
                      return new JobLine(
                          job.name(),
                          job.type().value(),
                          schedule.map(JobSchedule::frequency).orElse(job.schedule().text()),
                          schedule.map(JobSchedule::enabled).orElse(true),
                          schedule.map(JobSchedule::nextRunTime).orElse(null));
                    })
                .toList();
        if (json.requested) {
          cli.printJson(lines);
          return 0;
        }
        PrintStream out = cli.out();
        if (lines.isEmpty()) {
          out.println("no jobs are registered");
        }
        for (JobLine line : lines) {
          out.printf(
              "%-40s %-14s %-30s %s%n",
              line.name(),
              line.type(),
              line.frequency(),
              line.enabled()
                  ? "next " + (line.nextRunTime() == null ? "-" : line.nextRunTime())
                  : "paused");
        }
      }
      return 0;
    }
  }

  @Command(
      name = "run",
      description =
          "Run a job now and wait for the run to end: on the running server when one is alive on"
              + " this database, else in this process. Exit code 0 when it completed, 1 when not.")
  static final class RunJob implements Callable<Integer> {
    private final Cli cli;
    @Mixin ConfigOptions options;
    @Mixin JsonOption json;

    @Parameters(paramLabel = "NAME", description = "The job's name")
    String name;

    @Option(
        names = "--follow",
        description = "Print a line each time the run's progress changes (on stderr with --json)")
    boolean follow;

    @Option(names = "--params", paramLabel = "JSON", description = "Parameters, a JSON object")
    String parameters;

    RunJob(Cli cli) {
      this.cli = cli;
    }

    @Override
    public Integer call() throws InterruptedException {
      try (Application app = cli.open(options)) {
        JobRun run = app.jobs().runJobManually(ManualRun.of(name).withParameters(parameters));
        return followToTheEnd(cli, app, run, follow, json.requested);
      }
    }
  }

  /**
   * Waits for {@code run} to end, executing it here when no server is alive on the database, and
   * prints it as it ended; returns 0 when it completed.
   */
  static int followToTheEnd(Cli cli, Application app, JobRun run, boolean follow, boolean json)
      throws InterruptedException {
    JobEngine engine = app.engine();
    PrintStream notes = json ? cli.err() : cli.out();
    Instant now = engine.clock().instant();
    List<NodeInfo> alive =
        engine.repository().liveNodes(now.minus(engine.settings().deadRunThreshold()));
    boolean handedOver = !alive.isEmpty();
    if (handedOver) {
      notes.println(
          "run "
              + run.id()
              + " of "
              + run.jobName()
              + " handed to the running server (node "
              + alive.get(0).nodeId()
              + ")");
    } else {
      // No server runs on this database: execute this run here, and nothing else.
      engine.executeNow(run.id());
      notes.println("run " + run.id() + " of " + run.jobName() + " started in this process");
    }
    JobRun last = run;
    while (!last.status().isTerminal()) {
      TimeUnit.MILLISECONDS.sleep(FOLLOW_INTERVAL_MILLIS);
      if (!handedOver) {
        engine.supervise();
      }
      JobRun current = app.jobs().getJobRunById(run.id()).orElseThrow();
      if (follow && changed(last, current)) {
        notes.println(progressLine(current));
      }
      last = current;
    }
    if (json) {
      cli.printJson(last);
    } else {
      cli.out()
          .println(
              "run "
                  + last.id()
                  + " "
                  + last.status().value()
                  + (last.errorMessage() == null ? "" : ": " + last.errorMessage())
                  + (Objects.equals(last.metadata(), "{}") ? "" : " " + last.metadata()));
    }
    return last.status() == JobStatus.COMPLETED ? 0 : Cli.FAILED;
  }

  private static boolean changed(JobRun before, JobRun after) {
    return before.progress() != after.progress()
        || before.status() != after.status()
        || !Objects.equals(before.statusMessage(), after.statusMessage());
  }

  private static String progressLine(JobRun run) {
    return String.format(
        "%3d%% %s %d/%d %s",
        run.progress(),
        run.status().value(),
        run.processedItems(),
        run.totalItems(),
        run.statusMessage() == null ? "" : run.statusMessage());
  }

  @Command(name = "runs", description = "Recent runs, newest first.")
  static final class ListRuns implements Callable<Integer> {
    private final Cli cli;
    @Mixin ConfigOptions options;
    @Mixin JsonOption json;

    @Option(names = "--limit", defaultValue = "20", description = "How many (1-1000)")
    int limit;

    @Option(names = "--job", description = "Only runs of this job")
    String job;

    ListRuns(Cli cli) {
      this.cli = cli;
    }

    @Override
    public Integer call() {
      if (limit < 1 || limit > RunQuery.MAX_LIMIT) {
        throw new CommandLine.ParameterException(
            new CommandLine(this), "--limit must be from 1 to " + RunQuery.MAX_LIMIT);
      }
      try (Application app = cli.open(options)) {
        List<JobRun> runs =
            app.jobs().findRuns(RunQuery.latest(limit).withJobName(job)).runs().stream()
                .sorted(Comparator.comparingLong(JobRun::id).reversed())
                .toList();
        if (json.requested) {
          cli.printJson(runs);
          return 0;
        }
        runs.forEach(
            run ->
                cli.out()
                    .printf(
                        "%6d %-40s %-10s %3d%% created %s%s%n",
                        run.id(),
                        run.jobName(),
                        run.status().value(),
                        run.progress(),
                        run.createdAt(),
                        run.errorMessage() == null ? "" : " " + run.errorMessage()));
      }
      return 0;
    }
  }

  @Command(name = "cancel", description = "Cancel a run; a running one stops at its next check.")
  static final class CancelRun implements Callable<Integer> {
    private final Cli cli;
    @Mixin ConfigOptions options;

    @Parameters(paramLabel = "ID", description = "The run's id")
    long id;

    CancelRun(Cli cli) {
      this.cli = cli;
    }

    @Override
    public Integer call() {
      try (Application app = cli.open(options)) {
        CancelOutcome outcome = app.jobs().cancelRun(id);
        cli.out()
            .println(
                "run "
                    + id
                    + ": "
                    + outcome.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
        return outcome == CancelOutcome.CANCELLED || outcome == CancelOutcome.REQUESTED ? 0 : 1;
      }
    }
  }
}
