/* test-hearing-page.c: the hearing page in the main window, driven with
 * real clicks and keys, and read back from the store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "vigil-assessment-group.h"
#include "vigil-hearing-page.h"
#include "vigil-observation-row.h"
#include "vigil-store-assessments.h"
#include "vigil-test-gui.h"
#include "vigil-test-input.h"
#include "vigil-test-util.h"
#include "vigil-unlock-page.h"
#include "vigil-window.h"

#define PASSPHRASE "correct horse battery staple"
#define REFERENCE  "K 157/2023"
#define COURT      "Tribunalul Brașov"

typedef struct
{
  char             *dir;
  char             *path;
  VigilWindow      *window;
  char             *case_id;
  char             *hearing_id;
  VigilHearingPage *page;
} Fixture;

/* private helpers */

static gboolean
is_unlocked (gpointer data)
{
  return !vigil_window_get_locked (VIGIL_WINDOW (data));
}

static void
unlock (Fixture *f, gboolean create)
{
  VigilUnlockPage *page = vigil_window_get_unlock_page (f->window);
  GtkWidget *row;

  vigil_unlock_page_set_kdf_level (page, VIGIL_KDF_INTERACTIVE);
  row = vigil_test_find_widget (GTK_WIDGET (page), ADW_TYPE_ENTRY_ROW, "Passphrase");
  gtk_editable_set_text (GTK_EDITABLE (row), PASSPHRASE);
  if (create)
    {
      row = vigil_test_find_widget (GTK_WIDGET (page), ADW_TYPE_ENTRY_ROW, "Confirm Passphrase");
      gtk_editable_set_text (GTK_EDITABLE (row), PASSPHRASE);
    }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "unlock.submit", NULL));
  g_assert_true (vigil_test_wait_until (is_unlocked, f->window, 60000));
  vigil_test_answer_monitor ("Test Monitor");
}

static VigilStore *
store_of (Fixture *f)
{
  VigilStore *store = vigil_window_get_store (f->window);

  g_assert_nonnull (store);
  return store;
}

static VigilPerson *
add_person (Fixture *f, const char *pseudonym, VigilPersonRole role)
{
  g_autoptr (GError) error = NULL;
  VigilPerson *person = vigil_person_new (f->case_id);

  vigil_person_set_pseudonym (person, pseudonym);
  vigil_person_set_role (person, role);
  g_assert_true (vigil_store_save_person (store_of (f), person, &error));
  g_assert_no_error (error);
  return person;
}

static gboolean
page_laid_out (gpointer data)
{
  Fixture *f = data;
  GtkWidget *checklist = vigil_test_find_widget (GTK_WIDGET (f->page), GTK_TYPE_LIST_BOX, NULL);

  return gtk_widget_get_mapped (GTK_WIDGET (f->page)) && checklist != NULL
         && gtk_widget_get_mapped (checklist) && gtk_widget_get_height (checklist) > 0;
}

/* Opens the hearing as a person does: the case from the list, the
 * hearing from the case. */
