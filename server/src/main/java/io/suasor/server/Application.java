package io.suasor.server;

import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.suasor.jobs.Job;
import io.suasor.jobs.engine.EngineSettings;
import io.suasor.jobs.engine.JobEngine;
import io.suasor.jobs.engine.JobEngineBuilder;
import io.suasor.jobs.service.JobService;
import io.suasor.jobs.service.SyncReport;
import io.suasor.jobs.store.Database;
import io.suasor.jobs.store.DuplicateException;
import io.suasor.media.jobs.SystemJobs;
import io.suasor.media.metadata.tmdb.TmdbClient;
import io.suasor.media.metadata.tmdb.TmdbReleaseCalendar;
import io.suasor.media.model.IssuedToken;
import io.suasor.media.model.Role;
import io.suasor.media.notify.ReleaseCalendar;
import io.suasor.media.recommend.ai.AiRecommenders;
import io.suasor.media.recommend.ai.AiSuggestionSource;
import io.suasor.media.source.SourceClients;
import io.suasor.media.source.clients.SourceClientsByType;
import io.suasor.media.source.http.HttpSettings;
import io.suasor.media.store.SecretBox;
import io.suasor.media.store.SourceStore;
import io.suasor.media.store.TokenStore;
import io.suasor.media.store.UserStore;
import io.suasor.server.config.ServerConfig;
import io.suasor.server.http.EventStream;
import io.suasor.server.http.HttpServer;
import io.suasor.server.http.Json;
import io.suasor.server.http.UserJobStores;
import io.suasor.server.metrics.JobMetrics;
import java.io.PrintStream;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: opens the database, migrates it (the engine's tables and the media
 * domain's, which include the accounts), builds the engine with the media domain's system jobs and
 * any others it is given, the account and source stores, metrics and the HTTP server, by plain
 * constructors. The CLI opens one for each command; {@link #serve} runs it as a server node.
 */
public final class Application implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Application.class);
  public static final String FIRST_ADMIN_NAME = "admin";

  private final ServerConfig config;
  private final Clock clock;
  private final Database database;
  private final JobEngine engine;
  private final UserStore users;
  private final TokenStore tokens;
  private final SourceStore sources;
  private final UserJobStores userJobs;
  private final SourceClients sourceClients;
  private final SourceClients sourceChecks;
  private final PrometheusMeterRegistry metrics;
  private final Json json = new Json();
  private final EventStream events;
  private final Optional<ReleaseCalendar> releaseCalendar;
  private HttpServer http;

  private Application(
      ServerConfig config, List<Job> jobs, Clock clock, UnaryOperator<EngineSettings> tuning) {
    this.config = config;
    this.clock = clock;
    this.database = Databases.open(config);
    try {
      Databases.migrate(database, config);
      this.metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
      new JvmMemoryMetrics().bindTo(metrics);
      new JvmThreadMetrics().bindTo(metrics);
      new ProcessorMetrics().bindTo(metrics);
      new UptimeMetrics().bindTo(metrics);
      JobEngineBuilder builder =
          JobEngine.builder()
              .sharedDatabase(database)
              .clock(clock)
              .workerThreads(config.workers())
              .pollInterval(config.engine().pollInterval())
              .heartbeatInterval(config.engine().heartbeatInterval())
              .deadRunThreshold(config.engine().deadRunThreshold())
              .shutdownGrace(config.engine().shutdownGrace())
              .configure(tuning)
              .listener(new JobMetrics(metrics));
      jobs.forEach(builder::register);
      // The engine's tables were migrated with the media domain's, where a failure is explained.
      this.engine = builder.migrate(false).build();
      SecretBox box = secretBox(config);
      this.sources = new SourceStore(database, box);
      this.userJobs = UserJobStores.over(database, box);
      int sealed = sources.sealPlainSecrets();
      if (sealed > 0) {
        log.info("encrypted the plain-text secrets of {} sources", sealed);
      }
      this.sourceClients = new SourceClientsByType(sources, HttpSettings.defaults());
      this.sourceChecks = new SourceClientsByType(sources, HttpSettings.forChecks());
      Optional<TmdbClient> tmdb = config.tmdb().map(settings -> new TmdbClient(settings, clock));
      if (tmdb.isPresent()) {
        log.info("TMDB: {}", config.tmdb().get());
      } else {
        log.info(
            "TMDB not configured (tmdb.apiKey or tmdb.readAccessToken): metadata refreshes read"
                + " local data only");
      }
      this.releaseCalendar = tmdb.map(TmdbReleaseCalendar::new);
      SystemJobs.create(
              database,
              engine.repository(),
              sources,
              sourceClients,
              clock,
              systemJobSettings(config),
              new AiSuggestionSource(
                  database, userJobs.recommenderKeys(), AiRecommenders.httpDefaults()),
              tmdb)
          .forEach(engine::register);
      this.users = new UserStore(database);
      this.tokens = new TokenStore(database);
      this.events = new EventStream(engine, tokens, json);
      engine.addListener(events);
    } catch (RuntimeException e) {
      database.close();
      throw e;
    }
  }

  /**
   * Opens the configured database, migrated, with the system jobs and the given ones registered;
   * nothing runs yet.
   */
  public static Application open(ServerConfig config, List<Job> jobs) {
    return open(config, jobs, Clock.systemUTC(), UnaryOperator.identity());
  }

  /** As {@link #open(ServerConfig, List)}, with the clock and engine settings tests choose. */
  public static Application open(
      ServerConfig config, List<Job> jobs, Clock clock, UnaryOperator<EngineSettings> tuning) {
    return new Application(config, List.copyOf(jobs), clock, tuning);
  }

  /**
   * The configured secret key, or the one generated into the data folder. Nodes of a cluster that
   * each generated their own could not read each other's secrets, hence the warning.
   */
  private static SecretBox secretBox(ServerConfig config) {
    if (config.secretKey().isPresent()) {
      return SecretBox.fromBase64(config.secretKey().get());
    }
    if (config.databaseUrl().isPresent()) {
      log.warn(
          "no secret.key configured: source secrets are encrypted with the key in {}; every node"
              + " sharing this database needs the same key (set SUASOR_SECRET_KEY on each)",
          config.secretKeyFile().toAbsolutePath());
    }
    return SecretBox.loadOrCreate(config.secretKeyFile());
  }

  private static SystemJobs.Settings systemJobSettings(ServerConfig config) {
    SystemJobs.Settings defaults = SystemJobs.Settings.defaults();
    return new SystemJobs.Settings(
        defaults.sync(),
        defaults.refresh(),
        defaults.cleanupBatchSize(),
        config.retention(),
        defaults.analysis(),
        defaults.recommender(),
        defaults.notifications());
  }

  /**
   * Runs this node: syncs the jobs' schedules, starts the engine and the HTTP server, and prints a
   * first admin token to {@code out} when there is no account yet.
   */
  public Application serve(PrintStream out) {
    log.info(
        "data folder {} (database {}, secret key {})",
        config.dataDir().toAbsolutePath(),
        config.describeDatabase(),
        config.secretKey().isPresent() ? "from the settings" : config.secretKeyFile());
    SyncReport report = engine.service().syncDatabaseJobs();
    log.info(
        "schedules: created {}, kept {}, without a registered job {}",
        report.created(),
        report.kept(),
        report.unregistered());
    createFirstAdmin().ifPresent(token -> printFirstAdmin(out, token));
    engine.start();
    http =
        new HttpServer(
                new HttpServer.Parts(
                    config,
                    database,
                    engine.service(),
                    users,
                    tokens,
                    sources,
                    sourceChecks,
                    userJobs,
                    events,
                    metrics,
                    json,
                    clock))
            .start();
    out.println(
        "Suasor is serving on http://"
            + config.httpHost()
            + ":"
            + http.port()
            + " over "
            + config.describeDatabase());
    out.flush();
    return this;
  }

  /** An admin account and its token, when the database has no account at all. */
  Optional<IssuedToken> createFirstAdmin() {
    if (!users.isEmpty()) {
      return Optional.empty();
    }
    try {
      long admin = users.create(FIRST_ADMIN_NAME, null, Role.ADMIN, true, clock.instant()).id();
      return Optional.of(tokens.issue(admin, "first admin token", clock.instant()));
    } catch (DuplicateException e) {
      // Another node starting on the same database created it first.
      return Optional.empty();
    }
  }

  private static void printFirstAdmin(PrintStream out, IssuedToken token) {
    out.println(
        "Created the first admin account '"
            + FIRST_ADMIN_NAME
            + "'. Its API token, shown only this once:");
    out.println();
    out.println("    " + token.secret());
    out.println();
    out.println("Send it as the header 'Authorization: Bearer <token>'.");
  }

  public ServerConfig config() {
    return config;
  }

  public JobEngine engine() {
    return engine;
  }

  public JobService jobs() {
    return engine.service();
  }

  /** The live event stream that the HTTP server's clients follow. */
  public EventStream events() {
    return events;
  }

  public UserStore users() {
    return users;
  }

  public TokenStore tokens() {
    return tokens;
  }

  public SourceStore sources() {
    return sources;
  }

  /** Recommendations, job preferences and recommender keys. */
  public UserJobStores userJobs() {
    return userJobs;
  }

  /** TMDB's release calendar, for new-release notifications; empty when TMDB is not configured. */
  public Optional<ReleaseCalendar> releaseCalendar() {
    return releaseCalendar;
  }

  /** Opens a client for any stored source. */
  public SourceClients sourceClients() {
    return sourceClients;
  }

  public Clock clock() {
    return clock;
  }

  public Database database() {
    return database;
  }

  /** The running HTTP server; empty unless {@link #serve} was called. */
  public Optional<HttpServer> http() {
    return Optional.ofNullable(http);
  }

  /** Stops the HTTP server, then the engine (which finishes or cancels its runs), then the pool. */
  @Override
  public void close() {
    try {
      if (http != null) {
        http.close();
      }
      events.close();
      engine.close();
    } finally {
      metrics.close();
      database.close();
    }
  }
}
