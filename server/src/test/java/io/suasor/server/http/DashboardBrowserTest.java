package io.suasor.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.suasor.jobs.model.JobSchedule;
import io.suasor.jobs.testing.Await;
import io.suasor.media.model.Role;
import io.suasor.server.TestServer;
import io.suasor.server.ThreadDumpOnFailure;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real headless Chromium against a real server, one user's session from sign-in
 * to sign-out. Saves screenshots of each page under target/screenshots.
 */
@ExtendWith(ThreadDumpOnFailure.class)
class DashboardBrowserTest extends BrowserTestBase {
  static final Path SCREENSHOTS = Path.of("target", "screenshots");
  static final String SCAN = "library.scan";
  static final String REFRESH = "metadata.refresh";
  static final String NOTIFY = "notifications.send";
  static final String BUILD = "recommendations.build";
  static final int SEEDED_BUILDS = 27;

  final DashboardJobs.Stepped stepped = new DashboardJobs.Stepped();
  final DashboardJobs.Endless endless = new DashboardJobs.Endless();
  Api api;
  String admin;
  String alice;
  long aliceId;

  @BeforeAll
  void start(@TempDir Path dataDir) throws Exception {
    server =
        TestServer.start(
            TestServer.sqlite(dataDir),
            List.of(stepped, endless, new DashboardJobs.Failing(), new DashboardJobs.Counting()));
    api = new Api(server.port());
    admin = server.adminToken();
    aliceId = api.post("/api/v1/users", admin, "{\"name\":\"alice\"}").data().get("id").asLong();
    alice =
        api.post("/api/v1/tokens", admin, "{\"userId\":" + aliceId + "}")
            .data()
            .get("token")
            .asText();
    for (int i = 0; i < SEEDED_BUILDS; i++) {
      runToTheEnd(admin, BUILD, "completed");
    }
    runToTheEnd(alice, BUILD, "completed");
    runToTheEnd(alice, BUILD, "completed");
    runToTheEnd(admin, NOTIFY, "failed");
    Await.until(
        "the retry of " + NOTIFY + " to fail",
        Duration.ofSeconds(20),
        () -> runs("job=" + NOTIFY + "&status=failed").size() == 2);
    browser = new Browser("http://127.0.0.1:" + server.port(), SCREENSHOTS);
  }

  @Test
  @Order(1)
  void signInWithATokenAndSeeEveryJob() {
    browser.openFresh();
    WebElement token = browser.await(By.id("token"));
    assertThat(browser.script("return document.activeElement.id")).isEqualTo("token");
    expectedRefusals.add(refused("/api/v1/users/me", 401));
    token.sendKeys("suasor_not-a-token", Keys.ENTER);
    browser.awaitText(By.id("token-error"), "the token is unknown");
    assertThat(token.getAttribute("aria-invalid")).isEqualTo("true");
    browser.screenshot("sign-in");

    token.clear();
    token.sendKeys(admin, Keys.ENTER);
    browser.awaitCount(By.cssSelector("#jobs tbody tr"), 13);
    assertThat(browser.await(By.id("who")).getText()).contains("admin");
    assertThat(row(SCAN).getText()).contains("only when started by hand", "manual");
    assertThat(row(REFRESH).getText()).contains("monthly on 1 at 03:00", "yes");
    assertThat(row(BUILD).getText()).contains("cron 0 */6 * * *", "completed");
    assertThat(row(NOTIFY).getText()).contains("failed");
    browser.screenshot("jobs");
    browser.phone();
    assertThat(browser.overflowsSideways()).isFalse();
    browser.screenshot("phone-jobs");
    browser.desktop();
  }

