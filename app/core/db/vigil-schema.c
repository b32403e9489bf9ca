/* vigil-schema.c: the vault's tables and their migrations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-schema"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "vigil-db.h"
#include "vigil-error.h"
#include "vigil-schema.h"

/* Step n takes a vault from user_version n to n + 1. Steps are never edited
 * once released: a change to the schema is a new step. */
static const char * const migrations[] = {
  /* 0 -> 1: the vault itself: format, key slots, data keys, audit log. */
  "CREATE TABLE meta ("
  "  key TEXT PRIMARY KEY NOT NULL,"
  "  value TEXT NOT NULL);"
  "CREATE TABLE key_slots ("
  "  id INTEGER PRIMARY KEY,"
  "  label TEXT NOT NULL,"
  "  algorithm TEXT NOT NULL,"
  "  opslimit INTEGER NOT NULL,"
  "  memlimit INTEGER NOT NULL,"
  "  salt BLOB NOT NULL,"
  "  wrapped_key BLOB NOT NULL,"
  "  checksum BLOB NOT NULL,"
  "  created_at TEXT NOT NULL);"
  "CREATE TABLE data_keys ("
  "  owner_kind TEXT NOT NULL,"
  "  owner_id TEXT NOT NULL,"
  "  wrapped_key BLOB NOT NULL,"
  "  created_at TEXT NOT NULL,"
  "  PRIMARY KEY (owner_kind, owner_id));"
  "CREATE TABLE audit ("
  "  seq INTEGER PRIMARY KEY,"
  "  at TEXT NOT NULL,"
  "  actor TEXT NOT NULL,"
  "  action TEXT NOT NULL,"
  "  record_kind TEXT NOT NULL,"
  "  record_id TEXT NOT NULL,"
  "  record_version INTEGER NOT NULL,"
  "  prev_hash BLOB NOT NULL,"
  "  hash BLOB NOT NULL);",

  /* 1 -> 2: cases, the persons in them, their hearings, consents. */
  "CREATE TABLE cases ("
  "  id TEXT PRIMARY KEY NOT NULL,"
  "  version INTEGER NOT NULL,"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL,"
  "  reference TEXT NOT NULL,"
  "  court TEXT NOT NULL,"
  "  jurisdiction TEXT,"
  "  stage TEXT NOT NULL,"
  "  outcome TEXT NOT NULL DEFAULT 'none',"
  "  charges TEXT NOT NULL DEFAULT '[]',"
  "  convicted_charge TEXT,"
  "  adjourned_sine_die INTEGER NOT NULL DEFAULT 0,"
  "  notes BLOB);"
  "CREATE INDEX cases_reference ON cases (reference);"
  "CREATE TABLE persons ("
  "  id TEXT PRIMARY KEY NOT NULL,"
  "  case_id TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,"
  "  version INTEGER NOT NULL,"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL,"
  "  pseudonym TEXT NOT NULL,"
  "  role TEXT NOT NULL,"
  "  is_child INTEGER NOT NULL DEFAULT 0,"
  "  identity BLOB,"
  "  notes BLOB,"
  "  UNIQUE (case_id, pseudonym));"
  "CREATE TABLE hearings ("
  "  id TEXT PRIMARY KEY NOT NULL,"
  "  case_id TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,"
  "  version INTEGER NOT NULL,"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL,"
  "  starts_at TEXT NOT NULL,"
  "  room TEXT,"
  "  kind TEXT NOT NULL,"
  "  status TEXT NOT NULL,"
  "  closed_session INTEGER NOT NULL DEFAULT 0,"
  "  adjournment_reason BLOB,"
  "  notes BLOB);"
  "CREATE INDEX hearings_case ON hearings (case_id, starts_at);"
  "CREATE TABLE consents ("
  "  id TEXT PRIMARY KEY NOT NULL,"
  "  person_id TEXT NOT NULL REFERENCES persons (id) ON DELETE CASCADE,"
  "  version INTEGER NOT NULL,"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL,"
  "  kind TEXT NOT NULL,"
  "  shared_with BLOB,"
  "  given_at TEXT NOT NULL,"
  "  withdrawn_at TEXT);"
  "CREATE INDEX consents_person ON consents (person_id);",

  /* 2 -> 3: observations, protection, compensation, attachments. */
  "CREATE TABLE observations ("
  "  id TEXT PRIMARY KEY NOT NULL,"
  "  hearing_id TEXT NOT NULL REFERENCES hearings (id) ON DELETE CASCADE,"
  "  case_id TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,"
  "  version INTEGER NOT NULL,"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL,"
  "  standard_id TEXT NOT NULL,"
  "  status TEXT NOT NULL,"
  "  severity TEXT,"
  "  monitor TEXT,"
  "  catalogue_version TEXT NOT NULL,"
  "  notes BLOB);"
  "CREATE INDEX observations_hearing ON observations (hearing_id);"
  "CREATE INDEX observations_case ON observations (case_id);"
  "CREATE TABLE protection_measures ("
  "  id TEXT PRIMARY KEY NOT NULL,"
  "  case_id TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,"
  "  person_id TEXT NOT NULL REFERENCES persons (id) ON DELETE CASCADE,"
  "  hearing_id TEXT REFERENCES hearings (id) ON DELETE SET NULL,"
  "  version INTEGER NOT NULL,"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL,"
  "  kind TEXT NOT NULL,"
  "  status TEXT NOT NULL,"
  "  starts_at TEXT,"
  "  ends_at TEXT,"
  "  responsible BLOB,"
  "  details BLOB);"
  "CREATE INDEX measures_case ON protection_measures (case_id);"
  "CREATE INDEX measures_person ON protection_measures (person_id);"
  "CREATE INDEX measures_hearing ON protection_measures (hearing_id);"
  "CREATE TABLE claims ("
  "  id TEXT PRIMARY KEY NOT NULL,"
  "  case_id TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,"
  "  claimant_id TEXT NOT NULL REFERENCES persons (id) ON DELETE CASCADE,"
  "  version INTEGER NOT NULL,"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL,"
  "  route TEXT NOT NULL,"
  "  status TEXT NOT NULL,"
  "  currency TEXT NOT NULL,"
  "  filed_at TEXT,"
  "  deadline TEXT,"
  "  assets BLOB,"
  "  notes BLOB);"
  "CREATE INDEX claims_case ON claims (case_id);"
  "CREATE INDEX claims_claimant ON claims (claimant_id);"
  "CREATE TABLE claim_items ("
  "  id TEXT PRIMARY KEY NOT NULL,"
  "  claim_id TEXT NOT NULL REFERENCES claims (id) ON DELETE CASCADE,"
  "  claimant_id TEXT NOT NULL REFERENCES persons (id) ON DELETE CASCADE,"
  "  version INTEGER NOT NULL,"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL,"
  "  head TEXT NOT NULL,"
  "  claimed_minor INTEGER NOT NULL DEFAULT 0,"
  "  awarded_minor INTEGER,"
  "  paid_minor INTEGER,"
  "  evidence BLOB);"
  "CREATE INDEX claim_items_claim ON claim_items (claim_id);"
  "CREATE TABLE attachments ("
  "  id TEXT PRIMARY KEY NOT NULL,"
  "  case_id TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,"
  "  version INTEGER NOT NULL,"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL,"
  "  kind TEXT NOT NULL,"
  "  mime_type TEXT NOT NULL,"
  "  size_bytes INTEGER NOT NULL,"
  "  title BLOB,"
  "  content BLOB,"
  "  extracted_text BLOB);"
  "CREATE INDEX attachments_case ON attachments (case_id);",

  /* 3 -> 4: the facts of a hearing and who attended it; an observation's
   * timestamped notes; the overall assessment of a hearing or a case. */
  "ALTER TABLE hearings ADD COLUMN media_present INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE hearings ADD COLUMN interpreter_present INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE hearings ADD COLUMN interpreter_languages BLOB;"
  "ALTER TABLE hearings ADD COLUMN foreign_victim INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE hearings ADD COLUMN interpretation_needed INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE hearings ADD COLUMN compensation_route_open INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE hearings ADD COLUMN victim_prosecuted INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE hearings ADD COLUMN adjourned_sine_die INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE hearings ADD COLUMN outcome TEXT NOT NULL DEFAULT 'none';"
  "ALTER TABLE hearings ADD COLUMN convicted_charge TEXT;"
  "CREATE TABLE hearing_attendance ("
  "  hearing_id TEXT NOT NULL REFERENCES hearings (id) ON DELETE CASCADE,"
  "  person_id TEXT NOT NULL REFERENCES persons (id) ON DELETE CASCADE,"
  "  testified INTEGER NOT NULL DEFAULT 0,"
  "  PRIMARY KEY (hearing_id, person_id));"
  "CREATE INDEX attendance_person ON hearing_attendance (person_id);"
  "CREATE INDEX observations_standard ON observations (hearing_id, standard_id);"
  "CREATE TABLE observation_notes ("
  "  id TEXT PRIMARY KEY NOT NULL,"
  "  observation_id TEXT NOT NULL REFERENCES observations (id) ON DELETE CASCADE,"
  "  case_id TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,"
  "  version INTEGER NOT NULL,"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL,"
  "  noted_at TEXT NOT NULL,"
  "  monitor TEXT,"
  "  text BLOB);"
  "CREATE INDEX observation_notes_observation ON observation_notes (observation_id, noted_at);"
  "CREATE TABLE assessments ("
  "  id TEXT PRIMARY KEY NOT NULL,"
  "  case_id TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,"
  "  hearing_id TEXT REFERENCES hearings (id) ON DELETE CASCADE,"
  "  scope_id TEXT NOT NULL UNIQUE,"
  "  version INTEGER NOT NULL,"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL,"
  "  suggested_grade TEXT NOT NULL,"
  "  grade TEXT NOT NULL,"
  "  score INTEGER NOT NULL,"
  "  monitor TEXT,"
  "  catalogue_version TEXT,"
  "  reason BLOB);"
  "CREATE INDEX assessments_case ON assessments (case_id);",

  /* 4 -> 5: who monitors under each key slot: the name observations,
   * notes, assessments and the audit log record for whoever unlocks with
   * it (NULL: not asked yet, the slot's label stands in). */
  "ALTER TABLE key_slots ADD COLUMN monitor TEXT;",

  /* 5 -> 6: witness protection: when a victim was identified (the reflection
   * period runs from then), risk assessments of a person, every change of
   * a measure's status, and every move of a hearing's time. */
  "ALTER TABLE persons ADD COLUMN identified_on TEXT;"
  "CREATE TABLE risk_assessments ("
  "  id TEXT PRIMARY KEY NOT NULL,"
  "  case_id TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,"
  "  person_id TEXT NOT NULL REFERENCES persons (id) ON DELETE CASCADE,"
  "  version INTEGER NOT NULL,"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL,"
  "  level TEXT NOT NULL,"
  "  assessed_at TEXT NOT NULL,"
  "  review_on TEXT,"
  "  factors BLOB,"
  "  assessor BLOB);"
  "CREATE INDEX risk_assessments_person ON risk_assessments (person_id, assessed_at);"
  "CREATE INDEX risk_assessments_case ON risk_assessments (case_id);"
  "CREATE TABLE protection_status_changes ("
  "  id TEXT PRIMARY KEY NOT NULL,"
  "  measure_id TEXT NOT NULL REFERENCES protection_measures (id) ON DELETE CASCADE,"
  "  case_id TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,"
  "  version INTEGER NOT NULL,"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL,"
  "  status TEXT NOT NULL,"
  "  changed_at TEXT NOT NULL,"
  "  monitor TEXT);"
  "CREATE INDEX protection_status_changes_measure"
  "  ON protection_status_changes (measure_id, changed_at);"
  "CREATE TABLE hearing_moves ("
  "  id TEXT PRIMARY KEY NOT NULL,"
  "  hearing_id TEXT NOT NULL REFERENCES hearings (id) ON DELETE CASCADE,"
  "  case_id TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,"
  "  version INTEGER NOT NULL,"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL,"
  "  old_starts_at TEXT NOT NULL,"
  "  new_starts_at TEXT NOT NULL,"
  "  moved_at TEXT NOT NULL,"
  "  monitor TEXT);"
  "CREATE INDEX hearing_moves_hearing ON hearing_moves (hearing_id, moved_at);",

  /* 6 -> 7: a compensation claim's status history, deadlines and payments (what
   * was paid is their sum: an item's paid_minor is only read, from vaults
   * written before, and moved into a payment), and the defendants' assets
   * that could pay it. */
  "CREATE TABLE claim_status_changes ("
  "  id TEXT PRIMARY KEY NOT NULL,"
  "  claim_id TEXT NOT NULL REFERENCES claims (id) ON DELETE CASCADE,"
  "  version INTEGER NOT NULL,"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL,"
  "  status TEXT NOT NULL,"
  "  changed_on TEXT NOT NULL,"
  "  changed_by TEXT,"
  "  reason TEXT);"
  "CREATE INDEX claim_status_changes_claim ON claim_status_changes (claim_id);"
  "CREATE TABLE claim_deadlines ("
  "  id TEXT PRIMARY KEY NOT NULL,"
  "  claim_id TEXT NOT NULL REFERENCES claims (id) ON DELETE CASCADE,"
  "  version INTEGER NOT NULL,"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL,"
  "  kind TEXT NOT NULL,"
  "  due_on TEXT NOT NULL,"
  "  done INTEGER NOT NULL DEFAULT 0);"
  "CREATE INDEX claim_deadlines_claim ON claim_deadlines (claim_id);"
  "CREATE INDEX claim_deadlines_due ON claim_deadlines (done, due_on);"
  "CREATE TABLE claim_payments ("
  "  id TEXT PRIMARY KEY NOT NULL,"
  "  claim_id TEXT NOT NULL REFERENCES claims (id) ON DELETE CASCADE,"
  "  claimant_id TEXT NOT NULL REFERENCES persons (id) ON DELETE CASCADE,"
  "  version INTEGER NOT NULL,"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL,"
  "  paid_on TEXT,"
  "  amount_minor INTEGER NOT NULL,"
  "  payer TEXT NOT NULL,"
  "  item_id TEXT REFERENCES claim_items (id) ON DELETE CASCADE);"
  "CREATE INDEX claim_payments_claim ON claim_payments (claim_id);"
  "CREATE TABLE defendant_assets ("
  "  id TEXT PRIMARY KEY NOT NULL,"
  "  case_id TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,"
  "  defendant_id TEXT NOT NULL REFERENCES persons (id) ON DELETE CASCADE,"
  "  version INTEGER NOT NULL,"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL,"
  "  kind TEXT NOT NULL,"
  "  estimated_minor INTEGER,"
  "  currency TEXT NOT NULL,"
  "  state TEXT NOT NULL,"
  "  description BLOB);"
  "CREATE INDEX defendant_assets_case ON defendant_assets (case_id);"
  "CREATE INDEX defendant_assets_defendant ON defendant_assets (defendant_id);"
  "CREATE TABLE claim_assets ("
  "  id TEXT PRIMARY KEY NOT NULL,"
  "  claim_id TEXT NOT NULL REFERENCES claims (id) ON DELETE CASCADE,"
  "  asset_id TEXT NOT NULL REFERENCES defendant_assets (id) ON DELETE CASCADE,"
  "  version INTEGER NOT NULL,"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL,"
  "  UNIQUE (claim_id, asset_id));"
  "CREATE INDEX claim_assets_asset ON claim_assets (asset_id);"
  /* Totals read only these: compact and in order, where the rows they
   * come from lie scattered through a file written case by case. */
  "CREATE INDEX claims_money ON claims"
  " (id, currency, status, case_id, claimant_id, route, created_at);"
  "CREATE INDEX claim_items_money ON claim_items"
  " (claim_id, claimed_minor, awarded_minor, paid_minor);"
  "CREATE INDEX claim_payments_money ON claim_payments (claim_id, amount_minor);",

  /* 7 -> 8: evidence documents (PDFs) of a claim or of one of its heads of
   * damage, the claimant's: sealed under their key, in chunks of a
   * secretstream whose header is the document's stream_header. The older
   * attachments table seals a whole document as one value under the
   * case's key, which neither fits a 64 MiB file nor shreds with the
   * claimant; nothing writes it. */
  "CREATE TABLE evidence_documents ("
  "  id TEXT PRIMARY KEY NOT NULL,"
  "  claim_id TEXT NOT NULL REFERENCES claims (id) ON DELETE CASCADE,"
  "  claim_item_id TEXT REFERENCES claim_items (id) ON DELETE SET NULL,"
  "  case_id TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,"
  "  claimant_id TEXT NOT NULL REFERENCES persons (id) ON DELETE CASCADE,"
  "  version INTEGER NOT NULL,"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL,"
  "  mime_type TEXT NOT NULL,"
  "  size_bytes INTEGER NOT NULL,"
  "  page_count INTEGER NOT NULL,"
  "  chunk_count INTEGER NOT NULL,"
  "  stream_header TEXT NOT NULL,"
  "  title BLOB,"
  "  extracted_text BLOB);"
  "CREATE INDEX evidence_claim ON evidence_documents (claim_id);"
  "CREATE INDEX evidence_claimant ON evidence_documents (claimant_id);"
  "CREATE TABLE evidence_chunks ("
  "  document_id TEXT NOT NULL REFERENCES evidence_documents (id) ON DELETE CASCADE,"
  "  seq INTEGER NOT NULL,"
  "  data BLOB NOT NULL,"
  "  PRIMARY KEY (document_id, seq));",
};

