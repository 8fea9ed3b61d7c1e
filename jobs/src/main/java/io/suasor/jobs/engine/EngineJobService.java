package io.suasor.jobs.engine;

import io.suasor.jobs.Job;
import io.suasor.jobs.model.JobRun;
import io.suasor.jobs.model.JobSchedule;
import io.suasor.jobs.model.NewRun;
import io.suasor.jobs.model.Trigger;
import io.suasor.jobs.schedule.Schedule;
import io.suasor.jobs.service.InvalidRequestException;
import io.suasor.jobs.service.JobBusyException;
import io.suasor.jobs.service.JobService;
import io.suasor.jobs.service.ManualRun;
import io.suasor.jobs.service.NotFoundException;
import io.suasor.jobs.service.SyncReport;
import io.suasor.jobs.service.UnknownJobException;
import io.suasor.jobs.store.CancelOutcome;
import io.suasor.jobs.store.DuplicateException;
import io.suasor.jobs.store.JobRepository;
import io.suasor.jobs.store.LogLine;
import io.suasor.jobs.store.RunPage;
import io.suasor.jobs.store.RunQuery;
import io.suasor.jobs.store.SchedulePage;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The {@link JobService} of one engine node. */
final class EngineJobService implements JobService {

  private final JobEngine engine;
  private final JobRepository repository;
  private final JobRegistry registry;
  private final Clock clock;
  private final ScheduleRequests requests;

  EngineJobService(JobEngine engine, EngineContext context) {
    this.engine = engine;
    this.repository = context.repository();
    this.registry = context.registry();
    this.clock = context.clock();
    this.requests = new ScheduleRequests(repository, registry);
  }

  @Override
  public void startScheduler() {
    engine.start();
  }

  @Override
  public void stopScheduler() {
    engine.stop();
  }

  @Override
  public void registerJob(Job job) {
    registry.register(job);
  }

  @Override
  public Collection<Job> registeredJobs() {
    return registry.all();
  }

  @Override
  public SyncReport syncDatabaseJobs() {
    List<String> created = new ArrayList<>();
    List<String> kept = new ArrayList<>();
    // The system schedules and the names of those without a job, not every schedule: a server
    // of many users holds hundreds of thousands of user schedules.
    List<JobSchedule> system = repository.findSystemSchedules();
    for (Job job : registry.all()) {
      if (system.stream().anyMatch(s -> s.jobName().equals(job.name()))) {
        kept.add(job.name());
        continue;
      }
      Schedule schedule = job.schedule();
      JobSchedule fresh =
          JobSchedule.builder(job.name())
              .jobType(job.type())
              .frequency(schedule.text())
              .timeZone(schedule.zone().getId())
              .build();
      try {
        // A default may follow a job this node does not register (another node may).
        create(fresh, false);
        created.add(job.name());
      } catch (DuplicateException e) {
        kept.add(job.name());
      }
    }
    List<String> unregistered =
        repository.findScheduleNamesOfOtherJobs(registry.all().stream().map(Job::name).toList());
    return new SyncReport(created, kept, unregistered);
  }

  @Override
  public List<JobSchedule> getAllJobSchedules() {
    return repository.getAllJobSchedules();
  }

  @Override
  public SchedulePage findSchedules(Long visibleTo, Long afterId, int limit) {
    return repository.findSchedules(visibleTo, afterId, limit);
  }

  @Override
  public List<JobSchedule> findUserSchedules(long userId) {
    return repository.findUserSchedules(userId);
  }

  @Override
  public Optional<JobSchedule> getJobScheduleByName(String name) {
    return repository.getJobSchedule(name);
  }

  @Override
  public JobSchedule createJobSchedule(JobSchedule request) {
    return create(request, true);
  }

  private JobSchedule create(JobSchedule request, boolean requireFollowedJob) {
    Job job = job(request.jobName());
    String name = request.name() == null || request.name().isBlank() ? job.name() : request.name();
    if (name.length() > ScheduleRequests.MAX_NAME_LENGTH) {
      throw new InvalidRequestException(
          "name",
          "a schedule name may have at most " + ScheduleRequests.MAX_NAME_LENGTH + " characters");
    }
    JobSchedule normal = requests.normalise(request.withName(name), job);
    Schedule schedule = ScheduleRequests.parse(normal);
    requests.checkChain(normal, schedule, requireFollowedJob);
    Instant now = clock.instant();
    Instant next =
        normal.enabled()
            ? (normal.lastRunTime() == null
                    ? schedule.firstFireAt(now)
                    : schedule.nextFireAfter(normal.lastRunTime()))
                .orElse(null)
            : null;
    JobSchedule stored = repository.createJobSchedule(normal.withNextRunTime(next), now);
    engine.wakeUp();
    return stored;
  }

