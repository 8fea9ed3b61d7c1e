package io.suasor.media.testing;

import io.suasor.media.demo.DemoLibrary;
import java.nio.file.Path;

/** The generated libraries the tests sync: a few thousand files, the same for every run. */
public final class Libraries {
  /** About 2,100 items in about 3,000 files. */
  public static final DemoLibrary.Size TEST = new DemoLibrary.Size(400, 30, 3, 8, 25, 3, 10);

  private Libraries() {}

  public static DemoLibrary.Written write(Path folder) {
    return new DemoLibrary(42).write(folder, TEST);
  }
}
