package io.suasor.server.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.suasor.media.MediaException;
import io.suasor.media.source.SourceCheck;
import io.suasor.media.source.http.SourceHttpException;
import java.time.Instant;
import java.util.List;

/**
 * What testing a source found: who answered and what it holds, or why it cannot be used. {@code
 * problem} is a {@link SourceHttpException.Problem} name, or {@link #UNUSABLE_SETTINGS} when the
 * source's settings (or its type) cannot be used at all. Messages of the media module never hold a
 * secret, so {@code error} is passed on as it is.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SourceTestResult(
    boolean ok,
    String serverName,
    String product,
    String version,
    List<SourceCheck.User> users,
    List<SourceCheck.Library> libraries,
    String problem,
    String error,
    Instant checkedAt) {

  static final String UNUSABLE_SETTINGS = "UNUSABLE_SETTINGS";

  public static SourceTestResult passed(SourceCheck check, Instant now) {
    return new SourceTestResult(
        true,
        check.serverName(),
        check.product(),
        check.version(),
        check.users(),
        check.libraries(),
        null,
        null,
        now);
  }

  public static SourceTestResult failed(MediaException e, Instant now) {
    String problem =
        e instanceof SourceHttpException http ? http.problem().name() : UNUSABLE_SETTINGS;
    return new SourceTestResult(false, null, null, null, null, null, problem, e.getMessage(), now);
  }
}
