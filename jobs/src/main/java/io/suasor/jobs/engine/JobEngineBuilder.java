package io.suasor.jobs.engine;

import io.suasor.jobs.Job;
import io.suasor.jobs.event.JobListener;
import io.suasor.jobs.event.Listeners;
import io.suasor.jobs.store.Database;
import io.suasor.jobs.store.JdbcJobRepository;
import io.suasor.jobs.store.JobRepository;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.random.RandomGenerator;
import javax.sql.DataSource;

/**
 * Builds a {@link JobEngine}. The least an application needs is a database and its jobs:
 *
 * <pre>{@code
 * JobEngine engine = JobEngine.builder().dataSource(myDataSource).register(new MyJob()).build();
 * engine.service().syncDatabaseJobs();
 * engine.start();
 * }</pre>
 *
 * <p>Each {@link EngineSettings} value has a setter of its own name ({@code .workerThreads(8)
 * .pollInterval(Duration.ofSeconds(10))}); a bad value is refused at once, naming the setting. The
 * engine's settings are {@link #settings(EngineSettings)} (or the defaults), then the values set by
 * name, then {@link #configure(UnaryOperator)}.
 */
public final class JobEngineBuilder {
  private Database database;
  private boolean ownsDatabase;
  private JobRepository repository;
  private Clock clock = Clock.systemUTC();
  private EngineSettings settings;
  private final NamedSettings named = new NamedSettings();
  private UnaryOperator<EngineSettings> tweak = UnaryOperator.identity();
  private ExecutorService workers;
  private RandomGenerator random = new java.util.SplittableRandom();
  private boolean migrate = true;
  private final List<Job> jobs = new ArrayList<>();
  private final List<JobListener> listeners = new ArrayList<>();

  JobEngineBuilder() {}

  /** Stores into the application's own DataSource (SQLite or PostgreSQL), which it keeps. */
  public JobEngineBuilder dataSource(DataSource dataSource) {
    this.database = Database.of(dataSource);
    this.ownsDatabase = false;
    return this;
  }

  /** Stores into a {@link Database}; the engine closes it on {@link JobEngine#close()}. */
  public JobEngineBuilder database(Database db) {
    this.database = db;
    this.ownsDatabase = true;
    return this;
  }

  /** Stores into a {@link Database} the caller keeps and closes. */
  public JobEngineBuilder sharedDatabase(Database db) {
    this.database = db;
    this.ownsDatabase = false;
    return this;
  }

  /** Whether {@link #build()} applies the engine's migrations (default true). */
  public JobEngineBuilder migrate(boolean apply) {
    this.migrate = apply;
    return this;
  }

  public JobEngineBuilder clock(Clock engineClock) {
    this.clock = Objects.requireNonNull(engineClock);
    return this;
  }

  /** Starts from these settings instead of the defaults; values set by name still win. */
  public JobEngineBuilder settings(EngineSettings engineSettings) {
    this.settings = engineSettings;
    return this;
  }

  /** This node's name in the database (default {@link #defaultNodeId()}). */
  public JobEngineBuilder nodeId(String value) {
    named.nodeId = EngineSettings.checkNodeId(value);
    return this;
  }

  /** Runs executed at once on this node (default 4); the size of the engine's own pool. */
  public JobEngineBuilder workerThreads(int value) {
    named.workerThreads = EngineSettings.checkWorkerThreads(value);
    return this;
  }

  /** The longest the loop sleeps without a known due time or a wake-up (default 30 s). */
  public JobEngineBuilder pollInterval(Duration value) {
    named.pollInterval = EngineSettings.positive("pollInterval", value);
    return this;
  }

  /** The least time between two progress writes of one run (default 250 ms). */
  public JobEngineBuilder progressFlushInterval(Duration value) {
    named.progressFlushInterval = EngineSettings.positive("progressFlushInterval", value);
    return this;
  }

  /** How often this node and its running runs are stamped alive (default 5 s). */
  public JobEngineBuilder heartbeatInterval(Duration value) {
    named.heartbeatInterval = EngineSettings.positive("heartbeatInterval", value);
    return this;
  }

  /** Silence after which another node fails a run; at least twice the heartbeat (default 30 s). */
  public JobEngineBuilder deadRunThreshold(Duration value) {
    named.deadRunThreshold = EngineSettings.positive("deadRunThreshold", value);
    return this;
  }

  /** How long stop waits for running runs before cancelling them (default 10 s). */
  public JobEngineBuilder shutdownGrace(Duration value) {
    named.shutdownGrace = EngineSettings.notNegative("shutdownGrace", value);
    return this;
  }

