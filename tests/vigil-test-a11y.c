/* vigil-test-a11y.c: what a screen reader is told, read over AT-SPI
 *
 * The accessibility bus speaks plain D-Bus, so GDBus reads it without
 * libatspi: org.a11y.Bus gives the bus's address, each application is a
 * connection on it, and each accessible an object implementing
 * org.a11y.atspi.Accessible.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-test-a11y"

#include "config.h"

#include <stdarg.h>
#include <string.h>

#include "vigil-test-a11y.h"

#define ACCESSIBLE "org.a11y.atspi.Accessible"
#define ROOT_PATH "/org/a11y/atspi/accessible/root"
/* Per call and for the application to appear: generous under a sanitizer. */
#define CALL_TIMEOUT_MS 5000
#define APPEAR_TIMEOUT_US (10 * G_USEC_PER_SEC)
/* A live window has a few hundred accessibles; a tree past this is a loop. */
#define MAX_NODES 5000
#define MAX_DEPTH 64

/* private helpers */

G_GNUC_PRINTF (1, 2) static void
a11y_fail (const char *format, ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_assertion_message (G_LOG_DOMAIN, __FILE__, __LINE__, G_STRFUNC, message);
}

static void
node_free (VigilTestA11yNode *node)
{
  g_free (node->role);
  g_free (node->name);
  g_free (node->where);
  g_free (node);
}

static GVariant *
call (GDBusConnection *bus, const char *name, const char *path, const char *interface,
      const char *method, GVariant *args, const char *reply_type, GError **error)
{
  return g_dbus_connection_call_sync (bus, name, path, interface, method, args,
                                      G_VARIANT_TYPE (reply_type), G_DBUS_CALL_FLAGS_NONE,
                                      CALL_TIMEOUT_MS, NULL, error);
}

static GDBusConnection *
a11y_bus (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GDBusConnection) session = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_autoptr (GVariant) reply = NULL;
  const char *address;
  GDBusConnection *bus;

  g_assert_no_error (error);
  reply = call (session, "org.a11y.Bus", "/org/a11y/bus", "org.a11y.Bus", "GetAddress", NULL,
                "(s)", &error);
  if (reply == NULL)
    a11y_fail ("No accessibility bus (is at-spi2-core installed, and the test run under "
               "dbus-run-session?): %s", error->message);
  g_variant_get (reply, "(&s)", &address);
  bus = g_dbus_connection_new_for_address_sync (address,
                                                G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT
                                                  | G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
                                                NULL, NULL, &error);
  g_assert_no_error (error);
  return bus;
}

/* Whether @pid still runs (an exited child not yet reaped is a zombie). */
static gboolean
is_running (GPid pid)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/stat", (int) pid);
  g_autofree char *stat = NULL;
  const char *end;

  if (!g_file_get_contents (path, &stat, NULL, NULL))
    return FALSE;
  /* "pid (name) S ...": the state follows the name's last parenthesis. */
  end = strrchr (stat, ')');
  return end != NULL && end[1] == ' ' && end[2] != 'Z' && end[2] != 'X';
}

/* The unique name of @pid's connection to @bus, or NULL. */
static char *
name_of_process (GDBusConnection *bus, GPid pid)
{
  g_autoptr (GVariant) names = NULL;
  g_autoptr (GVariantIter) iter = NULL;
  const char *name;

  names = call (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus",
                "ListNames", NULL, "(as)", NULL);
  if (names == NULL)
    return NULL;
  g_variant_get (names, "(as)", &iter);
  while (g_variant_iter_next (iter, "&s", &name))
    {
      g_autoptr (GVariant) reply = NULL;
      guint32 owner = 0;

      if (name[0] != ':')
        continue;
      reply = call (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus",
                    "GetConnectionUnixProcessID", g_variant_new ("(s)", name), "(u)", NULL);
      if (reply == NULL)
        continue;
      g_variant_get (reply, "(u)", &owner);
      if (owner == (guint32) pid)
        return g_strdup (name);
    }
  return NULL;
}

static guint
child_count (GDBusConnection *bus, const char *name, const char *path)
{
  g_autoptr (GVariant) reply = NULL;
  g_autoptr (GVariant) value = NULL;

  reply = call (bus, name, path, "org.freedesktop.DBus.Properties", "Get",
                g_variant_new ("(ss)", ACCESSIBLE, "ChildCount"), "(v)", NULL);
  if (reply == NULL)
    return 0;
  g_variant_get (reply, "(v)", &value);
  if (!g_variant_is_of_type (value, G_VARIANT_TYPE_INT32))
    return 0;
  return (guint) MAX (0, g_variant_get_int32 (value));
}

static char *
text_property (GDBusConnection *bus, const char *name, const char *path, const char *property)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GVariant) reply = NULL;
  g_autoptr (GVariant) value = NULL;

  reply = call (bus, name, path, "org.freedesktop.DBus.Properties", "Get",
                g_variant_new ("(ss)", ACCESSIBLE, property), "(v)", &error);
  g_assert_no_error (error);
  g_variant_get (reply, "(v)", &value);
  return g_variant_dup_string (value, NULL);
}

