package io.suasor.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.suasor.server.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * What the dashboard's browser tests share: one server and one real browser per class, tests in
 * their stated order, and a console with no script error, failed load or refused request after each
 * test, except the refusals that test provokes and declares.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class BrowserTestBase {
  final List<Predicate<String>> expectedRefusals = new ArrayList<>();
  TestServer.Started server;
  Browser browser;

  @AfterEach
  void consoleHasNoErrors() {
    List<String> unexpected =
        browser.severeLogs().stream()
            .filter(message -> expectedRefusals.stream().noneMatch(p -> p.test(message)))
            .toList();
    expectedRefusals.clear();
    assertThat(unexpected).as("severe browser console messages").isEmpty();
  }

  @AfterAll
  void stopBrowserAndServer() {
    if (browser != null) {
      browser.close();
    }
    if (server != null) {
      server.app().close();
    }
  }
}
