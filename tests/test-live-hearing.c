/* test-live-hearing.c: the hearing page and live hearing mode over a real
 * vault, and entries that survive kill -9
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib-unix.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "vigil-assessment-group.h"
#include "vigil-error.h"
#include "vigil-hearing-page.h"
#include "vigil-live-window.h"
#include "vigil-store-observation-notes.h"
#include "vigil-test-a11y.h"
#include "vigil-test-gui.h"
#include "vigil-test-input.h"
#include "vigil-test-store.h"
#include "vigil-test-util.h"

/* Entries the child must have shown saved before it is killed. */
#define KILL_AFTER 24

typedef struct
{
  Fixture       store;
  VigilCase    *kase;
  VigilHearing *hearing;
} LiveFixture;

/* A hearing where much applies: a foreign child victim testified with the
 * defendant in the room, in a case with a compensation claim. */
static VigilHearing *
make_hearing (VigilStore *store, VigilCase *kase, VigilPerson *victim, VigilPerson *defendant)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  VigilHearing *hearing = vigil_hearing_new (vigil_case_get_id (kase));

  vigil_hearing_set_starts_at (hearing, now);
  vigil_hearing_set_status (hearing, VIGIL_HEARING_STATUS_HELD);
  vigil_hearing_set_kind (hearing, VIGIL_HEARING_KIND_TESTIMONY);
  vigil_hearing_set_room (hearing, "Room 4");
  vigil_hearing_set_foreign_victim (hearing, TRUE);
  vigil_hearing_set_interpretation_needed (hearing, TRUE);
  vigil_hearing_set_compensation_route_open (hearing, TRUE);
  vigil_hearing_add_attendee (hearing, victim, TRUE);
  vigil_hearing_add_attendee (hearing, defendant, FALSE);
  g_assert_true (vigil_store_save_hearing (store, hearing, &error));
  g_assert_no_error (error);
  return hearing;
}

static void
live_set_up (LiveFixture *f, gconstpointer data)
{
  g_autoptr (VigilPerson) victim = NULL;
  g_autoptr (VigilPerson) defendant = NULL;
  g_autoptr (GError) error = NULL;

  fixture_set_up (&f->store, data);
  f->kase = add_case (&f->store, "K 157/2023");
  victim = add_person (&f->store, f->kase, "V-01", VIGIL_PERSON_ROLE_VICTIM_WITNESS);
  vigil_person_set_is_child (victim, TRUE);
  g_assert_true (vigil_store_save_person (f->store.store, victim, &error));
  g_assert_no_error (error);
  defendant = add_person (&f->store, f->kase, "D-01", VIGIL_PERSON_ROLE_DEFENDANT);
  f->hearing = make_hearing (f->store.store, f->kase, victim, defendant);
}

