package io.suasor.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.suasor.server.Application;
import io.suasor.server.TestJobs;
import io.suasor.server.TestServer;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** backup while a server runs, restore on a stopped one, and what restore refuses. */
class BackupCommandsTest {
  @TempDir Path dataDir;
  @TempDir Path backups;
  CliRunner cli;

  @org.junit.jupiter.api.BeforeEach
  void runner() {
    cli = new CliRunner(dataDir, List.of(new TestJobs.Quick()));
  }

  @Test
  void aBackupTakenWhileServingIsRestoredOnceTheServerStopped() throws Exception {
    Path backup = backups.resolve("suasor-backup.db");
    try (Application server =
        Application.open(TestServer.sqlite(dataDir), List.of(new TestJobs.Quick()))
            .serve(new PrintStream(OutputStream.nullOutputStream()))) {
      assertThat(cli.run("users", "add", "dana")).isZero();
      assertThat(cli.run("backup", backup.toString())).as(cli.errors()).isZero();
      assertThat(cli.printed()).contains("backed up", backup.toString(), backup + ".secret.key");
      assertThat(Files.readAllBytes(Path.of(backup + ".secret.key")))
          .isEqualTo(Files.readAllBytes(dataDir.resolve("secret.key")));

      assertThat(cli.run("restore", backup.toString())).isEqualTo(Cli.FAILED);
      assertThat(cli.errors().lines()).hasSize(1);
      assertThat(cli.errors())
          .contains("a server is running on", server.engine().settings().nodeId(), "stop it");
      assertThat(cli.run("backup", backup.toString())).isEqualTo(Cli.FAILED);
      assertThat(cli.errors()).contains("exists already");
    }
    assertThat(cli.run("users", "add", "eve")).isZero();

    assertThat(cli.run("restore", backup.toString())).as(cli.errors()).isZero();
    assertThat(cli.printed()).contains("restored", "secret key");
    assertThat(cli.run("users", "list")).isZero();
    assertThat(cli.printed()).contains("dana").doesNotContain("eve");
    try (Stream<Path> files = Files.list(dataDir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .anyMatch(name -> name.startsWith("suasor.db.before-restore-"));
    }
  }

  @Test
  void restoreRefusesWhatIsNotASuasorDatabaseItCanMigrate() throws Exception {
    Path text = backups.resolve("notes.txt");
    Files.writeString(text, "not a database at all, just some words to fill a page of text");
    assertThat(cli.run("restore", text.toString())).isEqualTo(Cli.FAILED);
    assertThat(cli.errors()).contains("is not a SQLite database");

    Path empty = backups.resolve("empty.db");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + empty);
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE things (id INTEGER)");
    }
    assertThat(cli.run("restore", empty.toString())).isEqualTo(Cli.FAILED);
    assertThat(cli.errors()).contains("is not a Suasor database");

    assertThat(cli.run("migrate")).isZero();
    Path newer = backups.resolve("newer.db");
    assertThat(cli.run("backup", newer.toString())).isZero();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + newer);
        Statement s = c.createStatement()) {
      s.executeUpdate(
          """
          INSERT INTO suasor_media_schema_history
            (installed_rank, version, description, type, script, checksum, installed_by,
             execution_time, success)
          VALUES (999, '999', 'from the future', 'SQL', 'V999__future.sql', 1, 'test', 1, 1)
          """);
    }
    assertThat(cli.run("restore", newer.toString())).isEqualTo(Cli.FAILED);
    assertThat(cli.errors()).contains("written by a newer Suasor", "version 999");
    assertThat(cli.errors().lines()).hasSize(1);
  }

  @Test
  void onPostgresqlBackupSaysToUsePgDumpAndWithoutADatabaseItSaysSo() {
    assertThat(cli.run("backup", "x.db", "--db-url", "jdbc:postgresql://db:5432/suasor"))
        .isEqualTo(Cli.FAILED);
    assertThat(cli.errors()).contains("pg_dump");
    assertThat(cli.run("backup", backups.resolve("x.db").toString())).isEqualTo(Cli.SETUP);
    assertThat(cli.errors()).contains("there is no Suasor database");
  }
}