static void
open_hearing (Fixture *f)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VigilCase) kase = vigil_store_get_case (store_of (f), f->case_id, &error);

  g_assert_no_error (error);
  g_signal_emit_by_name (vigil_test_find_widget (GTK_WIDGET (f->window),
                                                 g_type_from_name ("VigilCasesPage"), NULL),
                         "case-activated", kase);
  vigil_test_run_for (50);
  g_signal_emit_by_name (vigil_test_find_widget (GTK_WIDGET (f->window),
                                                 g_type_from_name ("VigilCasePage"), NULL),
                         "hearing-activated", f->hearing_id);
  f->page = VIGIL_HEARING_PAGE (vigil_test_find_widget (GTK_WIDGET (f->window),
                                                        VIGIL_TYPE_HEARING_PAGE, NULL));
  g_assert_nonnull (f->page);
  g_assert_true (vigil_test_wait_until (page_laid_out, f, 10000));
  vigil_test_run_for (100);
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VigilCase) kase = vigil_case_new ();
  g_autoptr (VigilHearing) hearing = NULL;
  g_autoptr (VigilPerson) victim = NULL;
  g_autoptr (VigilPerson) witness = NULL;
  g_autoptr (VigilPerson) interpreter = NULL;
  g_autoptr (GDateTime) when = g_date_time_new_utc (2024, 10, 6, 9, 30, 0);

  f->dir = vigil_test_tmpdir_new ();
  f->path = g_build_filename (f->dir, "vault.vigil", NULL);
  f->window = vigil_window_new (NULL, f->path);
  /* Tall enough that attendance and every fact are on screen at once. */
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1000, 1000);
  gtk_window_present (GTK_WINDOW (f->window));
  unlock (f, TRUE);

  vigil_case_set_reference (kase, REFERENCE);
  vigil_case_set_court (kase, COURT);
  g_assert_true (vigil_store_save_case (store_of (f), kase, &error));
  g_assert_no_error (error);
  f->case_id = g_strdup (vigil_case_get_id (kase));
  victim = add_person (f, "V-01", VIGIL_PERSON_ROLE_VICTIM_WITNESS);
  witness = add_person (f, "W-01", VIGIL_PERSON_ROLE_WITNESS);
  interpreter = add_person (f, "I-01", VIGIL_PERSON_ROLE_INTERPRETER);

  hearing = vigil_hearing_new (f->case_id);
  vigil_hearing_set_starts_at (hearing, when);
  vigil_hearing_set_status (hearing, VIGIL_HEARING_STATUS_HELD);
  vigil_hearing_set_kind (hearing, VIGIL_HEARING_KIND_TESTIMONY);
  vigil_hearing_add_attendee (hearing, victim, FALSE);
  g_assert_true (vigil_store_save_hearing (store_of (f), hearing, &error));
  g_assert_no_error (error);
  f->hearing_id = g_strdup (vigil_hearing_get_id (hearing));
  open_hearing (f);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  gtk_window_destroy (GTK_WINDOW (f->window));
  vigil_test_run_for (50);
  vigil_test_tmpdir_free (f->dir);
  g_free (f->path);
  g_free (f->case_id);
  g_free (f->hearing_id);
}

static VigilHearing *
stored_hearing (Fixture *f)
{
  g_autoptr (GError) error = NULL;
  VigilHearing *hearing = vigil_store_get_hearing (store_of (f), f->hearing_id, &error);

  g_assert_no_error (error);
  return hearing;
}

static GtkWidget *
row_titled (Fixture *f, GType type, const char *title)
{
  GtkWidget *row = vigil_test_find_widget (GTK_WIDGET (f->page), type, title);

  if (row == NULL)
    g_error ("no row titled \"%s\" on the hearing page", title);
  return row;
}

static GtkSwitch *
fact_switch (Fixture *f, const char *title)
{
  GtkWidget *row = row_titled (f, ADW_TYPE_ACTION_ROW, title);

  return GTK_SWITCH (vigil_test_find_widget (row, GTK_TYPE_SWITCH, NULL));
}

/* The "Attended" or "Testified" check button of @pseudonym's row. */
static GtkCheckButton *
attendance_check (Fixture *f, const char *pseudonym, const char *label)
{
  GtkWidget *row = row_titled (f, ADW_TYPE_ACTION_ROW, pseudonym);
  GtkWidget *found = NULL;

  for (GtkWidget *w = vigil_test_find_widget (row, GTK_TYPE_CHECK_BUTTON, NULL);
       w != NULL && found == NULL; w = gtk_widget_get_next_sibling (w))
    if (GTK_IS_CHECK_BUTTON (w)
        && g_strcmp0 (gtk_check_button_get_label (GTK_CHECK_BUTTON (w)), label) == 0)
      found = w;
  g_assert_nonnull (found);
  return GTK_CHECK_BUTTON (found);
}

/* Scrolls the page until @widget's top is @margin pixels below the top of
 * its visible part, or as near as the page allows. */