static void
live_tear_down (LiveFixture *f, gconstpointer data)
{
  g_autoptr (GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    gtk_window_destroy (l->data);
  vigil_test_run_for (50);
  g_clear_object (&f->hearing);
  g_clear_object (&f->kase);
  fixture_tear_down (&f->store, data);
}

static VigilChecklist *
checklist_for (LiveFixture *f)
{
  g_autoptr (GError) error = NULL;
  VigilChecklist *checklist = vigil_checklist_new (f->store.store, vigil_catalogue_get_default (),
                                                   vigil_hearing_get_id (f->hearing), &error);

  g_assert_no_error (error);
  return checklist;
}

static void
on_items_changed (GListModel *model, guint position, guint removed, guint added, guint *counts)
{
  counts[0] += removed;
  counts[1] += added;
}

static void
test_checklist (LiveFixture *f, gconstpointer data)
{
  g_autoptr (VigilChecklist) checklist = checklist_for (f);
  g_autoptr (GError) error = NULL;
  g_autoptr (VigilChecklist) again = NULL;
  GListModel *standards = vigil_checklist_get_standards (checklist);
  g_autoptr (VigilStandard) first = g_list_model_get_item (standards, 0);
  const char *id = vigil_standard_get_id (first);

  g_assert_cmpuint (g_list_model_get_n_items (standards), >=, 12);
  g_assert_cmpuint (vigil_checklist_count_recorded (checklist), ==, 0);
  g_assert_true (vigil_checklist_set_status (checklist, id, VIGIL_OBSERVATION_STATUS_NOT_RESPECTED,
                                             "grave", &error));
  g_assert_no_error (error);
  g_assert_true (vigil_checklist_add_note (checklist, id, "Screen removed at 10:40", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (vigil_checklist_count_recorded (checklist), ==, 1);
  /* A severity on a respected standard is refused, and nothing changes. */
  g_assert_false (vigil_checklist_set_status (checklist, id, VIGIL_OBSERVATION_STATUS_RESPECTED,
                                              "grave", &error));
  g_assert_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (vigil_checklist_get_status (checklist, id), ==,
                   VIGIL_OBSERVATION_STATUS_NOT_RESPECTED);

  /* What a new checklist reads is what was committed. */
  again = checklist_for (f);
  g_assert_cmpint (vigil_checklist_get_status (again, id), ==,
                   VIGIL_OBSERVATION_STATUS_NOT_RESPECTED);
  g_assert_cmpuint (vigil_checklist_get_observation (again, id)->entries->len, ==, 1);

  /* Facts change what applies; what was recorded stays on the list. */
  vigil_hearing_remove_attendee (f->hearing, vigil_hearing_get_attendee (f->hearing, 0)->person_id);
  vigil_hearing_remove_attendee (f->hearing, vigil_hearing_get_attendee (f->hearing, 0)->person_id);
  g_assert_true (vigil_store_save_hearing (f->store.store, f->hearing, &error));
  g_assert_no_error (error);
  {
    GListModel *list = vigil_checklist_get_standards (again);
    guint before = g_list_model_get_n_items (list);
    guint counts[2] = { 0, 0 };
    gulong handler = g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed),
                                       counts);

    g_assert_true (vigil_checklist_reload (again, &error));
    g_assert_no_error (error);
    /* Only the standards that no longer apply leave the list: a view of
     * it keeps the rows of the others. */
    g_assert_cmpuint (counts[1], ==, 0);
    g_assert_cmpuint (counts[0], ==, before - g_list_model_get_n_items (list));
    g_signal_handler_disconnect (list, handler);
  }
  g_assert_nonnull (vigil_checklist_get_observation (again, id));
  g_assert_cmpuint (g_list_model_get_n_items (vigil_checklist_get_standards (again)), <,
                    g_list_model_get_n_items (standards));
}

static void
test_hearing_page (LiveFixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  GtkWindow *window = GTK_WINDOW (adw_application_window_new (NULL));
  VigilHearingPage *page = VIGIL_HEARING_PAGE (vigil_hearing_page_new ());
  VigilChecklist *checklist;
  g_autoptr (VigilStandard) first = NULL;
  g_autofree char *text = NULL;

  gtk_window_set_default_size (window, 960, 900);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), GTK_WIDGET (page));
  vigil_hearing_page_set_store (page, f->store.store);
  g_assert_true (vigil_hearing_page_set_hearing (page, vigil_hearing_get_id (f->hearing), &error));
  g_assert_no_error (error);
  gtk_window_present (window);

  checklist = vigil_hearing_page_get_checklist (page);
  first = g_list_model_get_item (vigil_checklist_get_standards (checklist), 0);
  g_assert_true (vigil_checklist_set_status (checklist, vigil_standard_get_id (first),
                                             VIGIL_OBSERVATION_STATUS_PARTLY_RESPECTED, "minor",
                                             &error));
  g_assert_no_error (error);
  vigil_test_run_for (100);
  text = vigil_test_widget_text (GTK_WIDGET (window));
  g_assert_nonnull (strstr (text, vigil_standard_get_title (first)));
  g_assert_nonnull (strstr (text, "Partly respected (minor)"));
  g_assert_nonnull (strstr (text, "1 of "));
  g_assert_nonnull (strstr (text, "V-01"));
  g_assert_nonnull (strstr (text, "Suggested Grade"));
  vigil_test_screenshot (GTK_WIDGET (window), "hearing-page");

  /* Recording a grade different from the suggestion needs a reason. */
  {
    GtkWidget *group = vigil_test_find_widget (GTK_WIDGET (page),
                                               g_type_from_name ("VigilAssessmentGroup"), NULL);
    GtkWidget *grade = vigil_test_find_widget (group, ADW_TYPE_COMBO_ROW, "Grade");
    GtkWidget *reason = vigil_test_find_widget (group, ADW_TYPE_ENTRY_ROW,
                                                "Reason, When the Grade Differs From the Suggestion");
    g_autofree char *after = NULL;

    /* Confirming the suggestion needs nothing more. */
    g_assert_true (vigil_assessment_group_decide (VIGIL_ASSESSMENT_GROUP (group)));
    /* Another grade needs a written reason: refused without one. */
    adw_combo_row_set_selected (ADW_COMBO_ROW (grade), VIGIL_GRADE_GRAVE_SHORTCOMINGS);
    g_assert_false (vigil_assessment_group_decide (VIGIL_ASSESSMENT_GROUP (group)));
    gtk_editable_set_text (GTK_EDITABLE (reason), "The screen was removed during cross-examination");
    g_assert_true (vigil_assessment_group_decide (VIGIL_ASSESSMENT_GROUP (group)));
    vigil_test_run_for (50);
    after = vigil_test_widget_text (group);
    g_assert_nonnull (strstr (after, "instead of the suggestion"));
    g_assert_nonnull (strstr (after, "The screen was removed during cross-examination"));
  }
  gtk_window_destroy (window);
}

