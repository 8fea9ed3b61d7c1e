package io.suasor.jobs.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.suasor.jobs.store.Database;
import io.suasor.jobs.testing.TestDatabases;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The settings' {@code with…} copies and the builder's named setters. */
class EngineSettingsTest {
  private static final EngineSettings DEFAULTS = EngineSettings.defaults("node-a");

  @TempDir Path folder;
  private Database database;
  private final List<JobEngine> engines = new ArrayList<>();

  @AfterEach
  void close() {
    engines.forEach(JobEngine::close);
    if (database != null) {
      database.close();
    }
  }

  /** Every setting away from its default; the one full settings object these tests build. */
  private static EngineSettings custom() {
    return new EngineSettings(
        "node-b",
        8,
        Duration.ofSeconds(7),
        Duration.ofMillis(40),
        Duration.ofSeconds(20),
        Duration.ofSeconds(90),
        Duration.ofSeconds(3),
        Duration.ZERO,
        Duration.ofMinutes(5),
        2,
        0);
  }

  @Test
  void eachWithCopyChangesOnlyItsSetting() {
    EngineSettings to = custom();
    Map<String, EngineSettings> copies = new LinkedHashMap<>();
    copies.put("nodeId", DEFAULTS.withNodeId(to.nodeId()));
    copies.put("workerThreads", DEFAULTS.withWorkerThreads(to.workerThreads()));
    copies.put("pollInterval", DEFAULTS.withPollInterval(to.pollInterval()));
    copies.put(
        "progressFlushInterval", DEFAULTS.withProgressFlushInterval(to.progressFlushInterval()));
    copies.put("heartbeatInterval", DEFAULTS.withHeartbeatInterval(Duration.ofSeconds(15)));
    copies.put("deadRunThreshold", DEFAULTS.withDeadRunThreshold(to.deadRunThreshold()));
    copies.put("shutdownGrace", DEFAULTS.withShutdownGrace(to.shutdownGrace()));
    copies.put("cancelGrace", DEFAULTS.withCancelGrace(to.cancelGrace()));
    copies.put("misfireThreshold", DEFAULTS.withMisfireThreshold(to.misfireThreshold()));
    copies.put("maxCatchUp", DEFAULTS.withMaxCatchUp(to.maxCatchUp()));
    copies.put("logLinesPerRun", DEFAULTS.withLogLinesPerRun(to.logLinesPerRun()));

    assertThat(copies.keySet())
        .containsExactly(
            Arrays.stream(EngineSettings.class.getRecordComponents())
                .map(RecordComponent::getName)
                .toArray(String[]::new));
    copies.forEach(
        (setting, copy) -> {
          assertThat(copy).as(setting).isNotEqualTo(DEFAULTS);
          assertThat(copy)
              .as(setting)
              .usingRecursiveComparison()
              .ignoringFields(setting)
              .isEqualTo(DEFAULTS);
        });
    assertThat(
            DEFAULTS
                .withNodeId(to.nodeId())
                .withWorkerThreads(to.workerThreads())
                .withPollInterval(to.pollInterval())
                .withProgressFlushInterval(to.progressFlushInterval())
                .withDeadRunThreshold(to.deadRunThreshold())
                .withHeartbeatInterval(to.heartbeatInterval())
                .withShutdownGrace(to.shutdownGrace())
                .withCancelGrace(to.cancelGrace())
                .withMisfireThreshold(to.misfireThreshold())
                .withMaxCatchUp(to.maxCatchUp())
                .withLogLinesPerRun(to.logLinesPerRun()))
        .isEqualTo(to);
    assertThat(DEFAULTS).isEqualTo(EngineSettings.defaults("node-a"));
  }