static void
scroll_to (GtkWidget *widget, double margin)
{
  GtkScrolledWindow *scrolled =
    GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW));
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (scrolled);

  for (guint i = 0; i < 20; i++)
    {
      graphene_point_t point;
      double before = gtk_adjustment_get_value (adjustment);

      vigil_test_run_for (50);
      if (!gtk_widget_compute_point (widget, GTK_WIDGET (scrolled), &GRAPHENE_POINT_INIT (0, 0),
                                     &point))
        continue;
      gtk_adjustment_set_value (adjustment, before + point.y - margin);
      if (gtk_adjustment_get_value (adjustment) == before && point.y >= 0
          && point.y + gtk_widget_get_height (widget) / 4.0
               <= gtk_widget_get_height (GTK_WIDGET (scrolled)))
        return;
    }
  g_error ("a %s could not be scrolled into view", G_OBJECT_TYPE_NAME (widget));
}

static GtkWidget *
find_group (GtkWidget *root, const char *title)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = NULL;

      if (ADW_IS_PREFERENCES_GROUP (child)
          && g_strcmp0 (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (child)), title)
               == 0)
        return child;
      found = find_group (child, title);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
group_titled (Fixture *f, const char *title)
{
  GtkWidget *group = find_group (GTK_WIDGET (f->page), title);

  g_assert_nonnull (group);
  return group;
}

static double
window_y (GtkWidget *widget)
{
  graphene_point_t point;

  g_assert_true (gtk_widget_compute_point (widget, GTK_WIDGET (gtk_widget_get_root (widget)),
                                           &GRAPHENE_POINT_INIT (0, 0), &point));
  return point.y;
}

/* A real click, with how long the window took to handle it. */
static void
timed_click (GtkWidget *widget, const char *what)
{
  gint64 start = g_get_monotonic_time ();

  vigil_test_input_click (widget);
  g_test_message ("click on %s handled in %" G_GINT64_FORMAT " ms", what,
                  (g_get_monotonic_time () - start) / 1000);
}

static gboolean
attends (VigilHearing *hearing, VigilPerson *person, gboolean *testified)
{
  const VigilAttendee *attendee =
    vigil_hearing_find_attendee (hearing, vigil_person_get_id (person));

  *testified = attendee != NULL && attendee->testified;
  return attendee != NULL;
}

static VigilPerson *
person_named (Fixture *f, const char *pseudonym)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) persons = vigil_store_list_persons (store_of (f), f->case_id, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < persons->len; i++)
    if (g_strcmp0 (vigil_person_get_pseudonym (g_ptr_array_index (persons, i)), pseudonym) == 0)
      return g_object_ref (g_ptr_array_index (persons, i));
  g_assert_not_reached ();
  return NULL;
}

static void
assert_attendance (Fixture *f, VigilHearing *hearing, const char *pseudonym, gboolean attended,
                   gboolean testified)
{
  g_autoptr (VigilPerson) person = person_named (f, pseudonym);
  gboolean stored_testified;
  gboolean stored = attends (hearing, person, &stored_testified);

  g_test_message ("%s: attended %d (stored %d), testified %d (stored %d)", pseudonym, attended,
                  stored, testified, stored_testified);
  g_assert_cmpint (stored, ==, attended);
  g_assert_cmpint (stored_testified, ==, testified);
  /* The boxes show what is stored. */
  g_assert_cmpint (gtk_check_button_get_active (attendance_check (f, pseudonym, "Attended")), ==,
                   attended);
  g_assert_cmpint (gtk_check_button_get_active (attendance_check (f, pseudonym, "Testified")), ==,
                   testified);
}

/* A switch shows the stored value: its handle, its colour (the state)
 * and what it tells a screen reader, and it takes clicks. */
static void
assert_switch (Fixture *f, const char *title, gboolean stored, gboolean expected)
{
  GtkSwitch *sw = fact_switch (f, title);
  g_autofree char *accessible = NULL;

  g_test_message ("%s: expected %d, stored %d, active %d, state %d, sensitive %d", title,
                  expected, stored, gtk_switch_get_active (sw), gtk_switch_get_state (sw),
                  gtk_widget_is_sensitive (GTK_WIDGET (sw)));
  g_assert_cmpint (stored, ==, expected);
  g_assert_cmpint (gtk_switch_get_active (sw), ==, stored);
  g_assert_cmpint (gtk_switch_get_state (sw), ==, stored);
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (sw)));
  accessible = gtk_test_accessible_check_state (GTK_ACCESSIBLE (sw), GTK_ACCESSIBLE_STATE_CHECKED,
                                                stored ? GTK_ACCESSIBLE_TRISTATE_TRUE
                                                       : GTK_ACCESSIBLE_TRISTATE_FALSE);
  g_assert_null (accessible);
}

