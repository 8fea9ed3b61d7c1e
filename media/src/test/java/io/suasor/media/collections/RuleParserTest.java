package io.suasor.media.collections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.suasor.media.model.CreditRole;
import io.suasor.media.model.MediaType;
import java.time.MonthDay;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading and writing rules: every bad part is named by its JSON path, good ones read back. */
class RuleParserTest {
  @Test
  void everyBadPartIsNamedByItsPath() {
    List<RuleError> errors =
        errors(
            """
            {"rules": {"all": [
                {"genre": "Drama"},
                {"type": ["movie", "film"]},
                {"year": {"from": 2000, "to": 1990}},
                {"any": []},
                {"not": {"colour": "red"}},
                {"season": {"from": "13-01", "to": "01-06"}},
                {"rating": {"min": 11}},
                {"person": {"role": "director"}},
                {"status": "seen", "favorite": true},
                {"decade": 1985},
                {"runtime": {"min": "long"}},
                {"addedWithinDays": 0}
             ]},
             "sort": {"by": "popularity", "order": "up"},
             "limit": 5000}
            """);
    assertThat(errors)
        .extracting(RuleError::path)
        .containsExactly(
            "rules.all[1].type[1]",
            "rules.all[2].year.from",
            "rules.all[3].any",
            "rules.all[4].not",
            "rules.all[5].season.from",
            "rules.all[6].rating.min",
            "rules.all[7].person.name",
            "rules.all[8]",
            "rules.all[9].decade",
            "rules.all[10].runtime.min",
            "rules.all[11].addedWithinDays",
            "sort.by",
            "sort.order",
            "limit");
    assertThat(errors.get(0).message()).contains("movie, series", "\"film\"");
    assertThat(errors.get(1).message()).contains("must not be above to (1990)");
    assertThat(errors.get(3).message()).contains("unknown condition 'colour'", "genre");
    assertThat(errors.get(4).message()).contains("MM-DD", "13-01");
    assertThat(errors.get(11).message()).contains("title, year, rating");
    assertThat(errors.get(13).message()).contains("from 1 to 1000", "5000");
  }

  @Test
  void rulesAreRequiredAndMustBeJsonObjects() {
    assertThat(errors("{\"sort\":\"title\"}")).extracting(RuleError::path).containsExactly("rules");
    assertThat(errors("[1]")).extracting(RuleError::path).containsExactly("$");
    assertThat(errors("{\"rules\":{\"genre\":\"Drama\",\"year\":{\"from\":1}}}"))
        .extracting(RuleError::path)
        .containsExactly("rules");
  }

  @Test
  void whatIsWrittenReadsBackTheSame() {
    SmartRules rules =
        RuleParser.parse(
            """
            {"rules": {"all": [
                {"type": "movie"}, {"decade": 1990},
                {"person": {"name": "Dee Rector", "role": "director"}},
                {"any": [{"genre": ["Drama", "Comedy"]}, {"rating": {"min": 7.5}}]},
                {"not": {"status": "inProgress"}}, {"favorite": false},
                {"addedWithinDays": 30}, {"runtime": {"max": 120}},
                {"season": {"from": "12-15", "to": "01-06"}}]},
             "sort": {"by": "random", "seed": 7}, "limit": 25}
            """);
    Rule.All all = (Rule.All) rules.rules();
    assertThat(all.rules().get(0)).isEqualTo(new Rule.Types(List.of(MediaType.MOVIE)));
    assertThat(all.rules().get(1)).isEqualTo(new Rule.Years(1990, 1999));
    assertThat(all.rules().get(2))
        .isEqualTo(new Rule.Person(List.of("Dee Rector"), CreditRole.DIRECTOR));
    assertThat(all.rules().get(8))
        .isEqualTo(new Rule.Season(MonthDay.of(12, 15), MonthDay.of(1, 6)));
    assertThat(rules.sort()).isEqualTo(new Sort(Sort.By.RANDOM, false, 7L));
    assertThat(rules.limit()).isEqualTo(25);
    assertThat(RuleParser.parse(RuleWriter.json(rules))).isEqualTo(rules);
    assertThat(RuleParser.parse("{\"rules\":{\"genre\":\"Drama\"}}").sort())
        .isEqualTo(Sort.DEFAULT);
    assertThat(RuleParser.parse("{\"rules\":{\"genre\":\"Drama\"},\"sort\":\"rating\"}").sort())
        .isEqualTo(new Sort(Sort.By.RATING, true, null));
  }

  @Test
  void aWindowMayWrapTheYearsEnd() {
    Rule.Season winter = new Rule.Season(MonthDay.of(12, 15), MonthDay.of(1, 6));
    assertThat(winter.contains(MonthDay.of(12, 15))).isTrue();
    assertThat(winter.contains(MonthDay.of(12, 31))).isTrue();
    assertThat(winter.contains(MonthDay.of(1, 6))).isTrue();
    assertThat(winter.contains(MonthDay.of(1, 7))).isFalse();
    assertThat(winter.contains(MonthDay.of(12, 14))).isFalse();
    Rule.Season december = new Rule.Season(MonthDay.of(12, 1), MonthDay.of(12, 31));
    assertThat(december.contains(MonthDay.of(1, 1))).isFalse();
    assertThat(december.contains(MonthDay.of(12, 1))).isTrue();
  }

  private static List<RuleError> errors(String document) {
    return catchThrowableOfType(() -> RuleParser.parse(document), InvalidRulesException.class)
        .errors();
  }
}
