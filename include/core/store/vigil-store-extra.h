/* vigil-store-extra.h: observations, protection measures and compensation
 * claims in the store, as plain data
 *
 * Their tables exist from the first schema; their record classes, the
 * standards catalogue and the pages that edit them come with later issues.
 * Until then the interchange format reads and writes them through these
 * functions, which follow the store's rules: every row is versioned, its
 * free text is sealed under the owner's key named in
 * vigil_store_sealed_columns, and every write has its audit entry in the
 * same transaction.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "vigil-enums.h"
#include "vigil-store.h"

G_BEGIN_DECLS

/* The catalogue version of an observation made before any catalogue was
 * installed (or imported without one). */
#define VIGIL_OBSERVATION_NO_CATALOGUE "none"

/* The longest name of a monitor (the vault's actor, the label of its key
 * slot) an observation, a note or an assessment records, in characters. */
#define VIGIL_MONITOR_MAX 200

/* The closed vocabularies of these records, as stored and exchanged;
 * NULL-terminated. The first word of each is a noun for messages. */
extern const char * const vigil_observation_severities[]; /* minor, serious, grave */
extern const char * const vigil_protection_kinds[];       /* police_escort, video_link, ... */
extern const char * const vigil_protection_statuses[];    /* requested ... failed */
extern const char * const vigil_claim_routes[];           /* civil_claim, state_fund, ... */
extern const char * const vigil_claim_statuses[];         /* drafting ... paid */
extern const char * const vigil_claim_heads[];            /* unpaid_wages, moral_damage, ... */

/* Whether an observation with @status may carry a severity: only a
 * standard found wanting (partly or not respected) has one. */
gboolean vigil_observation_status_takes_severity (VigilObservationStatus status);

/* Whether @word is one of @vocabulary. */
gboolean vigil_vocabulary_contains (const char * const *vocabulary,
                                    const char         *word);
/* "a, b, c": the words of @vocabulary for a message. */
char    *vigil_vocabulary_join     (const char * const *vocabulary);

/**
 * VigilObservationNote:
 * @noted_at: when the monitor wrote it, UTC
 * @monitor: (nullable): who wrote it (the vault's actor)
 * @text: sealed under the case's key
 *
 * One timestamped entry of an observation's log, as the live hearing mode
 * writes them (vigil-store-observation-notes.h). Entries are only ever
 * added: a correction is a new entry.
 */
typedef struct
{
  char      *id;
  char      *observation_id;
  gint64     version;
  GDateTime *noted_at;
  char      *monitor;
  char      *text;
} VigilObservationNote;

/**
 * VigilObservationData:
 * @standard_id: id of the standard, `[a-z0-9-]+`
 * @status: a #VigilObservationStatus nick
 * @severity: (nullable): one of vigil_observation_severities; only when the
 *   standard was not or only partly respected
 * @catalogue_version: the catalogue the standard id belongs to
 * @notes: (nullable): sealed under the case's key
 * @monitor: (nullable): who made or last changed it (the vault's actor)
 * @entries: (element-type VigilObservationNote): its timestamped notes,
 *   oldest first; filled by vigil_store_list_observations(), and written
 *   with the observation by vigil_store_add_observation()
 *
 * A monitor's finding on one standard at one hearing. @id and @version are
 * set by the store.
 */
typedef struct
{
  char      *id;
  char      *case_id;
  char      *hearing_id;
  gint64     version;
  char      *standard_id;
  char      *status;
  char      *severity;
  char      *catalogue_version;
  char      *notes;
  char      *monitor;
  GPtrArray *entries;
} VigilObservationData;

/**
 * VigilProtectionData:
 * @person_id: whom it protects
 * @hearing_id: (nullable): the hearing it is arranged around
 * @kind: one of vigil_protection_kinds
 * @status: one of vigil_protection_statuses
 * @starts_at: (nullable): UTC
 * @ends_at: (nullable): UTC, not before @starts_at
 * @responsible: (nullable): who arranges it; sealed under the person's key
 * @details: (nullable): places, times of movement, contacts; sealed under
 *   the person's key
 */
typedef struct
{
  char      *id;
  char      *case_id;
  char      *person_id;
  char      *hearing_id;
  gint64     version;
  char      *kind;
  char      *status;
  GDateTime *starts_at;
  GDateTime *ends_at;
  char      *responsible;
  char      *details;
} VigilProtectionData;

/* The largest amount a claim item may hold, in minor units: ten trillion
 * units of any currency is a typing error, and sums of amounts below it
 * never overflow. */
#define VIGIL_AMOUNT_MAX G_GINT64_CONSTANT (1000000000000000)

/**
 * VigilClaimItemData:
 * @head: one of vigil_claim_heads
 * @claimed_minor: amount claimed, in minor units of the claim's currency
 * @has_awarded: whether an amount was awarded (@awarded_minor holds it)
 * @has_paid: whether anything was paid (@paid_minor holds it)
 * @evidence: (nullable): sealed under the claimant's key
 *
 * One head of damage of a claim. Amounts are exact integers, never
 * negative, at most %VIGIL_AMOUNT_MAX.
 */
