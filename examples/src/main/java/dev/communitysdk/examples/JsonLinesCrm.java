package dev.communitysdk.examples;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.communitysdk.spi.crm.AccountHealth;
import dev.communitysdk.spi.crm.CrmActivity;
import dev.communitysdk.spi.crm.CrmConnector;
import dev.communitysdk.spi.crm.CrmContact;
import dev.communitysdk.spi.crm.CustomerProfile;
import dev.communitysdk.spi.crm.SupportCaseRequest;
import dev.communitysdk.spi.crm.SupportCaseUpdate;

/**
 * A CRM that is a JSON Lines file: every contact link, activity, support case opened or updated and account health
 * push appends one JSON object on a line of its own, with a {@code "record"} field saying which ({@code contact},
 * {@code activity}, {@code case.opened}, {@code case.updated}, {@code account.health}). Writes are deduplicated by
 * idempotency key (a contact by user and account), also across restarts: opening the file again reads its keys, its
 * contacts and its cases back. Customer profiles come from a source the host gives, such as its billing system.
 *
 * <p>A host that wants its community activity in a data lake, or a CRM that imports files, can start from this class.
 * One process writes the file at a time. Thread-safe.
 */
public final class JsonLinesCrm implements CrmConnector {
  private static final ObjectMapper JSON = JsonMapper.builder().build();

  private final Path file;
  private final Function<String, Optional<CustomerProfile>> accounts;
  private final Map<String, CrmContact> contacts = new HashMap<>();
  private final Set<String> keys = new HashSet<>();
  private final Map<String, String> casesByKey = new HashMap<>();
  private final Set<String> caseIds = new HashSet<>();

  private JsonLinesCrm(Path file, Function<String, Optional<CustomerProfile>> accounts) {
    this.file = file;
    this.accounts = accounts;
  }

  /**
   * Opens the CRM file, creating it on the first write, and reads back what an earlier run wrote to it.
   *
   * @param file the JSON Lines file
   * @param accounts what the host knows of a customer account, by account id
   * @return the CRM
   * @throws UncheckedIOException if the file exists but cannot be read
   * @throws IllegalStateException if a line of the file is not a record this class wrote
   */
  public static JsonLinesCrm open(Path file, Function<String, Optional<CustomerProfile>> accounts) {
    JsonLinesCrm crm = new JsonLinesCrm(requireNonNull(file, "file"), requireNonNull(accounts, "accounts"));
    crm.lines().forEach(crm::remember);
    return crm;
  }

  @Override
  public synchronized Optional<CrmContact> linkContact(
      String userId, Optional<String> email, Optional<String> customerAccountId) {
    requireNonNull(userId, "userId");
    requireNonNull(email, "email");
    requireNonNull(customerAccountId, "customerAccountId");
    CrmContact known = contacts.get(userId);
    if (known != null && known.accountId().equals(customerAccountId)) {
      return Optional.of(known);
    }
    String contactId = known != null ? known.contactId() : "contact-" + (contacts.size() + 1);
    ObjectNode line = record("contact").put("userId", userId).put("contactId", contactId);
    line.put("email", email.orElse(null)).put("accountId", customerAccountId.orElse(null));
    append(line);
    return Optional.of(contacts.get(userId));
  }

  @Override
  public Optional<CustomerProfile> customerProfile(String accountId) {
    return requireNonNull(accounts.apply(requireNonNull(accountId, "accountId")), "account source result");
  }

  @Override
  public synchronized void recordActivity(CrmActivity activity) {
    requireNonNull(activity, "activity");
    if (!keys.contains("activity:" + activity.idempotencyKey())) {
      append(record("activity").put("key", activity.idempotencyKey()).put("contactId", activity.contactId())
          .put("kind", activity.kind()).put("summary", activity.summary())
          .put("occurredAt", activity.occurredAt().toString()));
    }
  }

  @Override
  public synchronized Optional<String> openCase(SupportCaseRequest request) {
    requireNonNull(request, "request");
    String known = casesByKey.get(request.idempotencyKey());
    if (known == null) {
      ObjectNode line = record("case.opened").put("key", request.idempotencyKey())
          .put("caseId", "case-" + (caseIds.size() + 1)).put("topicId", request.topicId())
          .put("subject", request.subject()).put("description", request.description()).put("reason", request.reason())
          .put("occurredAt", request.occurredAt().toString());
      line.put("contactId", request.contactId().orElse(null)).put("accountId", request.accountId().orElse(null));
      append(line);
      known = casesByKey.get(request.idempotencyKey());
    }
    return Optional.of(known);
  }