static GtkWidget *
find_toast (Fixture *f)
{
  return vigil_test_find_widget (GTK_WIDGET (f->window), g_type_from_name ("AdwToastWidget"), NULL);
}

static gboolean
no_toast (gpointer data)
{
  return find_toast (data) == NULL;
}

/* The apply button AdwEntryRow shows after an edit, and whether one was
 * found at all (so that "hidden" cannot mean "not there"). */
static gboolean
apply_button_shown (GtkWidget *row, gboolean *found)
{
  for (GtkWidget *child = gtk_widget_get_first_child (row); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_BUTTON (child))
        {
          *found = TRUE;
          if (gtk_widget_is_visible (child))
            return TRUE;
        }
      else if (apply_button_shown (child, found))
        return TRUE;
    }
  return FALSE;
}

/* tests */

/* Facts and attendance ticked in quick succession, as in a courtroom,
 * with the animations of a desktop: every click is saved, and every
 * control shows what was saved. */
static void
test_fast_clicks (Fixture *f, gconstpointer data)
{
  g_autoptr (VigilHearing) stored = NULL;
  static const char *switches[] = { "Media Present", "Interpreter Present", "Foreign Victim",
                                    "Interpretation Needed", "Compensation Route Open" };
  GtkWidget *expanded = NULL;
  double foreign_y;

  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", TRUE, NULL);
  /* A standard opened to read it stays open while facts change. */
  expanded = vigil_test_find_widget (GTK_WIDGET (f->page), VIGIL_TYPE_OBSERVATION_ROW, NULL);
  g_assert_nonnull (expanded);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (expanded), TRUE);
  g_object_add_weak_pointer (G_OBJECT (expanded), (gpointer *) &expanded);

  scroll_to (group_titled (f, "Attendance"), 0);
  vigil_test_input_focus_window (GTK_WINDOW (f->window));
  foreign_y = window_y (GTK_WIDGET (fact_switch (f, "Foreign Victim")));

  timed_click (GTK_WIDGET (fact_switch (f, "Media Present")), "Media Present");
  timed_click (GTK_WIDGET (attendance_check (f, "W-01", "Attended")), "W-01, Attended");
  timed_click (GTK_WIDGET (fact_switch (f, "Interpreter Present")), "Interpreter Present");
  timed_click (GTK_WIDGET (fact_switch (f, "Foreign Victim")), "Foreign Victim");
  timed_click (GTK_WIDGET (attendance_check (f, "I-01", "Attended")), "I-01, Attended");
  timed_click (GTK_WIDGET (attendance_check (f, "V-01", "Testified")), "V-01, Testified");
  timed_click (GTK_WIDGET (fact_switch (f, "Interpretation Needed")), "Interpretation Needed");
  timed_click (GTK_WIDGET (fact_switch (f, "Compensation Route Open")), "Compensation Route Open");
  /* Animations end; nothing more is saved after this. */
  vigil_test_run_for (600);
  vigil_test_screenshot (GTK_WIDGET (f->window), "hearing-page-fast-clicks");

  stored = stored_hearing (f);
  assert_switch (f, switches[0], vigil_hearing_get_media_present (stored), TRUE);
  assert_switch (f, switches[1], vigil_hearing_get_interpreter_present (stored), TRUE);
  assert_switch (f, switches[2], vigil_hearing_get_foreign_victim (stored), TRUE);
  assert_switch (f, switches[3], vigil_hearing_get_interpretation_needed (stored), TRUE);
  assert_switch (f, switches[4], vigil_hearing_get_compensation_route_open (stored), TRUE);
  assert_switch (f, "Victim Prosecuted", vigil_hearing_get_victim_prosecuted (stored), FALSE);
  assert_attendance (f, stored, "V-01", TRUE, TRUE);
  assert_attendance (f, stored, "W-01", TRUE, FALSE);
  assert_attendance (f, stored, "I-01", TRUE, FALSE);

  /* Nothing moved under the pointer, and the open standard stayed open. */
  g_assert_cmpfloat (window_y (GTK_WIDGET (fact_switch (f, "Foreign Victim"))), ==, foreign_y);
  g_assert_nonnull (expanded);
  g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (expanded)));
  g_object_remove_weak_pointer (G_OBJECT (expanded), (gpointer *) &expanded);

  /* And back off, as quickly. */
  timed_click (GTK_WIDGET (attendance_check (f, "W-01", "Attended")), "W-01, Attended");
  timed_click (GTK_WIDGET (fact_switch (f, "Interpretation Needed")), "Interpretation Needed");
  timed_click (GTK_WIDGET (attendance_check (f, "V-01", "Testified")), "V-01, Testified");
  timed_click (GTK_WIDGET (fact_switch (f, "Media Present")), "Media Present");
  vigil_test_run_for (600);
  g_clear_object (&stored);
  stored = stored_hearing (f);
  assert_switch (f, switches[0], vigil_hearing_get_media_present (stored), FALSE);
  assert_switch (f, switches[3], vigil_hearing_get_interpretation_needed (stored), FALSE);
  assert_attendance (f, stored, "V-01", TRUE, FALSE);
  assert_attendance (f, stored, "W-01", FALSE, FALSE);
}

