package io.suasor.jobs.store;

/** A second node tried to start on a database that supports only one. */
public class NodeConflictException extends StoreException {
  public NodeConflictException(NodeInfo running, String database) {
    super(
        "another Suasor node is already running on "
            + database
            + " (node "
            + running.nodeId()
            + " on host "
            + running.host()
            + ", process "
            + running.pid()
            + ", last heartbeat "
            + running.heartbeatAt()
            + "); SQLite supports one node: stop that one first, or use PostgreSQL"
            + " (SUASOR_DB_URL) to run several nodes");
  }
}