typedef struct
{
  char     *id;
  gint64    version;
  char     *head;
  gint64    claimed_minor;
  gboolean  has_awarded;
  gint64    awarded_minor;
  gboolean  has_paid;
  gint64    paid_minor;
  char     *evidence;
} VigilClaimItemData;

/**
 * VigilClaimData:
 * @claimant_id: the person who claims
 * @route: one of vigil_claim_routes
 * @status: one of vigil_claim_statuses
 * @currency: ISO 4217 code, three capital letters
 * @filed_at: (nullable): YYYY-MM-DD
 * @deadline: (nullable): YYYY-MM-DD
 * @assets: (nullable): confiscated or frozen assets; sealed
 * @notes: (nullable): sealed
 * @items: element type #VigilClaimItemData
 */
typedef struct
{
  char      *id;
  char      *case_id;
  char      *claimant_id;
  gint64     version;
  char      *route;
  char      *status;
  char      *currency;
  char      *filed_at;
  char      *deadline;
  char      *assets;
  char      *notes;
  GPtrArray *items;
} VigilClaimData;

/* The free functions wipe the sealed fields' text before freeing it. */
VigilObservationNote *vigil_observation_note_new  (void);
void                  vigil_observation_note_free (VigilObservationNote *note);
VigilObservationData *vigil_observation_data_new  (void);
void                  vigil_observation_data_free (VigilObservationData *data);
VigilProtectionData  *vigil_protection_data_new   (void);
void                  vigil_protection_data_free  (VigilProtectionData  *data);
VigilClaimItemData   *vigil_claim_item_data_new   (void);
void                  vigil_claim_item_data_free  (VigilClaimItemData   *data);
VigilClaimData       *vigil_claim_data_new        (void);
void                  vigil_claim_data_free       (VigilClaimData       *data);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VigilObservationNote, vigil_observation_note_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VigilObservationData, vigil_observation_data_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VigilProtectionData, vigil_protection_data_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VigilClaimItemData, vigil_claim_item_data_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VigilClaimData, vigil_claim_data_free)

/* The rules of each record. FALSE with VIGIL_ERROR_INVALID and a message
 * that starts with the field; @out_field (may be NULL) names the field as
 * the interchange format spells it. Ids are not checked here. */
gboolean vigil_observation_data_validate (const VigilObservationData *data,
                                          const char                **out_field,
                                          GError                    **error);
gboolean vigil_protection_data_validate  (const VigilProtectionData  *data,
                                          const char                **out_field,
                                          GError                    **error);
gboolean vigil_claim_item_data_validate  (const VigilClaimItemData   *data,
                                          const char                **out_field,
                                          GError                    **error);
/* The claim's own fields; its items are validated one by one. */
gboolean vigil_claim_data_validate       (const VigilClaimData       *data,
                                          const char                **out_field,
                                          GError                    **error);

/* Creates the record (version 1), setting @data's id and version; an
 * observation's @entries are written with it, as they are (their times
 * and monitors kept), each with its id set. The hearing, person and case
 * must exist and belong together. */
gboolean   vigil_store_add_observation        (VigilStore           *self,
                                               VigilObservationData *data,
                                               GError              **error);
gboolean   vigil_store_add_protection_measure (VigilStore           *self,
                                               VigilProtectionData  *data,
                                               GError              **error);
/* Creates the claim and every item of it. */
gboolean   vigil_store_add_claim              (VigilStore           *self,
                                               VigilClaimData       *data,
                                               GError              **error);

/* Element type VigilObservationData, in the order they were made, each
 * with its timestamped notes (@entries). */
GPtrArray *vigil_store_list_observations       (VigilStore          *self,
                                                const char          *hearing_id,
                                                GError             **error);
/* Element type VigilProtectionData, in the order they were made. */
GPtrArray *vigil_store_list_protection_measures (VigilStore         *self,
                                                 const char         *case_id,
                                                 GError            **error);
/* Element type VigilClaimData with their items, in the order they were made. */
GPtrArray *vigil_store_list_claims             (VigilStore          *self,
                                                const char          *case_id,
                                                GError             **error);

/* Every identifier the vault holds for the persons of @case_id (full names
 * and each part of them, aliases, phones, addresses), for screening text
 * that is about to leave the vault: opaque strings, only for
 * vigil_text_names_identifier(). Opening them writes no "reveal" audit
 * entry: nobody sees them. The strings are wiped when the array is freed. */
GPtrArray *vigil_store_case_identifiers        (VigilStore          *self,
                                                const char          *case_id,
                                                GError             **error);
/* Whether @text names any of @identifiers (from
 * vigil_store_case_identifiers()): a name part as a whole word, an alias,
 * address or full name anywhere, a phone as its run of digits. Case and
 * diacritics do not matter. */
gboolean   vigil_text_names_identifier         (const char          *text,
                                                GPtrArray           *identifiers);

G_END_DECLS
