package io.suasor.jobs.engine;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Where this process runs, for the node registry and for messages about lost nodes. */
final class NodeIdentity {
  private NodeIdentity() {}

  static String host() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "unknown-host";
    }
  }

  static long pid() {
    return ProcessHandle.current().pid();
  }
}
