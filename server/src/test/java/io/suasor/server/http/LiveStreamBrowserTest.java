package io.suasor.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.suasor.jobs.testing.Await;
import io.suasor.server.TestJobs;
import io.suasor.server.TestServer;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

/**
 * The dashboard's event stream and the six connections a browser opens to one server: a page left
 * for another stays whole in the browser's back-forward cache, its fetches open, so the page closes
 * its stream when it is hidden and opens it again when it is shown. Five pages left with their
 * streams held every connection, and the next dashboard's requests waited about a minute (issue
 * 16).
 */
class LiveStreamBrowserTest extends BrowserTestBase {
  /** The server finds a closed stream out at its next heartbeat at the latest. */
  static final Duration CLOSED = EventStream.HEARTBEAT.multipliedBy(2);

  @BeforeAll
  void start(@TempDir Path dataDir) {
    server = TestServer.start(TestServer.sqlite(dataDir), TestJobs.all(new TestJobs.Gated()));
    browser = new Browser("http://127.0.0.1:" + server.port(), DashboardBrowserTest.SCREENSHOTS);
  }

  @Test
  @Order(1)
  void aPageLeftForAnotherClosesItsStreamAndOpensItAgainWhenShownAgain() throws Exception {
    browser.openFresh();
    browser.await(By.id("token")).sendKeys(server.adminToken(), Keys.ENTER);
    browser.await(By.cssSelector("#jobs tbody tr"));
    browser.awaitAttribute(By.id("live-status"), "data-state", "live");
    Await.until("the dashboard's stream", CLOSED, () -> streams() == 1);
    browser.script("window.stillTheSamePage = true");

    browser.driver.get("about:blank");
    Await.until("the stream of the page left to close", CLOSED, () -> streams() == 0);

    browser.driver.navigate().back();
    browser.awaitAttribute(By.id("live-status"), "data-state", "live");
    assertThat(browser.script("return window.stillTheSamePage"))
        .as("the page came back from the back-forward cache, not loaded again")
        .isEqualTo(true);
    Await.until("the stream opened again", CLOSED, () -> streams() == 1);
  }

  private int streams() {
    return server.app().events().subscriberCount();
  }
}