/* Ids, parent ids, kinds, versions and times, and what a court makes public
 * anyway (reference, court, jurisdiction, room, charges). Amounts and
 * currencies stay clear so totals are computed without opening every claim;
 * they say nothing about who the claimant is. The facts of a hearing are
 * yes/no answers and a verdict's outcome, which name nobody and decide which
 * standards apply; attendance is person ids, already clear; grades and
 * statuses are what reports count; a monitor's name is recorded in clear
 * with each observation and audit entry already. The languages interpreted hint at a
 * victim's origin and are sealed. */
const char * const vigil_schema_clear_columns[] = {
  "meta.key", "meta.value",
  "key_slots.id", "key_slots.label", "key_slots.algorithm", "key_slots.opslimit",
  "key_slots.memlimit", "key_slots.salt", "key_slots.checksum", "key_slots.created_at",
  "data_keys.owner_kind", "data_keys.owner_id", "data_keys.created_at",
  "audit.seq", "audit.at", "audit.actor", "audit.action", "audit.record_kind",
  "audit.record_id", "audit.record_version", "audit.prev_hash", "audit.hash",
  "cases.id", "cases.version", "cases.created_at", "cases.updated_at", "cases.reference",
  "cases.court", "cases.jurisdiction", "cases.stage", "cases.outcome", "cases.charges",
  "cases.convicted_charge", "cases.adjourned_sine_die",
  "persons.id", "persons.case_id", "persons.version", "persons.created_at",
  "persons.updated_at", "persons.pseudonym", "persons.role", "persons.is_child",
  "hearings.id", "hearings.case_id", "hearings.version", "hearings.created_at",
  "hearings.updated_at", "hearings.starts_at", "hearings.room", "hearings.kind",
  "hearings.status", "hearings.closed_session",
  "consents.id", "consents.person_id", "consents.version", "consents.created_at",
  "consents.updated_at", "consents.kind", "consents.given_at", "consents.withdrawn_at",
  "observations.id", "observations.hearing_id", "observations.case_id",
  "observations.version", "observations.created_at", "observations.updated_at",
  "observations.standard_id", "observations.status", "observations.severity",
  "observations.monitor", "observations.catalogue_version",
  "protection_measures.id", "protection_measures.case_id", "protection_measures.person_id",
  "protection_measures.hearing_id", "protection_measures.version",
  "protection_measures.created_at", "protection_measures.updated_at",
  "protection_measures.kind", "protection_measures.status", "protection_measures.starts_at",
  "protection_measures.ends_at",
  "claims.id", "claims.case_id", "claims.claimant_id", "claims.version", "claims.created_at",
  "claims.updated_at", "claims.route", "claims.status", "claims.currency", "claims.filed_at",
  "claims.deadline",
  "claim_items.id", "claim_items.claim_id", "claim_items.claimant_id", "claim_items.version",
  "claim_items.created_at", "claim_items.updated_at", "claim_items.head",
  "claim_items.claimed_minor", "claim_items.awarded_minor", "claim_items.paid_minor",
  "attachments.id", "attachments.case_id", "attachments.version", "attachments.created_at",
  "attachments.updated_at", "attachments.kind", "attachments.mime_type",
  "attachments.size_bytes",
  "hearings.media_present", "hearings.interpreter_present", "hearings.foreign_victim",
  "hearings.interpretation_needed", "hearings.compensation_route_open",
  "hearings.victim_prosecuted", "hearings.adjourned_sine_die", "hearings.outcome",
  "hearings.convicted_charge",
  "hearing_attendance.hearing_id", "hearing_attendance.person_id", "hearing_attendance.testified",
  "observation_notes.id", "observation_notes.observation_id", "observation_notes.case_id",
  "observation_notes.version", "observation_notes.created_at", "observation_notes.updated_at",
  "observation_notes.noted_at", "observation_notes.monitor",
  "assessments.id", "assessments.case_id", "assessments.hearing_id", "assessments.scope_id",
  "assessments.version", "assessments.created_at", "assessments.updated_at",
  "assessments.suggested_grade", "assessments.grade", "assessments.score",
  "assessments.monitor", "assessments.catalogue_version",
  "key_slots.monitor",
  /* A date of identification and a risk level say no more than a child
   * flag does, and the rules and the agenda sort and filter by them; who
   * assessed and on what factors is sealed. A status change and a hearing's
   * move are statuses and times. */
  "persons.identified_on",
  "risk_assessments.id", "risk_assessments.case_id", "risk_assessments.person_id",
  "risk_assessments.version", "risk_assessments.created_at", "risk_assessments.updated_at",
  "risk_assessments.level", "risk_assessments.assessed_at", "risk_assessments.review_on",
  "protection_status_changes.id", "protection_status_changes.measure_id",
  "protection_status_changes.case_id", "protection_status_changes.version",
  "protection_status_changes.created_at", "protection_status_changes.updated_at",
  "protection_status_changes.status", "protection_status_changes.changed_at",
  "protection_status_changes.monitor",
  "hearing_moves.id", "hearing_moves.hearing_id", "hearing_moves.case_id",
  "hearing_moves.version", "hearing_moves.created_at", "hearing_moves.updated_at",
  "hearing_moves.old_starts_at", "hearing_moves.new_starts_at", "hearing_moves.moved_at",
  "hearing_moves.monitor",
  "claim_status_changes.id", "claim_status_changes.claim_id", "claim_status_changes.version",
  "claim_status_changes.created_at", "claim_status_changes.updated_at",
  "claim_status_changes.status", "claim_status_changes.changed_on",
  "claim_status_changes.changed_by", "claim_status_changes.reason",
  "claim_deadlines.id", "claim_deadlines.claim_id", "claim_deadlines.version",
  "claim_deadlines.created_at", "claim_deadlines.updated_at", "claim_deadlines.kind",
  "claim_deadlines.due_on", "claim_deadlines.done",
  "claim_payments.id", "claim_payments.claim_id", "claim_payments.claimant_id",
  "claim_payments.version", "claim_payments.created_at", "claim_payments.updated_at",
  "claim_payments.paid_on", "claim_payments.amount_minor", "claim_payments.payer",
  "claim_payments.item_id",
  "defendant_assets.id", "defendant_assets.case_id", "defendant_assets.defendant_id",
  "defendant_assets.version", "defendant_assets.created_at", "defendant_assets.updated_at",
  "defendant_assets.kind", "defendant_assets.estimated_minor", "defendant_assets.currency",
  "defendant_assets.state",
  "claim_assets.id", "claim_assets.claim_id", "claim_assets.asset_id", "claim_assets.version",
  "claim_assets.created_at", "claim_assets.updated_at",
  /* An evidence document's size, pages and chunks, what its ciphertext
   * shows anyway; the header of its stream is a random nonce. */
  "evidence_documents.id", "evidence_documents.claim_id", "evidence_documents.claim_item_id",
  "evidence_documents.case_id", "evidence_documents.claimant_id", "evidence_documents.version",
  "evidence_documents.created_at", "evidence_documents.updated_at",
  "evidence_documents.mime_type", "evidence_documents.size_bytes",
  "evidence_documents.page_count", "evidence_documents.chunk_count",
  "evidence_documents.stream_header",
  "evidence_chunks.document_id", "evidence_chunks.seq",
  NULL,
};

