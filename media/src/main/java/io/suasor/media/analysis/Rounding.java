package io.suasor.media.analysis;

/** How precise the profile's numbers are: enough for charts, and the same on every run. */
final class Rounding {
  private Rounding() {}

  /** Hours from seconds, to the hundredth (36 seconds). */
  static double hours(double seconds) {
    return places(seconds / 3600, 2);
  }

  /** A fraction to the thousandth. */
  static double share(double fraction) {
    return places(fraction, 3);
  }

  static double places(double value, int places) {
    double scale = Math.pow(10, places);
    return Math.round(value * scale) / scale;
  }
}
