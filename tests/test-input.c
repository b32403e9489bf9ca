/* test-input.c: the real-input harness reaches a real window
 *
 * Each check here would fail if the events were not real X events going
 * through GTK: a key binding with a modifier, Shift chosen from the
 * layout for typed text, and a click found by position.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "vigil-test-gui.h"
#include "vigil-test-input.h"

typedef struct
{
  GtkWindow *window;
  GtkEntry  *entry;
  GtkButton *button;
  guint      shortcuts;
  guint      clicks;
} Fixture;

static gboolean
on_shortcut (GtkWidget *widget, GVariant *args, gpointer data)
{
  ((Fixture *) data)->shortcuts++;
  return TRUE;
}

static void
on_clicked (GtkButton *button, Fixture *f)
{
  f->clicks++;
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();

  f->window = GTK_WINDOW (gtk_window_new ());
  f->entry = GTK_ENTRY (gtk_entry_new ());
  f->button = GTK_BUTTON (gtk_button_new_with_label ("Press"));
  gtk_widget_set_margin_top (GTK_WIDGET (f->button), 40);
  gtk_widget_set_halign (GTK_WIDGET (f->button), GTK_ALIGN_END);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (f->entry));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (f->button));
  gtk_window_set_child (f->window, box);
  gtk_window_set_default_size (f->window, 400, 200);
  g_signal_connect (f->button, "clicked", G_CALLBACK (on_clicked), f);
  gtk_shortcut_controller_add_shortcut (
    GTK_SHORTCUT_CONTROLLER (shortcuts),
    gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Down, GDK_CONTROL_MASK),
                      gtk_callback_action_new (on_shortcut, f, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (f->window), shortcuts);
  gtk_window_present (f->window);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  gtk_window_destroy (f->window);
  vigil_test_run_for (50);
}

static void
test_keys (Fixture *f, gconstpointer data)
{
  vigil_test_input_focus_window (f->window);
  g_assert_true (gtk_window_is_active (f->window));
  gtk_widget_grab_focus (GTK_WIDGET (f->entry));

  vigil_test_input_keys (f->window, "type:K 123/2024");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (f->entry)), ==, "K 123/2024");
  vigil_test_input_keys (f->window, "BackSpace BackSpace shift+Home Delete a");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (f->entry)), ==, "a");

  /* A modifier held with a key makes a shortcut, not text. */
  vigil_test_input_keys (f->window, "ctrl+Down ctrl+Down Down");
  g_assert_cmpuint (f->shortcuts, ==, 2);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (f->entry)), ==, "a");
}

static void
test_click (Fixture *f, gconstpointer data)
{
  vigil_test_input_focus_window (f->window);
  vigil_test_run_for (100);
  vigil_test_input_click (GTK_WIDGET (f->button));
  g_assert_cmpuint (f->clicks, ==, 1);
  /* A click in the entry lands there, not on the button. */
  vigil_test_input_click (GTK_WIDGET (f->entry));
  g_assert_cmpuint (f->clicks, ==, 1);
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (f->window)),
                                         GTK_WIDGET (f->entry)));
  vigil_test_screenshot (GTK_WIDGET (f->window), "input-harness");
}

/* Keys go to the window named, not to whichever was shown last. */
static void
test_focus (Fixture *f, gconstpointer data)
{
  GtkWindow *other = GTK_WINDOW (gtk_window_new ());
  GtkWidget *other_entry = gtk_entry_new ();

  gtk_window_set_child (other, other_entry);
  gtk_window_present (other);
  vigil_test_input_keys (other, "type:b");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (other_entry)), ==, "b");

  gtk_widget_grab_focus (GTK_WIDGET (f->entry));
  vigil_test_input_keys (f->window, "type:a");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (f->entry)), ==, "a");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (other_entry)), ==, "b");
  gtk_window_destroy (other);
}

int
main (int argc, char **argv)
{
  vigil_test_gui_init (&argc, &argv);

  g_test_add ("/input/keys", Fixture, NULL, fixture_set_up, test_keys, fixture_tear_down);
  g_test_add ("/input/focus", Fixture, NULL, fixture_set_up, test_focus, fixture_tear_down);
  g_test_add ("/input/click", Fixture, NULL, fixture_set_up, test_click, fixture_tear_down);
  return g_test_run ();
}