static void
test_live_window (LiveFixture *f, gconstpointer data)
{
  g_autoptr (VigilChecklist) checklist = checklist_for (f);
  GtkWidget *window = vigil_live_window_new (NULL, checklist);
  VigilLiveWindow *live = VIGIL_LIVE_WINDOW (window);
  VigilStandard *current;
  const VigilObservationData *observation;
  g_autofree char *text = NULL;
  g_autofree char *first_id = NULL;

  gtk_window_present (GTK_WINDOW (window));
  current = vigil_live_window_get_current (live);
  g_assert_nonnull (current);
  first_id = g_strdup (vigil_standard_get_id (current));

  /* One key, one committed entry. */
  g_assert_true (gtk_widget_activate_action (window, "live.status", "u",
                                             (guint) VIGIL_OBSERVATION_STATUS_NOT_RESPECTED));
  g_assert_cmpuint (vigil_live_window_get_saved_entries (live), ==, 1);
  g_assert_true (gtk_widget_activate_action (window, "live.severity", "u", 2));
  g_assert_cmpuint (vigil_live_window_get_saved_entries (live), ==, 2);
  g_assert_true (gtk_widget_activate_action (window, "live.note", "s",
                                             "Defendant looked at the witness throughout"));
  g_assert_cmpuint (vigil_live_window_get_saved_entries (live), ==, 3);
  g_assert_null (vigil_live_window_get_message (live));

  observation = vigil_checklist_get_observation (checklist, first_id);
  g_assert_cmpstr (observation->status, ==, "not_respected");
  g_assert_cmpstr (observation->severity, ==, "grave");
  g_assert_cmpuint (observation->entries->len, ==, 1);

  g_assert_true (gtk_widget_activate_action (window, "live.next", NULL));
  g_assert_cmpstr (vigil_standard_get_id (vigil_live_window_get_current (live)), !=, first_id);
  g_assert_true (gtk_widget_activate_action (window, "live.status", "u",
                                             (guint) VIGIL_OBSERVATION_STATUS_RESPECTED));
  g_assert_true (gtk_widget_activate_action (window, "live.previous", NULL));
  vigil_test_run_for (100);
  text = vigil_test_widget_text (window);
  g_assert_nonnull (strstr (text, "Defendant looked at the witness throughout"));
  g_assert_nonnull (strstr (text, "Saved"));
  vigil_test_screenshot (window, "live-hearing");

  /* An empty note is not an entry. */
  g_assert_true (gtk_widget_activate_action (window, "live.note", "s", "   "));
  g_assert_cmpuint (vigil_live_window_get_saved_entries (live), ==, 4);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Real keys in the live window. What each test reads back comes from the
 * vault, listed anew, never from the window's own checklist. */

static const char *
standard_at (VigilChecklist *checklist, guint index)
{
  g_autoptr (VigilStandard) standard =
    g_list_model_get_item (vigil_checklist_get_standards (checklist), index);

  g_assert_nonnull (standard);
  /* The catalogue keeps its standards for the life of the process. */
  return vigil_standard_get_id (standard);
}

static const char *
title_at (VigilChecklist *checklist, guint index)
{
  g_autoptr (VigilStandard) standard =
    g_list_model_get_item (vigil_checklist_get_standards (checklist), index);

  return vigil_standard_get_title (standard);
}

/* (nullable): what the vault holds for @standard_id at the hearing. */
static VigilObservationData *
stored (LiveFixture *f, const char *standard_id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) all =
    vigil_store_list_observations (f->store.store, vigil_hearing_get_id (f->hearing), &error);

  g_assert_no_error (error);
  for (guint i = 0; i < all->len; i++)
    {
      VigilObservationData *data = g_ptr_array_index (all, i);

      if (g_str_equal (data->standard_id, standard_id))
        return g_ptr_array_steal_index (all, i);
    }
  return NULL;
}

/* @status NULL: nothing recorded for @standard_id. */
static void
assert_stored (LiveFixture *f, const char *standard_id, const char *status, const char *severity)
{
  g_autoptr (VigilObservationData) data = stored (f, standard_id);

  if (status == NULL)
    {
      g_assert_null (data);
      return;
    }
  g_assert_nonnull (data);
  g_assert_cmpstr (data->status, ==, status);
  g_assert_cmpstr (data->severity, ==, severity);
}

static GtkWindow *
open_live (VigilChecklist *checklist, int width)
{
  GtkWidget *window = vigil_live_window_new (NULL, checklist);

  gtk_window_set_default_size (GTK_WINDOW (window), width, 760);
  gtk_window_present (GTK_WINDOW (window));
  vigil_test_input_focus_window (GTK_WINDOW (window));
  return GTK_WINDOW (window);
}

static const char *
current_id (GtkWindow *window)
{
  VigilStandard *current = vigil_live_window_get_current (VIGIL_LIVE_WINDOW (window));

  g_assert_nonnull (current);
  return vigil_standard_get_id (current);
}

/* The first button of @root that activates @action. */
static GtkWidget *
find_action_button (GtkWidget *root, const char *action)
{
  if (GTK_IS_BUTTON (root)
      && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (root)), action) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_action_button (child, action);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The label of @root showing @text, drawn or not. */
static GtkWidget *
find_label (GtkWidget *root, const char *text)
{
  if (GTK_IS_LABEL (root) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), text) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
shows (GtkWidget *root, const char *text)
{
  g_autofree char *all = vigil_test_widget_text (root);

  return strstr (all, text) != NULL;
}

/* Ctrl+Down and Ctrl+Up change the standard the keys act on, wherever
 * the focus is in the list. */
