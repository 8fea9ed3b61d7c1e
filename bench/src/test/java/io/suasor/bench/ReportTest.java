package io.suasor.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The harness's arithmetic and table, on made-up rounds; the benchmarks themselves never run. */
class ReportTest {

  @Test
  void tableShowsMedianRangeAndRatioToTheBestAnchor() {
    List<Map<String, Object>> results = new ArrayList<>();
    for (double rate : new double[] {900, 1_100, 1_000}) {
      results.add(round(Kind.SUASOR_POSTGRES, Scenario.BURN_DOWN, "runsPerSecond", rate));
    }
    for (double rate : new double[] {400, 500, 450}) {
      results.add(round(Kind.DB_SCHEDULER_FETCH, Scenario.BURN_DOWN, "runsPerSecond", rate));
    }
    results.add(round(Kind.QUARTZ, Scenario.BURN_DOWN, "runsPerSecond", 100));

    String table =
        new Report(
                BenchSettings.tiny(),
                List.of(Kind.SUASOR_POSTGRES, Kind.DB_SCHEDULER_FETCH, Kind.QUARTZ),
                results,
                "14",
                0.1,
                "--mode tiny")
            .table();

    assertThat(table)
        .contains("| suasor (PostgreSQL) | 1,000 (900–1,100) | 2.22× |")
        .contains("| db-scheduler (fetch) | 450 (400–500) | 1.00× |")
        .contains("| Quartz | 100 | 0.22× |");
  }

  @Test
  void percentileIsTheNearestRank() {
    long[] sorted = new long[100];
    for (int i = 0; i < sorted.length; i++) {
      sorted[i] = i + 1;
    }
    assertThat(ContenderMain.percentile(sorted, 50)).isEqualTo(50);
    assertThat(ContenderMain.percentile(sorted, 99)).isEqualTo(99);
    assertThat(ContenderMain.percentile(new long[] {7}, 99)).isEqualTo(7);
  }

  @Test
  void dueTimeIsReadBackFromTheRunParameters() {
    assertThat(SuasorContender.dueOf("{\"due\":1700000000123}")).isEqualTo(1_700_000_000_123L);
    assertThat(SuasorContender.dueOf("{}")).isZero();
  }

  private static Map<String, Object> round(
      Kind kind, Scenario scenario, String metric, double value) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("kind", kind.name());
    r.put("scenario", scenario.name());
    r.put(metric, value);
    r.put("finished", true);
    return r;
  }
}