  @Test
  void aBadWithValueIsRefusedNamingTheSetting() {
    refused(() -> DEFAULTS.withNodeId(" "), "nodeId");
    refused(() -> DEFAULTS.withWorkerThreads(0), "workerThreads");
    refused(() -> DEFAULTS.withWorkerThreads(1001), "workerThreads");
    refused(() -> DEFAULTS.withPollInterval(Duration.ZERO), "pollInterval");
    refused(() -> DEFAULTS.withProgressFlushInterval(null), "progressFlushInterval");
    refused(() -> DEFAULTS.withHeartbeatInterval(Duration.ofSeconds(-1)), "heartbeatInterval");
    refused(() -> DEFAULTS.withDeadRunThreshold(Duration.ZERO), "deadRunThreshold");
    refused(() -> DEFAULTS.withShutdownGrace(Duration.ofMillis(-1)), "shutdownGrace");
    refused(() -> DEFAULTS.withCancelGrace(Duration.ofMillis(-1)), "cancelGrace");
    refused(() -> DEFAULTS.withMisfireThreshold(Duration.ofMillis(-1)), "misfireThreshold");
    refused(() -> DEFAULTS.withMaxCatchUp(0), "maxCatchUp");
    refused(() -> DEFAULTS.withLogLinesPerRun(-1), "logLinesPerRun");
    assertThatThrownBy(() -> DEFAULTS.withHeartbeatInterval(Duration.ofSeconds(20)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("deadRunThreshold (PT30S)")
        .hasMessageContaining("twice heartbeatInterval (PT20S)");
  }

  @Test
  void theBuildersNamedSettersReachTheEngine() {
    database = TestDatabases.sqlite(folder);
    // The heartbeat comes first and alone would exceed half the default dead-run threshold: the
    // builder applies its values together, so their order does not matter.
    JobEngine engine =
        JobEngine.builder()
            .sharedDatabase(database)
            .heartbeatInterval(Duration.ofSeconds(20))
            .nodeId("node-b")
            .workerThreads(8)
            .pollInterval(Duration.ofSeconds(7))
            .progressFlushInterval(Duration.ofMillis(40))
            .deadRunThreshold(Duration.ofSeconds(90))
            .shutdownGrace(Duration.ofSeconds(3))
            .cancelGrace(Duration.ZERO)
            .misfireThreshold(Duration.ofMinutes(5))
            .maxCatchUp(2)
            .logLinesPerRun(0)
            .build();
    engines.add(engine);

    assertThat(engine.settings()).isEqualTo(custom());
  }

  @Test
  void namedSettersWinOverGivenSettingsAndConfigureComesLast() {
    database = TestDatabases.sqlite(folder);
    JobEngine engine =
        JobEngine.builder()
            .sharedDatabase(database)
            .workerThreads(2)
            .settings(DEFAULTS.withWorkerThreads(6).withMaxCatchUp(3))
            .configure(settings -> settings.withPollInterval(settings.pollInterval().dividedBy(2)))
            .pollInterval(Duration.ofSeconds(10))
            .build();
    engines.add(engine);

    assertThat(engine.settings().nodeId()).isEqualTo("node-a");
    assertThat(engine.settings().workerThreads()).isEqualTo(2);
    assertThat(engine.settings().maxCatchUp()).isEqualTo(3);
    assertThat(engine.settings().pollInterval()).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void withoutANodeIdTheBuilderNamesTheNodeAfterItsHost() {
    database = TestDatabases.sqlite(folder);
    JobEngine engine = JobEngine.builder().sharedDatabase(database).build();
    engines.add(engine);

    assertThat(engine.settings().nodeId()).startsWith(NodeIdentity.host() + "-");
    assertThat(engine.settings().workerThreads()).isEqualTo(EngineSettings.DEFAULT_WORKER_THREADS);
  }

  @Test
  void aBadNamedValueIsRefusedWhereItIsSet() {
    refused(() -> JobEngine.builder().workerThreads(0), "workerThreads");
    refused(() -> JobEngine.builder().pollInterval(Duration.ZERO), "pollInterval");
    refused(() -> JobEngine.builder().cancelGrace(Duration.ofSeconds(-1)), "cancelGrace");
    refused(() -> JobEngine.builder().nodeId(""), "nodeId");
    refused(() -> JobEngine.builder().maxCatchUp(0), "maxCatchUp");
    refused(() -> JobEngine.builder().logLinesPerRun(-5), "logLinesPerRun");
  }

  @Test
  void aHeartbeatTooSlowForTheThresholdIsRefusedAtBuild() {
    database = TestDatabases.sqlite(folder);
    JobEngineBuilder builder =
        JobEngine.builder().sharedDatabase(database).heartbeatInterval(Duration.ofSeconds(20));

    assertThatThrownBy(builder::build)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("deadRunThreshold (PT30S) must be at least twice heartbeatInterval");
  }

  private static void refused(Supplier<?> change, String setting) {
    assertThatThrownBy(change::get)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(setting + " ");
  }
}
