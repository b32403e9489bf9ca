/* vigil-test-input.c: real X key and pointer events for widget tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-test-input"

#include "config.h"

#include <gdk/x11/gdkx.h>
#include <X11/XKBlib.h>
#include <X11/extensions/XTest.h>
#include <stdarg.h>

#include "vigil-test-input.h"

/* Long enough for a loaded machine under AddressSanitizer; an event that
 * has not arrived by then is not coming. */
#define INPUT_TIMEOUT_MS 5000
/* Work left after the events (idles, a redraw) may run this many times at
 * most, since a ticking clock or an animation never leaves the loop idle. */
#define MAX_FLUSH 1000

/* Key and button events GDK has handed to a surface, counted by an
 * emission hook: a hook runs whether or not a handler stops the signal,
 * so a key a shortcut took is counted as well. */
static guint seen_keys;
static guint seen_releases;

/* private helpers */

G_GNUC_PRINTF (1, 2) static void
input_fail (const char *format, ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_assertion_message (G_LOG_DOMAIN, __FILE__, __LINE__, G_STRFUNC, message);
}

static gboolean
on_surface_event (GSignalInvocationHint *hint, guint n_params, const GValue *params,
                  gpointer data)
{
  GdkEvent *event = g_value_peek_pointer (&params[1]);

  switch (gdk_event_get_event_type (event))
    {
    case GDK_KEY_PRESS:
    case GDK_KEY_RELEASE:
      seen_keys++;
      break;
    case GDK_BUTTON_RELEASE:
      seen_releases++;
      break;
    default:
      break;
    }
  return TRUE;
}

static void
ensure_hook (void)
{
  static guint hook;

  if (hook == 0)
    hook = g_signal_add_emission_hook (g_signal_lookup ("event", GDK_TYPE_SURFACE), 0,
                                       on_surface_event, NULL, NULL);
}

static Display *
x_display_of (GtkWidget *widget)
{
  GdkDisplay *display = gtk_widget_get_display (widget);

  if (!GDK_IS_X11_DISPLAY (display))
    input_fail ("real input needs GDK's X11 backend: run the test under Xvfb "
                "(xvfb-run), without WAYLAND_DISPLAY or GDK_BACKEND set to another backend");
  return gdk_x11_display_get_xdisplay (display);
}

static Window
x_window_of (GtkNative *native)
{
  GdkSurface *surface = gtk_native_get_surface (native);

  if (surface == NULL)
    input_fail ("the window has no surface yet: present it first");
  return gdk_x11_surface_get_xid (surface);
}