static void
test_keys_move (LiveFixture *f, gconstpointer data)
{
  g_autoptr (VigilChecklist) checklist = checklist_for (f);
  GtkWindow *window = open_live (checklist, 1100);
  const char *first = standard_at (checklist, 0);
  const char *second = standard_at (checklist, 1);
  const char *third = standard_at (checklist, 2);

  vigil_test_input_keys (window, "3 9 Escape ctrl+Down ctrl+Down 1");
  g_assert_cmpstr (current_id (window), ==, third);
  assert_stored (f, first, "not_respected", "grave");
  assert_stored (f, second, NULL, NULL);
  assert_stored (f, third, "respected", NULL);

  vigil_test_input_keys (window, "ctrl+Up 2");
  g_assert_cmpstr (current_id (window), ==, second);
  assert_stored (f, second, "partly_respected", "serious");
  assert_stored (f, third, "respected", NULL);
  g_assert_true (shows (GTK_WIDGET (window), "Partly respected (serious)"));

  /* Plain arrows move too, and the first and last standards stop them. */
  vigil_test_input_keys (window, "Up Up ctrl+Up 4");
  g_assert_cmpstr (current_id (window), ==, first);
  assert_stored (f, first, "not_applicable", NULL);
  vigil_test_input_keys (window, "Down 5");
  assert_stored (f, second, "not_observed", NULL);
  gtk_window_destroy (window);
}

/* A severity key does not turn a finding around: on a standard without a
 * shortcoming it is refused, with a hint. */
static void
test_keys_severity (LiveFixture *f, gconstpointer data)
{
  g_autoptr (VigilChecklist) checklist = checklist_for (f);
  GtkWindow *window = open_live (checklist, 1100);
  VigilLiveWindow *live = VIGIL_LIVE_WINDOW (window);
  const char *first = standard_at (checklist, 0);
  const char *second = standard_at (checklist, 1);

  vigil_test_input_keys (window, "1 9");
  assert_stored (f, first, "respected", NULL);
  g_assert_cmpuint (vigil_live_window_get_saved_entries (live), ==, 1);
  g_assert_nonnull (vigil_live_window_get_message (live));
  g_assert_true (shows (GTK_WIDGET (window), vigil_live_window_get_message (live)));

  /* Nor on a standard nothing was recorded for. */
  vigil_test_input_keys (window, "ctrl+Down 8");
  assert_stored (f, second, NULL, NULL);
  g_assert_nonnull (vigil_live_window_get_message (live));

  /* On a shortcoming it sets how grave it is, and the hint goes. */
  vigil_test_input_keys (window, "2 7");
  assert_stored (f, second, "partly_respected", "minor");
  g_assert_null (vigil_live_window_get_message (live));
  gtk_window_destroy (window);
}

typedef struct
{
  VigilChecklist *checklist;
  const char     *standard_id;
} Probe;

static gboolean
nothing_recorded (gpointer data)
{
  Probe *probe = data;

  return vigil_checklist_get_status (probe->checklist, probe->standard_id) < 0;
}

/* Every change of a status or severity can be taken back, by Ctrl+Z or
 * the Undo button shown with the value it replaced; the undo is a new
 * version of the record, in the audit log. */
static void
test_keys_undo (LiveFixture *f, gconstpointer data)
{
  g_autoptr (VigilChecklist) checklist = checklist_for (f);
  GtkWindow *window = open_live (checklist, 1100);
  const char *first = standard_at (checklist, 0);
  const char *second = standard_at (checklist, 1);
  g_autoptr (VigilObservationData) record = NULL;
  g_autofree char *updates = NULL;
  GtkWidget *undo;

  vigil_test_input_keys (window, "3 9 1");
  assert_stored (f, first, "respected", NULL);
  /* What it was is on screen, with a way back. */
  g_assert_true (shows (GTK_WIDGET (window), "Not respected (grave)"));
  vigil_test_input_keys (window, "ctrl+z");
  assert_stored (f, first, "not_respected", "grave");
  record = stored (f, first);
  g_assert_cmpint (record->version, ==, 4);
  updates = g_strdup_printf ("SELECT count(*) FROM audit WHERE record_id = '%s'"
                             " AND action = 'update'", record->id);
  g_assert_cmpint (count (&f->store, updates), ==, 3);
  vigil_test_screenshot (GTK_WIDGET (window), "live-hearing-undo");

  /* Ctrl+Z again goes one change further back. */
  vigil_test_input_keys (window, "ctrl+z");
  assert_stored (f, first, "not_respected", "serious");
  /* In the note field Ctrl+Z is the field's, even with nothing typed. */
  vigil_test_input_keys (window, "n ctrl+z");
  assert_stored (f, first, "not_respected", "serious");
  vigil_test_input_keys (window, "Escape");

  /* The button does what Ctrl+Z does. */
  vigil_test_input_keys (window, "ctrl+Down 2 7");
  assert_stored (f, second, "partly_respected", "minor");
  vigil_test_run_for (100);
  undo = find_action_button (GTK_WIDGET (window), "live.undo");
  g_assert_nonnull (undo);
  g_assert_true (gtk_widget_get_mapped (undo));
  vigil_test_input_click (undo);
  assert_stored (f, second, "partly_respected", "serious");

  /* Undoing the first status of a standard leaves nothing recorded. */
  vigil_test_input_keys (window, "ctrl+z");
  assert_stored (f, second, NULL, NULL);
  /* The button's mnemonic is another way, and the keys still work after. */
  vigil_test_input_keys (window, "3");
  assert_stored (f, second, "not_respected", "serious");
  vigil_test_input_keys (window, "alt+u");
  /* A button activated by its mnemonic clicks a quarter second later,
   * pressed in the meantime, as on screen. */
  g_assert_true (vigil_test_wait_until (nothing_recorded, &(Probe) { checklist, second }, 5000));
  assert_stored (f, second, NULL, NULL);
  vigil_test_input_keys (window, "4 ctrl+z");
  assert_stored (f, second, NULL, NULL);
  g_assert_cmpuint (vigil_checklist_count_recorded (checklist), ==, 1);
  {
    g_autoptr (VigilChecklist) again = checklist_for (f);

    g_assert_cmpint (vigil_checklist_get_status (again, second), ==, -1);
  }
  gtk_window_destroy (window);
}

