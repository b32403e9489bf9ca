/* vigil-store.h: the domain records of an unlocked vault
 *
 * Every save bumps the record's version, seals its sensitive fields under
 * the owner's data key for the new version, and writes its audit entry in
 * the same transaction. Saves nest: between vigil_store_begin() and
 * vigil_store_commit() they all land together or not at all.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "vigil-case.h"
#include "vigil-consent.h"
#include "vigil-hearing.h"
#include "vigil-identity.h"
#include "vigil-person.h"
#include "vigil-types.h"
#include "vigil-vault.h"

G_BEGIN_DECLS

#define VIGIL_TYPE_STORE (vigil_store_get_type ())
G_DECLARE_FINAL_TYPE (VigilStore, vigil_store, VIGIL, STORE, GObject)

/* Signals: "case-changed" (const char *case_id), emitted after a commit that
 * created, changed or erased a case or anything in it; "changed-elsewhere",
 * emitted when vigil_store_poll_changes_elsewhere() finds that another
 * connection to the vault file (vigil-cli, another window) committed: what
 * changed is not known, so whoever shows records reads them again. */
VigilStore    *vigil_store_new               (VigilVault     *vault);
VigilVault    *vigil_store_get_vault         (VigilStore     *self);

/* Whether anything but this store's vault connection has committed to the
 * file since the last call (or since the store was made); emits
 * "changed-elsewhere" when so. Never for this store's own commits, and
 * never inside a transaction. */
gboolean       vigil_store_poll_changes_elsewhere (VigilStore *self,
                                                   GError    **error);
/* Polls every @interval_ms on the thread-default main context until the
 * vault locks, the store goes, or this is called with 0. */
void           vigil_store_watch_changes_elsewhere (VigilStore *self,
                                                    guint       interval_ms);

/* Who is monitoring: the name kept with the key slot that unlocked the
 * vault, which observations, notes, assessments and the audit log record;
 * NULL until one is given (they record the slot's label meanwhile). */
const char    *vigil_store_get_monitor       (VigilStore     *self);
/* Checks @name as an observation's monitor is checked (one line, at most
 * VIGIL_MONITOR_MAX characters, not blank; spaces around it dropped) and
 * keeps it with that key slot, for this and every later unlock with it.
 * Fails with VIGIL_ERROR_INVALID and changes nothing otherwise. */
gboolean       vigil_store_set_monitor       (VigilStore     *self,
                                              const char     *name,
                                              GError        **error);

gboolean       vigil_store_begin             (VigilStore     *self,
                                              GError        **error);
gboolean       vigil_store_commit            (VigilStore     *self,
                                              GError        **error);
void           vigil_store_rollback          (VigilStore     *self);

/* Cases. Saving a case of version 0 creates it (and its data key); saving
 * a stale copy fails with VIGIL_ERROR_CONFLICT. */
gboolean       vigil_store_save_case         (VigilStore     *self,
                                              VigilCase      *kase,
                                              GError        **error);
VigilCase     *vigil_store_get_case          (VigilStore     *self,
                                              const char     *case_id,
                                              GError        **error);
/* Element type VigilCase, sorted by reference. */
GPtrArray     *vigil_store_list_cases        (VigilStore     *self,
                                              GError        **error);
/* A live model of every case; the same object on every call. */
GListModel    *vigil_store_get_case_list     (VigilStore     *self);
/* Erases the case, its persons, hearings and everything under them, and
 * destroys their data keys (crypto-shredding), then purges the file. */
gboolean       vigil_store_erase_case        (VigilStore     *self,
                                              const char     *case_id,
                                              GError        **error);

/* Persons. */
gboolean       vigil_store_save_person       (VigilStore     *self,
                                              VigilPerson    *person,
                                              GError        **error);
VigilPerson   *vigil_store_get_person        (VigilStore     *self,
                                              const char     *person_id,
                                              GError        **error);
