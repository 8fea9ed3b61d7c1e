package io.suasor.server.cli;

import io.suasor.media.demo.DemoLibrary;
import io.suasor.media.model.ApiToken;
import io.suasor.media.model.IssuedToken;
import io.suasor.media.model.MediaSource;
import io.suasor.media.model.User;
import io.suasor.server.Application;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code demo}: writes the demo library (movies, series and music with NFO files and empty media
 * files), and creates the demo user, its token and a local source over the library. A second call
 * keeps what the first made: the library is written only into a folder that has none, and the user,
 * source and token are reused.
 */
@Command(
    name = "demo",
    description =
        "Write a demo library on disk and create the demo user with a local source over it.")
final class DemoCommand implements Callable<Integer> {
  static final String LIBRARY_FOLDER = "demo-library";
  static final String TOKEN_NAME = "demo";
  private static final long SEED = 42;

  private final Cli cli;
  @Mixin ConfigOptions options;

  @Option(
      names = "--path",
      paramLabel = "DIR",
      description = "Where to write the library (default: demo-library in the data folder)")
  Path path;

  DemoCommand(Cli cli) {
    this.cli = cli;
  }

  @Override
  public Integer call() {
    PrintStream out = cli.out();
    try (Application app = cli.openOrCreate(options)) {
      Path folder =
          (path == null ? app.config().dataDir().resolve(LIBRARY_FOLDER) : path)
              .toAbsolutePath()
              .normalize();
      DemoLibrary.Written library = library(folder, out);
      MediaSource source = DemoLibrary.install(app.database(), app.sources(), library, app.clock());
      User user = app.users().byUsername(DemoLibrary.DEMO_USER).orElseThrow();
      out.println(
          "user "
              + user.username()
              + " (id "
              + user.id()
              + ") owns local source "
              + source.id()
              + " '"
              + source.name()
              + "' over "
              + folder);
      token(app, user, out);
      out.println();
      out.println(
          "Start the server (java -jar server/target/suasor.jar) and sync the library now:");
      out.println(
          "    curl -X POST -H 'Authorization: Bearer <token>' -d '{\"syncType\":\"full\"}'"
              + " http://127.0.0.1:8080/api/v1/jobs/media-sync/run");
      out.println("or wait for the hourly system.media.sync, which syncs every due source.");
    }
    return 0;
  }

  private static DemoLibrary.Written library(Path folder, PrintStream out) {
    DemoLibrary.Size size = DemoLibrary.Size.DEMO;
    Path movies = folder.resolve("Movies");
    if (Files.isDirectory(movies)) {
      DemoLibrary.Written existing =
          new DemoLibrary.Written(
              movies, folder.resolve("Series"), folder.resolve("Music"), countFiles(folder));
      out.println("demo library already in " + folder + " (" + existing.files() + " files); kept");
      return existing;
    }
    DemoLibrary.Written written = new DemoLibrary(SEED).write(folder, size);
    out.println(
        "wrote the demo library into "
            + folder
            + ": "
            + size.movies()
            + " movies, "
            + size.series()
            + " series with "
            + size.episodes()
            + " episodes, "
            + size.artists()
            + " artists with "
            + size.tracks()
            + " tracks ("
            + written.files()
            + " files, "
            + size.items()
            + " items once synced)");
    return written;
  }

  private static void token(Application app, User user, PrintStream out) {
    Optional<ApiToken> existing =
        app.tokens().all().stream()
            .filter(t -> t.userId() == user.id() && t.name().equals(TOKEN_NAME))
            .filter(t -> t.revokedAt() == null)
            .findFirst();
    if (existing.isPresent()) {
      out.println(
          "the demo user's token "
              + existing.get().id()
              + " exists already (its secret was shown once, by the first 'suasor demo'); "
              + "'suasor tokens create demo' issues another");
      return;
    }
    IssuedToken token = app.tokens().issue(user.id(), TOKEN_NAME, app.clock().instant());
    out.println("the demo user's token (shown once): " + token.secret());
  }

  private static int countFiles(Path folder) {
    try (Stream<Path> files = Files.walk(folder)) {
      return (int) files.filter(Files::isRegularFile).count();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot count the files of " + folder, e);
    }
  }
}