/* Identities, whereabouts, contacts, free text, documents, and the wrapped
 * keys themselves. */
const char * const vigil_schema_sealed_columns[] = {
  "key_slots.wrapped_key",
  "data_keys.wrapped_key",
  "cases.notes",
  "persons.identity", "persons.notes",
  "hearings.adjournment_reason", "hearings.notes",
  "consents.shared_with",
  "observations.notes",
  "protection_measures.responsible", "protection_measures.details",
  "claims.assets", "claims.notes",
  "claim_items.evidence",
  "attachments.title", "attachments.content", "attachments.extracted_text",
  "hearings.interpreter_languages",
  "observation_notes.text",
  "assessments.reason",
  "risk_assessments.factors", "risk_assessments.assessor",
  "defendant_assets.description",
  "evidence_documents.title", "evidence_documents.extracted_text",
  "evidence_chunks.data",
  NULL,
};

int
vigil_schema_latest_version (void)
{
  return G_N_ELEMENTS (migrations);
}

static int
read_user_version (sqlite3 *db, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = vigil_db_prepare (db, "PRAGMA user_version", error);
  int rc;

  if (stmt == NULL)
    return -1;
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      vigil_db_set_error (db, rc, _("Could not read the vault's schema version"), error);
      return -1;
    }
  return sqlite3_column_int (stmt, 0);
}

gboolean
vigil_schema_migrate (sqlite3 *db, int target, GError **error)
{
  int current;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (target >= 0 && target <= vigil_schema_latest_version (), FALSE);

  current = read_user_version (db, error);
  if (current < 0)
    return FALSE;
  if (current > vigil_schema_latest_version ())
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_NEWER_FORMAT,
                   _("This vault was written by a newer version of Vigil (schema %d; this "
                     "version knows up to %d). Update Vigil to open it."),
                   current, vigil_schema_latest_version ());
      return FALSE;
    }

  for (int step = current; step < target; step++)
    {
      g_autofree char *bump = g_strdup_printf ("PRAGMA user_version = %d", step + 1);

      if (!vigil_db_exec (db, "BEGIN IMMEDIATE", error))
        return FALSE;
      if (!vigil_db_exec (db, migrations[step], error) || !vigil_db_exec (db, bump, error)
          || !vigil_db_exec (db, "COMMIT", error))
        {
          vigil_db_exec (db, "ROLLBACK", NULL);
          g_prefix_error (error, _("Could not upgrade the vault to schema %d: "), step + 1);
          return FALSE;
        }
    }

  return TRUE;
}
