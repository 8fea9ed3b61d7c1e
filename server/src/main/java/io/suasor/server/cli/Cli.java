package io.suasor.server.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import io.suasor.jobs.Job;
import io.suasor.jobs.JobsException;
import io.suasor.media.MediaException;
import io.suasor.server.Application;
import io.suasor.server.DatabaseException;
import io.suasor.server.LogSetup;
import io.suasor.server.ServerException;
import io.suasor.server.config.ConfigException;
import io.suasor.server.config.EffectiveConfig;
import io.suasor.server.config.Origin;
import io.suasor.server.config.ServerConfig;
import io.suasor.server.config.Setting;
import io.suasor.server.http.Json;
import io.suasor.server.http.StreamedList;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * The command line: {@code serve} (the default), {@code migrate}, {@code jobs}, {@code users},
 * {@code tokens}, {@code demo} and {@code config}; {@link #EXIT_CODES} says what each exit code
 * means.
 */
public final class Cli {
  /** What {@link #run} returns for {@code serve}: the server keeps running until stopped. */
  public static final int KEEP_RUNNING = -1;

  /** Exit code: the command's work failed (a run that did not complete, an unknown name). */
  public static final int FAILED = 1;

  /** Exit code: the command line was wrong (an unknown option, a missing argument). */
  public static final int USAGE = 2;

  /** Exit code: a setting is wrong, or the database is missing, unreachable or not migratable. */
  public static final int SETUP = 3;

  static final String EXIT_CODES =
      "Exit codes: 0 done, 1 the work failed (e.g. a run did not complete), 2 a wrong command"
          + " line, 3 a wrong setting or a database that is missing, unreachable or cannot be"
          + " migrated.";

  private static final Logger log = LoggerFactory.getLogger(Cli.class);
  private static final Json JSON = new Json();

  private final List<Job> jobs;
  private final PrintStream out;
  private final PrintStream err;
  private final Map<String, String> environment;

  public Cli(List<Job> jobs, PrintStream out, PrintStream err, Map<String, String> environment) {
    this.jobs = List.copyOf(jobs);
    this.out = out;
    this.err = err;
    this.environment = Map.copyOf(environment);
  }

  public int run(String... args) {
    CommandLine line = new CommandLine(new Root());
    line.addSubcommand("serve", new Serve());
    line.addSubcommand("migrate", new Migrate());
    line.addSubcommand("jobs", JobCommands.create(this));
    line.addSubcommand("users", AccountCommands.users(this));
    line.addSubcommand("tokens", AccountCommands.tokens(this));
    line.addSubcommand("demo", new DemoCommand(this));
    line.addSubcommand("schedules", ScheduleCommands.create(this));
    line.addSubcommand("sources", SourceCommands.create(this));
    line.addSubcommand("backup", new BackupCommands.Backup(this));
    line.addSubcommand("restore", new BackupCommands.Restore(this));
    line.addSubcommand("config", ConfigCommands.create(this));
    ConfigOptions.addSettingOptions(line);
    addHelpAndVersion(line);
    line.setOut(new PrintWriter(out, true));
    line.setErr(new PrintWriter(err, true));
    line.setExecutionExceptionHandler((e, commandLine, parseResult) -> failed(e));
    line.setParameterExceptionHandler(
        (e, given) -> {
          err.println(
              "error: "
                  + oneLine(e.getMessage())
                  + " (see '"
                  + e.getCommandLine().getCommandSpec().qualifiedName()
                  + " --help')");
          return USAGE;
        });
    return line.execute(args);
  }

  /** Prints what went wrong on one line and returns the exit code that says what kind it was. */
  private int failed(Exception e) {
    if (e instanceof ConfigException || e instanceof DatabaseException) {
      err.println("error: " + oneLine(e.getMessage()));
      return SETUP;
    }
    if (e instanceof ServerException || e instanceof JobsException || e instanceof MediaException) {
      err.println("error: " + oneLine(e.getMessage()));
      return FAILED;
    }
    log.debug("the command failed", e);
    err.println(
        "error: unexpected "
            + e.getClass().getSimpleName()
            + ": "
            + oneLine(String.valueOf(e.getMessage()))
            + " (--log-level debug shows where)");
    return FAILED;
  }

  private static String oneLine(String message) {
    return message.replaceAll("\\s+", " ").trim();
  }

  /** --help and --version on every command, so any one can be asked what it does. */
  private static void addHelpAndVersion(CommandLine line) {
    line.getCommandSpec().mixinStandardHelpOptions(true).versionProvider(new Version());
    line.getCommandSpec().usageMessage().abbreviateSynopsis(true).footer(EXIT_CODES);
    line.getSubcommands().values().forEach(Cli::addHelpAndVersion);
  }

  /** Opens the configured database, which must exist. */
  Application open(ConfigOptions options) {
    ServerConfig config = configure(options, false);
    config.requireExistingDatabase();
    return Application.open(config, jobs);
  }

  /** Opens the configured database, making it when there is none. */
  Application openOrCreate(ConfigOptions options) {
    return Application.open(configure(options, false), jobs);
  }

  /** The configuration, with its log settings applied, for a command that opens no application. */
  ServerConfig configure(ConfigOptions options) {
    return configure(options, false);
  }

  /**
   * The configuration, with its log settings applied. A command other than serve logs warnings and
   * errors only unless a level was set: its output is its answer, and scripts read it.
   */
  private ServerConfig configure(ConfigOptions options, boolean serving) {
    EffectiveConfig effective = options.resolve(environment);
    ServerConfig config = effective.config();
    boolean levelChosen =
        effective.values().stream()
            .anyMatch(v -> v.setting() == Setting.LOG_LEVEL && !v.origin().equals(Origin.DEFAULT));
    if (serving || levelChosen) {
      LogSetup.apply(config.logging());
    } else {
      LogSetup.applyToCommand(config.logging());
    }
    return config;
  }

  Map<String, String> environment() {
    return environment;
  }

  PrintStream out() {
    return out;
  }

  PrintStream err() {
    return err;
  }

  /**
   * Prints a listing page by page as it is read from the store, so that a long one is never held
   * whole: a line per item, or, with {@code asJson}, one line of JSON holding the array of every
   * item as {@code jsonValue} makes it.
   */
  <T> void printPages(
      Function<Long, StreamedList.Page<T>> pages,
      boolean asJson,
      Function<T, String> line,
      Function<T, ?> jsonValue) {
    StreamedList.Page<T> first = pages.apply(null);
    if (asJson) {
      try {
        JsonGenerator json = JSON.mapper().getFactory().createGenerator(out);
        json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        StreamedList.writeArray(
            json, mapped(first, jsonValue), after -> mapped(pages.apply(after), jsonValue));
        json.close();
        out.println();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write the listing as JSON", e);
      }
      return;
    }
    for (StreamedList.Page<T> page = first; ; page = pages.apply(page.nextCursor())) {
      page.items().forEach(item -> out.println(line.apply(item)));
      if (page.nextCursor() == null) {
        return;
      }
    }
  }

  private static <T> StreamedList.Page<Object> mapped(
      StreamedList.Page<T> page, Function<T, ?> jsonValue) {
    return new StreamedList.Page<>(
        page.items().stream().<Object>map(jsonValue).toList(), page.nextCursor());
  }

  /** Prints {@code value} as one line of JSON, with the API's mapper. */
  void printJson(Object value) {
    try {
      out.println(JSON.mapper().writeValueAsString(value));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + value.getClass() + " as JSON", e);
    }
  }

  /** The version the packaged jar's manifest names; a build run from classes has none. */
  static final class Version implements picocli.CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = Cli.class.getPackage().getImplementationVersion();
      return new String[] {
        "suasor " + (version == null ? "(development build, not a packaged jar)" : version),
        "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")"
      };
    }
  }

  @Command(
      name = "suasor",
      mixinStandardHelpOptions = true,
      versionProvider = Version.class,
      description = "Suasor's job server. Without a command, serves.")
  final class Root implements Callable<Integer> {
    @Mixin ConfigOptions options;

    @Override
    public Integer call() {
      return serve(options);
    }
  }

  @Command(name = "serve", description = "Run the scheduler and the HTTP server until stopped.")
  final class Serve implements Callable<Integer> {
    @Mixin ConfigOptions options;

    @Override
    public Integer call() {
      return serve(options);
    }
  }

  private int serve(ConfigOptions options) {
    ServerConfig config = configure(options, true);
    Application app = Application.open(config, jobs);
    Runtime.getRuntime().addShutdownHook(new Thread(app::close, "suasor-shutdown"));
    app.serve(out);
    return KEEP_RUNNING;
  }

  @Command(name = "migrate", description = "Bring the database's schema up to date, then exit.")
  final class Migrate implements Callable<Integer> {
    @Mixin ConfigOptions options;

    @Override
    public Integer call() {
      try (Application app = openOrCreate(options)) {
        out.println("database " + app.config().describeDatabase() + " is up to date");
      }
      return 0;
    }
  }
}
