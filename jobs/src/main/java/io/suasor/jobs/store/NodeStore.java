package io.suasor.jobs.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/** The node registry: who runs the engine on this database, and since when they were alive. */
final class NodeStore {
  private static final String COLUMNS = "node_id, host, pid, started_at, heartbeat_at";

  private final Database database;

  NodeStore(Database database) {
    this.database = database;
  }

  /**
   * Registers a node. On a single-node database it refuses when another node is alive, checking and
   * inserting in one write transaction so that two nodes starting at once cannot both pass.
   */
  void register(NodeInfo node, Instant aliveSince) {
    database.inTransaction(
        "register node " + node.nodeId(),
        c -> {
          if (!database.dialect().supportsMultipleNodes()) {
            List<NodeInfo> alive =
                Jdbc.query(
                    c,
                    "SELECT "
                        + COLUMNS
                        + " FROM job_nodes WHERE node_id <> ? AND heartbeat_at >= ?",
                    NodeStore::map,
                    node.nodeId(),
                    aliveSince);
            if (!alive.isEmpty()) {
              throw new NodeConflictException(alive.get(0), database.toString());
            }
          }
          Jdbc.update(c, "DELETE FROM job_nodes WHERE node_id = ?", node.nodeId());
          Jdbc.update(
              c,
              "INSERT INTO job_nodes (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?)",
              node.nodeId(),
              node.host(),
              node.pid(),
              node.startedAt(),
              node.heartbeatAt());
          return null;
        });
  }

  boolean heartbeat(String nodeId, Instant now) {
    return database.write(
            "heartbeat of node " + nodeId,
            c ->
                Jdbc.update(
                    c, "UPDATE job_nodes SET heartbeat_at = ? WHERE node_id = ?", now, nodeId))
        == 1;
  }

  void remove(String nodeId) {
    database.write(
        "unregister node " + nodeId,
        c -> Jdbc.update(c, "DELETE FROM job_nodes WHERE node_id = ?", nodeId));
  }

  List<NodeInfo> alive(Instant aliveSince) {
    return database.read(
        "list live nodes",
        c ->
            Jdbc.query(
                c,
                "SELECT " + COLUMNS + " FROM job_nodes WHERE heartbeat_at >= ? ORDER BY node_id",
                NodeStore::map,
                aliveSince));
  }

  /** Forgets nodes silent since before {@code before}; their runs are reaped separately. */
  int forgetSilent(Instant before) {
    return database.write(
        "forget silent nodes",
        c -> Jdbc.update(c, "DELETE FROM job_nodes WHERE heartbeat_at < ?", before));
  }

  private static NodeInfo map(ResultSet row) throws SQLException {
    return new NodeInfo(
        row.getString("node_id"),
        row.getString("host"),
        row.getLong("pid"),
        Jdbc.instant(row, "started_at"),
        Jdbc.instant(row, "heartbeat_at"));
  }
}