  @Test
  @Order(2)
  void startAJobByKeyboardAndWatchItsProgressBarReachAHundredPercentLive() throws Exception {
    stepped.started = new CountDownLatch(1);
    WebElement run = row(SCAN).findElement(By.cssSelector("button[data-action=run]"));
    run.sendKeys(Keys.ENTER);
    WebElement parameters = browser.await(By.id("run-parameters"));
    assertThat(browser.script("return document.activeElement.id")).isEqualTo("run-parameters");
    parameters.sendKeys("{\"folders\": [\"/media/films\"]}");
    browser.driver.switchTo().activeElement().sendKeys(Keys.TAB);
    browser.driver.switchTo().activeElement().sendKeys(Keys.ENTER);
    browser.await(By.linkText("Watch it live")).click();
    By bar = By.cssSelector(".progress .bar");
    browser.await(bar);
    browser.script("window.stillTheSamePage = true");
    assertThat(stepped.started.await(10, TimeUnit.SECONDS)).isTrue();
    for (int item = 1; item <= DashboardJobs.Stepped.ITEMS; item++) {
      stepped.permits.release();
      browser.awaitAttribute(
          bar, "aria-valuenow", String.valueOf(item * 100 / DashboardJobs.Stepped.ITEMS));
      browser.awaitText(By.cssSelector(".progress .counts"), item + " / 4 items");
      if (item == 2) {
        browser.awaitText(By.cssSelector(".progress .status-message"), "scanned folder 2 of 4");
        browser.screenshot("run-live");
      }
    }
    browser.awaitText(By.tagName("h1"), "completed");
    assertThat(browser.driver.findElements(By.cssSelector("#run-header .badge")))
        .as("status badges in the run's header")
        .hasSize(1);
    assertThat(browser.script("return window.stillTheSamePage")).isEqualTo(true);
    browser.awaitText(By.id("logs"), "scan finished");
    assertThat(browser.await(By.id("statistics")).getText()).contains("folders", "files 100");
    assertThat(browser.await(By.id("parameters")).getText()).contains("/media/films");
    browser.screenshot("run-detail");
  }

  @Test
  @Order(3)
  void cancelALongRunFromTheActiveRuns() throws Exception {
    browser.open("/jobs");
    row(REFRESH).findElement(By.cssSelector("button[data-action=run]")).click();
    browser.await(By.cssSelector("dialog button[type=submit]")).click();
    browser.awaitText(By.id("notice"), "of " + REFRESH + " created");
    stepped.started = new CountDownLatch(1);
    api.post("/api/v1/jobs/" + SCAN + "/run", alice, null);
    assertThat(stepped.started.await(10, TimeUnit.SECONDS)).isTrue();

    browser.open("/active");
    By refreshCard = By.cssSelector(".run-card[data-job='" + REFRESH + "']");
    By scanCard = By.cssSelector(".run-card[data-job='" + SCAN + "']");
    browser.awaitText(refreshCard, "refreshing item 1");
    endless.permits.release();
    browser.awaitText(refreshCard, "refreshing item 2");
    stepped.permits.release();
    browser.awaitText(scanCard, "1 / 4 items");
    assertThat(browser.await(scanCard).getText()).contains("alice");
    browser.screenshot("active-runs");
    browser.phone();
    assertThat(browser.overflowsSideways()).isFalse();
    browser.screenshot("phone-active-runs");
    browser.desktop();

    browser.await(refreshCard).findElement(By.cssSelector("button[data-action=cancel]")).click();
    browser.awaitText(By.cssSelector(".run-card[data-job='" + REFRESH + "'] .badge"), "cancelled");
    assertThat(runs("job=" + REFRESH).get(0).get("status").asText()).isEqualTo("cancelled");
    stepped.permits.release(DashboardJobs.Stepped.ITEMS - 1);
    browser.awaitText(By.cssSelector(".run-card[data-job='" + SCAN + "'] .badge"), "completed");
  }

  @Test
  @Order(4)
  void editAScheduleSeeingTheApisMessageAndTheNextFiveFireTimes() {
    browser.open("/schedules");
    browser.await(By.cssSelector("a[aria-label='Edit schedule " + BUILD + "']")).click();
    WebElement frequency = browser.await(By.id("frequency"));
    browser.awaitCount(By.cssSelector("#preview-fires li"), 5);
    expectedRefusals.add(refused("/api/v1/jobs/schedule-preview", 400));
    expectedRefusals.add(refused("/api/v1/jobs/schedules/" + BUILD, 400));
    frequency.clear();
    frequency.sendKeys("every fortnight");
    browser.awaitText(By.id("frequency-error"), "every fortnight");
    browser.await(By.cssSelector("#schedule-form button[type=submit]")).click();
    browser.awaitText(By.id("frequency-error"), "cron");
    assertThat(frequency.getAttribute("aria-invalid")).isEqualTo("true");
    assertThat(browser.await(By.id("preview-description")).getText()).contains("cannot be read");
    browser.screenshot("schedule-invalid");

    frequency.clear();
    frequency.sendKeys("Weekly on Mon at 02:30");
    WebElement zone = browser.await(By.id("timeZone"));
    zone.clear();
    zone.sendKeys("Europe/Berlin");
    browser.awaitText(By.id("preview-description"), "Europe/Berlin");
    browser.awaitCount(By.cssSelector("#preview-fires li"), 5);
    for (WebElement fire : browser.driver.findElements(By.cssSelector("#preview-fires li"))) {
      assertThat(fire.getText()).contains("Mon", "02:30");
    }
    browser.await(By.cssSelector("#schedule-form button[type=submit]")).click();
    browser.awaitText(By.id("notice"), "saved");
    assertThat(frequency.getAttribute("value")).isEqualTo("weekly on mon at 02:30");
    assertThat(browser.driver.findElements(By.cssSelector("#frequency-error:not([hidden])")))
        .isEmpty();
    JsonNode saved = api.get("/api/v1/jobs/schedules/" + BUILD, admin).data();
    assertThat(saved.get("frequency").asText()).isEqualTo("weekly on mon at 02:30");
    assertThat(saved.get("timeZone").asText()).isEqualTo("Europe/Berlin");
    browser.screenshot("schedule-editor");
  }

