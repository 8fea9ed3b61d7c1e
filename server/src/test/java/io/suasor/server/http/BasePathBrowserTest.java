package io.suasor.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.suasor.server.TestJobs;
import io.suasor.server.TestServer;
import io.suasor.server.config.ServerConfig;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

/**
 * The server under a base path, as behind a reverse proxy at /suasor/: the API, health, metrics
 * (here with a metrics token) and the dashboard with its assets, API calls and live events.
 */
class BasePathBrowserTest extends BrowserTestBase {
  static final String BASE = "/suasor";
  static final String METRICS_TOKEN = "scrape-token";
  Api api;
  String admin;

  @BeforeAll
  void start(@TempDir Path dataDir) {
    ServerConfig config =
        TestServer.sqlite(dataDir).withWeb(new ServerConfig.Web(BASE, Optional.of(METRICS_TOKEN)));
    server = TestServer.start(config, TestJobs.all(new TestJobs.Gated()));
    api = new Api(server.port());
    admin = server.adminToken();
    browser =
        new Browser("http://127.0.0.1:" + server.port() + BASE, DashboardBrowserTest.SCREENSHOTS);
  }

  @Test
  @Order(1)
  void everythingAnswersUnderTheBasePathAndNothingAtTheRoot() {
    assertThat(api.get(BASE + "/api/v1/jobs", admin).status()).isEqualTo(200);
    assertThat(api.get(BASE + "/health", null).status()).isEqualTo(200);
    assertThat(api.get(BASE + "/api/openapi.json", null).status()).isEqualTo(200);
    assertThat(api.get(BASE + "/", null).text()).contains("<title>Suasor jobs</title>");
    assertThat(api.get(BASE + "/js/main.js", null).status()).isEqualTo(200);
    assertThat(api.get("/api/v1/jobs", admin).status()).isEqualTo(404);
  }

  @Test
  @Order(2)
  void metricsNeedTheMetricsTokenWhenOneIsSet() {
    Api.Reply refused = api.get(BASE + "/metrics", null);
    assertThat(refused.status()).isEqualTo(401);
    assertThat(refused.text()).contains("metrics.token").doesNotContain(METRICS_TOKEN);
    assertThat(api.get(BASE + "/metrics", admin).status()).isEqualTo(401);
    Api.Reply scraped = api.get(BASE + "/metrics", METRICS_TOKEN);
    assertThat(scraped.status()).isEqualTo(200);
    assertThat(scraped.text()).contains("jvm_memory_used_bytes");
  }

  @Test
  @Order(3)
  void theDashboardSignsInListsJobsAndGoesLiveUnderTheBasePath() {
    browser.openFresh();
    browser.await(By.id("token")).sendKeys(admin, Keys.ENTER);
    browser.await(By.cssSelector("#jobs tbody tr"));
    assertThat(browser.await(By.id("who")).getText()).contains("admin");
    browser.awaitText(By.id("live-status"), "live");
  }
}
