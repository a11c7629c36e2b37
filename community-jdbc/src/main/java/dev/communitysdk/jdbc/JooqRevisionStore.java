package dev.communitysdk.jdbc;

import static dev.communitysdk.jdbc.internal.schema.Tables.CM_REVISION;
import static java.util.Objects.requireNonNull;

import dev.communitysdk.jdbc.internal.schema.tables.records.CmRevisionRecord;
import dev.communitysdk.spi.model.MemberId;
import dev.communitysdk.spi.model.PostId;
import dev.communitysdk.spi.model.Revision;
import dev.communitysdk.spi.storage.RevisionStore;
import java.util.List;
import java.util.Optional;

/** Revisions in {@code cm_revision}, append-only. */
final class JooqRevisionStore implements RevisionStore {
  private final JooqTransactor tx;

  JooqRevisionStore(JooqTransactor tx) {
    this.tx = tx;
  }

  @Override
  public void insert(Revision revision) {
    requireNonNull(revision, "revision");
    tx.call("insert revision", dsl -> dsl.insertInto(CM_REVISION)
        .set(CM_REVISION.POST_ID, revision.postId().value())
        .set(CM_REVISION.VERSION, revision.version())
        .set(CM_REVISION.EDITOR_ID, revision.editorId().value())
        .set(CM_REVISION.TITLE, revision.title().orElse(null))
        .set(CM_REVISION.BODY_SOURCE, revision.source())
        .set(CM_REVISION.EDITED_AT, revision.editedAt())
        .set(CM_REVISION.STARS, revision.stars().map(Integer::shortValue).orElse(null))
        .execute());
  }

  @Override
  public List<Revision> list(PostId postId) {
    requireNonNull(postId, "postId");
    return tx.call("list revisions", dsl -> dsl.selectFrom(CM_REVISION)
        .where(CM_REVISION.POST_ID.eq(postId.value()))
        .orderBy(CM_REVISION.VERSION, CM_REVISION.ID)
        .fetch(JooqRevisionStore::toRevision));
  }

  @Override
  public int blank(PostId postId) {
    requireNonNull(postId, "postId");
    return tx.call("blank revisions", dsl -> dsl.update(CM_REVISION)
        .set(CM_REVISION.BODY_SOURCE, "")
        .setNull(CM_REVISION.TITLE)
        .where(CM_REVISION.POST_ID.eq(postId.value()))
        .execute());
  }

  private static Revision toRevision(CmRevisionRecord r) {
    return new Revision(
        new PostId(r.getPostId()),
        r.getVersion(),
        new MemberId(r.getEditorId()),
        Optional.ofNullable(r.getTitle()),
        r.getBodySource(),
        r.getEditedAt(),
        Optional.ofNullable(r.getStars()).map(Short::intValue));
  }
}
