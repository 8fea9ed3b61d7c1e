package io.suasor.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.suasor.server.TestJobs;
import io.suasor.server.TestServer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The headers every answer carries, the API's and the dashboard's, errors included; and what the
 * readiness check shows when the database is gone (nothing about the database itself).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecurityHeadersTest {
  private static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";

  private TestServer.Started server;
  private Api api;
  private String admin;

  @BeforeAll
  void start(@TempDir Path dataDir) {
    server = TestServer.start(TestServer.sqlite(dataDir), TestJobs.all(new TestJobs.Gated()));
    api = new Api(server.port());
    admin = server.adminToken();
  }

  @AfterAll
  void stop() {
    server.app().close();
  }

  @Test
  void everyApiAnswerErrorsIncludedForbidsSniffingReferrersAndEveryUseAsAPage() {
    List<Api.Reply> replies =
        List.of(
            api.get("/api/v1/jobs", admin),
            api.get("/api/v1/jobs", null),
            api.get("/api/v1/no-such-route", admin),
            api.post("/api/v1/jobs/test.quick/run", admin, "{not json"),
            api.get("/health", null),
            api.get("/metrics", null),
            api.get("/no-such-page", null));
    assertThat(replies.stream().map(Api.Reply::status)).contains(200, 401, 404, 400);
    for (Api.Reply reply : replies) {
      String what = reply.raw().request().uri().getPath() + " answering " + reply.status();
      assertThat(reply.raw().headers().allValues("X-Content-Type-Options"))
          .as(what)
          .containsExactly("nosniff");
      assertThat(reply.raw().headers().allValues("Referrer-Policy"))
          .as(what)
          .containsExactly("no-referrer");
      assertThat(reply.raw().headers().allValues("Content-Security-Policy"))
          .as(what)
          .containsExactly(API_POLICY);
    }
  }

  @Test
  void theDashboardKeepsItsOwnPolicyAndGetsTheOtherHeaders() {
    for (String path : List.of("/", "/index.html", "/app.css")) {
      Api.Reply reply = api.get(path, null);
      assertThat(reply.status()).as(path).isEqualTo(200);
      assertThat(reply.raw().headers().allValues("Content-Security-Policy"))
          .as(path)
          .singleElement()
          .asString()
          .startsWith("default-src 'self'");
      assertThat(reply.header("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
      assertThat(reply.header("Referrer-Policy")).as(path).isEqualTo("no-referrer");
    }
  }

  @Test
  void readinessWithoutADatabaseSaysSoWithoutNamingIt(@TempDir Path ownDir) {
    // A server of its own, since its database is closed under it.
    TestServer.Started alone = TestServer.start(TestServer.sqlite(ownDir), List.of());
    try {
      Api client = new Api(alone.port());
      assertThat(client.get("/health/ready", null).status()).isEqualTo(200);
      alone.app().database().close();

      Api.Reply reply = client.get("/health/ready", null);

      assertThat(reply.status()).isEqualTo(503);
      assertThat(reply.json().get("details").get("database").asText()).isEqualTo("down");
      assertThat(reply.text())
          .doesNotContain(ownDir.toString())
          .doesNotContain("jdbc:")
          .doesNotContain("suasor.db");
    } finally {
      alone.app().close();
    }
  }
}