  @Test
  @Order(5)
  void filterTheHistoryByJobStatusUserAndTimeAndPageThroughIt() {
    int builds = runs("job=" + BUILD + "&status=completed").size();
    assertThat(builds).isGreaterThan(25);
    browser.open("/history");
    filter(BUILD, "completed", "");
    awaitRows(25, BUILD, "completed");
    for (String field : List.of("filter-job", "filter-from", "filter-to")) {
      assertThat(outside(field, "#history-filters")).as(field + " beyond the filters").isEmpty();
      assertThat(outside(field, ".panel")).as(field + " beyond its card").isEmpty();
    }
    browser.screenshot("history");
    browser.phone();
    assertThat(browser.overflowsSideways()).isFalse();
    browser.screenshot("phone-history");
    browser.desktop();
    browser.await(By.id("older")).click();
    awaitRows(builds - 25, BUILD, "completed");
    assertThat(browser.driver.findElements(By.id("older"))).isEmpty();

    filter(BUILD, "", "alice");
    awaitRows(2, BUILD, "alice");

    filter("", "", "");
    browser.script("arguments[0].value = '2099-01-01T00:00'", browser.await(By.id("filter-from")));
    browser.await(By.cssSelector("#history-filters button[type=submit]")).click();
    browser.awaitText(By.id("history-results"), "No run matches these filters.");
    browser.script("arguments[0].value = ''", browser.await(By.id("filter-from")));
    browser.script("arguments[0].value = '2000-01-01T00:00'", browser.await(By.id("filter-to")));
    browser.await(By.cssSelector("#history-filters button[type=submit]")).click();
    browser.awaitText(By.id("history-results"), "No run matches these filters.");
  }

  @Test
  @Order(6)
  void openAFailedRunsDetailWithItsErrorLogAndAttempts() {
    browser.open("/history?job=" + NOTIFY);
    awaitRows(2, NOTIFY, "failed");
    browser.await(By.cssSelector("#history tbody tr:first-child a")).click();
    browser.awaitText(By.id("run-error"), "refused the connection");
    browser.awaitCount(By.cssSelector("#attempts li"), 2);
    assertThat(browser.await(By.id("attempts")).getText())
        .contains("Attempt 1", "Attempt 2", "(this run)");
    browser.awaitText(By.id("logs"), "the mail server refused the connection");
    assertThat(
            browser.driver.findElement(By.cssSelector("button[data-action=cancel]")).isDisplayed())
        .as("a cancel button on an ended run")
        .isFalse();
    String timeline = browser.await(By.id("timeline")).getText();
    assertThat(timeline).contains("Created", "Scheduled for", "Started", "Failed");
    assertThat(browser.await(By.cssSelector(".facts")).getText()).contains("Node", "retry");
    browser.screenshot("run-failed");
    browser.phone();
    assertThat(browser.overflowsSideways()).isFalse();
    browser.screenshot("phone-run-failed");
    browser.desktop();
    browser.await(By.partialLinkText("Attempt 1")).click();
    browser.awaitText(By.id("attempts"), "Attempt 1: #");
    browser.awaitText(By.tagName("h1"), NOTIFY);
  }

  @Test
  @Order(7)
  void chartsShowRunsPerDayByStatusAndAJobsDurations() {
    browser.open("/charts?job=" + BUILD);
    browser.await(By.cssSelector("#chart-daily svg rect"));
    String bars =
        (String)
            browser.script(
                "return [...document.querySelectorAll('#chart-daily svg rect title')]"
                    + ".map(t => t.textContent).join('\\n')");
    assertThat(bars).contains("completed", "failed", "cancelled");
    int finished = runs("job=" + BUILD).size();
    browser.awaitCount(By.cssSelector("#chart-duration svg circle"), finished);
    browser.screenshot("charts");
    browser.phone();
    assertThat(browser.overflowsSideways()).isFalse();
    browser.screenshot("phone-charts");
    browser.desktop();
  }