static GtkWidget *
label_containing (GtkWidget *root, const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = NULL;

      if (GTK_IS_LABEL (child) && strstr (gtk_label_get_text (GTK_LABEL (child)), text) != NULL)
        return child;
      found = label_containing (child, text);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A save the vault refuses (the hearing was changed elsewhere meanwhile)
 * says why, and the switch goes back to what is stored, for the eye and
 * for a screen reader; the next click saves. */
static void
test_save_refused (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VigilHearing) elsewhere = stored_hearing (f);
  g_autoptr (VigilHearing) stored = NULL;
  GtkWidget *message = NULL;

  vigil_hearing_set_room (elsewhere, "Room 9");
  g_assert_true (vigil_store_save_hearing (store_of (f), elsewhere, &error));
  g_assert_no_error (error);

  scroll_to (group_titled (f, "What Happened"), 0);
  vigil_test_input_focus_window (GTK_WINDOW (f->window));
  vigil_test_input_click (GTK_WIDGET (fact_switch (f, "Media Present")));
  vigil_test_run_for (200);
  stored = stored_hearing (f);
  g_assert_cmpstr (vigil_hearing_get_room (stored), ==, "Room 9");
  assert_switch (f, "Media Present", vigil_hearing_get_media_present (stored), FALSE);
  /* Why, whole, under the facts, where nothing moves for it. */
  g_assert_null (find_toast (f));
  message = label_containing (group_titled (f, "What Happened"), "Not saved");
  g_assert_nonnull (message);
  g_assert_true (gtk_widget_get_mapped (message));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (message)), "changed elsewhere"));
  g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (message))));
  g_assert_cmpfloat (window_y (message), >,
                     window_y (GTK_WIDGET (fact_switch (f, "Victim Prosecuted"))));
  vigil_test_screenshot (GTK_WIDGET (f->window), "hearing-page-save-refused");

  vigil_test_input_click (GTK_WIDGET (fact_switch (f, "Media Present")));
  vigil_test_run_for (200);
  g_clear_object (&stored);
  stored = stored_hearing (f);
  g_assert_cmpstr (vigil_hearing_get_room (stored), ==, "Room 9");
  assert_switch (f, "Media Present", vigil_hearing_get_media_present (stored), TRUE);
  g_assert_false (gtk_widget_get_mapped (message));
}

/* Languages typed and saved with Enter look saved: no apply button left
 * to press, then or after locking and unlocking. */