/* Element type VigilPerson, sorted by pseudonym. */
GPtrArray     *vigil_store_list_persons      (VigilStore     *self,
                                              const char     *case_id,
                                              GError        **error);
/* The next free pseudonym for @role in the case, e.g. "V-03". */
char          *vigil_store_next_pseudonym    (VigilStore     *self,
                                              const char     *case_id,
                                              VigilPersonRole role,
                                              GError        **error);
/* The sealed identity, opened: only for an explicit reveal or export with
 * identities. NULL without error when none was recorded. */
VigilIdentity *vigil_store_load_identity     (VigilStore     *self,
                                              VigilPerson    *person,
                                              GError        **error);
/* Seals @identity for the person and bumps its version. */
gboolean       vigil_store_save_identity     (VigilStore     *self,
                                              VigilPerson    *person,
                                              const VigilIdentity *identity,
                                              GError        **error);
/* Erases the person and everything that is theirs, destroys their data key,
 * then purges the file: afterwards no API returns their sealed data. First,
 * every text of their case that names them (notes, reasons, observation
 * notes and entries) has those places replaced by their pseudonym;
 * @n_texts (may be NULL) counts the texts changed. */
gboolean       vigil_store_erase_person      (VigilStore     *self,
                                              const char     *person_id,
                                              guint          *n_texts,
                                              GError        **error);

/* Hearings. */
gboolean       vigil_store_save_hearing      (VigilStore     *self,
                                              VigilHearing   *hearing,
                                              GError        **error);
VigilHearing  *vigil_store_get_hearing       (VigilStore     *self,
                                              const char     *hearing_id,
                                              GError        **error);
/* Element type VigilHearing, by start time. */
/* Element type utf8: the ids of the cases with a hearing from @from to
 * @to (excluded), or one moved away from there. */
GPtrArray     *vigil_store_list_cases_meeting (VigilStore    *self,
                                               GDateTime     *from,
                                               GDateTime     *to,
                                               GError       **error);
/* The hearings of @case_id from @from to @to, or moved away from there. */
GPtrArray     *vigil_store_list_hearings_meeting (VigilStore *self,
                                                  const char *case_id,
                                                  GDateTime  *from,
                                                  GDateTime  *to,
                                                  GError    **error);
GPtrArray     *vigil_store_list_hearings     (VigilStore     *self,
                                              const char     *case_id,
                                              GError        **error);
gboolean       vigil_store_delete_hearing    (VigilStore     *self,
                                              const char     *hearing_id,
                                              GError        **error);

/* Consents. Withdrawing consent to storage erases the person. */
gboolean       vigil_store_save_consent      (VigilStore     *self,
                                              VigilConsent   *consent,
                                              GError        **error);
/* Element type VigilConsent. */
GPtrArray     *vigil_store_list_consents     (VigilStore     *self,
                                              const char     *person_id,
                                              GError        **error);
gboolean       vigil_store_withdraw_consent  (VigilStore     *self,
                                              const char     *consent_id,
                                              GDateTime      *withdrawn_at,
                                              GError        **error);

/**
 * VigilCheckReport:
 *
 * What vigil_store_check() found; the counts say how much was checked.
 */
typedef struct
{
  gboolean  integrity_ok;    /* PRAGMA integrity_check */
  gboolean  audit_ok;
  gint64    audit_entries;
  gint64    sealed_values;   /* sealed values that were opened */
  gint64    sealed_failures;
  gint64    records;
  GPtrArray *problems;       /* human-readable lines, char * */
} VigilCheckReport;

void              vigil_check_report_free (VigilCheckReport *report);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VigilCheckReport, vigil_check_report_free)

/* Checks SQLite integrity, the audit chain and that every sealed value
 * opens. Returns NULL only when the check itself could not run. */
VigilCheckReport *vigil_store_check       (VigilStore       *self,
                                           GError          **error);
gboolean          vigil_check_report_ok   (const VigilCheckReport *report);

G_END_DECLS
