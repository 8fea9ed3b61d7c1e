package io.suasor.jobs.engine;

import io.suasor.jobs.Job;
import io.suasor.jobs.event.JobListener;
import io.suasor.jobs.event.Listeners;
import io.suasor.jobs.store.Database;
import io.suasor.jobs.store.JdbcJobRepository;
import io.suasor.jobs.store.JobRepository;
import java.time.Clock;
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
 */
public final class JobEngineBuilder {
  private Database database;
  private boolean ownsDatabase;
  private JobRepository repository;
  private Clock clock = Clock.systemUTC();
  private EngineSettings settings;
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

  public JobEngineBuilder settings(EngineSettings engineSettings) {
    this.settings = engineSettings;
    return this;
  }

  /** Adjusts the settings the builder would otherwise use. */
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
    if (migrate) {
      JdbcJobRepository.migrate(database);
    }
    repository = new JdbcJobRepository(database);
    EngineSettings chosen =
        tweak.apply(settings != null ? settings : EngineSettings.defaults(defaultNodeId()));
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

  record Parts(
      EngineContext context,
      Database database,
      Listeners listeners,
      ExecutorService workers,
      boolean ownsWorkers,
      boolean ownsDatabase) {}
}