static void
test_languages (Fixture *f, gconstpointer data)
{
  GtkWidget *row = row_titled (f, ADW_TYPE_ENTRY_ROW, "Languages, Separated by Commas");
  g_autoptr (VigilHearing) stored = NULL;
  const char *const *languages;
  gboolean found = FALSE;

  scroll_to (group_titled (f, "What Happened"), 0);
  vigil_test_input_focus_window (GTK_WINDOW (f->window));
  timed_click (GTK_WIDGET (fact_switch (f, "Interpreter Present")), "Interpreter Present");
  vigil_test_run_for (100);
  g_assert_true (gtk_widget_is_sensitive (row));
  vigil_test_input_click (row);
  vigil_test_input_keys (GTK_WINDOW (f->window), "type:Romanian,English");
  /* Typed, not yet saved: the button is there to press. */
  g_assert_true (apply_button_shown (row, &found));
  vigil_test_input_keys (GTK_WINDOW (f->window), "Return");
  vigil_test_run_for (100);

  stored = stored_hearing (f);
  languages = vigil_hearing_get_interpreter_languages (stored);
  g_assert_cmpuint (g_strv_length ((char **) languages), ==, 2);
  g_assert_cmpstr (languages[0], ==, "Romanian");
  g_assert_cmpstr (languages[1], ==, "English");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "Romanian, English");
  found = FALSE;
  g_assert_false (apply_button_shown (row, &found));
  g_assert_true (found);
  vigil_test_screenshot (GTK_WIDGET (f->window), "hearing-page-languages");

  vigil_window_lock (f->window);
  vigil_test_run_for (100);
  unlock (f, FALSE);
  open_hearing (f);
  row = row_titled (f, ADW_TYPE_ENTRY_ROW, "Languages, Separated by Commas");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "Romanian, English");
  found = FALSE;
  g_assert_false (apply_button_shown (row, &found));
  g_assert_true (found);
}

/* The page says which case the hearing belongs to, at its top. */
static void
test_case_shown (Fixture *f, gconstpointer data)
{
  GtkWidget *header = vigil_test_find_widget (GTK_WIDGET (f->page), ADW_TYPE_HEADER_BAR, NULL);
  GtkWidget *case_label = NULL;
  g_autofree char *text = vigil_test_widget_text (GTK_WIDGET (f->page));
  g_autofree char *header_text = vigil_test_widget_text (header);

  g_test_message ("header: %s", header_text);
  g_assert_nonnull (strstr (text, REFERENCE));
  g_assert_nonnull (strstr (text, COURT));
  case_label = label_containing (GTK_WIDGET (f->page), REFERENCE);
  g_assert_nonnull (case_label);
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (case_label)), COURT));
  g_assert_true (gtk_widget_get_mapped (case_label));
  /* Above everything else the page holds. */
  g_assert_cmpfloat (window_y (case_label), <,
                     window_y (group_titled (f, "Attendance")));
  /* The header names the hearing and its day. */
  g_assert_nonnull (strstr (header_text, "Testimony"));
  g_assert_nonnull (strstr (header_text, "2024"));
}

static void
assert_not_ellipsized (GtkWidget *root)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (!gtk_widget_get_visible (child))
        continue;
      if (GTK_IS_LABEL (child))
        {
          g_test_message ("label \"%s\": ellipsized %d", gtk_label_get_text (GTK_LABEL (child)),
                          pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (child))));
          g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (child))));
        }
      assert_not_ellipsized (child);
    }
}

/* A window 400 pixels wide outside, its shadow included. */
static gboolean
is_narrow (gpointer data)
{
  int width = gtk_widget_get_width (GTK_WIDGET (data));

  return width > 360 && width <= 400;
}

