package io.suasor.jobs.engine;

import io.suasor.jobs.Job;
import io.suasor.jobs.event.JobEvent;
import io.suasor.jobs.event.JobListener;
import io.suasor.jobs.event.Listeners;
import io.suasor.jobs.model.JobRun;
import io.suasor.jobs.service.JobService;
import io.suasor.jobs.store.CancelOutcome;
import io.suasor.jobs.store.Claim;
import io.suasor.jobs.store.Database;
import io.suasor.jobs.store.DueTimes;
import io.suasor.jobs.store.JobRepository;
import io.suasor.jobs.store.NodeInfo;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
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
  private final ScheduleFirer firer;
  private final ActiveRuns active;
  private final RunFinisher finisher;
  private final RunExecutor executor;
  private final RunWatchdog watchdog;
  private final DeadRunReaper reaper;
  private final ExecutorService workers;
  private final boolean ownsWorkers;
  private final boolean ownsDatabase;
  private final JobService service;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition wake = lock.newCondition();
  private boolean wakeRequested;
  private boolean workerFreed;
  private volatile boolean running;
  private volatile boolean claiming = true;
  private Thread loop;
  private final OutageLog outage =
      new OutageLog(LoggerFactory.getLogger(JobEngine.class), "the job engine's pass");

  /** Stops the thread that wakes the loop when the database changes. */
  private Runnable wakeUps;

  JobEngine(JobEngineBuilder.Parts parts) {
    this.context = parts.context();
    this.database = parts.database();
    this.listeners = parts.listeners();
    this.workers = parts.workers();
    this.ownsWorkers = parts.ownsWorkers();
    this.ownsDatabase = parts.ownsDatabase();
    this.firer =
        new ScheduleFirer(
            context.repository(), context.registry(), context.settings(), context.listener());
    this.active = new ActiveRuns(this::workerFreed);
    this.finisher = new RunFinisher(context, active);
    this.executor = new RunExecutor(context, workers, active, finisher);
    this.watchdog = new RunWatchdog(context, active);
    this.reaper = new DeadRunReaper(context, finisher);
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
    supervise(context.clock().instant());
    return claiming ? pass(true) : 0;
  }

  /**
   * Fires due schedules if asked, then claims and starts runs until none is due or none can be
   * taken: runs of any job registered here for idle workers, then runs of short jobs ahead of them.
   */
  private int pass(boolean fire) {
    if (fire) {
      firer.fireDue(context.clock().instant());
    }
    String node = context.settings().nodeId();
    int total = 0;
    while (claiming) {
      ClaimRoom room = executor.room();
      int free = room.freeWorkers();
      Set<String> shortJobs = free > 0 ? Set.of() : room.shortJobs();
      int wanted = free > 0 ? free : shortJobs.isEmpty() ? 0 : room.roomAhead();
      if (wanted == 0) {
        break;
      }
      Instant now = context.clock().instant();
      Claim claim = Claim.of(node, now, wanted, context.registry().names());
      List<JobRun> claimed =
          context.repository().claimDueRuns(free > 0 ? claim : claim.aheadOnly(shortJobs));
      claimed.forEach(executor::start);
      total += claimed.size();
      // Short runs end while they are being claimed; claim again only for a batch worth it.
      if (claimed.size() < wanted || !executor.room().worthClaiming()) {
        break;
      }
    }
    return total;
  }

  /**
   * Claims one pending run for this node and starts it, without firing schedules or claiming
   * anything else: for a process that executes one run on request, such as the CLI. Empty when the
   * run is no longer pending. Call {@link #supervise()} while it runs.
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
    supervise(context.clock().instant());
  }

  private void startDaemon(Runnable work, String namePrefix) {
    Thread thread = new Thread(work, namePrefix + context.settings().nodeId());
    thread.setDaemon(true);
    thread.start();
  }

  /** How many runs the node can take, for tests of how many it takes and when. */
  ClaimRoom room() {
    return executor.room();
  }

  /** Starts the loop thread; the engine then works on its own until {@link #stop()}. */
  public synchronized void start() {
    if (running) {
      return;
    }
    Instant now = context.clock().instant();
    watchdog.registerNode(
        new NodeInfo(
            context.settings().nodeId(), NodeIdentity.host(), NodeIdentity.pid(), now, now),
        now);
    running = true;
    claiming = true;
    if (database != null) {
      if (database.dialect().supportsMultipleNodes()) {
        PostgresWakeUps listen = new PostgresWakeUps(database, this);
        wakeUps = listen::stop;
        startDaemon(listen, "suasor-listen-");
      } else {
        SqliteWakeUps watch = new SqliteWakeUps(database, this);
        wakeUps = watch::stop;
        startDaemon(watch, "suasor-watch-");
      }
    }
    finisher.startBatching();
    loop = new Thread(this::runLoop, "suasor-engine-" + context.settings().nodeId());
    loop.setDaemon(true);
    loop.start();
    log.info(
        "job engine started on node {} with {} workers over {}",
        context.settings().nodeId(),
        context.settings().workerThreads(),
        database == null ? "the given repository" : database);
  }

  public boolean isRunning() {
    return running;
  }

  /** Makes the loop look for work now instead of at its next planned wake-up. */
  public void wakeUp() {
    lock.lock();
    try {
      wakeRequested = true;
      wake.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Tells the loop a worker became free, so a run waiting for one can be claimed now. */
  void workerFreed() {
    lock.lock();
    try {
      workerFreed = true;
      wake.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Why the loop woke before its planned time. */
  private enum Wake {
    NONE,
    WORKER_FREED,
    REQUESTED
  }

  /**
   * The loop: supervise, and when woken, due or polling, fire and claim; then sleep until the next
   * due schedule or run, the next supervision duty, the poll interval or a wake-up. Work that was
   * due before a pass and is still unclaimed after it waits for a wake-up (a run of this node
   * ending, a notification) rather than being asked for again at once.
   */
  private void runLoop() {
    DueTimes due = new DueTimes(Instant.MIN, Instant.MIN);
    Instant nextPoll = Instant.MIN;
    Wake woken = Wake.REQUESTED;
    while (running) {
      Instant wakeAt;
      try {
        Instant now = context.clock().instant();
        supervise(now);
        boolean schedulesDue = due.schedules() != null && !now.isBefore(due.schedules());
        boolean runsDue = due.runs() != null && !now.isBefore(due.runs());
        boolean poll = !now.isBefore(nextPoll);
        boolean requested = woken == Wake.REQUESTED;
        Instant nextDue = due.earliest();
        boolean freed = woken == Wake.WORKER_FREED && executor.room().worthClaiming();
        if (requested || freed || schedulesDue || runsDue || poll) {
          pass(requested || schedulesDue || poll);
          if (!executor.room().worthClaiming() && !requested && !poll) {
            // Every worker is busy (or, for short runs, too few are free to be worth a claim):
            // more due runs wait until runs end, which wakes the loop; only a schedule's fire
            // time is worth keeping.
            nextDue =
                due.schedules() != null && due.schedules().isAfter(now)
                    ? due.schedules()
                    : Instant.MAX;
            due = new DueTimes(due.schedules(), null);
          } else {
            due = context.repository().nextDueTimes();
            nextPoll = now.plus(context.settings().pollInterval());
            nextDue = due.earliest();
            if (!nextDue.isAfter(now)) {
              // Due before this pass began and still not taken: its job is at its concurrency
              // limit. A run ending or a notification wakes the loop for it.
              nextDue = Instant.MAX;
            }
          }
        }
        wakeAt = earliest(nextDue, nextPoll, earliest(watchdog.nextDuty(now), reaper.nextDuty()));
        outage.recovered();
      } catch (Throwable e) {
        outage.failed(e);
        due = new DueTimes(Instant.MIN, Instant.MIN);
        wakeAt = context.clock().instant().plus(outage.backoff());
      }
      woken = await(wakeAt);
    }
  }

  private static Instant earliest(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  private static Instant earliest(Instant a, Instant b, Instant c) {
    return earliest(earliest(a, b), c);
  }

  /** The local watch, then the reaping of other nodes' dead runs, each when due. */
  private void supervise(Instant now) {
    watchdog.watch(now);
    reaper.reapIfDue(now);
  }

  /** Sleeps until {@code wakeAt} by the engine's clock or a wake-up; returns why it woke. */
  private Wake await(Instant wakeAt) {
    Instant now = context.clock().instant();
    Instant latest = now.plus(context.settings().pollInterval());
    long nanos = Duration.between(now, wakeAt.isAfter(latest) ? latest : wakeAt).toNanos();
    lock.lock();
    try {
      while (!wakeRequested && !workerFreed && running && nanos > 0) {
        nanos = wake.awaitNanos(nanos);
      }
      Wake why = wakeRequested ? Wake.REQUESTED : workerFreed ? Wake.WORKER_FREED : Wake.NONE;
      wakeRequested = false;
      workerFreed = false;
      return why;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
      return Wake.NONE;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Stops gracefully: stops claiming, waits up to the shutdown grace for running runs, asks the
   * rest to stop, interrupts them after the cancel grace, and records whatever still runs as
   * cancelled, so that no run of this node is left running.
   */
  public void stop() {
    Thread loopThread;
    synchronized (this) {
      claiming = false;
      running = false;
      loopThread = loop;
      loop = null;
    }
    wakeUp();
    if (loopThread != null) {
      joinQuietly(loopThread);
    }
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
        try {
          watchdog.flushProgress(context.clock().instant(), false);
        } catch (RuntimeException e) {
          outage.failed(e);
        }
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
    if (outcome == CancelOutcome.REQUESTED) {
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
