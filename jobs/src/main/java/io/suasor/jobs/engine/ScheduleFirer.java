package io.suasor.jobs.engine;

import io.suasor.jobs.event.JobEvent;
import io.suasor.jobs.event.JobListener;
import io.suasor.jobs.model.JobRun;
import io.suasor.jobs.model.JobSchedule;
import io.suasor.jobs.model.NewRun;
import io.suasor.jobs.schedule.InvalidScheduleException;
import io.suasor.jobs.schedule.Schedule;
import io.suasor.jobs.store.Fire;
import io.suasor.jobs.store.FiredBatch;
import io.suasor.jobs.store.JobRepository;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns due schedules into runs, a batch of schedules per transaction. Each firing moves the
 * schedule's next run time and inserts its runs in the transaction that holds the schedule's row
 * lock and checks the next run time it read, so concurrent nodes fire each instant once; the unique
 * (schedule, fire instant) key guards it a second time.
 */
final class ScheduleFirer {
  private static final Logger log = LoggerFactory.getLogger(ScheduleFirer.class);

  /**
   * Schedules fired per transaction; a pass fires batch after batch until none is left. Nodes take
   * disjoint batches (see {@link JobRepository#fireDueSchedules}).
   */
  static final int BATCH = 500;

  /** The most fire instants walked to find where a long-idle schedule resumes. */
  private static final int MAX_WALK = 100_000;

  private final JobRepository repository;
  private final ScheduledRuns scheduledRuns;
  private final EngineSettings settings;
  private final JobListener listener;

  ScheduleFirer(
      JobRepository repository,
      JobRegistry registry,
      EngineSettings settings,
      JobListener listener) {
    this.repository = repository;
    this.scheduledRuns = new ScheduledRuns(registry);
    this.settings = settings;
    this.listener = listener;
  }

  /** Fires every schedule due at {@code now}; returns how many runs it created. */
  int fireDue(Instant now) {
    int created = 0;
    // A storm's schedules share a few texts: each is read once per pass, not once per schedule.
    Map<List<String>, Schedule> read = new HashMap<>();
    FiredBatch batch;
    do {
      batch = repository.fireDueSchedules(now, BATCH, schedule -> plan(schedule, now, read));
      for (JobRun run : batch.runs()) {
        listener.onEvent(new JobEvent.RunCreated(run));
      }
      created += batch.runs().size();
    } while (batch.schedules() == BATCH);
    if (created >= REFRESH_AFTER) {
      repository.refreshRunStatistics();
    }
    return created;
  }

  /**
   * Runs fired in one pass from which the database's statistics are refreshed before claiming: a
   * storm of schedules due at one instant turns a table of ended runs into one of thousands of
   * pending runs within seconds, faster than the database's own analysis follows.
   */
  static final int REFRESH_AFTER = 1_000;

  /** The firing of one due schedule: its runs and its next run time. */
  private Fire plan(JobSchedule stored, Instant now, Map<List<String>, Schedule> read) {
    Schedule schedule;
    try {
      List<String> text = List.of(stored.frequency(), stored.timeZone());
      schedule = read.get(text);
      if (schedule == null) {
        schedule = Schedule.parse(stored.frequency(), ZoneId.of(stored.timeZone()));
        read.put(text, schedule);
      }
    } catch (InvalidScheduleException | java.time.DateTimeException e) {
      log.error(
          "schedule '{}' cannot fire and is stopped until it is edited: {}",
          stored.name(),
          e.getMessage());
      return new Fire(
          stored.id(), stored.nextRunTime(), null, stored.lastRunTime(), List.of(), now);
    }
    List<Instant> missed = new ArrayList<>();
    Instant next = stored.nextRunTime();
    while (next != null && !next.isAfter(now) && missed.size() < MAX_WALK) {
      missed.add(next);
      next = schedule.nextFireAfter(next).orElse(null);
    }
    if (next != null && !next.isAfter(now)) {
      next = schedule.nextFireAfter(now).orElse(null);
    }
    List<Instant> fires = firesFor(stored, missed, now);
    List<NewRun> runs = new ArrayList<>(fires.size());
    for (Instant instant : fires) {
      runs.add(scheduledRuns.fireOf(stored, instant));
    }
    Instant lastRun = fires.isEmpty() ? stored.lastRunTime() : fires.get(fires.size() - 1);
    if (fires.size() < missed.size()) {
      log.info(
          "schedule '{}' missed {} fire(s) while no node ran it; {} by its misfire policy {}",
          stored.name(),
          missed.size(),
          fires.isEmpty() ? "skipping them" : "running " + fires.size(),
          stored.misfirePolicy().value());
    }
    return new Fire(stored.id(), stored.nextRunTime(), next, lastRun, runs, now);
  }

  /**
   * Which of the instants that came due get a run. An instant later than the misfire threshold
   * misfired (no node ran while it was due) and follows the schedule's policy; the others fire.
   */
  private List<Instant> firesFor(JobSchedule stored, List<Instant> missed, Instant now) {
    List<Instant> late = new ArrayList<>();
    List<Instant> onTime = new ArrayList<>();
    for (Instant instant : missed) {
      boolean misfired = Duration.between(instant, now).compareTo(settings.misfireThreshold()) > 0;
      (misfired ? late : onTime).add(instant);
    }
    if (late.isEmpty()) {
      return onTime;
    }
    List<Instant> fires = new ArrayList<>();
    switch (stored.misfirePolicy()) {
      case FIRE_ONCE -> {
        if (onTime.isEmpty()) {
          fires.add(late.get(late.size() - 1));
        }
      }
      case SKIP -> {}
      case CATCH_UP ->
          fires.addAll(late.subList(Math.max(0, late.size() - settings.maxCatchUp()), late.size()));
    }
    fires.addAll(onTime);
    return fires;
  }
}