static gboolean
timed_out (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until @done says so or INPUT_TIMEOUT_MS pass. */
static gboolean
wait_for (gboolean (*done) (gpointer data), gpointer data)
{
  gboolean expired = FALSE;
  guint source = g_timeout_add (INPUT_TIMEOUT_MS, timed_out, &expired);

  while (!done (data) && !expired)
    g_main_context_iteration (NULL, TRUE);
  if (!expired)
    g_source_remove (source);
  return done (data);
}

/* What the events set off (idle callbacks, a relayout) runs before the
 * caller looks at the result. */
static void
flush (void)
{
  for (guint i = 0; i < MAX_FLUSH && g_main_context_pending (NULL); i++)
    g_main_context_iteration (NULL, FALSE);
}

typedef struct
{
  const guint *counter;
  guint        target;
  gboolean     keys;
  GtkWidget   *window; /* weak: the window the keys go to */
} Count;

static gboolean
count_reached (gpointer data)
{
  const Count *count = data;

  if (*count->counter >= count->target)
    return TRUE;
  /* A key that closed its window (Return on a dialog's default answer)
   * was handled: what the window would have got after it, the key's
   * release, goes to no window of GTK's and is not waited for. */
  return count->keys && (count->window == NULL || !gtk_widget_get_mapped (count->window));
}

/* A key that closes its window (Escape, Ctrl+S in an editor) is handled
 * on its press; its release then goes to no window of GTK's. */
static gboolean
count_reached_or_closed (gpointer data)
{
  const Count *count = data;

  return count_reached (data) || count->window == NULL
         || !gtk_widget_get_mapped (count->window);
}

static gboolean
is_viewable (gpointer data)
{
  GtkWidget *widget = data;
  XWindowAttributes attributes;
  GdkDisplay *display = gtk_widget_get_display (widget);
  Status status;

  if (!gtk_widget_get_mapped (widget))
    return FALSE;
  gdk_x11_display_error_trap_push (display);
  status = XGetWindowAttributes (gdk_x11_display_get_xdisplay (display),
                                 x_window_of (GTK_NATIVE (widget)), &attributes);
  gdk_x11_display_error_trap_pop_ignored (display);
  return status != 0 && attributes.map_state == IsViewable;
}

static gboolean
is_active (gpointer data)
{
  return gtk_window_is_active (GTK_WINDOW (data));
}

static Window
x_focus (Display *xdisplay)
{
  Window focus = None;
  int revert;

  XGetInputFocus (xdisplay, &focus, &revert);
  return focus;
}

static KeySym
keysym_for_char (gunichar c)
{
  switch (c)
    {
    case '\n':
      return XK_Return;
    case '\t':
      return XK_Tab;
    default:
      return gdk_unicode_to_keyval (c);
    }
}

static KeySym
keysym_for_name (const char *name)
{
  KeySym keysym;

  /* "/" or "é" name a character rather than a key. */
  if (g_utf8_strlen (name, -1) == 1 && !g_ascii_isalnum (name[0]))
    return keysym_for_char (g_utf8_get_char (name));
  keysym = XStringToKeysym (name);
  if (keysym == NoSymbol)
    input_fail ("\"%s\" is not the name of a key (X spells them Escape, Down, Return, a, 1…)",
                name);
  return keysym;
}

static KeyCode
keycode_for (Display *xdisplay, KeySym keysym, const char *what)
{
  KeyCode keycode = XKeysymToKeycode (xdisplay, keysym);

  if (keycode == 0)
    input_fail ("no key of the X server's keyboard layout gives %s (keysym 0x%lx)", what,
                (unsigned long) keysym);
  return keycode;
}

static KeySym
modifier_keysym (const char *name)
{
  if (g_ascii_strcasecmp (name, "ctrl") == 0 || g_ascii_strcasecmp (name, "control") == 0)
    return XK_Control_L;
  if (g_ascii_strcasecmp (name, "shift") == 0)
    return XK_Shift_L;
  if (g_ascii_strcasecmp (name, "alt") == 0)
    return XK_Alt_L;
  if (g_ascii_strcasecmp (name, "super") == 0)
    return XK_Super_L;
  input_fail ("\"%s\" is not a modifier (ctrl, shift, alt, super)", name);
  return NoSymbol;
}

/* One key going down or up. */
typedef struct
{
  KeyCode  code;
  gboolean down;
} KeyEvent;

/* Adds to @events the pressing of @modifiers in order, then of @keysym
 * (with Shift when the layout has it on the shifted level), and their
 * release in reverse, as fingers do. */
static void
add_stroke (Display *xdisplay, GArray *events, const KeySym *modifiers, guint n_modifiers,
            KeySym keysym, const char *what)
{
  KeyCode codes[8];
  guint n = 0;
  KeyCode keycode = keycode_for (xdisplay, keysym, what);

  g_assert_cmpuint (n_modifiers, <, G_N_ELEMENTS (codes) - 1);
  for (guint i = 0; i < n_modifiers; i++)
    codes[n++] = keycode_for (xdisplay, modifiers[i], "a modifier");
  if (XkbKeycodeToKeysym (xdisplay, keycode, 0, 0) != keysym)
    {
      if (XkbKeycodeToKeysym (xdisplay, keycode, 0, 1) != keysym)
        input_fail ("%s is on a level of its key that only AltGr reaches; "
                    "the harness does not type it", what);
      codes[n++] = keycode_for (xdisplay, XK_Shift_L, "Shift");
    }
  codes[n++] = keycode;
  for (guint i = 0; i < n; i++)
    g_array_append_val (events, ((KeyEvent) { codes[i], TRUE }));
  for (guint i = n; i > 0; i--)
    g_array_append_val (events, ((KeyEvent) { codes[i - 1], FALSE }));
}

/* Sends @events and returns once GTK has handled every one. GTK handles
 * them in order, each to the end before the next, as it would a fast
 * typist's: a key that moves the focus has moved it for the next. A key
 * that closes its window (Escape, Ctrl+S in an editor) is handled on its
 * press; what follows it then goes to no window of GTK's. */
static void
send_keys (GtkWindow *window, GArray *events, const char *what)
{
  Display *xdisplay = x_display_of (GTK_WIDGET (window));
  Count count = { &seen_keys, 0, TRUE, GTK_WIDGET (window) };
  guint before;

  ensure_hook ();
  before = seen_keys;
  count.target = before + events->len;
  g_object_add_weak_pointer (G_OBJECT (count.window), (gpointer *) &count.window);
  for (guint i = 0; i < events->len; i++)
    {
      const KeyEvent *event = &g_array_index (events, KeyEvent, i);

      XTestFakeKeyEvent (xdisplay, event->code, event->down, CurrentTime);
    }
  XSync (xdisplay, False);
  wait_for (count_reached_or_closed, &count);
  if (count.window != NULL)
    g_object_remove_weak_pointer (G_OBJECT (count.window), (gpointer *) &count.window);
  if (!count_reached_or_closed (&count))
    input_fail ("%s was pressed, but GTK saw only %u of its %u key events in %d ms "
                "(does the window still have the X input focus?)",
                what, seen_keys - before, events->len, INPUT_TIMEOUT_MS);
  flush ();
}

static void
type_text (GtkWindow *window, const char *text)
{
  Display *xdisplay = x_display_of (GTK_WIDGET (window));
  g_autoptr (GArray) events = g_array_new (FALSE, FALSE, sizeof (KeyEvent));
  g_autofree char *what = g_strdup_printf ("the text \"%s\"", text);

  if (!g_utf8_validate (text, -1, NULL))
    input_fail ("the text to type is not UTF-8");
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      char character[32];

      g_snprintf (character, sizeof character, "\"%.*s\"", (int) (g_utf8_next_char (p) - p), p);
      add_stroke (xdisplay, events, NULL, 0, keysym_for_char (g_utf8_get_char (p)), character);
    }
  send_keys (window, events, what);
}