  @Test
  @Order(8)
  void aUserSeesWhatTheirRoleAllowsAndSignsOut() {
    browser.open("/jobs");
    browser.await(By.id("sign-out")).click();
    browser.await(By.id("token"));
    assertThat(browser.script("return sessionStorage.getItem('suasor.token')")).isNull();
    browser.await(By.id("token")).sendKeys(alice, Keys.ENTER);
    browser.awaitCount(By.cssSelector("#jobs tbody tr"), 13);
    assertThat(browser.await(By.id("who")).getText()).contains("alice", "user");
    assertThat(row(REFRESH).findElements(By.cssSelector("button[data-action=run]"))).isEmpty();
    assertThat(row(SCAN).findElements(By.cssSelector("button[data-action=run]"))).hasSize(1);
    assertThat(browser.driver.findElements(By.cssSelector("[data-action=toggle]"))).isEmpty();
    browser.open("/history");
    assertThat(new Select(browser.await(By.id("filter-user"))).getOptions()).hasSize(2);
    browser.awaitCount(By.cssSelector("#history tbody tr"), 25);
  }

  @Test
  @Order(9)
  void makeAScheduleFollowAJobAndGoFromARunToTheRunItStartedAfter() throws Exception {
    String cleanup = "system.library.cleanup";
    browser.open("/jobs");
    browser.await(By.id("sign-out")).click();
    browser.await(By.id("token")).sendKeys(admin, Keys.ENTER);
    browser.awaitCount(By.cssSelector("#jobs tbody tr"), 13);
    browser.open("/schedules");
    browser.await(By.cssSelector("a[aria-label='Edit schedule " + BUILD + "']")).click();
    Select after = new Select(browser.await(By.id("after-job")));
    WebElement save = browser.await(By.cssSelector("#schedule-form button[type=submit]"));

    expectedRefusals.add(refused("/api/v1/jobs/schedules/" + BUILD, 400));
    after.selectByValue(BUILD);
    save.click();
    browser.awaitText(By.id("frequency-error"), "would make a cycle: " + BUILD + " after " + BUILD);

    after.selectByValue(cleanup);
    browser.awaitText(By.id("preview-description"), "and after each successful run of " + cleanup);
    browser.awaitCount(By.cssSelector("#preview-fires li"), 5);
    save.click();
    browser.awaitText(By.id("notice"), "saved");
    assertThat(api.get("/api/v1/jobs/schedules/" + BUILD, admin).data().get("frequency").asText())
        .isEqualTo("weekly on mon at 02:30 or after " + cleanup);
    assertThat(browser.await(By.id("frequency")).getAttribute("value"))
        .isEqualTo("weekly on mon at 02:30");
    browser.screenshot("schedule-chain");

    long cleaned =
        api.post("/api/v1/jobs/" + cleanup + "/run", admin, null).data().get("id").asLong();
    Await.until(
        "a run of " + BUILD + " after run " + cleaned,
        Duration.ofSeconds(20),
        () ->
            runs("job=" + BUILD).stream()
                .anyMatch(run -> run.path("afterRunId").asLong() == cleaned));
    long follower =
        runs("job=" + BUILD).stream()
            .filter(run -> run.path("afterRunId").asLong() == cleaned)
            .findFirst()
            .orElseThrow()
            .get("id")
            .asLong();
    browser.open("/runs/" + follower);
    browser.awaitText(By.id("started-after"), "started after run #" + cleaned);
    browser.screenshot("run-after");
    browser.await(By.cssSelector("#started-after a")).click();
    browser.awaitText(By.tagName("h1"), cleanup);
  }

  @Test
  @Order(10)
  void theScheduleListShowsAPageAtATimeAndShowMoreAppendsTheNext() {
    for (int i = 0; i < 110; i++) {
      server
          .app()
          .jobs()
          .createJobSchedule(
              JobSchedule.builder(SCAN)
                  .name("paging.%03d".formatted(i))
                  .userId(aliceId)
                  .frequency("manual")
                  .build());
    }
    List<String> every = ServerApiContract.names(api.get("/api/v1/jobs/schedules", admin).data());
    assertThat(every).hasSizeGreaterThan(100);

    browser.open("/schedules");
    By rows = By.cssSelector("#schedules tbody tr");
    browser.awaitCount(rows, 50);
    browser.awaitText(By.id("schedules-count"), "Showing the first 50 schedules");
    WebElement more = browser.await(By.id("more-schedules"));
    more.click();
    browser.awaitCount(rows, 100);
    browser.awaitText(By.id("schedules-count"), "Showing the first 100 schedules");
    browser.screenshot("schedules-more");
    more.click();
    browser.awaitCount(rows, every.size());
    browser.awaitText(By.id("schedules-count"), "All " + every.size() + " schedules shown");
    assertThat(more.isDisplayed()).isFalse();
    assertThat(
            browser.driver.findElements(rows).stream()
                .map(row -> row.getAttribute("data-schedule"))
                .toList())
        .isEqualTo(every);
  }

