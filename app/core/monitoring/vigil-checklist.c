/* vigil-checklist.c: the standards to check at one hearing, with what the
 * monitor recorded for each
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-checklist"

#include "config.h"

#include "vigil-applicability.h"
#include "vigil-checklist.h"
#include "vigil-enum-types.h"
#include "vigil-store-observation-notes.h"

struct _VigilChecklist
{
  GObject         parent_instance;

  VigilStore     *store;
  VigilCatalogue *catalogue;
  char           *hearing_id;
  VigilHearing   *hearing;
  GListStore     *standards;
  GHashTable     *observations; /* standard id -> VigilObservationData */
  GHashTable     *extra;        /* standard ids listed for an observation only */
};

G_DEFINE_FINAL_TYPE (VigilChecklist, vigil_checklist, G_TYPE_OBJECT)

enum
{
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* private helpers */

static gboolean
load_observations (VigilChecklist *self, GError **error)
{
  g_autoptr (GPtrArray) observations = NULL;

  observations = vigil_store_list_observations (self->store, self->hearing_id, error);
  if (observations == NULL)
    return FALSE;
  g_hash_table_remove_all (self->observations);
  /* In the order they were made: of several observations of one standard
   * (an import may hold them), the newest wins. */
  while (observations->len > 0)
    {
      VigilObservationData *data = g_ptr_array_steal_index (observations, 0);

      g_hash_table_replace (self->observations, g_strdup (data->standard_id), data);
    }
  return TRUE;
}

/* Brings @store to @items with the fewest insertions and removals. Both
 * follow the catalogue's order, so a standard that stays on the list keeps
 * its item: a view of the list keeps its row, and whatever a person opened
 * in it, instead of building every row again. */
static void
sync_standards (GListStore *store, GPtrArray *items)
{
  g_autoptr (GHashTable) wanted = g_hash_table_new (NULL, NULL);
  guint i = 0, j = 0;

  for (guint k = 0; k < items->len; k++)
    g_hash_table_add (wanted, g_ptr_array_index (items, k));
  while (i < g_list_model_get_n_items (G_LIST_MODEL (store)) || j < items->len)
    {
      g_autoptr (VigilStandard) shown = NULL;

      if (i == g_list_model_get_n_items (G_LIST_MODEL (store)))
        {
          g_list_store_splice (store, i, 0, items->pdata + j, items->len - j);
          return;
        }
      shown = g_list_model_get_item (G_LIST_MODEL (store), i);
      if (!g_hash_table_contains (wanted, shown))
        g_list_store_remove (store, i);
      else if (shown == g_ptr_array_index (items, j))
        {
          i++;
          j++;
        }
      else
        {
          /* items[j] is new and comes before what is shown at i. */
          g_list_store_insert (store, i, g_ptr_array_index (items, j));
          i++;
          j++;
        }
    }
}

static void
rebuild_list (VigilChecklist *self)
{
  VigilHearingFacts facts;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->catalogue));
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  vigil_hearing_get_facts (self->hearing, &facts);
  g_hash_table_remove_all (self->extra);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (VigilStandard) standard = g_list_model_get_item (G_LIST_MODEL (self->catalogue), i);
      const char *id = vigil_standard_get_id (standard);
      gboolean applies = vigil_standard_applies_to (standard, &facts);
      gboolean observed = g_hash_table_contains (self->observations, id);

      if (!applies && !observed)
        continue;
      if (!applies)
        g_hash_table_add (self->extra, g_strdup (id));
      g_ptr_array_add (items, g_steal_pointer (&standard));
    }
  sync_standards (self->standards, items);
}

/* GObject overrides */

static void
vigil_checklist_dispose (GObject *object)
{
  VigilChecklist *self = VIGIL_CHECKLIST (object);

  g_clear_object (&self->store);
  g_clear_object (&self->catalogue);
  g_clear_object (&self->hearing);
  g_clear_object (&self->standards);
  G_OBJECT_CLASS (vigil_checklist_parent_class)->dispose (object);
}

static void
vigil_checklist_finalize (GObject *object)
{
  VigilChecklist *self = VIGIL_CHECKLIST (object);

  g_free (self->hearing_id);
  g_hash_table_unref (self->observations);
  g_hash_table_unref (self->extra);
  G_OBJECT_CLASS (vigil_checklist_parent_class)->finalize (object);
}

