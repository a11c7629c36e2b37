package dev.communitysdk.core.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import dev.communitysdk.spi.error.CommunityException;
import dev.communitysdk.spi.event.CommunityEvent;

/**
 * Reads the JSON payloads that {@link EventLog} wrote, for the relay's routes. Fields a later schema version adds are
 * ignored, so a route reads what it knows of any version. Not API.
 */
public final class EventPayloads {
  private static final ObjectMapper JSON = JsonMapper.builder()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .build();

  private EventPayloads() {}

  /**
   * @param event a stored event
   * @return its payload as a JSON tree
   * @throws CommunityException if the payload is not JSON
   */
  public static JsonNode tree(CommunityEvent event) {
    try {
      return JSON.readTree(event.payload());
    } catch (JsonProcessingException e) {
      throw unreadable(event, e);
    }
  }

  /**
   * @param event a stored event
   * @param type the event record its payload was written from
   * @return the payload read as that record
   * @throws CommunityException if the payload is not JSON of that shape
   */
  public static <T> T read(CommunityEvent event, Class<T> type) {
    try {
      return JSON.readValue(event.payload(), type);
    } catch (JsonProcessingException e) {
      throw unreadable(event, e);
    }
  }

  private static CommunityException unreadable(CommunityEvent event, JsonProcessingException cause) {
    return new CommunityException(
        "cannot read the payload of event " + event.id().value() + " (" + event.type() + ")", cause);
  }
}
