package io.suasor.server.cli;

import io.suasor.jobs.model.JobRun;
import io.suasor.jobs.service.ManualRun;
import io.suasor.media.MediaException;
import io.suasor.media.jobs.MediaSyncJob;
import io.suasor.media.model.MediaSource;
import io.suasor.media.model.SourceType;
import io.suasor.media.model.User;
import io.suasor.media.store.Json;
import io.suasor.media.store.NewSource;
import io.suasor.media.sync.SyncType;
import io.suasor.server.Application;
import io.suasor.server.ServerException;
import io.suasor.server.http.SourceConfigs;
import io.suasor.server.http.SourceTestResult;
import io.suasor.server.http.SourceView;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sources list|add|test|sync}: the Sources page's work, for scripts. */
final class SourceCommands {
  private SourceCommands() {}

  @Command(name = "sources", description = "List, add, test and sync media sources.")
  static final class Sources {}

  static CommandLine create(Cli cli) {
    CommandLine sources = new CommandLine(new Sources());
    sources.addSubcommand("list", new ListSources(cli));
    sources.addSubcommand("add", new AddSource(cli));
    sources.addSubcommand("test", new TestSource(cli));
    sources.addSubcommand("sync", new SyncSource(cli));
    return sources;
  }

  private static MediaSource source(Application app, long id) {
    return app.sources()
        .byId(id)
        .orElseThrow(
            () -> new ServerException("there is no source " + id + "; see 'sources list'"));
  }

  private static SourceView view(Application app, MediaSource source) {
    return SourceView.of(source, app.sources().hasSecrets(source.id()));
  }

  @Command(name = "list", description = "Every user's sources, or one user's.")
  static final class ListSources implements Callable<Integer> {
    private final Cli cli;
    @Mixin ConfigOptions options;
    @Mixin JsonOption json;

    @Option(names = "--user", paramLabel = "NAME", description = "Only this user's sources")
    String user;

    ListSources(Cli cli) {
      this.cli = cli;
    }

    @Override
    public Integer call() {
      try (Application app = cli.open(options)) {
        List<MediaSource> sources =
            user == null
                ? app.sources().all()
                : app.sources().byUser(AccountCommands.findUser(app, user).id());
        if (json.requested) {
          cli.printJson(sources.stream().map(source -> view(app, source)).toList());
          return 0;
        }
        for (MediaSource source : sources) {
          cli.out()
              .printf(
                  "%4d user %-4d %-9s %-30s %-8s last synced %s%n",
                  source.id(),
                  source.userId(),
                  source.type().value(),
                  source.name(),
                  source.enabled() ? "enabled" : "disabled",
                  source.lastSyncedAt() == null ? "never" : source.lastSyncedAt());
        }
      }
      return 0;
    }
  }

  @Command(
      name = "add",
      description = "Add a source for a user; its config and secrets are as the API takes them.")
  static final class AddSource implements Callable<Integer> {
    private final Cli cli;
    @Mixin ConfigOptions options;
    @Mixin JsonOption json;

    @Parameters(index = "0", paramLabel = "USER", description = "The owner's name")
    String user;

    @Parameters(
        index = "1",
        paramLabel = "TYPE",
        description = "local, jellyfin, emby, plex or subsonic")
    String type;

    @Parameters(index = "2", paramLabel = "NAME", description = "What to call it, e.g. Films")
    String name;

    @Option(
        names = "--source-config",
        required = true,
        paramLabel = "JSON",
        description =
            "Its settings, e.g. {\"moviesPath\":\"/srv/Movies\"} or {\"url\":\"http://jf:8096\"}"
                + " (docs/SOURCES.md)")
    String config;

    @Option(
        names = "--secrets",
        paramLabel = "JSON",
        description = "Its secrets, e.g. {\"apiKey\":\"...\"}; stored encrypted")
    String secrets;

    AddSource(Cli cli) {
      this.cli = cli;
    }

    @Override
    public Integer call() {
      try (Application app = cli.open(options)) {
        User owner = AccountCommands.findUser(app, user);
        SourceType sourceType = SourceConfigs.type(type);
        MediaSource created =
            app.sources()
                .create(
                    new NewSource(
                        owner.id(),
                        sourceType,
                        name,
                        SourceConfigs.check(sourceType, config),
                        secrets,
                        Duration.ofSeconds(SourceConfigs.DEFAULT_SYNC_INTERVAL_SECONDS)),
                    app.clock().instant());
        if (json.requested) {
          cli.printJson(view(app, created));
        } else {
          cli.out()
              .println(
                  "added "
                      + sourceType.value()
                      + " source "
                      + created.id()
                      + " '"
                      + name
                      + "' for "
                      + owner.username());
        }
      }
      return 0;
    }
  }

  @Command(
      name = "test",
      description = "Connect to a source now and say what answered; exit code 1 when it cannot.")
  static final class TestSource implements Callable<Integer> {
    private final Cli cli;
    @Mixin ConfigOptions options;
    @Mixin JsonOption json;

    @Parameters(paramLabel = "ID", description = "The source's id")
    long id;

    TestSource(Cli cli) {
      this.cli = cli;
    }

    @Override
    public Integer call() {
      try (Application app = cli.open(options)) {
        MediaSource source = source(app, id);
        SourceTestResult result;
        try {
          result =
              SourceTestResult.passed(
                  app.sourceClients().open(source).check(), app.clock().instant());
        } catch (MediaException e) {
          result = SourceTestResult.failed(e, app.clock().instant());
        }
        if (json.requested) {
          cli.printJson(result);
        } else if (result.ok()) {
          cli.out()
              .println(
                  "source "
                      + id
                      + " answered: "
                      + result.serverName()
                      + (result.libraries() == null
                          ? ""
                          : ", " + result.libraries().size() + " libraries"));
        } else {
          cli.err().println("error: source " + id + " cannot be used: " + result.error());
        }
        return result.ok() ? 0 : Cli.FAILED;
      }
    }
  }

  @Command(
      name = "sync",
      description =
          "Sync a source now and wait for the run to end (as 'jobs run'); exit code 0 when it"
              + " completed.")
  static final class SyncSource implements Callable<Integer> {
    private final Cli cli;
    @Mixin ConfigOptions options;
    @Mixin JsonOption json;

    @Parameters(paramLabel = "ID", description = "The source's id")
    long id;

    @Option(
        names = "--type",
        defaultValue = "full",
        paramLabel = "TYPE",
        description =
            "full (default), movies, series, music, history, favorites, collections or playlists")
    String syncType;

    @Option(names = "--follow", description = "Print a line each time the progress changes")
    boolean follow;

    SyncSource(Cli cli) {
      this.cli = cli;
    }

    @Override
    public Integer call() throws InterruptedException {
      SyncType type;
      try {
        type = SyncType.of(syncType);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(new CommandLine(this), e.getMessage());
      }
      try (Application app = cli.open(options)) {
        MediaSource source = source(app, id);
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("clientId", source.id());
        parameters.put("syncType", type.value());
        JobRun run =
            app.jobs()
                .runJobManually(
                    new ManualRun(MediaSyncJob.NAME, source.userId(), Json.write(parameters)));
        return JobCommands.followToTheEnd(cli, app, run, follow, json.requested);
      }
    }
  }
}