static void
vigil_checklist_class_init (VigilChecklistClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = vigil_checklist_dispose;
  object_class->finalize = vigil_checklist_finalize;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
vigil_checklist_init (VigilChecklist *self)
{
  self->standards = g_list_store_new (VIGIL_TYPE_STANDARD);
  self->observations = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                              (GDestroyNotify) vigil_observation_data_free);
  self->extra = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/* public API */

/**
 * vigil_checklist_new:
 * @store: an unlocked store
 * @catalogue: the catalogue to check against
 * @hearing_id: the hearing
 *
 * Returns: (transfer full): the checklist, or %NULL with @error set
 */
VigilChecklist *
vigil_checklist_new (VigilStore     *store,
                     VigilCatalogue *catalogue,
                     const char     *hearing_id,
                     GError        **error)
{
  g_autoptr (VigilChecklist) self = NULL;

  g_return_val_if_fail (VIGIL_IS_STORE (store), NULL);
  g_return_val_if_fail (VIGIL_IS_CATALOGUE (catalogue), NULL);
  g_return_val_if_fail (hearing_id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (VIGIL_TYPE_CHECKLIST, NULL);
  self->store = g_object_ref (store);
  self->catalogue = g_object_ref (catalogue);
  self->hearing_id = g_strdup (hearing_id);
  self->hearing = vigil_store_get_hearing (store, hearing_id, error);
  if (self->hearing == NULL || !load_observations (self, error))
    return NULL;
  rebuild_list (self);
  return g_steal_pointer (&self);
}

VigilHearing *
vigil_checklist_get_hearing (VigilChecklist *self)
{
  g_return_val_if_fail (VIGIL_IS_CHECKLIST (self), NULL);

  return self->hearing;
}

VigilCatalogue *
vigil_checklist_get_catalogue (VigilChecklist *self)
{
  g_return_val_if_fail (VIGIL_IS_CHECKLIST (self), NULL);

  return self->catalogue;
}

GListModel *
vigil_checklist_get_standards (VigilChecklist *self)
{
  g_return_val_if_fail (VIGIL_IS_CHECKLIST (self), NULL);

  return G_LIST_MODEL (self->standards);
}

const VigilObservationData *
vigil_checklist_get_observation (VigilChecklist *self, const char *standard_id)
{
  g_return_val_if_fail (VIGIL_IS_CHECKLIST (self), NULL);
  g_return_val_if_fail (standard_id != NULL, NULL);

  return g_hash_table_lookup (self->observations, standard_id);
}

gboolean
vigil_checklist_is_extra (VigilChecklist *self, const char *standard_id)
{
  g_return_val_if_fail (VIGIL_IS_CHECKLIST (self), FALSE);

  return g_hash_table_contains (self->extra, standard_id);
}

int
vigil_checklist_get_status (VigilChecklist *self, const char *standard_id)
{
  const VigilObservationData *data;
  g_autoptr (GEnumClass) klass = NULL;
  GEnumValue *value;

  g_return_val_if_fail (VIGIL_IS_CHECKLIST (self), -1);

  data = vigil_checklist_get_observation (self, standard_id);
  if (data == NULL || data->status == NULL)
    return -1;
  klass = g_type_class_ref (VIGIL_TYPE_OBSERVATION_STATUS);
  value = g_enum_get_value_by_nick (klass, data->status);
  return value != NULL ? value->value : -1;
}

guint
vigil_checklist_count_recorded (VigilChecklist *self)
{
  guint n, recorded = 0;

  g_return_val_if_fail (VIGIL_IS_CHECKLIST (self), 0);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->standards));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (VigilStandard) standard = g_list_model_get_item (G_LIST_MODEL (self->standards), i);

      if (vigil_checklist_get_status (self, vigil_standard_get_id (standard)) >= 0)
        recorded++;
    }
  return recorded;
}

/**
 * vigil_checklist_set_status:
 * @severity: (nullable): minor, serious or grave; only for partly or not
 *   respected
 *
 * Records the status, committed to disk before it returns.
 */
gboolean
vigil_checklist_set_status (VigilChecklist         *self,
                            const char             *standard_id,
                            VigilObservationStatus  status,
                            const char             *severity,
                            GError                **error)
{
  g_autofree char *id = NULL;

  g_return_val_if_fail (VIGIL_IS_CHECKLIST (self), FALSE);
  g_return_val_if_fail (standard_id != NULL, FALSE);

  id = vigil_store_set_observation_status (self->store, self->catalogue, self->hearing_id,
                                           standard_id, status, severity, error);
  if (id == NULL || !load_observations (self, error))
    return FALSE;
  g_signal_emit (self, signals[CHANGED], 0, standard_id);
  return TRUE;
}

/**
 * vigil_checklist_clear_status:
 *
 * Takes the status back, committed to disk before it returns.
 */
gboolean
vigil_checklist_clear_status (VigilChecklist *self, const char *standard_id, GError **error)
{
  g_return_val_if_fail (VIGIL_IS_CHECKLIST (self), FALSE);
  g_return_val_if_fail (standard_id != NULL, FALSE);

  if (!vigil_store_clear_observation_status (self->store, self->catalogue, self->hearing_id,
                                             standard_id, error)
      || !load_observations (self, error))
    return FALSE;
  g_signal_emit (self, signals[CHANGED], 0, standard_id);
  return TRUE;
}

/**
 * vigil_checklist_add_note:
 *
 * Appends a note stamped with the current time, committed to disk before
 * it returns.
 */
gboolean
vigil_checklist_add_note (VigilChecklist *self,
                          const char     *standard_id,
                          const char     *text,
                          GError        **error)
{
  g_autofree char *id = NULL;

  g_return_val_if_fail (VIGIL_IS_CHECKLIST (self), FALSE);
  g_return_val_if_fail (standard_id != NULL, FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  id = vigil_store_append_observation_note (self->store, self->catalogue, self->hearing_id,
                                            standard_id, NULL, text, error);
  if (id == NULL || !load_observations (self, error))
    return FALSE;
  g_signal_emit (self, signals[CHANGED], 0, standard_id);
  return TRUE;
}

gboolean
vigil_checklist_reload (VigilChecklist *self, GError **error)
{
  g_autoptr (VigilHearing) hearing = NULL;

  g_return_val_if_fail (VIGIL_IS_CHECKLIST (self), FALSE);

  hearing = vigil_store_get_hearing (self->store, self->hearing_id, error);
  if (hearing == NULL || !load_observations (self, error))
    return FALSE;
  g_set_object (&self->hearing, hearing);
  rebuild_list (self);
  g_signal_emit (self, signals[CHANGED], 0, NULL);
  return TRUE;
}
