package dev.communitysdk.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.zaxxer.hikari.SQLExceptionOverride;

final class H2ConnectionEvictionTest {
  private final H2ConnectionEviction eviction = new H2ConnectionEviction();

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "90067, MUST_EVICT", // H2 connection broken
      "90121, MUST_EVICT", // H2 session ended
      "08006, CONTINUE_EVICT", // class 08: HikariCP evicts by itself
      "23505, CONTINUE_EVICT", // a unique violation leaves the connection sound
      "HYT00, CONTINUE_EVICT", // H2 lock timeout
  })
  void adjudicate_byState_evictsOnlyBrokenH2Connections(String state, SQLExceptionOverride.Override expected) {
    assertThat(eviction.adjudicate(new SQLException("failure", state))).isEqualTo(expected);
  }
}
