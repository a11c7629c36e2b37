package dev.communitysdk.core.internal;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import dev.communitysdk.core.event.DomainEvent;
import dev.communitysdk.spi.error.CommunityException;
import dev.communitysdk.spi.event.CommunityEvent;
import dev.communitysdk.spi.event.NewEvent;
import dev.communitysdk.spi.model.MemberId;
import dev.communitysdk.spi.storage.OutboxStore;

/**
 * Writes domain events to the outbox as JSON, inside the caller's transaction, so that an event exists exactly when
 * its change committed. Not API.
 */
public final class EventLog {
  private static final ObjectMapper JSON = JsonMapper.builder()
      .serializationInclusion(JsonInclude.Include.NON_NULL)
      .build();

  private final OutboxStore outbox;

  /** @param outbox the store's outbox */
  public EventLog(OutboxStore outbox) {
    this.outbox = requireNonNull(outbox, "outbox");
  }

  /**
   * @param event the event to append
   * @param at when the change happened
   * @return the stored event, whose id keys what the command derives from it (ledger entries, say)
   */
  public CommunityEvent append(DomainEvent event, Instant at) {
    return outbox.append(new NewEvent(event.type(), event.schemaVersion(), event.aggregateType(),
        event.aggregateId(), toJson(event), at, Optional.ofNullable(event.mentionedMember()).map(MemberId::new)));
  }

  private static String toJson(DomainEvent event) {
    try {
      return JSON.writeValueAsString(event);
    } catch (JsonProcessingException e) {
      // Events are plain records of strings and numbers; failing here is a programming error.
      throw new CommunityException("cannot serialize event " + event.type(), e);
    }
  }
}
