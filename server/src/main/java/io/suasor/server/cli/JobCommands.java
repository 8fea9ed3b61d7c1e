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

  @Command(name = "list", description = "Registered jobs with their schedules and next runs.")
  static final class ListJobs implements Callable<Integer> {
    private final Cli cli;
    @Mixin ConfigOptions options;

    ListJobs(Cli cli) {
      this.cli = cli;
    }

    @Override
    public Integer call() {
      try (Application app = cli.open(options)) {
        JobService jobs = app.jobs();
        PrintStream out = cli.out();
        if (jobs.registeredJobs().isEmpty()) {
          out.println("no jobs are registered");
        }
        for (Job job : jobs.registeredJobs()) {
          Optional<JobSchedule> schedule = jobs.getJobScheduleByName(job.name());
          out.printf(
              "%-40s %-14s %-30s next %s%n",
              job.name(),
              job.type().value(),
              schedule.map(JobSchedule::frequency).orElse(job.schedule().text()),
              schedule.map(JobSchedule::nextRunTime).map(Object::toString).orElse("-"));
        }
      }
      return 0;
    }
  }

  @Command(
      name = "run",
      description =
          "Run a job now, in this process, and wait for it to end. Exit code 0 when it completed.")
  static final class RunJob implements Callable<Integer> {
    private final Cli cli;
    @Mixin ConfigOptions options;

    @Parameters(paramLabel = "NAME", description = "The job's name")
    String name;

    @Option(names = "--wait", description = "Show progress as the run goes")
    boolean showProgress;

    @Option(names = "--params", paramLabel = "JSON", description = "Parameters, a JSON object")
    String parameters;

    RunJob(Cli cli) {
      this.cli = cli;
    }

    @Override
    public Integer call() throws InterruptedException {
      try (Application app = cli.open(options)) {
        JobService jobs = app.jobs();
        JobEngine engine = app.engine();
        JobRun run = jobs.runJobManually(ManualRun.of(name).withParameters(parameters));
        PrintStream out = cli.out();
        Instant now = engine.clock().instant();
        List<NodeInfo> alive =
            engine.repository().liveNodes(now.minus(engine.settings().deadRunThreshold()));
        boolean handedOver = !alive.isEmpty();
        if (handedOver) {
          out.println(
              "run "
                  + run.id()
                  + " of "
                  + name
                  + " handed to the running server (node "
                  + alive.get(0).nodeId()
                  + ")");
        } else {
          // No server runs on this database: execute this run here, and nothing else.
          engine.executeNow(run.id());
          out.println("run " + run.id() + " of " + name + " started in this process");
        }
        JobRun last = run;
        while (!last.status().isTerminal()) {
          TimeUnit.MILLISECONDS.sleep(FOLLOW_INTERVAL_MILLIS);
          if (!handedOver) {
            engine.supervise();
          }
          JobRun current = jobs.getJobRunById(run.id()).orElseThrow();
          if (showProgress && changed(last, current)) {
            out.println(progressLine(current));
          }
          last = current;
        }
        out.println(
            "run "
                + last.id()
                + " "
                + last.status().value()
                + (last.errorMessage() == null ? "" : ": " + last.errorMessage())
                + (Objects.equals(last.metadata(), "{}") ? "" : " " + last.metadata()));
        return last.status() == JobStatus.COMPLETED ? 0 : 1;
      }
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
  }

  @Command(name = "runs", description = "Recent runs, newest first.")
  static final class ListRuns implements Callable<Integer> {
    private final Cli cli;
    @Mixin ConfigOptions options;

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
        app.jobs().findRuns(RunQuery.latest(limit).withJobName(job)).runs().stream()
            .sorted(Comparator.comparingLong(JobRun::id).reversed())
            .forEach(
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
