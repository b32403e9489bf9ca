/* vigil-store-protection.c: what is arranged to protect a person
 *
 * Who is responsible and the details (places, times of movement, contacts)
 * are whereabouts: they are sealed under the protected person's key, so
 * erasing the person shreds them with everything else that is theirs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "vigil-error.h"
#include "vigil-record-rules.h"
#include "vigil-store-protection.h"
#include "vigil-record-mapper.h"



/* private helpers */

static const VigilField measure_fields[] = {
  { "person_id", VIGIL_FIELD_TEXT, .offset = G_STRUCT_OFFSET (VigilProtectionData, person_id) },
  { "hearing_id", VIGIL_FIELD_TEXT, .offset = G_STRUCT_OFFSET (VigilProtectionData, hearing_id) },
  { "kind", VIGIL_FIELD_TEXT, .offset = G_STRUCT_OFFSET (VigilProtectionData, kind),
    .vocabulary = vigil_protection_kinds },
  { "status", VIGIL_FIELD_TEXT, .offset = G_STRUCT_OFFSET (VigilProtectionData, status),
    .vocabulary = vigil_protection_statuses },
  { "starts_at", VIGIL_FIELD_TIME, .offset = G_STRUCT_OFFSET (VigilProtectionData, starts_at) },
  { "ends_at", VIGIL_FIELD_TIME, .offset = G_STRUCT_OFFSET (VigilProtectionData, ends_at) },
  { "responsible", VIGIL_FIELD_SEALED,
    .offset = G_STRUCT_OFFSET (VigilProtectionData, responsible) },
  { "details", VIGIL_FIELD_SEALED, .offset = G_STRUCT_OFFSET (VigilProtectionData, details) },
  { NULL },
};

static const VigilRecordKind measure_kind = {
  .table = "protection_measures",
  .record_kind = "protection_measure",
  .parent_table = "cases",
  .parent_column = "case_id",
  .case_column = "case_id",
  .order_by = "created_at, rowid",
  .fields = measure_fields,
  .struct_new = (gpointer (*) (void)) vigil_protection_data_new,
  .struct_free = (GDestroyNotify) vigil_protection_data_free,
  .id_offset = G_STRUCT_OFFSET (VigilProtectionData, id),
  .parent_offset = G_STRUCT_OFFSET (VigilProtectionData, case_id),
  .version_offset = G_STRUCT_OFFSET (VigilProtectionData, version),
  .not_found = N_("The protection measure does not exist"),
  .cannot_read = N_("The protection measure could not be read"),
  .cannot_read_list = N_("The protection measures could not be read"),
  .cannot_save = N_("The protection measure could not be saved"),
  .cannot_delete = N_("The protection measure could not be deleted"),
};

static const VigilField change_fields[] = {
  { "measure_id", VIGIL_FIELD_TEXT, .offset = G_STRUCT_OFFSET (VigilProtectionStatusChange, measure_id) },
  { "status", VIGIL_FIELD_TEXT, .offset = G_STRUCT_OFFSET (VigilProtectionStatusChange, status),
    .vocabulary = vigil_protection_statuses },
  { "changed_at", VIGIL_FIELD_TIME,
    .offset = G_STRUCT_OFFSET (VigilProtectionStatusChange, changed_at) },
  { "monitor", VIGIL_FIELD_TEXT, .offset = G_STRUCT_OFFSET (VigilProtectionStatusChange, monitor) },
  { NULL },
};

static const VigilRecordKind change_kind = {
  .table = "protection_status_changes",
  .record_kind = "protection_status_change",
  .parent_table = "cases",
  .parent_column = "case_id",
  .case_column = "case_id",
  .order_by = "changed_at, rowid",
  .fields = change_fields,
  .struct_new = (gpointer (*) (void)) vigil_protection_status_change_new,
  .struct_free = (GDestroyNotify) vigil_protection_status_change_free,
  .id_offset = G_STRUCT_OFFSET (VigilProtectionStatusChange, id),
  .parent_offset = G_STRUCT_OFFSET (VigilProtectionStatusChange, case_id),
  .version_offset = G_STRUCT_OFFSET (VigilProtectionStatusChange, version),
  .not_found = N_("The change of status does not exist"),
  .cannot_read = N_("The change of status could not be read"),
  .cannot_read_list = N_("The changes of status could not be read"),
  .cannot_save = N_("The change of status could not be saved"),
  .cannot_delete = N_("The change of status could not be deleted"),
};

