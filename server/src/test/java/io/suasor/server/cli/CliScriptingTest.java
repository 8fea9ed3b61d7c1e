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

  private int run(String... args) {
    return cli.run(args);
  }

  private String printed() {
    return cli.printed();
  }

  private String errors() {
    return cli.errors();
  }

  private JsonNode json() throws Exception {
    assertThat(printed().strip().lines()).as(printed()).hasSize(1);
    return JSON.readTree(printed());
  }

  @Test
  void aRunAndEveryListingComeAsJson() throws Exception {
    assertThat(run("migrate")).isZero();
    assertThat(run("jobs", "run", "test.quick", "--follow", "--json", "--params", "{\"items\":1}"))
        .isZero();
    JsonNode done = json();
    assertThat(done.get("status").asText()).isEqualTo("completed");
    assertThat(done.get("jobName").asText()).isEqualTo("test.quick");
    assertThat(errors()).contains("started in this process", "100% completed");

    assertThat(run("users", "add", "dana")).isZero();
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
      assertThat(run(command)).as(String.join(" ", listing)).isZero();
      assertThat(json().isArray()).as(String.join(" ", listing)).isTrue();
    }
    assertThat(run("tokens", "list", "--json")).isZero();
    assertThat(json().get(0).get("name").asText()).isEqualTo("cli");
    assertThat(printed()).doesNotContain("suasor_");
  }

  @Test
  void usersAreDisabledAndEnabledAndTokensListed() {
    assertThat(run("migrate")).isZero();
    assertThat(run("users", "add", "dana")).isZero();
    String secret = printed().lines().filter(l -> l.contains("suasor_")).findFirst().orElseThrow();
    secret = secret.substring(secret.indexOf("suasor_"));

    assertThat(run("users", "disable", "dana")).isZero();
    assertThat(run("users", "list")).isZero();
    assertThat(printed()).contains("dana", "inactive");
    try (Application app = Application.open(TestServer.sqlite(dataDir), List.of())) {
      assertThat(app.tokens().authenticate(secret, Instant.now())).isEmpty();
    }
    assertThat(run("users", "enable", "dana")).isZero();
    try (Application app = Application.open(TestServer.sqlite(dataDir), List.of())) {
      assertThat(app.tokens().authenticate(secret, Instant.now())).isPresent();
    }
    assertThat(run("users", "disable", "nobody")).isEqualTo(Cli.FAILED);
    assertThat(errors()).isEqualTo("error: there is no user named 'nobody'; see 'users list'\n");

    assertThat(run("tokens", "list")).isZero();
    assertThat(printed()).contains("dana", "cli");
  }

  @Test
  void schedulesAreSetPausedAndResumed() {
    try (Application app =
        Application.open(
            TestServer.sqlite(dataDir),
            List.of(new TestJobs.Quick(), new TestJobs.Maintenance()))) {
      app.jobs().syncDatabaseJobs();
    }
    assertThat(run("schedules", "list")).isZero();
    assertThat(printed()).contains("test.system", "daily at 03:00", "active");
    assertThat(run("schedules", "set", "test.system", "every 6h")).isZero();
    assertThat(printed()).contains("every 6h");
    assertThat(run("schedules", "pause", "test.system")).isZero();
    assertThat(printed()).contains("paused");
    assertThat(run("jobs", "list")).isZero();
    assertThat(printed()).containsPattern("test.system .* paused");
    assertThat(run("schedules", "resume", "test.system")).isZero();
    assertThat(printed()).contains("active");
    assertThat(run("schedules", "set", "test.system", "whenever")).isEqualTo(Cli.FAILED);
    assertThat(errors().lines()).hasSize(1);
    assertThat(run("schedules", "pause", "no.such")).isEqualTo(Cli.FAILED);
  }

  @Test
  void aLocalSourceIsAddedTestedAndSynced(@TempDir Path library) throws Exception {
    Files.createDirectories(library.resolve("Movies"));
    assertThat(run("migrate")).isZero();
    assertThat(run("users", "add", "dana")).isZero();
    String config =
        "{\"moviesPath\":" + JSON.writeValueAsString(library.resolve("Movies").toString()) + "}";
    assertThat(run("sources", "add", "dana", "local", "Films", "--source-config", config, "--json"))
        .as(errors())
        .isZero();
    long id = json().get("id").asLong();
    assertThat(run("sources", "list")).isZero();
    assertThat(printed()).contains("Films", "local", "never");
    assertThat(run("sources", "test", String.valueOf(id))).as(errors()).isZero();
    assertThat(printed()).contains("source " + id + " answered");
    assertThat(run("sources", "sync", String.valueOf(id), "--type", "movies"))
        .as(errors())
        .isZero();
    assertThat(printed()).contains("completed");
    assertThat(run("sources", "add", "dana", "ftp", "X", "--source-config", "{}")).isEqualTo(1);
    assertThat(errors()).startsWith("error: unknown source type 'ftp'");
    assertThat(run("sources", "test", "99")).isEqualTo(Cli.FAILED);
  }

  @Test
  void databaseAndUsageErrorsAreOneLineWithTheirExitCodes() throws Exception {
    assertThat(run("jobs", "list", "--db-url", "jdbc:postgresql://127.0.0.1:1/suasor"))
        .isEqualTo(3);
    assertThat(errors().lines()).hasSize(1);
    assertThat(errors())
        .startsWith("error: cannot open the database PostgreSQL jdbc:postgresql://127.0.0.1:1/")
        .contains("check db.url");

    assertThat(run("migrate")).isZero();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("suasor.db"));
        Statement s = c.createStatement()) {
      s.executeUpdate(
          "UPDATE suasor_media_schema_history SET checksum = 12345 WHERE version = '1'");
    }
    assertThat(run("jobs", "list")).isEqualTo(3);
    assertThat(errors().lines()).hasSize(1);
    assertThat(errors())
        .startsWith("error: cannot bring the schema of SQLite")
        .contains("checksum");

    assertThat(run("jobs", "runs", "--limit", "many")).isEqualTo(Cli.USAGE);
    assertThat(errors().lines()).hasSize(1);
    assertThat(errors()).contains("--limit", "see 'suasor jobs runs --help'");
    assertThat(run("jobs", "--version")).isZero();
    assertThat(printed()).startsWith("suasor ");
    assertThat(run("sources", "sync", "--help")).isZero();
    assertThat(printed()).contains("--follow", "--json", "Exit codes: 0 done");
  }
}
