package dev.communitysdk.benchmarks.vote;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * A {@link DataSource} wrapper that records the SQL sent through it, with transaction control, and how long each call
 * took, while recording is on. jOOQ's own listeners are internal to the adapter, so a JDBC proxy is the way to see,
 * from outside, exactly what one command executes. Meant for the single-threaded {@link CaptureVoteStatements}; the
 * reflection it adds is why the JMH benchmark does not use it.
 */
final class SqlLog {
  private static final Set<String> PREPARE = Set.of("prepareStatement", "prepareCall");
  private static final Set<String> EXECUTE = Set.of("execute", "executeQuery", "executeUpdate", "executeLargeUpdate",
      "addBatch");
  private static final Set<String> TRANSACTION =
      Set.of("setAutoCommit", "setTransactionIsolation", "setSavepoint", "releaseSavepoint", "setReadOnly");

  /**
   * One call that reached the database.
   *
   * @param sql the SQL, or the transaction call such as {@code COMMIT} or {@code setAutoCommit(false)}
   * @param nanos how long the driver took
   */
  record Executed(String sql, long nanos) {}

  private final List<Executed> executed = new ArrayList<>();
  private volatile boolean recording;

  /** Starts recording, forgetting anything recorded before. */
  synchronized void start() {
    executed.clear();
    recording = true;
  }

  /** @return what was recorded since {@link #start()}, in order; recording stops */
  synchronized List<Executed> stop() {
    recording = false;
    return List.copyOf(executed);
  }

  /** @return a data source whose connections report to this log */
  DataSource wrap(DataSource target) {
    return proxy(DataSource.class, target, (method, args, result, nanos) -> {
      if (method.getName().equals("getConnection")) {
        return connection((Connection) result);
      }
      return result;
    });
  }

  private Connection connection(Connection target) {
    return proxy(Connection.class, target, (method, args, result, nanos) -> {
      String name = method.getName();
      if (PREPARE.contains(name)) {
        return statement((Statement) result, (String) args[0]);
      }
      if (name.equals("createStatement")) {
        return statement((Statement) result, null);
      }
      if (name.equals("commit") || name.equals("rollback")) {
        record(name.toUpperCase(Locale.ROOT), nanos);
      } else if (TRANSACTION.contains(name)) {
        // Transaction control is part of the round trips a command costs, so it is listed with the SQL.
        record(name + "(" + args[0] + ")", nanos);
      }
      return result;
    });
  }

  /** Prepared statements log their SQL when executed, plain statements the SQL they are given. */
  private Statement statement(Statement target, @Nullable String prepared) {
    Class<?>[] interfaces = allInterfaces(target.getClass());
    return (Statement) Proxy.newProxyInstance(SqlLog.class.getClassLoader(), interfaces,
        handler(target, (method, args, result, nanos) -> {
          if (EXECUTE.contains(method.getName())) {
            record(args != null && args.length > 0 && args[0] instanceof String given ? given : prepared, nanos);
          }
          return result;
        }));
  }

  private synchronized void record(@Nullable String sql, long nanos) {
    if (recording) {
      executed.add(new Executed(String.valueOf(sql), nanos));
    }
  }

  private interface After {
    Object apply(Method method, Object[] args, Object result, long nanos) throws Exception;
  }

  private static <T> T proxy(Class<T> type, T target, After after) {
    return type.cast(Proxy.newProxyInstance(SqlLog.class.getClassLoader(), new Class<?>[] {type},
        handler(target, after)));
  }

  private static InvocationHandler handler(Object target, After after) {
    return (proxy, method, args) -> {
      long start = System.nanoTime();
      Object result;
      try {
        result = method.invoke(target, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
      return after.apply(method, args, result, System.nanoTime() - start);
    };
  }

  /** Drivers' statement classes implement PreparedStatement or CallableStatement; the proxy must too. */
  private static Class<?>[] allInterfaces(Class<?> type) {
    List<Class<?>> found = new ArrayList<>();
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      for (Class<?> i : c.getInterfaces()) {
        if (i.getName().startsWith("java.sql.") && !found.contains(i)) {
          found.add(i);
        }
      }
    }
    return found.toArray(Class<?>[]::new);
  }
}
