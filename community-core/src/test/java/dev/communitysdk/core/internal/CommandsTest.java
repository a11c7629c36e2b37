package dev.communitysdk.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import dev.communitysdk.spi.error.DuplicateKeyException;
import dev.communitysdk.spi.error.StorageException;
import dev.communitysdk.spi.error.TransientStorageException;
import dev.communitysdk.spi.error.ValidationException;
import dev.communitysdk.spi.storage.Transactor;

class CommandsTest {
  private final AtomicInteger transactions = new AtomicInteger();
  private final Transactor counting = new Transactor() {
    @Override
    public <T> T inTransaction(Supplier<T> work) {
      transactions.incrementAndGet();
      return work.get();
    }
  };
  private final Clock clock = Clock.fixed(Instant.parse("2026-01-02T03:04:05.123456789Z"), ZoneOffset.UTC);

  @Test
  void run_transientFailures_retriesUntilSuccess() {
    AtomicInteger attempts = new AtomicInteger();
    String result = new Commands(counting, clock, 5).run("test", () -> {
      if (attempts.incrementAndGet() < 3) {
        throw new TransientStorageException("deadlock", null);
      }
      return "done";
    });
    assertThat(result).isEqualTo("done");
    assertThat(transactions).hasValue(3);
  }

  @Test
  void run_transientFailuresBeyondTheBound_giveUpWithTheLastFailure() {
    assertThatThrownBy(() -> new Commands(counting, clock, 3).run("test", () -> {
      throw new TransientStorageException("connection lost", null);
    })).isInstanceOf(TransientStorageException.class);
    assertThat(transactions).hasValue(3);
  }

  @Test
  void run_duplicateKey_isRetriedExactlyOnce() {
    assertThatThrownBy(() -> new Commands(counting, clock, 5).run("test", () -> {
      throw new DuplicateKeyException("cm_vote");
    })).isInstanceOf(DuplicateKeyException.class);
    assertThat(transactions).hasValue(2);
  }

  @Test
  void run_otherFailures_areNotRetried() {
    assertThatThrownBy(() -> new Commands(counting, clock, 5).run("test", () -> {
      throw new ValidationException("title", "must be 10 to 150 characters", "x");
    })).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> new Commands(counting, clock, 5).run("test", () -> {
      throw new StorageException("disk full", null);
    })).isInstanceOf(StorageException.class);
    assertThat(transactions).hasValue(2);
  }

  @Test
  void run_nested_joinsTheOuterCommandWithoutItsOwnTransaction() {
    Commands commands = new Commands(counting, clock, 5);
    int inner = commands.run("outer", () -> commands.run("inner", () -> 42));
    assertThat(inner).isEqualTo(42);
    assertThat(transactions).hasValue(1);
  }

  @Test
  void now_isTruncatedToMicroseconds() {
    assertThat(new Commands(counting, clock, 1).now()).isEqualTo(Instant.parse("2026-01-02T03:04:05.123456Z"));
  }
}
