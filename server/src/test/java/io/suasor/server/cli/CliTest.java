package io.suasor.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.suasor.server.Application;
import io.suasor.server.TestJobs;
import io.suasor.server.TestServer;
import java.io.PrintStream;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI on an embedded database in a temporary folder. */
class CliTest {
  @TempDir Path dataDir;
  CliRunner cli;

  @org.junit.jupiter.api.BeforeEach
  void runner() {
    cli =
        new CliRunner(dataDir, java.util.List.of(new TestJobs.Quick(), new TestJobs.Maintenance()));
  }

  @Test
  void migratesListsRunsAndCancels() {
    assertThat(cli.run("migrate")).isZero();
    assertThat(cli.printed()).contains("up to date");

    assertThat(cli.run("jobs", "list")).isZero();
    assertThat(cli.printed()).contains("test.quick", "test.system");

    assertThat(cli.run("jobs", "run", "test.quick", "--follow", "--params", "{\"items\":5}"))
        .isZero();
    assertThat(cli.printed()).contains("completed", "\"counted\":5");

    assertThat(cli.run("jobs", "runs")).isZero();
    assertThat(cli.printed()).contains("test.quick", "completed");

    assertThat(cli.run("jobs", "cancel", "1")).isEqualTo(1);
    assertThat(cli.printed()).contains("already ended");
  }

  @Test
  void failuresAndUsageErrorsHaveTheirExitCodes() {
    assertThat(cli.run("migrate")).isZero();
    assertThat(cli.run("jobs", "run", "no.such.job")).isEqualTo(1);
    assertThat(cli.errors()).contains("no job named 'no.such.job'");
    assertThat(cli.run("jobs", "frobnicate")).isEqualTo(2);
  }

  @Test
  void managesUsersAndTokens() {
    assertThat(cli.run("migrate")).isZero();
    assertThat(cli.run("users", "add", "dana", "--role", "admin")).isZero();
    assertThat(cli.printed()).contains("added admin dana", "suasor_");
    assertThat(cli.run("users", "list")).isZero();
    assertThat(cli.printed()).contains("dana", "admin");
    assertThat(cli.run("tokens", "create", "dana")).isZero();
    assertThat(cli.printed()).contains("token 2 for dana");
    assertThat(cli.run("tokens", "revoke", "2")).isZero();
    assertThat(cli.run("tokens", "revoke", "99")).isEqualTo(1);
    assertThat(cli.run("tokens", "create", "nobody")).isEqualTo(1);
    assertThat(cli.run("users", "add", "eve", "--role", "boss")).isEqualTo(2);
  }

  @Test
  void withoutAServerARunExecutesHereAndNothingElseDoes() {
    assertThat(cli.run("migrate")).isZero();
    try (Application app =
        Application.open(
            TestServer.sqlite(dataDir),
            java.util.List.of(new TestJobs.Quick(), new TestJobs.Maintenance()))) {
      app.jobs().runJobManually("test.system");
    }

    assertThat(cli.run("jobs", "run", "test.quick")).isZero();
    assertThat(cli.printed()).contains("started in this process", "completed");

    try (Application app =
        Application.open(
            TestServer.sqlite(dataDir),
            java.util.List.of(new TestJobs.Quick(), new TestJobs.Maintenance()))) {
      assertThat(app.jobs().getActiveJobRuns())
          .extracting(io.suasor.jobs.model.JobRun::jobName)
          .containsExactly("test.system");
    }
  }

  @Test
  void withAServerAliveTheRunIsHandedToIt() {
    try (Application server =
        Application.open(
                TestServer.sqlite(dataDir),
                java.util.List.of(new TestJobs.Quick(), new TestJobs.Maintenance()))
            .serve(new PrintStream(java.io.OutputStream.nullOutputStream()))) {
      assertThat(cli.run("jobs", "run", "test.quick", "--params", "{\"items\":3}")).isZero();
      assertThat(cli.printed()).contains("handed to the running server", "completed");

      io.suasor.jobs.model.JobRun done =
          server.jobs().getRecentJobRuns(10).stream()
              .filter(r -> r.jobName().equals("test.quick"))
              .findFirst()
              .orElseThrow();
      assertThat(done.nodeId()).isEqualTo(server.engine().settings().nodeId());
      assertThat(done.status()).isEqualTo(io.suasor.jobs.model.JobStatus.COMPLETED);
    }
  }