/* Appends one step to the measure's history, by whoever unlocked. */
static gboolean
write_change (VigilStore          *self,
              VigilProtectionData *data,
              const char          *status,
              GDateTime           *at,
              const char          *monitor,
              GError             **error)
{
  g_autoptr (VigilProtectionStatusChange) change = vigil_protection_status_change_new ();

  change->measure_id = g_strdup (data->id);
  change->case_id = g_strdup (data->case_id);
  change->status = g_strdup (status);
  change->changed_at = at != NULL ? g_date_time_ref (at) : g_date_time_new_now_utc ();
  change->monitor = g_strdup (monitor);
  return vigil_record_create (self, &change_kind, change, NULL, NULL, error);
}

/* A new measure's history: the one a file brought, or its first status
 * now. */
static gboolean
write_history (VigilStore *self, gpointer record, GError **error)
{
  VigilProtectionData *data = record;

  if (data->history == NULL || data->history->len == 0)
    return write_change (self, data, data->status, NULL, vigil_store_get_monitor (self), error);
  for (guint i = 0; i < data->history->len; i++)
    {
      VigilProtectionStatusChange *change = g_ptr_array_index (data->history, i);

      if (!write_change (self, data, change->status, change->changed_at, change->monitor, error))
        return FALSE;
    }
  return TRUE;
}

/* The person and the hearing a measure is arranged for are of its case. */
static gboolean
check_same_case (VigilStore *self, gpointer record, GError **error)
{
  const VigilProtectionData *data = record;
  g_autofree char *person_case = NULL;
  g_autofree char *hearing_case = NULL;

  person_case = vigil_store_case_of (self, "persons", data->person_id, error);
  if (person_case == NULL)
    return FALSE;
  if (data->hearing_id != NULL)
    {
      hearing_case = vigil_store_case_of (self, "hearings", data->hearing_id, error);
      if (hearing_case == NULL)
        return FALSE;
    }
  if (!g_str_equal (person_case, data->case_id)
      || (hearing_case != NULL && !g_str_equal (hearing_case, data->case_id)))
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID,
                   _("The person or the hearing of the measure belongs to another case"));
      return FALSE;
    }
  return TRUE;
}

/* public API */

/**
 * vigil_store_add_protection_measure:
 * @data: the measure; its person and hearing (when set) must be of its case
 *
 * Creates the measure at version 1, seals who is responsible and the
 * details under the person's key and writes the "create" audit entry, in
 * one transaction.
 */
gboolean
vigil_store_add_protection_measure (VigilStore *self, VigilProtectionData *data, GError **error)
{
  g_return_val_if_fail (VIGIL_IS_STORE (self), FALSE);
  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (data->case_id != NULL && data->person_id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!vigil_protection_data_validate (data, NULL, error))
    return FALSE;
  return vigil_record_create (self, &measure_kind, data, check_same_case, write_history, error);
}

/**
 * vigil_store_save_protection_measure:
 * @data: a measure read from the store, changed
 *
 * Saves the measure as its next version. A change of status must be one
 * vigil_protection_status_can_change() allows, and is kept in the
 * measure's history with the time and the monitor's name, in the same
 * transaction.
 */
gboolean
vigil_store_save_protection_measure (VigilStore *self, VigilProtectionData *data, GError **error)
{
  g_autoptr (VigilProtectionData) stored = NULL;

  g_return_val_if_fail (VIGIL_IS_STORE (self), FALSE);
  g_return_val_if_fail (data != NULL && data->id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!vigil_protection_data_validate (data, NULL, error))
    return FALSE;
  stored = vigil_record_get (self, &measure_kind, data->id, error);
  if (stored == NULL)
    return FALSE;
  if (!g_str_equal (stored->status, data->status)
      && !vigil_protection_status_can_change (stored->status, data->status))
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID,
                   _("Status: a measure that is %s cannot become %s"), stored->status,
                   data->status);
      return FALSE;
    }
  if (!vigil_store_begin (self, error))
    return FALSE;
  if (!check_same_case (self, data, error) || !vigil_record_save (self, &measure_kind, data, error)
      || (!g_str_equal (stored->status, data->status)
          && !write_change (self, data, data->status, NULL, vigil_store_get_monitor (self),
                            error)))
    {
      vigil_store_rollback (self);
      return FALSE;
    }
  return vigil_store_commit (self, error);
}

