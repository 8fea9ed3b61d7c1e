package io.suasor.server.cli;

import io.suasor.server.Backups;
import io.suasor.server.config.ServerConfig;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code backup FILE} and {@code restore FILE}, for the embedded SQLite database. */
final class BackupCommands {
  private BackupCommands() {}

  @Command(
      name = "backup",
      description =
          "Write a consistent copy of the SQLite database to FILE, safe while the server runs,"
              + " and the secret key file beside it as FILE.secret.key. On PostgreSQL, says to"
              + " use pg_dump.")
  static final class Backup implements Callable<Integer> {
    private final Cli cli;
    @Mixin ConfigOptions options;

    @Parameters(paramLabel = "FILE", description = "Where to write the backup; must not exist")
    Path file;

    Backup(Cli cli) {
      this.cli = cli;
    }

    @Override
    public Integer call() {
      ServerConfig config = cli.configure(options);
      Backups.Written written = Backups.backup(config, file);
      PrintStream out = cli.out();
      out.println(
          "backed up " + config.sqliteFile().toAbsolutePath() + " to " + written.database());
      if (written.keyFile().isPresent()) {
        out.println(
            "the secret key is in "
                + written.keyFile().get()
                + ": keep it with the backup (and as private), source secrets need it");
      } else {
        out.println(
            "the secret key comes from the setting secret.key (SUASOR_SECRET_KEY): keep a copy"
                + " of it with the backup, source secrets need it");
      }
      return 0;
    }
  }

  @Command(
      name = "restore",
      description =
          "Put a backup in place of the SQLite database (the replaced one is kept beside it as"
              + " suasor.db.before-restore-TIME), with FILE.secret.key when there is one. Refuses"
              + " while a server is running on the data folder, and a file that is not a Suasor"
              + " database this version can migrate.")
  static final class Restore implements Callable<Integer> {
    private final Cli cli;
    @Mixin ConfigOptions options;

    @Parameters(paramLabel = "FILE", description = "A backup written by 'suasor backup'")
    Path file;

    Restore(Cli cli) {
      this.cli = cli;
    }

    @Override
    public Integer call() {
      ServerConfig config = cli.configure(options);
      Backups.Written written = Backups.restore(config, file, Clock.systemUTC());
      PrintStream out = cli.out();
      out.println("restored " + file.toAbsolutePath() + " to " + written.database());
      written.keyFile().ifPresent(key -> out.println("restored the secret key into " + key));
      out.println("start the server: it brings the database's schema up to date");
      return 0;
    }
  }
}
