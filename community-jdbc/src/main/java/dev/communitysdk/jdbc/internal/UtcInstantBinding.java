package dev.communitysdk.jdbc.internal;

import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.jooq.BindingGetResultSetContext;
import org.jooq.BindingSetStatementContext;
import org.jooq.Converter;
import org.jooq.impl.AbstractBinding;

/**
 * Binds every timestamp column as a UTC {@link LocalDateTime} through JDBC 4.2's {@code setObject} and
 * {@code getObject(int, LocalDateTime.class)}, and exposes it as an {@link Instant}. Not API: the generated classes
 * use it.
 *
 * <p>jOOQ's default binding goes through {@link java.sql.Timestamp}, which interprets the value in the JVM's time
 * zone: a UTC time that falls into that zone's daylight-saving gap (02:30 on a spring-forward night in Berlin) would
 * be stored an hour later. Instants are truncated to microseconds, the columns' precision, because the engines
 * disagree on rounding.
 */
public final class UtcInstantBinding extends AbstractBinding<LocalDateTime, Instant> {
  private static final Converter<LocalDateTime, Instant> UTC = Converter.ofNullable(
      LocalDateTime.class,
      Instant.class,
      value -> value.toInstant(ZoneOffset.UTC),
      instant -> LocalDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC));

  /** Used by the generated table classes. */
  public UtcInstantBinding() {}

  @Override
  public Converter<LocalDateTime, Instant> converter() {
    return UTC;
  }

  @Override
  public void set(BindingSetStatementContext<Instant> ctx) throws SQLException {
    LocalDateTime value = UTC.to(ctx.value());
    if (value == null) {
      ctx.statement().setNull(ctx.index(), Types.TIMESTAMP);
    } else {
      ctx.statement().setObject(ctx.index(), value);
    }
  }

  @Override
  public void get(BindingGetResultSetContext<Instant> ctx) throws SQLException {
    ctx.value(UTC.from(ctx.resultSet().getObject(ctx.index(), LocalDateTime.class)));
  }
}