/**
 * vigil_store_set_protection_status:
 *
 * Changes the status of the measure @measure_id, as
 * vigil_store_save_protection_measure() does.
 */
gboolean
vigil_store_set_protection_status (VigilStore *self,
                                   const char *measure_id,
                                   const char *status,
                                   GError    **error)
{
  g_autoptr (VigilProtectionData) data = NULL;

  g_return_val_if_fail (VIGIL_IS_STORE (self), FALSE);
  g_return_val_if_fail (measure_id != NULL && status != NULL, FALSE);

  data = vigil_record_get (self, &measure_kind, measure_id, error);
  if (data == NULL)
    return FALSE;
  g_free (data->status);
  data->status = g_strdup (status);
  return vigil_store_save_protection_measure (self, data, error);
}

/**
 * vigil_store_get_protection_measure:
 *
 * Returns: (transfer full): the measure, or NULL with VIGIL_ERROR_NOT_FOUND
 */
VigilProtectionData *
vigil_store_get_protection_measure (VigilStore *self, const char *measure_id, GError **error)
{
  g_return_val_if_fail (VIGIL_IS_STORE (self), NULL);
  g_return_val_if_fail (measure_id != NULL, NULL);

  return vigil_record_get (self, &measure_kind, measure_id, error);
}

/**
 * vigil_store_list_protection_history:
 *
 * Returns: (transfer full) (element-type VigilProtectionStatusChange): the
 *   status changes of every measure of the case, oldest first
 */
GPtrArray *
vigil_store_list_protection_history (VigilStore *self, const char *case_id, GError **error)
{
  g_return_val_if_fail (VIGIL_IS_STORE (self), NULL);
  g_return_val_if_fail (case_id != NULL, NULL);

  return vigil_record_list (self, &change_kind, case_id, error);
}

/**
 * vigil_store_load_protection_history:
 * @measures: (element-type VigilProtectionData): measures of the case
 *
 * Fills the history of each of @measures.
 */
gboolean
vigil_store_load_protection_history (VigilStore *self,
                                     const char *case_id,
                                     GPtrArray  *measures,
                                     GError    **error)
{
  g_autoptr (GPtrArray) changes = vigil_store_list_protection_history (self, case_id, error);
  g_autoptr (GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);

  if (changes == NULL)
    return FALSE;
  for (guint i = 0; i < measures->len; i++)
    {
      VigilProtectionData *data = g_ptr_array_index (measures, i);

      g_clear_pointer (&data->history, g_ptr_array_unref);
      data->history = g_ptr_array_new_with_free_func (
        (GDestroyNotify) vigil_protection_status_change_free);
      g_hash_table_insert (by_id, data->id, data);
    }
  for (guint i = 0; i < changes->len; i++)
    {
      VigilProtectionStatusChange *change = g_ptr_array_index (changes, i);
      VigilProtectionData *data = g_hash_table_lookup (by_id, change->measure_id);

      if (data != NULL)
        g_ptr_array_add (data->history, g_ptr_array_steal_index (changes, i--));
    }
  return TRUE;
}

/**
 * vigil_store_list_protection_measures:
 *
 * Returns: (transfer full) (element-type VigilProtectionData): the measures
 *   of the case with their sealed fields opened, in the order they were made
 */
GPtrArray *
vigil_store_list_protection_measures (VigilStore *self, const char *case_id, GError **error)
{
  g_return_val_if_fail (VIGIL_IS_STORE (self), NULL);
  g_return_val_if_fail (case_id != NULL, NULL);

  return vigil_record_list (self, &measure_kind, case_id, error);
}