/* A blank note is refused where it was typed, and nothing is saved. */
static void
test_keys_blank_note (LiveFixture *f, gconstpointer data)
{
  g_autoptr (VigilChecklist) checklist = checklist_for (f);
  GtkWindow *window = open_live (checklist, 1100);
  VigilLiveWindow *live = VIGIL_LIVE_WINDOW (window);
  const char *first = standard_at (checklist, 0);
  GtkWidget *entry = vigil_test_find_widget (GTK_WIDGET (window), GTK_TYPE_ENTRY, NULL);
  GtkWidget *field = gtk_widget_get_parent (entry);

  vigil_test_input_keys (window, "Return");
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), entry));
  vigil_test_input_keys (window, "type:   ");
  vigil_test_input_keys (window, "Return");
  assert_stored (f, first, NULL, NULL);
  g_assert_cmpuint (vigil_live_window_get_saved_entries (live), ==, 0);
  /* Said beside the field, which keeps the focus. */
  g_assert_nonnull (vigil_live_window_get_message (live));
  g_assert_true (shows (field, vigil_live_window_get_message (live)));
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), entry));
  vigil_test_screenshot (GTK_WIDGET (window), "live-hearing-blank-note");

  vigil_test_input_keys (window, "type:Screen in place");
  vigil_test_input_keys (window, "Return");
  {
    g_autoptr (VigilObservationData) saved = stored (f, first);

    g_assert_nonnull (saved);
    g_assert_cmpuint (saved->entries->len, ==, 1);
    g_assert_cmpstr (((VigilObservationNote *) g_ptr_array_index (saved->entries, 0))->text,
                     ==, "Screen in place");
  }
  g_assert_null (vigil_live_window_get_message (live));
  g_assert_false (shows (field, "not saved"));
  gtk_window_destroy (window);
}

/* On a phone-sized window the list and the current standard stack, and
 * nothing that says what was saved is cut short. */
static void
test_narrow (LiveFixture *f, gconstpointer data)
{
  g_autoptr (VigilChecklist) checklist = checklist_for (f);
  GtkWindow *window = open_live (checklist, 400);
  GtkWidget *status;
  GtkWidget *row;
  AdwFlap *flap;
  const char *first = standard_at (checklist, 0);
  int min_width;

  vigil_test_run_for (200);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 400);
  /* Down to the narrowest phones (the window's shadow aside). */
  gtk_widget_measure (adw_window_get_content (ADW_WINDOW (window)), GTK_ORIENTATION_HORIZONTAL, -1,
                      &min_width, NULL, NULL, NULL);
  g_assert_cmpint (min_width, <=, 360);
  status = find_label (GTK_WIDGET (window), "Every entry is saved as you make it");
  g_assert_nonnull (status);
  g_assert_true (gtk_widget_get_mapped (status));
  g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (status))));
  g_assert_cmpint (gtk_widget_get_width (status), <=, 400);
  vigil_test_screenshot (GTK_WIDGET (window), "live-hearing-narrow");

  /* The keys work as on a wide screen. */
  vigil_test_input_keys (window, "3 8 ctrl+Down 1");
  assert_stored (f, first, "not_respected", "serious");
  assert_stored (f, standard_at (checklist, 1), "respected", NULL);
  g_assert_true (shows (GTK_WIDGET (window), "Saved"));
  vigil_test_screenshot (GTK_WIDGET (window), "live-hearing-narrow-saved");

  /* The list is a key or a click away, over the standard, and goes once
   * a standard is chosen. */
  flap = ADW_FLAP (vigil_test_find_widget (GTK_WIDGET (window), ADW_TYPE_FLAP, NULL));
  g_assert_true (adw_flap_get_folded (flap));
  g_assert_false (adw_flap_get_reveal_flap (flap));
  vigil_test_input_keys (window, "F9");
  g_assert_true (adw_flap_get_reveal_flap (flap));
  vigil_test_screenshot (GTK_WIDGET (window), "live-hearing-narrow-list");
  vigil_test_input_keys (window, "Down Escape 4");
  g_assert_false (adw_flap_get_reveal_flap (flap));
  assert_stored (f, standard_at (checklist, 2), "not_applicable", NULL);

  vigil_test_input_click (vigil_test_find_widget (GTK_WIDGET (window), GTK_TYPE_TOGGLE_BUTTON,
                                                  NULL));
  g_assert_true (adw_flap_get_reveal_flap (flap));
  vigil_test_run_for (100);
  row = gtk_widget_get_ancestor (find_label (GTK_WIDGET (window),
                                             title_at (checklist, 4)), GTK_TYPE_LIST_BOX_ROW);
  vigil_test_input_click (row);
  g_assert_false (adw_flap_get_reveal_flap (flap));
  g_assert_cmpstr (current_id (window), ==, standard_at (checklist, 4));
  vigil_test_input_keys (window, "5");
  assert_stored (f, standard_at (checklist, 4), "not_observed", NULL);
  gtk_window_destroy (window);
}

