package io.suasor.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.suasor.server.Application;
import io.suasor.server.TestJobs;
import io.suasor.server.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI as scripts use it: JSON answers, one-line errors and their exit codes. */
class CliScriptingTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dataDir;
  CliRunner cli;

  @org.junit.jupiter.api.BeforeEach
  void runner() {
    cli = new CliRunner(dataDir, List.of(new TestJobs.Quick(), new TestJobs.Maintenance()));
  }

  private JsonNode json() throws Exception {
    assertThat(cli.printed().strip().lines()).as(cli.printed()).hasSize(1);
    return JSON.readTree(cli.printed());
  }

  @Test
  void aRunAndEveryListingComeAsJson() throws Exception {
    assertThat(cli.run("migrate")).isZero();
    assertThat(
            cli.run("jobs", "run", "test.quick", "--follow", "--json", "--params", "{\"items\":1}"))
        .isZero();
    JsonNode done = json();
    assertThat(done.get("status").asText()).isEqualTo("completed");
    assertThat(done.get("jobName").asText()).isEqualTo("test.quick");
    assertThat(cli.errors()).contains("started in this process", "100% completed");

    assertThat(cli.run("users", "add", "dana")).isZero();
    for (String[] listing :
        new String[][] {
          {"jobs", "list"},
          {"jobs", "runs"},
          {"users", "list"},
          {"tokens", "list"},
          {"schedules", "list"},
          {"sources", "list"}
        }) {
      String[] command = java.util.Arrays.copyOf(listing, listing.length + 1);
      command[listing.length] = "--json";
      assertThat(cli.run(command)).as(String.join(" ", listing)).isZero();
      assertThat(json().isArray()).as(String.join(" ", listing)).isTrue();
    }
    assertThat(cli.run("tokens", "list", "--json")).isZero();
    assertThat(json().get(0).get("name").asText()).isEqualTo("cli");
    assertThat(cli.printed()).doesNotContain("suasor_");
  }

  @Test
  void usersAreDisabledAndEnabledAndTokensListed() {
    assertThat(cli.run("migrate")).isZero();
    assertThat(cli.run("users", "add", "dana")).isZero();
    String secret =
        cli.printed().lines().filter(l -> l.contains("suasor_")).findFirst().orElseThrow();
    secret = secret.substring(secret.indexOf("suasor_"));

    assertThat(cli.run("users", "disable", "dana")).isZero();
    assertThat(cli.run("users", "list")).isZero();
    assertThat(cli.printed()).contains("dana", "inactive");
    try (Application app = Application.open(TestServer.sqlite(dataDir), List.of())) {
      assertThat(app.tokens().authenticate(secret, Instant.now())).isEmpty();
    }
    assertThat(cli.run("users", "enable", "dana")).isZero();
    try (Application app = Application.open(TestServer.sqlite(dataDir), List.of())) {
      assertThat(app.tokens().authenticate(secret, Instant.now())).isPresent();
    }
    assertThat(cli.run("users", "disable", "nobody")).isEqualTo(Cli.FAILED);
    assertThat(cli.errors())
        .isEqualTo("error: there is no user named 'nobody'; see 'users list'\n");

    assertThat(cli.run("tokens", "list")).isZero();
    assertThat(cli.printed()).contains("dana", "cli");
  }

  @Test
  void schedulesAreSetPausedAndResumed() {
    try (Application app =
        Application.open(
            TestServer.sqlite(dataDir),
            List.of(new TestJobs.Quick(), new TestJobs.Maintenance()))) {
      app.jobs().syncDatabaseJobs();
    }
    assertThat(cli.run("schedules", "list")).isZero();
    assertThat(cli.printed()).contains("test.system", "daily at 03:00", "active");
    assertThat(cli.run("schedules", "set", "test.system", "every 6h")).isZero();
    assertThat(cli.printed()).contains("every 6h");
    assertThat(cli.run("schedules", "pause", "test.system")).isZero();
    assertThat(cli.printed()).contains("paused");
    assertThat(cli.run("jobs", "list")).isZero();
    assertThat(cli.printed()).containsPattern("test.system .* paused");
    assertThat(cli.run("schedules", "resume", "test.system")).isZero();
    assertThat(cli.printed()).contains("active");
    assertThat(cli.run("schedules", "set", "test.system", "whenever")).isEqualTo(Cli.FAILED);
    assertThat(cli.errors().lines()).hasSize(1);
    assertThat(cli.run("schedules", "pause", "no.such")).isEqualTo(Cli.FAILED);
  }

  @Test
  void aLocalSourceIsAddedTestedAndSynced(@TempDir Path library) throws Exception {
    Files.createDirectories(library.resolve("Movies"));
    assertThat(cli.run("migrate")).isZero();
    assertThat(cli.run("users", "add", "dana")).isZero();
    String config =
        "{\"moviesPath\":" + JSON.writeValueAsString(library.resolve("Movies").toString()) + "}";
    assertThat(
            cli.run(
                "sources", "add", "dana", "local", "Films", "--source-config", config, "--json"))
        .as(cli.errors())
        .isZero();
    long id = json().get("id").asLong();
    assertThat(cli.run("sources", "list")).isZero();
    assertThat(cli.printed()).contains("Films", "local", "never");
    assertThat(cli.run("sources", "test", String.valueOf(id))).as(cli.errors()).isZero();
    assertThat(cli.printed()).contains("source " + id + " answered");
    assertThat(cli.run("sources", "sync", String.valueOf(id), "--type", "movies"))
        .as(cli.errors())
        .isZero();
    assertThat(cli.printed()).contains("completed");
    assertThat(cli.run("sources", "add", "dana", "ftp", "X", "--source-config", "{}")).isEqualTo(1);
    assertThat(cli.errors()).startsWith("error: unknown source type 'ftp'");
    assertThat(cli.run("sources", "test", "99")).isEqualTo(Cli.FAILED);
  }

  @Test
  void databaseAndUsageErrorsAreOneLineWithTheirExitCodes() throws Exception {
    assertThat(cli.run("jobs", "list", "--db-url", "jdbc:postgresql://127.0.0.1:1/suasor"))
        .isEqualTo(3);
    assertThat(cli.errors().lines()).hasSize(1);
    assertThat(cli.errors())
        .startsWith("error: cannot open the database PostgreSQL jdbc:postgresql://127.0.0.1:1/")
        .contains("check db.url");

    assertThat(cli.run("migrate")).isZero();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("suasor.db"));
        Statement s = c.createStatement()) {
      s.executeUpdate(
          "UPDATE suasor_media_schema_history SET checksum = 12345 WHERE version = '1'");
    }
    assertThat(cli.run("jobs", "list")).isEqualTo(3);
    assertThat(cli.errors().lines()).hasSize(1);
    assertThat(cli.errors())
        .startsWith("error: cannot bring the schema of SQLite")
        .contains("checksum");

    assertThat(cli.run("jobs", "runs", "--limit", "many")).isEqualTo(Cli.USAGE);
    assertThat(cli.errors().lines()).hasSize(1);
    assertThat(cli.errors()).contains("--limit", "see 'suasor jobs runs --help'");
    assertThat(cli.run("jobs", "--version")).isZero();
    assertThat(cli.printed()).startsWith("suasor ");
    assertThat(cli.run("sources", "sync", "--help")).isZero();
    assertThat(cli.printed()).contains("--follow", "--json", "Exit codes: 0 done");
  }
}
