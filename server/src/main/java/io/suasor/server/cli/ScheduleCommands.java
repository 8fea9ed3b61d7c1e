package io.suasor.server.cli;

import io.suasor.jobs.model.JobSchedule;
import io.suasor.jobs.service.JobService;
import io.suasor.jobs.store.SchedulePage;
import io.suasor.server.Application;
import io.suasor.server.ServerException;
import io.suasor.server.http.StreamedList;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code schedules list|set|pause|resume}. */
final class ScheduleCommands {
  private ScheduleCommands() {}

  @Command(name = "schedules", description = "List schedules, change when they fire, pause them.")
  static final class Schedules {}

  static CommandLine create(Cli cli) {
    CommandLine schedules = new CommandLine(new Schedules());
    schedules.addSubcommand("list", new ListSchedules(cli));
    schedules.addSubcommand("set", new SetSchedule(cli));
    schedules.addSubcommand("pause", new Pause(cli, false));
    schedules.addSubcommand("resume", new Pause(cli, true));
    return schedules;
  }

  private static JobSchedule named(JobService jobs, String name) {
    return jobs.getJobScheduleByName(name)
        .orElseThrow(
            () ->
                new ServerException(
                    "there is no schedule named '" + name + "'; see 'schedules list'"));
  }

  private static String line(JobSchedule schedule) {
    return String.format(
        "%-40s %-30s %-8s next %s",
        schedule.name(),
        schedule.frequency(),
        schedule.enabled() ? "active" : "paused",
        schedule.nextRunTime() == null ? "-" : schedule.nextRunTime());
  }

  @Command(name = "list", description = "Every schedule with its frequency and next fire time.")
  static final class ListSchedules implements Callable<Integer> {
    private final Cli cli;
    @Mixin ConfigOptions options;
    @Mixin JsonOption json;

    ListSchedules(Cli cli) {
      this.cli = cli;
    }

    @Override
    public Integer call() {
      try (Application app = cli.open(options)) {
        cli.printPages(
            after -> {
              SchedulePage page = app.jobs().findSchedules(null, after, StreamedList.PAGE_SIZE);
              return new StreamedList.Page<>(page.schedules(), page.nextCursor());
            },
            json.requested,
            ScheduleCommands::line,
            schedule -> schedule);
      }
      return 0;
    }
  }

  @Command(
      name = "set",
      description =
          "Change when a schedule fires, e.g. 'daily at 03:00', 'every 6h', a cron expression or"
              + " 'after system.media.sync'.")
  static final class SetSchedule implements Callable<Integer> {
    private final Cli cli;
    @Mixin ConfigOptions options;

    @Parameters(index = "0", paramLabel = "NAME", description = "The schedule's name")
    String name;

    @Parameters(index = "1", paramLabel = "FREQUENCY", description = "When it fires")
    String frequency;

    @Option(names = "--time-zone", paramLabel = "ZONE", description = "e.g. Europe/Paris")
    String timeZone;

    SetSchedule(Cli cli) {
      this.cli = cli;
    }

    @Override
    public Integer call() {
      try (Application app = cli.open(options)) {
        JobSchedule.Builder changed = named(app.jobs(), name).toBuilder().frequency(frequency);
        if (timeZone != null) {
          changed.timeZone(timeZone);
        }
        cli.out().println(line(app.jobs().updateJobSchedule(changed.build())));
      }
      return 0;
    }
  }

  /** {@code schedules pause|resume NAME}. */
  @Command(description = "Pause a schedule, or resume a paused one.")
  static final class Pause implements Callable<Integer> {
    private final Cli cli;
    private final boolean resume;
    @Mixin ConfigOptions options;

    @Parameters(paramLabel = "NAME", description = "The schedule's name")
    String name;

    Pause(Cli cli, boolean resume) {
      this.cli = cli;
      this.resume = resume;
    }

    @Override
    public Integer call() {
      try (Application app = cli.open(options)) {
        named(app.jobs(), name);
        JobSchedule changed =
            resume ? app.jobs().resumeSchedule(name) : app.jobs().pauseSchedule(name);
        cli.out().println(line(changed));
      }
      return 0;
    }
  }
}