/* A whole hearing from the keyboard alone: twenty findings with a note
 * each, moving on with Ctrl+Down, all read back from the vault file,
 * opened anew. */
static void
test_keys_whole_hearing (LiveFixture *f, gconstpointer data)
{
  static const char *const statuses[] = { "respected", "partly_respected", "not_respected",
                                          "not_applicable", "not_observed" };
  static const char *const severities[] = { "minor", "serious", "grave" };
  g_autoptr (GError) error = NULL;
  g_autoptr (VigilChecklist) checklist = checklist_for (f);
  GtkWindow *window = open_live (checklist, 1100);
  guint n = 20;
  guint entries = 0;

  g_assert_cmpuint (g_list_model_get_n_items (vigil_checklist_get_standards (checklist)), >=, n);
  for (guint i = 0; i < n; i++)
    {
      guint status = i % 5;
      g_autofree char *keys = NULL;
      g_autofree char *note = g_strdup_printf ("type:Finding %u: V-01 asked for a break/%u", i,
                                               i * 7);

      g_assert_cmpstr (current_id (window), ==, standard_at (checklist, i));
      /* A status, a severity for a shortcoming, a note: one entry each. */
      if (status == 1 || status == 2)
        keys = g_strdup_printf ("%u %u", status + 1, 7 + (i % 3));
      else
        keys = g_strdup_printf ("%u", status + 1);
      entries += status == 1 || status == 2 ? 3 : 2;
      vigil_test_input_keys (window, keys);
      vigil_test_input_keys (window, "n");
      vigil_test_input_keys (window, note);
      vigil_test_input_keys (window, "Return Escape ctrl+Down");
    }

  g_assert_cmpuint (vigil_live_window_get_saved_entries (VIGIL_LIVE_WINDOW (window)), ==,
                    entries);
  gtk_window_destroy (window);

  /* What the file holds, not what this process remembers. */
  g_clear_object (&f->store.store);
  vigil_vault_lock (f->store.vault);
  g_clear_object (&f->store.vault);
  f->store.vault = vigil_vault_open (f->store.path, VIGIL_TEST_PASSPHRASE, &error);
  g_assert_no_error (error);
  f->store.store = vigil_store_new (f->store.vault);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (VigilObservationData) saved = stored (f, standard_at (checklist, i));
      g_autofree char *text = g_strdup_printf ("Finding %u: V-01 asked for a break/%u", i, i * 7);
      guint status = i % 5;

      g_assert_nonnull (saved);
      g_assert_cmpstr (saved->status, ==, statuses[status]);
      g_assert_cmpstr (saved->severity, ==,
                       status == 1 || status == 2 ? severities[i % 3] : NULL);
      g_assert_cmpuint (saved->entries->len, ==, 1);
      g_assert_cmpstr (((VigilObservationNote *) g_ptr_array_index (saved->entries, 0))->text,
                       ==, text);
    }
  assert_stored (f, standard_at (checklist, n), NULL, NULL);
  assert_check_ok (&f->store);
}

static gboolean
on_parent_gone (int fd, GIOCondition condition, gpointer data)
{
  char byte;

  if (read (fd, &byte, 1) <= 0)
    exit (0);
  return G_SOURCE_CONTINUE;
}

/* The child of /live/accessible: live mode with GTK's AT-SPI backend,
 * after one entry (so that its Undo is on screen), until its standard
 * input closes. */
static int
run_a11y_child (const char *path, const char *hearing_id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VigilVault) vault = NULL;
  g_autoptr (VigilStore) store = NULL;
  g_autoptr (VigilChecklist) checklist = NULL;
  GtkWidget *window;

  gtk_init ();
  adw_init ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  vault = vigil_vault_open (path, VIGIL_TEST_PASSPHRASE, &error);
  g_assert_no_error (error);
  store = vigil_store_new (vault);
  checklist = vigil_checklist_new (store, vigil_catalogue_get_default (), hearing_id, &error);
  g_assert_no_error (error);
  window = vigil_live_window_new (NULL, checklist);
  gtk_window_present (GTK_WINDOW (window));
  gtk_widget_activate_action (window, "live.status", "u",
                              (guint) VIGIL_OBSERVATION_STATUS_NOT_RESPECTED);
  vigil_test_run_for (300);
  g_unix_fd_add (STDIN_FILENO, G_IO_IN | G_IO_HUP | G_IO_ERR, on_parent_gone, NULL);
  printf ("ready\n");
  fflush (stdout);
  while (TRUE)
    g_main_context_iteration (NULL, TRUE);
  return 0;
}

