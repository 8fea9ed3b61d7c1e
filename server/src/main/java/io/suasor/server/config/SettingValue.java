package io.suasor.server.config;

/** A setting's value as given, and where it came from. */
public record SettingValue(Setting setting, String value, Origin origin) {
  /** The value as it may be shown: a secret that was given is masked. */
  public String shown() {
    if (setting.secret() && !value.isEmpty() && !origin.equals(Origin.DEFAULT)) {
      return "********";
    }
    return value;
  }
}