  @Override
  public JobSchedule updateJobSchedule(JobSchedule request) {
    JobSchedule current =
        repository
            .getJobSchedule(request.name())
            .orElseThrow(
                () -> new NotFoundException("there is no schedule named '" + request.name() + "'"));
    Job job = job(request.jobName());
    JobSchedule normal = requests.normalise(request, job);
    Schedule schedule = ScheduleRequests.parse(normal);
    if (!Objects.equals(current.frequency(), normal.frequency())) {
      requests.checkChain(normal, schedule, true);
    }
    boolean timingChanged =
        !Objects.equals(current.frequency(), normal.frequency())
            || !Objects.equals(current.timeZone(), normal.timeZone())
            || (normal.enabled() && !current.enabled());
    Instant next = current.nextRunTime();
    if (!normal.enabled()) {
      next = null;
    } else if (timingChanged || next == null) {
      Instant now = clock.instant();
      next =
          (current.lastRunTime() == null
                  ? schedule.firstFireAt(now)
                  : schedule.nextFireAfter(current.lastRunTime()))
              .orElse(null);
    }
    JobSchedule stored =
        repository.updateJobSchedule(normal.withNextRunTime(next), clock.instant());
    engine.wakeUp();
    return stored;
  }

  @Override
  public boolean deleteJobSchedule(String name) {
    boolean deleted = repository.deleteJobSchedule(name);
    engine.wakeUp();
    return deleted;
  }

  @Override
  public JobSchedule pauseSchedule(String name) {
    return updateJobSchedule(schedule(name).withEnabled(false));
  }

  @Override
  public JobSchedule resumeSchedule(String name) {
    return updateJobSchedule(schedule(name).withEnabled(true));
  }

  private JobSchedule schedule(String name) {
    return repository
        .getJobSchedule(name)
        .orElseThrow(() -> new NotFoundException("there is no schedule named '" + name + "'"));
  }

  @Override
  public List<JobRun> getRecentJobRuns(int limit) {
    return repository.getRecentJobRuns(limit);
  }

  @Override
  public List<JobRun> getUserJobRuns(long userId, int limit) {
    return repository.getJobRunsByUser(userId, limit);
  }

  @Override
  public Optional<JobRun> getJobRunById(long runId) {
    return repository.getJobRunById(runId);
  }

  @Override
  public List<JobRun> getActiveJobRuns() {
    return repository.getActiveJobRuns();
  }

  @Override
  public JobRun runJobManually(String jobName) {
    return runJobManually(ManualRun.of(jobName));
  }

  @Override
  public JobRun runJobManually(ManualRun request) {
    Job job = job(request.jobName());
    String parameters =
        request.parameters() == null || request.parameters().isBlank()
            ? JobSchedule.EMPTY_CONFIG
            : request.parameters();
    ScheduleRequests.requireJsonObject("parameters", parameters);
    Instant now = clock.instant();
    NewRun run =
        NewRun.builder(job.name(), job.type(), Trigger.MANUAL, now)
            .userId(request.userId())
            .parameters(parameters)
            .timeout(job.timeout())
            .concurrencyLimit(job.maxConcurrency())
            .build();
    JobRun created =
        repository
            .createRunIfIdle(run, now)
            .orElseThrow(() -> new JobBusyException(job.name(), request.userId()));
    engine.created(created);
    return created;
  }

  @Override
  public List<JobRun> enqueueAll(List<NewRun> runs) {
    List<NewRun> checked = List.copyOf(runs);
    BulkRuns.check(checked, registry);
    if (checked.isEmpty()) {
      return List.of();
    }
    List<JobRun> created = repository.createJobRuns(checked, clock.instant());
    engine.created(created);
    return created;
  }

  @Override
  public CancelOutcome cancelRun(long runId) {
    return engine.cancel(runId);
  }

  @Override
  public RunPage findRuns(RunQuery query) {
    return repository.findRuns(query);
  }

  @Override
  public List<LogLine> getRunLogs(long runId) {
    return repository.getRunLogs(runId);
  }

  @Override
  public void updateJobProgress(long runId, int progress, String message) {
    repository.updateJobProgress(runId, progress, message, clock.instant());
  }

  @Override
  public void setJobTotalItems(long runId, long totalItems) {
    repository.setJobTotalItems(runId, totalItems, clock.instant());
  }

  @Override
  public void incrementJobProcessedItems(long runId, long count) {
    repository.incrementJobProcessedItems(runId, count, clock.instant());
  }

  private Job job(String name) {
    if (name == null || name.isBlank()) {
      throw new InvalidRequestException("jobName", "jobName is required");
    }
    return registry
        .find(name)
        .orElseThrow(
            () -> new UnknownJobException(name, registry.all().stream().map(Job::name).toList()));
  }
}