  /** How long a cancelled run may take to notice before its thread is interrupted (default 5 s). */
  public JobEngineBuilder cancelGrace(Duration value) {
    named.cancelGrace = EngineSettings.notNegative("cancelGrace", value);
    return this;
  }

  /** How late a fire may be before the schedule's misfire policy applies (default 1 min). */
  public JobEngineBuilder misfireThreshold(Duration value) {
    named.misfireThreshold = EngineSettings.notNegative("misfireThreshold", value);
    return this;
  }

  /** The most missed fires one catch-up schedule runs (default 10). */
  public JobEngineBuilder maxCatchUp(int value) {
    named.maxCatchUp = EngineSettings.checkMaxCatchUp(value);
    return this;
  }

  /** The most log lines kept with one run (default 500). */
  public JobEngineBuilder logLinesPerRun(int value) {
    named.logLinesPerRun = EngineSettings.checkLogLinesPerRun(value);
    return this;
  }

  /** Adjusts the settings the builder would otherwise use, after the values set by name. */
  public JobEngineBuilder configure(UnaryOperator<EngineSettings> change) {
    this.tweak = change;
    return this;
  }

  /**
   * Runs jobs on the application's executor (e.g. virtual threads on Java 21); the application owns
   * it. By default the engine makes a fixed pool of {@code workerThreads} threads.
   */
  public JobEngineBuilder executor(ExecutorService executor) {
    this.workers = executor;
    return this;
  }

  /** The randomness of retry jitter; tests pass a seeded one. */
  public JobEngineBuilder random(RandomGenerator generator) {
    this.random = generator;
    return this;
  }

  public JobEngineBuilder register(Job job) {
    jobs.add(job);
    return this;
  }

  public JobEngineBuilder listener(JobListener listener) {
    listeners.add(listener);
    return this;
  }

  public JobEngine build() {
    if (database == null) {
      throw new IllegalStateException(
          "a job engine needs a database: call dataSource(...) or database(...)");
    }
    EngineSettings base =
        settings != null
            ? settings
            : EngineSettings.defaults(named.nodeId != null ? named.nodeId : defaultNodeId());
    EngineSettings chosen = tweak.apply(named.over(base));
    if (migrate) {
      JdbcJobRepository.migrate(database);
    }
    repository = new JdbcJobRepository(database);
    Listeners fanOut = new Listeners();
    listeners.forEach(fanOut::add);
    JobRegistry registry = new JobRegistry();
    jobs.forEach(registry::register);
    boolean ownsWorkers = workers == null;
    ExecutorService pool = ownsWorkers ? newPool(chosen) : workers;
    EngineContext context = new EngineContext(repository, registry, chosen, clock, fanOut, random);
    return new JobEngine(new Parts(context, database, fanOut, pool, ownsWorkers, ownsDatabase));
  }

  private static ExecutorService newPool(EngineSettings settings) {
    AtomicInteger number = new AtomicInteger();
    ThreadFactory threads =
        runnable -> {
          Thread thread =
              new Thread(
                  runnable, "suasor-worker-" + settings.nodeId() + "-" + number.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        };
    return Executors.newFixedThreadPool(settings.workerThreads(), threads);
  }

  /** A node id that is unique per process: host name and a random suffix. */
  public static String defaultNodeId() {
    return NodeIdentity.host() + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /**
   * The values set by name, null where not set. They are applied in one step so that related values
   * (heartbeat and dead-run threshold) can be set in any order.
   */
  private static final class NamedSettings {
    private String nodeId;
    private Integer workerThreads;
    private Duration pollInterval;
    private Duration progressFlushInterval;
    private Duration heartbeatInterval;
    private Duration deadRunThreshold;
    private Duration shutdownGrace;
    private Duration cancelGrace;
    private Duration misfireThreshold;
    private Integer maxCatchUp;
    private Integer logLinesPerRun;

    EngineSettings over(EngineSettings base) {
      return new EngineSettings(
          or(nodeId, base.nodeId()),
          or(workerThreads, base.workerThreads()),
          or(pollInterval, base.pollInterval()),
          or(progressFlushInterval, base.progressFlushInterval()),
          or(heartbeatInterval, base.heartbeatInterval()),
          or(deadRunThreshold, base.deadRunThreshold()),
          or(shutdownGrace, base.shutdownGrace()),
          or(cancelGrace, base.cancelGrace()),
          or(misfireThreshold, base.misfireThreshold()),
          or(maxCatchUp, base.maxCatchUp()),
          or(logLinesPerRun, base.logLinesPerRun()));
    }

    private static <T> T or(T value, T otherwise) {
      return value != null ? value : otherwise;
    }
  }

  record Parts(
      EngineContext context,
      Database database,
      Listeners listeners,
      ExecutorService workers,
      boolean ownsWorkers,
      boolean ownsDatabase) {}
}