/* What a screen reader reads in live mode: each standard of the list by
 * its title, and every button by a name without a mnemonic underscore. */
static void
test_accessible (LiveFixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GSubprocessLauncher) launcher = NULL;
  g_autoptr (GSubprocess) child = NULL;
  g_autoptr (GDataInputStream) lines = NULL;
  g_autoptr (GPtrArray) nodes = NULL;
  g_autoptr (VigilChecklist) checklist = NULL;
  g_autofree char *hearing_id = g_strdup (vigil_hearing_get_id (f->hearing));
  g_autofree char *ready = NULL;
  GListModel *standards;
  GPid pid;

  /* The child opens the vault itself. */
  g_clear_object (&f->store.store);
  vigil_vault_lock (f->store.vault);
  g_clear_object (&f->store.vault);

  /* Its standard input is how it knows this process is gone, however it
   * went. */
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE
                                        | G_SUBPROCESS_FLAGS_STDIN_PIPE);
  g_subprocess_launcher_setenv (launcher, "GTK_A11Y", "atspi", TRUE);
  g_subprocess_launcher_unsetenv (launcher, "NO_AT_BRIDGE");
  child = g_subprocess_launcher_spawn (launcher, &error,
                                       g_test_get_filename (G_TEST_BUILT, "test-live-hearing",
                                                            NULL),
                                       "--a11y-child", f->store.path, hearing_id, NULL);
  g_assert_no_error (error);
  lines = g_data_input_stream_new (g_subprocess_get_stdout_pipe (child));
  ready = g_data_input_stream_read_line (lines, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ready, ==, "ready");
  pid = (GPid) g_ascii_strtoll (g_subprocess_get_identifier (child), NULL, 10);
  nodes = vigil_test_a11y_walk (pid);
  g_subprocess_force_exit (child);
  g_subprocess_wait (child, NULL, NULL);

  for (guint i = 0; i < nodes->len; i++)
    {
      VigilTestA11yNode *node = g_ptr_array_index (nodes, i);

      g_test_message ("%*s%s \"%s\"", (int) node->depth * 2, "", node->role, node->name);
    }
  vigil_test_a11y_assert_named (nodes);

  /* Reopen, for the titles and for the fixture's tear-down. */
  f->store.vault = vigil_vault_open (f->store.path, VIGIL_TEST_PASSPHRASE, &error);
  g_assert_no_error (error);
  f->store.store = vigil_store_new (f->store.vault);
  checklist = checklist_for (f);
  standards = vigil_checklist_get_standards (checklist);
  for (guint i = 0; i < g_list_model_get_n_items (standards); i++)
    {
      g_autoptr (VigilStandard) standard = g_list_model_get_item (standards, i);
      gboolean found = FALSE;

      for (guint j = 0; j < nodes->len && !found; j++)
        {
          VigilTestA11yNode *node = g_ptr_array_index (nodes, j);

          found = g_str_equal (node->role, "list item")
                  && g_strcmp0 (node->name, vigil_standard_get_title (standard)) == 0;
        }
      if (!found)
        g_test_message ("No row of the list is named \"%s\"",
                        vigil_standard_get_title (standard));
      g_assert_true (found);
    }
}

/* The child: live mode on the vault at @path, making entries until it is
 * killed, printing each one's number once it shows saved. */
static int
run_child (const char *path, const char *hearing_id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VigilVault) vault = NULL;
  g_autoptr (VigilStore) store = NULL;
  g_autoptr (VigilChecklist) checklist = NULL;
  GtkWidget *window;
  VigilLiveWindow *live;
  guint n;

  gtk_init ();
  adw_init ();
  vault = vigil_vault_open (path, VIGIL_TEST_PASSPHRASE, &error);
  g_assert_no_error (error);
  store = vigil_store_new (vault);
  checklist = vigil_checklist_new (store, vigil_catalogue_get_default (), hearing_id, &error);
  g_assert_no_error (error);
  n = g_list_model_get_n_items (vigil_checklist_get_standards (checklist));
  window = vigil_live_window_new (NULL, checklist);
  live = VIGIL_LIVE_WINDOW (window);
  gtk_window_present (GTK_WINDOW (window));

  for (guint i = 0; i < 1000; i++)
    {
      /* Even entries: a status on standard i/2, each standard once while
       * i/2 < n; odd entries: a note on the first standard. */
      if (i % 2 == 0 && i / 2 < n)
        {
          g_autoptr (VigilStandard) standard =
            g_list_model_get_item (vigil_checklist_get_standards (checklist), i / 2);
          guint status = (i / 2) % 5;

          vigil_checklist_set_status (checklist, vigil_standard_get_id (standard), status,
                                      status == VIGIL_OBSERVATION_STATUS_PARTLY_RESPECTED
                                          || status == VIGIL_OBSERVATION_STATUS_NOT_RESPECTED
                                        ? "serious" : NULL,
                                      &error);
          g_assert_no_error (error);
          printf ("saved %u\n", i);
        }
      else
        {
          g_autofree char *note = g_strdup_printf ("entry %u", i);
          guint before = vigil_live_window_get_saved_entries (live);

          gtk_widget_activate_action (window, "live.note", "s", note);
          g_assert_cmpuint (vigil_live_window_get_saved_entries (live), ==, before + 1);
          printf ("saved %u\n", i);
        }
      fflush (stdout);
      while (g_main_context_iteration (NULL, FALSE))
        ;
    }
  return 0;
}