static void
walk (GDBusConnection *bus, const char *name, const char *path, const char *where, guint depth,
      GPtrArray *out)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GVariant) role = NULL;
  g_autoptr (GVariant) children = NULL;
  g_autoptr (GVariantIter) iter = NULL;
  VigilTestA11yNode *node;
  const char *child_name, *child_path;

  g_assert_cmpuint (depth, <, MAX_DEPTH);
  g_assert_cmpuint (out->len, <, MAX_NODES);
  role = call (bus, name, path, ACCESSIBLE, "GetRoleName", NULL, "(s)", &error);
  g_assert_no_error (error);
  node = g_new0 (VigilTestA11yNode, 1);
  g_variant_get (role, "(s)", &node->role);
  node->name = text_property (bus, name, path, "Name");
  node->where = g_strdup (where);
  node->depth = depth;
  g_ptr_array_add (out, node);

  children = call (bus, name, path, ACCESSIBLE, "GetChildren", NULL, "(a(so))", &error);
  g_assert_no_error (error);
  g_variant_get (children, "(a(so))", &iter);
  while (g_variant_iter_next (iter, "(&s&o)", &child_name, &child_path))
    {
      g_autofree char *below = g_strdup_printf ("%s > %s \"%s\"", where, node->role, node->name);

      walk (bus, child_name, child_path, below, depth + 1, out);
    }
}

/* public API */

GPtrArray *
vigil_test_a11y_walk (GPid pid)
{
  g_autoptr (GDBusConnection) bus = a11y_bus ();
  g_autofree char *name = NULL;
  GPtrArray *nodes = g_ptr_array_new_with_free_func ((GDestroyNotify) node_free);
  gint64 deadline = g_get_monotonic_time () + APPEAR_TIMEOUT_US;

  /* The application joins the bus as it starts, and exports its windows
   * once they are shown. */
  while ((name == NULL || child_count (bus, name, ROOT_PATH) == 0)
         && g_get_monotonic_time () < deadline)
    {
      if (!is_running (pid))
        a11y_fail ("Process %d ended before it showed a window on the accessibility bus "
                   "(its messages are above)", (int) pid);
      if (name == NULL)
        name = name_of_process (bus, pid);
      if (name == NULL || child_count (bus, name, ROOT_PATH) == 0)
        g_usleep (50 * 1000);
    }
  if (name == NULL)
    a11y_fail ("Process %d never joined the accessibility bus (was it started with "
               "GTK_A11Y=atspi?)", (int) pid);
  if (child_count (bus, name, ROOT_PATH) == 0)
    a11y_fail ("Process %d is on the accessibility bus but shows no window there", (int) pid);
  walk (bus, name, ROOT_PATH, "", 0, nodes);
  return nodes;
}

gboolean
vigil_test_a11y_is_control (const char *role)
{
  /* GTK 4.8 calls a push button "button" and an entry "text box". */
  static const char *const controls[] = {
    "button", "push button", "toggle button", "check box", "radio button", "text box", "entry",
    "password text", "spin button", "slider", "combo box", "list item", "menu item", "link",
    "switch", "page tab", "tree item", NULL,
  };

  return g_strv_contains (controls, role);
}

/* GTK names an accessible without a name of its own after its class
 * ("GtkEntry"), which tells a person nothing. */
static gboolean
is_unnamed (const char *name)
{
  return name == NULL || name[0] == '\0'
         || (strchr (name, ' ') == NULL
             && (g_str_has_prefix (name, "Gtk") || g_str_has_prefix (name, "Adw")
                 || g_str_has_prefix (name, "Vigil")));
}

void
vigil_test_a11y_assert_named (GPtrArray *nodes)
{
  g_autoptr (GHashTable) problems = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GString) message = g_string_new (NULL);
  GHashTableIter iter;
  gpointer key, value;

  /* Forty rows of one list with one fault are one line. */
  for (guint i = 0; i < nodes->len; i++)
    {
      VigilTestA11yNode *node = g_ptr_array_index (nodes, i);
      char *problem = NULL;

      if (!vigil_test_a11y_is_control (node->role))
        continue;
      if (is_unnamed (node->name))
        problem = g_strdup_printf ("a %s without a name, in%s", node->role, node->where);
      else if (strchr (node->name, '_') != NULL)
        problem = g_strdup_printf ("a %s named \"%s\" (a mnemonic underscore), in%s", node->role,
                                   node->name, node->where);
      if (problem != NULL)
        {
          guint seen = GPOINTER_TO_UINT (g_hash_table_lookup (problems, problem));

          g_hash_table_replace (problems, problem, GUINT_TO_POINTER (seen + 1));
        }
    }
  if (g_hash_table_size (problems) == 0)
    return;
  g_hash_table_iter_init (&iter, problems);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_string_append_printf (message, "\n  %u× %s", GPOINTER_TO_UINT (value), (char *) key);
  a11y_fail ("Controls a screen reader cannot name:%s", message->str);
}