  /**
   * @throws IllegalArgumentException if no case has the update's case id
   */
  @Override
  public synchronized void updateCase(SupportCaseUpdate update) {
    requireNonNull(update, "update");
    if (!caseIds.contains(update.caseId())) {
      throw new IllegalArgumentException("no case " + update.caseId());
    }
    if (!keys.contains("case.updated:" + update.idempotencyKey())) {
      append(record("case.updated").put("key", update.idempotencyKey()).put("caseId", update.caseId())
          .put("kind", update.kind()).put("note", update.note()).put("occurredAt", update.occurredAt().toString()));
    }
  }

  @Override
  public synchronized void pushAccountHealth(AccountHealth health) {
    requireNonNull(health, "health");
    if (!keys.contains("account.health:" + health.idempotencyKey())) {
      ObjectNode line = record("account.health").put("key", health.idempotencyKey())
          .put("accountId", health.accountId()).put("periodStart", health.periodStart().toString())
          .put("periodEnd", health.periodEnd().toString()).put("average", health.averageSentiment())
          .put("previousAverage", health.previousAverage()).put("samples", health.samples())
          .put("previousSamples", health.previousSamples()).put("occurredAt", health.occurredAt().toString());
      line.put("spike", health.spike().orElse(null));
      append(line);
    }
  }

  /** @return the activities in the file, in the order they were written */
  public synchronized List<CrmActivity> activities() {
    return lines().stream().filter(line -> is(line, "activity"))
        .map(line -> new CrmActivity(text(line, "key"), text(line, "contactId"), text(line, "kind"),
            text(line, "summary"), Instant.parse(text(line, "occurredAt"))))
        .toList();
  }

  /** @return the case updates in the file, in the order they were written */
  public synchronized List<SupportCaseUpdate> caseUpdates() {
    return lines().stream().filter(line -> is(line, "case.updated"))
        .map(line -> new SupportCaseUpdate(text(line, "key"), text(line, "caseId"), text(line, "kind"),
            text(line, "note"), Instant.parse(text(line, "occurredAt"))))
        .toList();
  }

  /** @return the account health pushes in the file, in the order they were written */
  public synchronized List<AccountHealth> accountHealth() {
    return lines().stream().filter(line -> is(line, "account.health"))
        .map(line -> new AccountHealth(text(line, "key"), text(line, "accountId"),
            LocalDate.parse(text(line, "periodStart")), LocalDate.parse(text(line, "periodEnd")),
            line.path("average").doubleValue(), line.path("previousAverage").doubleValue(),
            line.path("samples").longValue(), line.path("previousSamples").longValue(), optional(line, "spike"),
            Instant.parse(text(line, "occurredAt"))))
        .toList();
  }

  private static ObjectNode record(String type) {
    return JSON.createObjectNode().put("record", type);
  }

  /** Writes the line, then takes it into the in-memory state, so that a failed write changes nothing. */
  private void append(ObjectNode line) {
    try {
      Files.writeString(file, JSON.writeValueAsString(line) + "\n", StandardCharsets.UTF_8,
          StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot append to the CRM file " + file, e);
    }
    remember(line);
  }

  private void remember(JsonNode line) {
    String type = text(line, "record");
    switch (type) {
      case "contact" -> contacts.put(text(line, "userId"),
          new CrmContact(text(line, "contactId"), optional(line, "accountId")));
      case "case.opened" -> {
        casesByKey.put(text(line, "key"), text(line, "caseId"));
        caseIds.add(text(line, "caseId"));
      }
      case "activity", "case.updated", "account.health" -> keys.add(type + ":" + text(line, "key"));
      default -> throw new IllegalStateException("the CRM file " + file + " holds an unknown record " + type);
    }
  }

  private List<JsonNode> lines() {
    if (!Files.exists(file)) {
      return List.of();
    }
    try {
      List<JsonNode> lines = new ArrayList<>();
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        if (!line.isBlank()) {
          lines.add(JSON.readTree(line));
        }
      }
      return lines;
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the CRM file " + file + " holds a line that is not JSON", e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the CRM file " + file, e);
    }
  }

  private static boolean is(JsonNode line, String type) {
    return type.equals(line.path("record").asText());
  }

  private String text(JsonNode line, String field) {
    JsonNode value = line.path(field);
    if (!value.isTextual()) {
      throw new IllegalStateException("a " + line.path("record").asText() + " record of the CRM file " + file
          + " has no text " + field);
    }
    return value.textValue();
  }

  private static Optional<String> optional(JsonNode line, String field) {
    JsonNode value = line.path(field);
    return value.isTextual() ? Optional.of(value.textValue()) : Optional.empty();
  }
}
