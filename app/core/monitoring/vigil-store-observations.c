/* vigil-store-observations.c: a monitor's findings at a hearing
 *
 * An observation's notes are sealed under the case's key: they are about
 * the proceeding, and go when the case is erased. The standard is stored by
 * id with the catalogue version it was made against, so a later catalogue
 * never changes what an old observation meant.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "vigil-enum-types.h"
#include "vigil-error.h"
#include "vigil-record-rules.h"
#include "vigil-store-observations.h"
#include "vigil-monitoring-kinds.h"
#include "vigil-store-observation-notes.h"


/* Reads the notes of every observation of @hearing_id in one query and
 * hands each to its observation. */
static gboolean
load_entries (VigilStore *self, const char *hearing_id, GPtrArray *observations, GError **error)
{
  g_autoptr (GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GPtrArray) notes = NULL;

  for (guint i = 0; i < observations->len; i++)
    {
      VigilObservationData *data = g_ptr_array_index (observations, i);

      g_hash_table_insert (by_id, data->id, data);
    }
  notes = vigil_record_query (self, &vigil_observation_note_kind,
                              "WHERE observation_id IN"
                              " (SELECT id FROM observations WHERE hearing_id = ?1)"
                              " ORDER BY noted_at, rowid",
                              (const char *[]) { hearing_id, NULL }, error);
  if (notes == NULL)
    return FALSE;
  for (guint i = 0; i < notes->len; i++)
    {
      VigilObservationNote *note = g_ptr_array_index (notes, i);
      VigilObservationData *data = g_hash_table_lookup (by_id, note->observation_id);

      if (data != NULL)
        g_ptr_array_add (data->entries, g_ptr_array_steal_index (notes, i--));
    }
  return TRUE;
}

/* Writes one entry of an observation being created, as it is: its time
 * and monitor are those it was written with, wherever that was. */
static gboolean
add_entry (VigilStore *self, VigilObservationData *data, VigilObservationNote *note, GError **error)
{
  if (!vigil_observation_note_validate (note, NULL, error))
    return FALSE;
  g_free (note->observation_id);
  note->observation_id = g_strdup (data->id);
  g_free (note->case_id);
  note->case_id = g_strdup (data->case_id);
  g_clear_pointer (&note->id, g_free);
  note->version = 0;
  return vigil_record_save (self, &vigil_observation_note_kind, note, error);
}

static gboolean
add_entries (VigilStore *self, gpointer record, GError **error)
{
  VigilObservationData *data = record;

  for (guint i = 0; i < data->entries->len; i++)
    if (!add_entry (self, data, g_ptr_array_index (data->entries, i), error))
      return FALSE;
  return TRUE;
}

#define OBSERVATION(member) G_STRUCT_OFFSET (VigilObservationData, member)

static const VigilField observation_fields[] = {
  { "case_id", VIGIL_FIELD_TEXT, .offset = OBSERVATION (case_id) },
  { "standard_id", VIGIL_FIELD_TEXT, .offset = OBSERVATION (standard_id) },
  { "status", VIGIL_FIELD_TEXT, .offset = OBSERVATION (status),
    .nick_of = vigil_observation_status_get_type },
  { "severity", VIGIL_FIELD_TEXT, .offset = OBSERVATION (severity) },
  { "catalogue_version", VIGIL_FIELD_TEXT, .offset = OBSERVATION (catalogue_version) },
  { "monitor", VIGIL_FIELD_TEXT, .offset = OBSERVATION (monitor) },
  { "notes", VIGIL_FIELD_SEALED, .offset = OBSERVATION (notes) },
  { NULL },
};

const VigilRecordKind vigil_observation_kind = {
  .table = "observations",
  .record_kind = "observation",
  .parent_table = "hearings",
  .parent_column = "hearing_id",
  .case_column = "case_id",
  .order_by = "created_at, rowid",
  .fields = observation_fields,
  .struct_new = (gpointer (*) (void)) vigil_observation_data_new,
  .struct_free = (GDestroyNotify) vigil_observation_data_free,
  .id_offset = OBSERVATION (id),
  .parent_offset = OBSERVATION (hearing_id),
  .version_offset = OBSERVATION (version),
  .not_found = N_("The observation does not exist"),
  .cannot_read = N_("The observation could not be read"),
  .cannot_read_list = N_("The observations could not be read"),
  .cannot_save = N_("The observation could not be saved"),
  .cannot_delete = N_("The observation could not be deleted"),
};

static gboolean
check_same_case (VigilStore *self, gpointer record, GError **error)
{
  const VigilObservationData *data = record;
  g_autofree char *case_id = vigil_store_case_of (self, "hearings", data->hearing_id, error);

  if (case_id == NULL)
    return FALSE;
  if (g_str_equal (case_id, data->case_id))
    return TRUE;
  g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID,
               _("The hearing belongs to another case than the observation"));
  return FALSE;
}

/* public API */

/**
 * vigil_store_add_observation:
 * @data: the observation; its @case_id must be the case of its @hearing_id
 *
 * Creates the observation at version 1, seals its notes under the case's
 * key and writes the "create" audit entry, in one transaction.
 */
gboolean
vigil_store_add_observation (VigilStore *self, VigilObservationData *data, GError **error)
{
  g_return_val_if_fail (VIGIL_IS_STORE (self), FALSE);
  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (data->hearing_id != NULL && data->case_id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!vigil_observation_data_validate (data, NULL, error))
    return FALSE;
  return vigil_record_create (self, &vigil_observation_kind, data, check_same_case, add_entries,
                              error);
}

/**
 * vigil_store_list_observations:
 *
 * Returns: (transfer full) (element-type VigilObservationData): the
 *   observations of the hearing with their notes opened, in the order they
 *   were made
 */
GPtrArray *
vigil_store_list_observations (VigilStore *self, const char *hearing_id, GError **error)
{
  g_autoptr (GPtrArray) list = NULL;

  g_return_val_if_fail (VIGIL_IS_STORE (self), NULL);
  g_return_val_if_fail (hearing_id != NULL, NULL);

  list = vigil_record_list (self, &vigil_observation_kind, hearing_id, error);
  if (list == NULL || !load_entries (self, hearing_id, list, error))
    return NULL;
  return g_steal_pointer (&list);
}