/* At 400 pixels the header still says what hearing it is and when. */
static void
test_narrow (Fixture *f, gconstpointer data)
{
  GtkWidget *header = vigil_test_find_widget (GTK_WIDGET (f->page), ADW_TYPE_HEADER_BAR, NULL);
  g_autofree char *header_text = NULL;

  gtk_window_set_default_size (GTK_WINDOW (f->window), 400, 800);
  g_assert_true (vigil_test_wait_until (is_narrow, f->window, 10000));
  vigil_test_run_for (300);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (f->page)));
  vigil_test_screenshot (GTK_WIDGET (f->window), "hearing-page-400");
  header_text = vigil_test_widget_text (header);
  g_assert_nonnull (strstr (header_text, "Testimony"));
  g_assert_nonnull (strstr (header_text, "6 Oct 2024"));
  assert_not_ellipsized (header);
}

/* Picks @item of the combo row @row with the pointer. */
static void
choose (GtkWidget *row, const char *item)
{
  GtkWidget *popover = NULL;
  GtkWidget *label = NULL;

  vigil_test_input_click (row);
  vigil_test_run_for (200);
  popover = vigil_test_find_widget (row, GTK_TYPE_POPOVER, NULL);
  g_assert_nonnull (popover);
  g_assert_true (gtk_widget_get_mapped (popover));
  label = vigil_test_find_widget (popover, GTK_TYPE_LABEL, item);
  g_assert_nonnull (label);
  vigil_test_input_click (label);
  vigil_test_run_for (200);
}

/* A grade other than the suggestion, recorded without a reason: the page
 * says so beside the reason, whole, and covers nothing. */
static void
test_reason_needed (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (VigilAssessmentData) decided = NULL;
  GtkWidget *group =
    vigil_test_find_widget (GTK_WIDGET (f->page), VIGIL_TYPE_ASSESSMENT_GROUP, NULL);
  GtkWidget *grade = vigil_test_find_widget (group, ADW_TYPE_COMBO_ROW, "Grade");
  GtkWidget *reason = vigil_test_find_widget (group, ADW_TYPE_ENTRY_ROW,
                                              "Reason, When the Grade Differs From the Suggestion");
  GtkWidget *record = vigil_test_find_widget (group, GTK_TYPE_BUTTON, "_Record Grade");
  GtkWidget *message = NULL;
  g_autofree char *text = NULL;

  g_assert_nonnull (record);
  scroll_to (group, 100);
  vigil_test_input_focus_window (GTK_WINDOW (f->window));
  choose (grade, "Grave shortcomings");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (grade)), ==,
                    VIGIL_GRADE_GRAVE_SHORTCOMINGS);
  vigil_test_input_click (record);
  vigil_test_run_for (100);

  decided = vigil_store_get_assessment (store_of (f), f->case_id, f->hearing_id, &error);
  g_assert_no_error (error);
  g_assert_null (decided);
  g_assert_null (find_toast (f));
  /* The message is the row right under the reason. */
  message = gtk_widget_get_next_sibling (reason);
  while (message != NULL && !gtk_widget_get_visible (message))
    message = gtk_widget_get_next_sibling (message);
  g_assert_nonnull (message);
  text = vigil_test_widget_text (message);
  g_test_message ("beside the reason: %s", text);
  g_assert_nonnull (strstr (text, "needs a written reason"));
  assert_not_ellipsized (message);
  vigil_test_screenshot (GTK_WIDGET (f->window), "hearing-page-reason-needed");

  vigil_test_input_click (reason);
  vigil_test_input_keys (GTK_WINDOW (f->window), "type:The screen was removed.");
  vigil_test_input_click (record);
  vigil_test_run_for (100);
  decided = vigil_store_get_assessment (store_of (f), f->case_id, f->hearing_id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (decided);
  g_assert_cmpint (decided->grade, ==, VIGIL_GRADE_GRAVE_SHORTCOMINGS);
  g_assert_cmpstr (decided->reason, ==, "The screen was removed.");
  g_assert_false (gtk_widget_get_visible (message));
}

