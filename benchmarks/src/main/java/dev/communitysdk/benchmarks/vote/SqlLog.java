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
 * A {@link DataSource} wrapper that records the SQL sent through it, with commits and rollbacks, while recording is
 * on. jOOQ's own listeners are internal to the adapter, so a JDBC proxy is the way to see, from outside, exactly what
 * one command executes. Meant for the single-threaded capture in {@link CaptureVoteStatements}; not for timing.
 */
final class SqlLog {
  private static final Set<String> PREPARE = Set.of("prepareStatement", "prepareCall");
  private static final Set<String> EXECUTE = Set.of("execute", "executeQuery", "executeUpdate", "executeLargeUpdate",
      "addBatch");

  private static final Set<String> TRANSACTION =
      Set.of("setAutoCommit", "setTransactionIsolation", "setSavepoint", "releaseSavepoint", "setReadOnly");

  private final List<String> lines = new ArrayList<>();
  private volatile boolean recording;

  /** Starts recording, forgetting anything recorded before. */
  synchronized void start() {
    lines.clear();
    recording = true;
  }

  /** @return what was recorded since {@link #start()}, in order; recording stops */
  synchronized List<String> stop() {
    recording = false;
    return List.copyOf(lines);
  }

  /** @return a data source whose connections report to this log */
  DataSource wrap(DataSource target) {
    return proxy(DataSource.class, target, (method, args, result) -> {
      if (method.getName().equals("getConnection")) {
        return connection((Connection) result);
      }
      return result;
    });
  }

  private Connection connection(Connection target) {
    return proxy(Connection.class, target, (method, args, result) -> {
      String name = method.getName();
      if (PREPARE.contains(name)) {
        return statement((Statement) result, (String) args[0]);
      }
      if (name.equals("createStatement")) {
        return statement((Statement) result, null);
      }
      if (name.equals("commit") || name.equals("rollback")) {
        record(name.toUpperCase(Locale.ROOT));
      } else if (TRANSACTION.contains(name)) {
        // Transaction control is part of the round trips a command costs, so it is listed with the SQL.
        record(name + (args == null ? "()" : "(" + args[0] + ")"));
      }
      return result;
    });
  }

  /** Prepared statements log their SQL when executed, plain statements the SQL they are given. */
  private Statement statement(Statement target, @Nullable String prepared) {
    Class<?>[] interfaces = allInterfaces(target.getClass());
    return (Statement) Proxy.newProxyInstance(SqlLog.class.getClassLoader(), interfaces, (proxy, method, args) -> {
      if (EXECUTE.contains(method.getName())) {
        String sql = args != null && args.length > 0 && args[0] instanceof String given ? given : prepared;
        record(sql);
      }
      return invoke(target, method, args);
    });
  }

  private synchronized void record(String line) {
    if (recording) {
      lines.add(line);
    }
  }

  private interface After {
    Object apply(Method method, Object[] args, Object result) throws Exception;
  }

  private static <T> T proxy(Class<T> type, T target, After after) {
    InvocationHandler handler = (proxy, method, args) -> after.apply(method, args, invoke(target, method, args));
    return type.cast(Proxy.newProxyInstance(SqlLog.class.getClassLoader(), new Class<?>[] {type}, handler));
  }

  private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
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
