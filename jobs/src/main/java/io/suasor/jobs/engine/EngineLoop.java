package io.suasor.jobs.engine;

import io.suasor.jobs.model.JobRun;
import io.suasor.jobs.store.Claim;
import io.suasor.jobs.store.DueTimes;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.LoggerFactory;

/**
 * The engine's loop: supervises this node's runs and reaps other nodes' dead ones, fires due
 * schedules and claims due runs for the free workers (and, for short jobs, ahead of them), then
 * sleeps until there is something to do. {@link JobEngine} runs it on a thread of its own, or
 * drives one pass at a time ({@link #tick}).
 */
final class EngineLoop implements Runnable {
  private final EngineContext context;
  private final ScheduleFirer firer;
  private final RunExecutor executor;
  private final RunWatchdog watchdog;
  private final DeadRunReaper reaper;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition wake = lock.newCondition();
  private boolean wakeRequested;
  private boolean workerFreed;
  private volatile boolean running;
  private volatile boolean claiming = true;
  private final OutageLog outage =
      new OutageLog(LoggerFactory.getLogger(EngineLoop.class), "the job engine's pass");

  EngineLoop(
      EngineContext context, RunExecutor executor, RunWatchdog watchdog, DeadRunReaper reaper) {
    this.context = context;
    this.firer =
        new ScheduleFirer(
            context.repository(), context.registry(), context.settings(), context.listener());
    this.executor = executor;
    this.watchdog = watchdog;
    this.reaper = reaper;
  }

  /** One pass at the clock's current time; returns the number of runs started. */
  int tick() {
    supervise(context.clock().instant());
    return claiming ? pass(true) : 0;
  }

  /** Claims from now on, and runs when {@link #run} is called. */
  void begin() {
    claiming = true;
    running = true;
  }

  /** Stops claiming, and ends {@link #run} at its next wake-up, which this causes. */
  void end() {
    claiming = false;
    running = false;
    wakeUp();
  }

  boolean isRunning() {
    return running;
  }

  /** Writes due progress while the engine waits for its runs; a failure is logged once. */
  void flushProgress(Instant now) {
    try {
      watchdog.flushProgress(now, false);
    } catch (RuntimeException e) {
      outage.failed(e);
    }
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

  /** Makes the loop look for work now instead of at its next planned wake-up. */
  void wakeUp() {
    signal(true);
  }

  /** Tells the loop a worker became free, so a run waiting for one can be claimed now. */
  void workerFreed() {
    signal(false);
  }

  private void signal(boolean requested) {
    lock.lock();
    try {
      if (requested) {
        wakeRequested = true;
      } else {
        workerFreed = true;
      }
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
  @Override
  public void run() {
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
  void supervise(Instant now) {
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
}