/* "Grade recorded" goes by itself, and locking takes every toast away. */
static void
test_toasts (Fixture *f, gconstpointer data)
{
  GtkWidget *group =
    vigil_test_find_widget (GTK_WIDGET (f->page), VIGIL_TYPE_ASSESSMENT_GROUP, NULL);
  GtkWidget *record = vigil_test_find_widget (group, GTK_TYPE_BUTTON, "_Record Grade");

  scroll_to (group, 100);
  vigil_test_input_focus_window (GTK_WINDOW (f->window));
  vigil_test_input_click (record);
  vigil_test_run_for (100);
  g_assert_nonnull (find_toast (f));
  vigil_window_lock (f->window);
  vigil_test_run_for (100);
  g_assert_null (find_toast (f));

  unlock (f, FALSE);
  open_hearing (f);
  group = vigil_test_find_widget (GTK_WIDGET (f->page), VIGIL_TYPE_ASSESSMENT_GROUP, NULL);
  record = vigil_test_find_widget (group, GTK_TYPE_BUTTON, "_Record Grade");
  scroll_to (group, 100);
  vigil_test_input_click (record);
  vigil_test_run_for (100);
  g_assert_nonnull (find_toast (f));
  g_assert_true (vigil_test_wait_until (no_toast, f, 12000));
}

/* Every control of the page has a name that says what it does and to
 * whom, without a mnemonic's underscore. */
static void
check_names (GtkWidget *widget, guint *checked)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (!gtk_widget_get_visible (child) || ADW_IS_ENTRY_ROW (child))
        continue;
      if (GTK_IS_SWITCH (child) || GTK_IS_CHECK_BUTTON (child) || GTK_IS_BUTTON (child)
          || ADW_IS_COMBO_ROW (child))
        {
          g_autofree char *described = g_strdup_printf ("%s \"%s\"", G_OBJECT_TYPE_NAME (child),
                                                        gtk_widget_get_tooltip_text (child));

          if (!gtk_test_accessible_has_property (GTK_ACCESSIBLE (child),
                                                 GTK_ACCESSIBLE_PROPERTY_LABEL))
            g_error ("%s has no accessible name", described);
          (*checked)++;
        }
      check_names (child, checked);
    }
}

static void
assert_name (GtkWidget *widget, const char *name)
{
  g_autofree char *wrong = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget),
                                                               GTK_ACCESSIBLE_PROPERTY_LABEL, name);

  g_assert_null (wrong);
}

static void
test_accessible_names (Fixture *f, gconstpointer data)
{
  guint checked = 0;
  GtkWidget *row = vigil_test_find_widget (GTK_WIDGET (f->page), VIGIL_TYPE_OBSERVATION_ROW, NULL);

  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  assert_name (GTK_WIDGET (attendance_check (f, "V-01", "Attended")), "V-01 attended");
  assert_name (GTK_WIDGET (attendance_check (f, "V-01", "Testified")), "V-01 testified");
  assert_name (GTK_WIDGET (attendance_check (f, "W-01", "Testified")), "W-01 testified");
  assert_name (GTK_WIDGET (fact_switch (f, "Media Present")), "Media present at this hearing");
  check_names (GTK_WIDGET (f->page), &checked);
  g_assert_cmpuint (checked, >, 20);
}

int
main (int argc, char **argv)
{
  vigil_test_gui_init (&argc, &argv);

  g_test_add ("/hearing-page/fast-clicks", Fixture, NULL, fixture_set_up, test_fast_clicks,
              fixture_tear_down);
  g_test_add ("/hearing-page/save-refused", Fixture, NULL, fixture_set_up, test_save_refused,
              fixture_tear_down);
  g_test_add ("/hearing-page/languages", Fixture, NULL, fixture_set_up, test_languages,
              fixture_tear_down);
  g_test_add ("/hearing-page/case-shown", Fixture, NULL, fixture_set_up, test_case_shown,
              fixture_tear_down);
  g_test_add ("/hearing-page/narrow", Fixture, NULL, fixture_set_up, test_narrow,
              fixture_tear_down);
  g_test_add ("/hearing-page/reason-needed", Fixture, NULL, fixture_set_up, test_reason_needed,
              fixture_tear_down);
  g_test_add ("/hearing-page/toasts", Fixture, NULL, fixture_set_up, test_toasts,
              fixture_tear_down);
  g_test_add ("/hearing-page/accessible-names", Fixture, NULL, fixture_set_up,
              test_accessible_names, fixture_tear_down);
  return g_test_run ();
}