static void
test_kill (LiveFixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GSubprocess) child = NULL;
  g_autoptr (GDataInputStream) lines = NULL;
  g_autoptr (VigilVault) vault = NULL;
  g_autoptr (VigilStore) store = NULL;
  g_autoptr (VigilChecklist) checklist = NULL;
  g_autofree char *hearing_id = g_strdup (vigil_hearing_get_id (f->hearing));
  g_autoptr (VigilStandard) first = NULL;
  const VigilObservationData *notes;
  guint seen = 0;

  /* The test lets go of the vault while the child writes. */
  g_clear_object (&f->store.store);
  vigil_vault_lock (f->store.vault);
  g_clear_object (&f->store.vault);

  child = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error, g_test_get_filename (
                              G_TEST_BUILT, "test-live-hearing", NULL),
                            "--live-child", f->store.path, hearing_id, NULL);
  g_assert_no_error (error);
  lines = g_data_input_stream_new (g_subprocess_get_stdout_pipe (child));
  while (seen < KILL_AFTER)
    {
      g_autofree char *line = g_data_input_stream_read_line (lines, NULL, NULL, &error);
      g_autofree char *expected = g_strdup_printf ("saved %u", seen);

      g_assert_no_error (error);
      g_assert_nonnull (line);
      g_assert_cmpstr (line, ==, expected);
      seen++;
    }
  g_subprocess_send_signal (child, SIGKILL);
  g_subprocess_wait (child, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (g_subprocess_get_if_exited (child));

  vault = vigil_vault_open (f->store.path, VIGIL_TEST_PASSPHRASE, &error);
  g_assert_no_error (error);
  store = vigil_store_new (vault);
  checklist = vigil_checklist_new (store, vigil_catalogue_get_default (), hearing_id, &error);
  g_assert_no_error (error);
  first = g_list_model_get_item (vigil_checklist_get_standards (checklist), 0);
  notes = vigil_checklist_get_observation (checklist, vigil_standard_get_id (first));
  g_assert_nonnull (notes);
  for (guint i = 0; i < KILL_AFTER; i++)
    {
      if (i % 2 == 0)
        {
          g_autoptr (VigilStandard) standard =
            g_list_model_get_item (vigil_checklist_get_standards (checklist), i / 2);

          g_assert_cmpint (vigil_checklist_get_status (checklist, vigil_standard_get_id (standard)),
                           ==, (int) ((i / 2) % 5));
        }
      else
        {
          g_autofree char *note = g_strdup_printf ("entry %u", i);
          gboolean found = FALSE;

          for (guint j = 0; j < notes->entries->len && !found; j++)
            found = g_strcmp0 (((VigilObservationNote *) g_ptr_array_index (notes->entries, j))->text,
                               note) == 0;
          g_assert_true (found);
        }
    }
  /* Still one sound vault. */
  {
    g_autoptr (VigilCheckReport) report = vigil_store_check (store, &error);

    g_assert_no_error (error);
    g_assert_true (vigil_check_report_ok (report));
  }
  /* The fixture's tear-down frees what it holds. */
  f->store.vault = g_steal_pointer (&vault);
  f->store.store = g_steal_pointer (&store);
}

int
main (int argc, char **argv)
{
  if (argc == 4 && g_strcmp0 (argv[1], "--live-child") == 0)
    return run_child (argv[2], argv[3]);
  if (argc == 4 && g_strcmp0 (argv[1], "--a11y-child") == 0)
    return run_a11y_child (argv[2], argv[3]);

  vigil_test_gui_init (&argc, &argv);

  g_test_add ("/live/checklist", LiveFixture, NULL, live_set_up, test_checklist, live_tear_down);
  g_test_add ("/live/hearing-page", LiveFixture, NULL, live_set_up, test_hearing_page,
              live_tear_down);
  g_test_add ("/live/window", LiveFixture, NULL, live_set_up, test_live_window, live_tear_down);
  g_test_add ("/live/keys/move", LiveFixture, NULL, live_set_up, test_keys_move, live_tear_down);
  g_test_add ("/live/keys/severity", LiveFixture, NULL, live_set_up, test_keys_severity,
              live_tear_down);
  g_test_add ("/live/keys/undo", LiveFixture, NULL, live_set_up, test_keys_undo, live_tear_down);
  g_test_add ("/live/keys/blank-note", LiveFixture, NULL, live_set_up, test_keys_blank_note,
              live_tear_down);
  g_test_add ("/live/narrow", LiveFixture, NULL, live_set_up, test_narrow, live_tear_down);
  g_test_add ("/live/keys/whole-hearing", LiveFixture, NULL, live_set_up,
              test_keys_whole_hearing, live_tear_down);
  g_test_add ("/live/accessible", LiveFixture, NULL, live_set_up, test_accessible,
              live_tear_down);
  g_test_add ("/live/kill-9", LiveFixture, NULL, live_set_up, test_kill, live_tear_down);
  return g_test_run ();
}