static void
press_names (GtkWindow *window, const char *keys)
{
  g_auto (GStrv) strokes = g_strsplit_set (keys, " \t\n", -1);
  g_autoptr (GArray) events = g_array_new (FALSE, FALSE, sizeof (KeyEvent));

  for (guint i = 0; strokes[i] != NULL; i++)
    {
      g_auto (GStrv) parts = NULL;
      KeySym modifiers[4];
      guint n_parts;
      g_autofree char *what = NULL;

      if (strokes[i][0] == '\0')
        continue;
      /* "ctrl++" is Ctrl and the plus key. */
      parts = g_strsplit (strokes[i], "+", -1);
      n_parts = g_strv_length (parts);
      if (n_parts > 1 && parts[n_parts - 1][0] == '\0' && parts[n_parts - 2][0] == '\0')
        {
          g_free (parts[n_parts - 2]);
          parts[n_parts - 2] = g_strdup ("plus");
          g_clear_pointer (&parts[n_parts - 1], g_free);
          n_parts--;
        }
      if (n_parts - 1 > G_N_ELEMENTS (modifiers))
        input_fail ("too many modifiers in \"%s\"", strokes[i]);
      for (guint j = 0; j + 1 < n_parts; j++)
        modifiers[j] = modifier_keysym (parts[j]);
      what = g_strdup_printf ("key \"%s\"", strokes[i]);
      g_array_set_size (events, 0);
      add_stroke (x_display_of (GTK_WIDGET (window)), events, modifiers, n_parts - 1,
                  keysym_for_name (parts[n_parts - 1]), what);
      send_keys (window, events, what);
    }
}

/* public API */