  @Test
  void demoWritesTheLibraryAndItsUserAndSourceOnceAndKeepsThemOnASecondCall(@TempDir Path library) {
    assertThat(cli.run("demo", "--path", library.toString())).isZero();
    assertThat(cli.printed())
        .contains("wrote the demo library into " + library, "250 movies", "owns local source 1")
        .contains("the demo user's token (shown once): suasor_");
    assertThat(library.resolve("Movies")).isDirectory();
    assertThat(library.resolve("Series")).isDirectory();
    assertThat(library.resolve("Music")).isDirectory();

    assertThat(cli.run("demo", "--path", library.toString())).isZero();
    assertThat(cli.printed())
        .contains("demo library already in " + library, "owns local source 1", "exists already")
        .doesNotContain("suasor_");
    assertThat(cli.run("users", "list")).isZero();
    assertThat(cli.printed().lines().filter(line -> line.contains(" demo ")).count()).isEqualTo(1);
  }

  @Test
  void demoWritesIntoTheDataFolderByDefault() {
    assertThat(cli.run("demo")).isZero();
    assertThat(dataDir.resolve("demo-library").resolve("Movies")).isDirectory();
  }

  @Test
  void configCheckShowsEachValueWithItsOriginAndFailsOnABadOne() {
    assertThat(cli.run("config", "check", "--workers", "3", "--db-password", "hunter2")).isZero();
    assertThat(cli.printed())
        .contains("config file: (none)")
        .containsPattern("workers +\\= 3 +option \\(--workers\\)")
        .containsPattern("data.dir +\\= " + java.util.regex.Pattern.quote(dataDir.toString()))
        .containsPattern("http.port +\\= 8080 +default")
        .contains("db.password", "********")
        .doesNotContain("hunter2");
    assertThat(dataDir.resolve("suasor.db")).doesNotExist();

    assertThat(cli.run("config", "check", "--engine-poll-interval", "soon")).isEqualTo(Cli.SETUP);
    String error = cli.errors();
    assertThat(error.lines()).hasSize(1);
    assertThat(error).startsWith("error: the command-line option --engine-poll-interval");
  }

  @Test
  void everySettingIsAnOptionInTheHelpWithItsDefault() {
    assertThat(cli.run("serve", "--help")).isZero();
    for (io.suasor.server.config.Setting setting : io.suasor.server.config.Setting.values()) {
      assertThat(cli.printed()).contains(setting.option(), setting.env());
    }
    assertThat(cli.printed()).contains("default: 30s", "default: 8080");
  }

  @Test
  void aCommandPointedAtAFolderWithoutADatabaseSaysSoAndMakesNone() {
    for (String[] command :
        new String[][] {{"jobs", "list"}, {"users", "add", "dana"}, {"tokens", "revoke", "1"}}) {
      assertThat(cli.run(command)).isEqualTo(Cli.SETUP);
      String error = cli.errors();
      assertThat(error.lines()).hasSize(1);
      assertThat(error)
          .startsWith("error: there is no Suasor database in " + dataDir)
          .contains("--data-dir", "suasor migrate");
      assertThat(dataDir.resolve("suasor.db")).doesNotExist();
    }
    assertThat(cli.run("migrate")).isZero();
    assertThat(dataDir.resolve("suasor.db")).exists();
    assertThat(cli.run("jobs", "list")).isZero();
  }

  @Test
  void settingsGivenBeforeTheCommandApplyToIt(@TempDir Path dir) throws Exception {
    java.nio.file.Path file = dir.resolve("suasor.properties");
    java.nio.file.Files.writeString(file, "workers=7\n");
    assertThat(cli.run("--config", file.toString(), "--log-level", "warn", "config", "check"))
        .isZero();
    assertThat(cli.printed())
        .contains("config file: " + file)
        .containsPattern("workers +\\= 7 +file")
        .containsPattern("log.level +\\= warn +option");
    assertThat(cli.run("--workers", "9", "config", "check", "--workers", "8")).isZero();
    assertThat(cli.printed()).containsPattern("workers +\\= 8 +option");
  }
}
