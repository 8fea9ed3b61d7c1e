package io.suasor.media.collections;

import io.suasor.media.MediaException;
import java.util.List;
import java.util.stream.Collectors;

/** Rules that cannot be saved, with every part that is wrong. */
public final class InvalidRulesException extends MediaException {
  private final List<RuleError> errors;

  public InvalidRulesException(List<RuleError> errors) {
    super(errors.stream().map(RuleError::toString).collect(Collectors.joining("; ")));
    this.errors = List.copyOf(errors);
  }

  public List<RuleError> errors() {
    return errors;
  }
}
