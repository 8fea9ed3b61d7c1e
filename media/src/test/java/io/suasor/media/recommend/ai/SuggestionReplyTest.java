package io.suasor.media.recommend.ai;

import static io.suasor.media.recommend.ai.AiTesting.PROMPT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.suasor.media.model.MediaType;
import io.suasor.media.recommend.ai.SuggestionReply.NotTheAskedJson;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How strictly a model's reply text is read. */
class SuggestionReplyTest {
  @Test
  void onlyTitleAndScoreAreRequired() throws NotTheAskedJson {
    List<AiSuggestion> suggestions =
        SuggestionReply.parse(
            "{\"recommendations\":[{\"title\":\" Heat \",\"score\":0,\"year\":null,"
                + "\"genres\":null,\"mediaType\":\"Movie\"}]}",
            PROMPT);

    assertThat(suggestions)
        .containsExactly(
            new AiSuggestion(
                "Heat", null, MediaType.MOVIE, List.of(), 0.0, "", List.of(), List.of()));
  }

  @Test
  void excludedTitlesRepeatsAndAnythingPastTheCountAreLeftOut() throws NotTheAskedJson {
    StringBuilder reply = new StringBuilder("{\"recommendations\":[");
    reply.append("{\"title\":\"SERENITY\",\"score\":0.99},");
    reply.append("{\"title\":\"Dune\",\"year\":2021,\"score\":0.9},");
    reply.append("{\"title\":\"dune\",\"year\":2021,\"score\":0.8},");
    reply.append("{\"title\":\"Dune\",\"year\":1984,\"score\":0.7}");
    for (int i = 0; i < 6; i++) {
      reply.append(",{\"title\":\"Title ").append(i).append("\",\"score\":0.5}");
    }
    reply.append("]}");

    assertThat(SuggestionReply.parse(reply.toString(), PROMPT))
        .extracting(AiSuggestion::title, AiSuggestion::year)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Dune", 2021),
            org.assertj.core.groups.Tuple.tuple("Dune", 1984),
            org.assertj.core.groups.Tuple.tuple("Title 0", null),
            org.assertj.core.groups.Tuple.tuple("Title 1", null),
            org.assertj.core.groups.Tuple.tuple("Title 2", null));
  }

  @Test
  void aFenceWithOrWithoutALanguageIsRead() throws NotTheAskedJson {
    String json = "{\"recommendations\":[{\"title\":\"Heat\",\"score\":0.5}]}";

    assertThat(SuggestionReply.parse("```json\n" + json + "\n```", PROMPT)).hasSize(1);
    assertThat(SuggestionReply.parse("  ```\n" + json + "```  ", PROMPT)).hasSize(1);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          Here you go: {"recommendations":[]}                          | not JSON
          {"recommendations":[]} Enjoy!                                | not JSON
          Here you go:\\n```json\\n{"recommendations":[]}\\n```        | not JSON
          ''                                                           | an empty reply
          [{"title":"Heat","score":0.5}]                               | not a JSON object
          {"movies":[]}                                                | no "recommendations" list
          {"recommendations":{"title":"Heat"}}                         | no "recommendations" list
          {"recommendations":["Heat"]}                                 | recommendations[0] is not an object
          {"recommendations":[{"title":"","score":0.5}]}               | recommendations[0] has no title
          {"recommendations":[{"title":7,"score":0.5}]}                | recommendations[0] has no title
          {"recommendations":[{"title":"Heat"}]}                       | recommendations[0] has no score
          {"recommendations":[{"title":"Heat","score":"0.5"}]}         | recommendations[0].score is not a number
          {"recommendations":[{"title":"Heat","score":-0.1}]}          | recommendations[0].score -0.1 is not between 0 and 1
          {"recommendations":[{"title":"Heat","score":0.5,"year":"1995"}]} | recommendations[0].year is not a whole number
          {"recommendations":[{"title":"Heat","score":0.5,"year":1995.5}]} | recommendations[0].year is not a whole number
          {"recommendations":[{"title":"Heat","score":0.5,"mediaType":"film"}]} | recommendations[0].mediaType "film" is not one of
          {"recommendations":[{"title":"Heat","score":0.5,"genres":"Crime"}]} | recommendations[0].genres is not a list
          {"recommendations":[{"title":"Heat","score":0.5,"matchedPeople":[{"name":"Al Pacino"}]}]} | recommendations[0].matchedPeople holds something other than strings
          {"recommendations":[{"title":"Heat","score":0.5,"reasoning":["a"]}]} | recommendations[0].reasoning is not a string
          """)
  void aReplyThatIsNotTheAskedJsonSaysWhatIsWrong(String reply, String problem) {
    assertThatThrownBy(() -> SuggestionReply.parse(reply.replace("\\n", "\n"), PROMPT))
        .isInstanceOf(NotTheAskedJson.class)
        .hasMessageStartingWith(problem);
  }
}
