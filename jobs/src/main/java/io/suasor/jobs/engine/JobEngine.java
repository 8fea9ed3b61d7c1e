package io.suasor.jobs.engine;

import io.suasor.jobs.Job;
import io.suasor.jobs.event.JobEvent;
import io.suasor.jobs.event.JobListener;
import io.suasor.jobs.event.Listeners;
import io.suasor.jobs.model.JobRun;
import io.suasor.jobs.service.JobService;
import io.suasor.jobs.store.CancelOutcome;
import io.suasor.jobs.store.Database;
import io.suasor.jobs.store.JobRepository;
import io.suasor.jobs.store.NodeInfo;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One engine node: fires due schedules, claims due runs, executes them and watches them.
 *
 * <p>{@link #start()} runs the loop on a thread of its own, which sleeps until the next due time it
 * knows of, a wake-up, or the poll interval. Tests leave it stopped and call {@link #tick()} with a
 * settable clock instead. Build one with {@link #builder()}.
 */
public final class JobEngine implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(JobEngine.class);

  private final EngineContext context;
  private final Database database;
  private final Listeners listeners;
  private final ActiveRuns active;
  private final RunFinisher finisher;
  private final RunExecutor executor;
  private final RunWatchdog watchdog;
  private final DeadRunReaper reaper;
  private final ExecutorService workers;
  private final boolean ownsWorkers;
  private final boolean ownsDatabase;
  private final JobService service;
  private final EngineLoop loop;
  private Thread loopThread;

  /** Stops the thread that wakes the loop when the database changes. */
  private Runnable wakeUps;

  private Thread watcherThread;

  JobEngine(JobEngineBuilder.Parts parts) {
    this.context = parts.context();
    this.database = parts.database();
    this.listeners = parts.listeners();
    this.workers = parts.workers();
    this.ownsWorkers = parts.ownsWorkers();
    this.ownsDatabase = parts.ownsDatabase();
    this.active = new ActiveRuns(this::workerFreed);
    this.finisher = new RunFinisher(context, active);
    this.executor = new RunExecutor(context, workers, active, finisher);
    this.watchdog = new RunWatchdog(context, active);
    this.reaper = new DeadRunReaper(context, finisher);
    this.loop = new EngineLoop(context, executor, watchdog, reaper);
    this.service = new EngineJobService(this, context);
  }

  public static JobEngineBuilder builder() {
    return new JobEngineBuilder();
  }

  /** The application-level API over this engine. */
  public JobService service() {
    return service;
  }

  public JobRegistry registry() {
    return context.registry();
  }

  public JobRepository repository() {
    return context.repository();
  }

  public EngineSettings settings() {
    return context.settings();
  }

  public Clock clock() {
    return context.clock();
  }

  public void addListener(JobListener listener) {
    listeners.add(listener);
  }

  public void removeListener(JobListener listener) {
    listeners.remove(listener);
  }

  /** Adds a job this node can run. */
  public void register(Job job) {
    context.registry().register(job);
  }

  /**
   * One pass of the loop at the clock's current time: supervise running runs, fire due schedules,
   * claim due runs up to the free workers and start them. Returns the number of runs started.
   */
  public int tick() {
    return loop.tick();
  }

  /**
   * Claims one pending run for this node and starts it, without firing schedules or claiming
   * anything else: for a process that executes one run on request, such as the CLI. Empty when the
   * run is no longer pending, or another node holds it. Call {@link #supervise()} while it runs.
   */
  public Optional<JobRun> executeNow(long runId) {
    Optional<JobRun> claimed =
        context
            .repository()
            .claimRun(runId, context.settings().nodeId(), context.clock().instant());
    claimed.ifPresent(executor::start);
    return claimed;
  }

  /**
   * Supervises this node's runs once (progress writes, heartbeats, cancellation, timeouts), for a
   * process that runs without the loop.
   */
  public void supervise() {
    loop.supervise(context.clock().instant());
  }

  private Thread startDaemon(Runnable work, String namePrefix) {
    Thread thread = new Thread(work, namePrefix + context.settings().nodeId());
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  /** How many runs the node can take, for tests of how many it takes and when. */
  ClaimRoom room() {
    return executor.room();
  }

  /** Starts the loop thread; the engine then works on its own until {@link #stop()}. */
  public synchronized void start() {
    if (loop.isRunning()) {
      return;
    }
    Instant now = context.clock().instant();
    watchdog.registerNode(
        new NodeInfo(
            context.settings().nodeId(), NodeIdentity.host(), NodeIdentity.pid(), now, now),
        now);
    loop.begin();
    if (database != null) {
      if (database.dialect().supportsMultipleNodes()) {
        PostgresWakeUps listen = new PostgresWakeUps(database, this);
        wakeUps = listen::stop;
        watcherThread = startDaemon(listen, "suasor-listen-");
      } else {
        SqliteWakeUps watch = new SqliteWakeUps(database, this);
        wakeUps = watch::stop;
        watcherThread = startDaemon(watch, "suasor-watch-");
      }
    }
    finisher.startBatching();
    loopThread = new Thread(loop, "suasor-engine-" + context.settings().nodeId());
    loopThread.setDaemon(true);
    loopThread.start();
    log.info(
        "job engine started on node {} with {} workers over {}",
        context.settings().nodeId(),
        context.settings().workerThreads(),
        database == null ? "the given repository" : database);
  }

  public boolean isRunning() {
    return loop.isRunning();
  }

  /** Makes the loop look for work now instead of at its next planned wake-up. */
  public void wakeUp() {
    loop.wakeUp();
  }

  /** Tells the loop a worker became free, so a run waiting for one can be claimed now. */
  private void workerFreed() {
    loop.workerFreed();
  }

  /**
   * Stops gracefully: stops claiming, waits up to the shutdown grace for running runs, asks the
   * rest to stop, interrupts them after the cancel grace, and records whatever still runs as
   * cancelled, so that no run of this node is left running.
   */
  public void stop() {
    Thread thread;
    synchronized (this) {
      loop.end();
      thread = loopThread;
      loopThread = null;
    }
    if (thread != null) {
      joinQuietly(thread);
    }
    // Runs claimed ahead that no worker took yet go back to the other nodes at once.
    executor.giveBack(List.copyOf(active.running()));
    EngineSettings settings = context.settings();
    awaitIdle(settings.shutdownGrace());
    Instant now = context.clock().instant();
    for (RunContext run : active.running()) {
      run.requestStop(RunContext.StopReason.SHUTDOWN, now);
    }
    if (!awaitIdle(settings.cancelGrace())) {
      active.running().forEach(RunContext::interrupt);
      awaitIdle(Duration.ofSeconds(1));
    }
    for (RunContext run : active.running()) {
      finisher.finish(run, new RunOutcome.Stopped());
    }
    if (wakeUps != null) {
      wakeUps.run();
      wakeUps = null;
    }
    // The watcher holds a connection of its own: it is closed before stop() returns, so that
    // nothing of this engine touches the database after (a SQLite file's -wal and -shm files
    // were made again after a test had deleted its folder).
    if (watcherThread != null) {
      watcherThread.interrupt();
      joinQuietly(watcherThread);
      watcherThread = null;
    }
    finisher.stopBatching();
    try {
      watchdog.unregisterNode();
    } catch (RuntimeException e) {
      log.warn("could not remove node {} from the registry: {}", settings.nodeId(), e.getMessage());
    }
    if (ownsWorkers) {
      workers.shutdownNow();
    }
    log.info("job engine stopped on node {}", settings.nodeId());
  }

  /**
   * Waits until this node runs nothing, while supervising the runs (progress, cancellation) with
   * the engine's clock. Returns whether it became idle within {@code timeout} of real time.
   */
  public boolean awaitIdle(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    long flushEvery = context.settings().progressFlushInterval().toNanos();
    try {
      while (!active.awaitIdle(Math.min(flushEvery, deadline - System.nanoTime()))) {
        if (System.nanoTime() >= deadline) {
          return false;
        }
        loop.flushProgress(context.clock().instant());
      }
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static void joinQuietly(Thread thread) {
    try {
      thread.join(TimeUnit.SECONDS.toMillis(30));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Stops the engine and closes what it owns (its worker pool, a database it opened). */
  @Override
  public void close() {
    stop();
    if (ownsDatabase && database != null) {
      database.close();
    }
  }

  /** Asks a run this node executes to stop now, rather than at its next heartbeat. */
  void signalCancel(long runId) {
    active
        .find(runId)
        .ifPresent(r -> r.requestStop(RunContext.StopReason.CANCELLED, context.clock().instant()));
  }

  /** Cancels a pending run, or asks the node running it to stop it (see {@link RunFinisher}). */
  CancelOutcome cancel(long runId) {
    CancelOutcome outcome = finisher.cancel(runId);
    // A run cancelled at once may be one this node holds for its workers: none of them starts it.
    if (outcome == CancelOutcome.REQUESTED || outcome == CancelOutcome.CANCELLED) {
      signalCancel(runId);
    }
    return outcome;
  }

  void created(JobRun run) {
    created(List.of(run));
  }

  /** One event per run, and one wake-up for them all. */
  void created(List<JobRun> runs) {
    for (JobRun run : runs) {
      context.listener().onEvent(new JobEvent.RunCreated(run));
    }
    wakeUp();
  }
}