void
vigil_test_input_focus_window (GtkWindow *window)
{
  GdkDisplay *display;
  Display *xdisplay;
  Window xid;
  int error;

  g_return_if_fail (GTK_IS_WINDOW (window));

  display = gtk_widget_get_display (GTK_WIDGET (window));
  xdisplay = x_display_of (GTK_WIDGET (window));
  if (!gtk_widget_get_visible (GTK_WIDGET (window)))
    gtk_window_present (window);
  if (!wait_for (is_viewable, window))
    input_fail ("the window was never mapped on the X server in %d ms", INPUT_TIMEOUT_MS);
  xid = x_window_of (GTK_NATIVE (window));

  /* Without a window manager nobody else hands out the focus, and GTK
   * then calls every window active, so only the X server can say where
   * keys go. */
  if (x_focus (xdisplay) != xid)
    {
      gdk_x11_display_error_trap_push (display);
      XSetInputFocus (xdisplay, xid, RevertToParent, CurrentTime);
      XSync (xdisplay, False);
      error = gdk_x11_display_error_trap_pop (display);
      if (error != 0)
        input_fail ("the X server refused the input focus for the window (X error %d)", error);
      if (x_focus (xdisplay) != xid)
        input_fail ("the window did not get the X input focus");
    }
  if (!wait_for (is_active, window))
    input_fail ("the window has the X input focus but GTK did not report it active "
                "in %d ms", INPUT_TIMEOUT_MS);
  flush ();
}

void
vigil_test_input_keys (GtkWindow *window, const char *keys)
{
  g_return_if_fail (GTK_IS_WINDOW (window));
  g_return_if_fail (keys != NULL);

  vigil_test_input_focus_window (window);
  if (g_str_has_prefix (keys, "type:"))
    type_text (window, keys + strlen ("type:"));
  else
    press_names (window, keys);
}

void
vigil_test_input_click (GtkWidget *widget)
{
  GtkNative *native;
  GdkDisplay *display;
  Display *xdisplay;
  graphene_point_t point;
  double dx, dy;
  int scale, x, y;
  Window child;
  Count count = { &seen_releases, 0, FALSE, NULL };

  g_return_if_fail (GTK_IS_WIDGET (widget));

  native = gtk_widget_get_native (widget);
  if (native == NULL || !gtk_widget_get_mapped (widget))
    input_fail ("a %s that is not on screen cannot be clicked", G_OBJECT_TYPE_NAME (widget));
  if (!wait_for (is_viewable, native))
    input_fail ("the window of the %s was never mapped on the X server in %d ms",
                G_OBJECT_TYPE_NAME (widget), INPUT_TIMEOUT_MS);
  display = gtk_widget_get_display (widget);
  xdisplay = x_display_of (widget);
  if (!gtk_widget_compute_point (widget, GTK_WIDGET (native),
                                 &GRAPHENE_POINT_INIT (gtk_widget_get_width (widget) / 2.0,
                                                       gtk_widget_get_height (widget) / 2.0),
                                 &point))
    input_fail ("the %s is not inside its window", G_OBJECT_TYPE_NAME (widget));
  /* A window's widget coordinates start inside its shadow, the surface's
   * at its edge. */
  gtk_native_get_surface_transform (native, &dx, &dy);
  scale = gdk_surface_get_scale_factor (gtk_native_get_surface (native));
  XTranslateCoordinates (xdisplay, x_window_of (native), gdk_x11_display_get_xrootwindow (display),
                         (int) ((point.x + dx) * scale), (int) ((point.y + dy) * scale), &x, &y,
                         &child);

  ensure_hook ();
  count.target = seen_releases + 1;
  XTestFakeMotionEvent (xdisplay, -1, x, y, CurrentTime);
  XTestFakeButtonEvent (xdisplay, 1, True, CurrentTime);
  XTestFakeButtonEvent (xdisplay, 1, False, CurrentTime);
  XSync (xdisplay, False);
  if (!wait_for (count_reached, &count))
    input_fail ("the click on the %s at (%d, %d) never reached GTK in %d ms",
                G_OBJECT_TYPE_NAME (widget), x, y, INPUT_TIMEOUT_MS);
  flush ();
}