  @Test
  @Order(11)
  void anAdminsSessionNamesTheFirstPageOfAccountsAndFiltersByAnyOther() {
    long last = 0;
    for (int i = 0; i < 120; i++) {
      last =
          server
              .app()
              .users()
              .create("many-" + i, null, Role.USER, true, server.app().clock().instant())
              .id();
    }
    browser.open("/jobs");
    browser.await(By.id("sign-out")).click();
    browser.await(By.id("token")).sendKeys(admin, Keys.ENTER);
    browser.awaitCount(By.cssSelector("#jobs tbody tr"), 13);

    browser.open("/history?user=" + last);
    Select user = new Select(browser.await(By.id("filter-user")));
    assertThat(user.getFirstSelectedOption().getText()).isEqualTo("user " + last);
    // Everyone, the first page of accounts, and the one filtered by that is past it.
    assertThat(user.getOptions()).hasSize(1 + 100 + 1);
  }

  private WebElement row(String job) {
    return browser.await(By.cssSelector("#jobs tbody tr[data-job='" + job + "']"));
  }

  private void filter(String job, String status, String user) {
    new Select(browser.await(By.id("filter-job"))).selectByValue(job);
    new Select(browser.await(By.id("filter-status"))).selectByValue(status);
    Select users = new Select(browser.await(By.id("filter-user")));
    if (user.isEmpty()) {
      users.selectByValue("");
    } else {
      users.selectByVisibleText(user);
    }
    browser.await(By.cssSelector("#history-filters button[type=submit]")).click();
  }

  /** Waits until the history shows exactly {@code count} rows, each holding every text given. */
  private void awaitRows(int count, String... texts) {
    new WebDriverWait(browser.driver, Duration.ofSeconds(15))
        .withMessage(() -> count + " history rows with " + List.of(texts))
        .until(
            driver -> {
              List<WebElement> rows = driver.findElements(By.cssSelector("#history tbody tr"));
              return rows.size() == count
                  && rows.stream()
                      .allMatch(r -> List.of(texts).stream().allMatch(r.getText()::contains));
            });
  }

  /**
   * How far an element's box, or its label's, reaches beyond the content box of its nearest
   * ancestor matching {@code container}, in pixels per side; empty when it fits.
   */
  @SuppressWarnings("unchecked")
  private Map<String, Object> outside(String id, String container) {
    return (Map<String, Object>)
        browser.script(
            "const input = document.getElementById(arguments[0]);"
                + "const box = input.closest(arguments[1]);"
                + "const style = getComputedStyle(box);"
                + "const outer = box.getBoundingClientRect();"
                + "const left = outer.left + parseFloat(style.paddingLeft)"
                + "  + parseFloat(style.borderLeftWidth);"
                + "const right = outer.right - parseFloat(style.paddingRight)"
                + "  - parseFloat(style.borderRightWidth);"
                + "const beyond = {};"
                + "for (const element of [input, input.labels[0]]) {"
                + "  const r = element.getBoundingClientRect();"
                + "  if (r.left < left - 0.5) beyond[element.tagName + ' left'] = left - r.left;"
                + "  if (r.right > right + 0.5) beyond[element.tagName + ' right'] = r.right - right;"
                + "}"
                + "return beyond;",
            id,
            container);
  }

  private static Predicate<String> refused(String path, int status) {
    return message -> message.contains(path) && message.contains("status of " + status);
  }

  private void runToTheEnd(String token, String job, String status) throws InterruptedException {
    long id = api.post("/api/v1/jobs/" + job + "/run", token, null).data().get("id").asLong();
    Await.until(
        "run " + id + " to be " + status,
        Duration.ofSeconds(20),
        () ->
            api.get("/api/v1/jobs/runs/" + id, admin).data().get("status").asText().equals(status));
  }

  private List<JsonNode> runs(String query) {
    List<JsonNode> runs = new ArrayList<>();
    api.get("/api/v1/jobs/runs?limit=100&" + query, admin).data().forEach(runs::add);
    return runs;
  }
}
