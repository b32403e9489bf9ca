/* vigil-cli-common.c: options, the passphrase, messages, confirmation
 *
 * The passphrase is read byte by byte with read(2) straight into guarded
 * memory (sodium_malloc): no stdio buffer or GString ever holds a copy
 * that outlives it, and it is wiped when freed. It never comes from the
 * command line, where every user of the machine could read it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-cli"

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <sodium.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "vigil-cli-common.h"
#include "vigil-error.h"
#include "vigil-interchange.h"

/* The terminal as it was before echo was turned off, for the signal
 * handler to put back. */
static struct termios saved_termios;
static volatile sig_atomic_t echo_off;

/* private helpers */

static void
restore_terminal (int signum)
{
  if (echo_off)
    tcsetattr (STDIN_FILENO, TCSAFLUSH, &saved_termios);
  signal (signum, SIG_DFL);
  raise (signum);
}

/* Reads up to a newline or the end into @buffer; FALSE with @error when
 * the line is longer than the buffer or reading failed. */
static gboolean
read_line (int fd, char *buffer, gsize size, const char *source, GError **error)
{
  gsize len = 0;

  for (;;)
    {
      char c;
      ssize_t got = read (fd, &c, 1);

      if (got < 0 && errno == EINTR)
        continue;
      if (got < 0)
        {
          int saved = errno;

          g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_IO,
                       _("Could not read the passphrase from %s: %s"), source, g_strerror (saved));
          return FALSE;
        }
      if (got == 0 || c == '\n')
        break;
      /* The C string would end there, and the rest be dropped unseen. */
      if (c == '\0')
        {
          g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID,
                       _("The passphrase in %s holds a NUL byte"), source);
          return FALSE;
        }
      if (len + 1 >= size)
        {
          g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID,
                       _("The passphrase in %s is longer than %d bytes"), source,
                       VIGIL_CLI_MAX_PASSPHRASE);
          return FALSE;
        }
      buffer[len++] = c;
    }
  if (len > 0 && buffer[len - 1] == '\r')
    len--;
  buffer[len] = '\0';
  return TRUE;
}

static gboolean
prompt (const char *question, char *buffer, gsize size, GError **error)
{
  struct sigaction action = { 0 };
  struct sigaction old[4];
  static const int signals[] = { SIGINT, SIGTERM, SIGQUIT, SIGHUP };
  struct termios quiet;
  gboolean ok;

  fputs (question, stderr);
  fflush (stderr);
  if (tcgetattr (STDIN_FILENO, &saved_termios) != 0)
    {
      int saved = errno;

      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_IO, _("Could not use the terminal: %s"),
                   g_strerror (saved));
      return FALSE;
    }
  /* Interrupted while echo is off, the terminal gets it back. */
  action.sa_handler = restore_terminal;
  sigemptyset (&action.sa_mask);
  for (guint i = 0; i < G_N_ELEMENTS (signals); i++)
    sigaction (signals[i], &action, &old[i]);

  quiet = saved_termios;
  quiet.c_lflag &= ~(ECHO | ECHONL);
  quiet.c_lflag |= ICANON;
  echo_off = tcsetattr (STDIN_FILENO, TCSAFLUSH, &quiet) == 0;
  ok = read_line (STDIN_FILENO, buffer, size, _("the terminal"), error);
  if (echo_off)
    tcsetattr (STDIN_FILENO, TCSAFLUSH, &saved_termios);
  echo_off = FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (signals); i++)
    sigaction (signals[i], &old[i], NULL);
  fputc ('\n', stderr);
  return ok;
}

static gboolean
read_from_file (const char *path, char *buffer, gsize size, GError **error)
{
  GStatBuf st;
  gboolean ok;
  int fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NOCTTY, 0);

  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_IO,
                   _("Could not open the passphrase file %s: %s"), path, g_strerror (saved));
      return FALSE;
    }
  if (fstat (fd, &st) == 0 && (st.st_mode & 0077) != 0)
    g_printerr (_("vigil-cli: warning: other users can read the passphrase file %s; "
                  "make it private with “chmod 600 %s”\n"),
                path, path);
  ok = read_line (fd, buffer, size, path, error);
  close (fd);
  return ok;
}

static const char *
confirm_word (void)
{
  /* TRANSLATORS: the word a person types to confirm an erase. */
  return _("yes");
}

/* public API */

void
vigil_cli_vault_options_clear (VigilCliVaultOptions *options)
{
  g_clear_pointer (&options->vault_path, g_free);
  g_clear_pointer (&options->passphrase_file, g_free);
}

GOptionContext *
vigil_cli_context_new (const char           *command,
                       const char           *parameter,
                       const char           *summary,
                       const GOptionEntry   *entries,
                       VigilCliVaultOptions *vault)
{
  g_autofree char *prgname = g_strdup_printf ("vigil-cli %s", command);
  GOptionContext *context = g_option_context_new (parameter);

  g_set_prgname (prgname);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, summary);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (vault != NULL)
    {
      const GOptionEntry vault_entries[] = {
        { "vault", 0, 0, G_OPTION_ARG_FILENAME, &vault->vault_path,
          N_("The vault file (default: ~/.local/share/vigil/vault.vigil)"), N_("PATH") },
        { "passphrase-file", 0, 0, G_OPTION_ARG_FILENAME, &vault->passphrase_file,
          N_("Read the passphrase from the first line of FILE"), N_("FILE") },
        { NULL },
      };

      g_option_context_add_main_entries (context, vault_entries, GETTEXT_PACKAGE);
      g_option_context_set_description (
        context,
        _("Without --passphrase-file, the passphrase is the first line of standard input when it "
          "is not a terminal, and is asked for on a terminal. It is never taken from the command "
          "line.\n\nExit status: 0 success, 1 failure, 2 wrong usage."));
    }
  else
    g_option_context_set_description (context,
                                      _("Exit status: 0 success, 1 failure, 2 wrong usage."));
  return context;
}

gboolean
vigil_cli_parse (GOptionContext *context, const char *command, int *argc, char ***argv)
{
  g_autoptr (GError) error = NULL;

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      vigil_cli_usage_error (command, "%s", error->message);
      return FALSE;
    }
  return TRUE;
}

char *
vigil_cli_vault_path (VigilCliVaultOptions *options)
{
  if (options->vault_path != NULL)
    return g_strdup (options->vault_path);
  return vigil_vault_default_path ();
}

char *
vigil_cli_read_passphrase (VigilCliVaultOptions *options, gboolean confirm, GError **error)
{
  gsize size = VIGIL_CLI_MAX_PASSPHRASE + 1;
  char *passphrase = sodium_malloc (size);
  gboolean ok;

  if (passphrase == NULL)
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_IO, _("No memory for the passphrase"));
      return NULL;
    }
  if (options->passphrase_file != NULL)
    ok = read_from_file (options->passphrase_file, passphrase, size, error);
  else if (!isatty (STDIN_FILENO))
    ok = read_line (STDIN_FILENO, passphrase, size, _("standard input"), error);
  else
    {
      ok = prompt (_("Passphrase: "), passphrase, size, error);
      if (ok && confirm)
        {
          char *again = sodium_malloc (size);

          ok = again != NULL && prompt (_("The same passphrase again: "), again, size, error);
          if (ok && strcmp (passphrase, again) != 0)
            {
              g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID,
                           _("The two passphrases differ; nothing was created"));
              ok = FALSE;
            }
          if (again != NULL)
            sodium_free (again);
        }
    }

  if (ok && passphrase[0] == '\0')
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_INVALID, _("The passphrase is empty"));
      ok = FALSE;
    }
  if (!ok)
    {
      sodium_free (passphrase);
      return NULL;
    }
  return passphrase;
}

void
vigil_cli_passphrase_free (char *passphrase)
{
  if (passphrase == NULL)
    return;
  /* sodium_free() zeroes too; this says so where it matters. */
  sodium_memzero (passphrase, VIGIL_CLI_MAX_PASSPHRASE + 1);
  sodium_free (passphrase);
}

VigilVault *
vigil_cli_open_vault (VigilCliVaultOptions *options, const char *command)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = vigil_cli_vault_path (options);
  VigilVault *vault;
  char *passphrase;

  /* Asking for a passphrase for a file that is not there helps nobody. */
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      vigil_cli_error (command, _("There is no vault at %s. Create one with “vigil-cli init”, "
                                  "or name another with --vault."),
                       path);
      return NULL;
    }
  passphrase = vigil_cli_read_passphrase (options, FALSE, &error);
  if (passphrase == NULL)
    {
      vigil_cli_error (command, "%s", error->message);
      return NULL;
    }
  vault = vigil_vault_open (path, passphrase, &error);
  vigil_cli_passphrase_free (passphrase);
  if (vault == NULL)
    {
      vigil_cli_print_error (command, path, error);
      return NULL;
    }
  if (vigil_vault_get_older_copy_warning (vault) != NULL)
    g_printerr (_("vigil-cli %s: warning: %s\n"), command,
                vigil_vault_get_older_copy_warning (vault));
  if (vigil_vault_get_slots_warning (vault) != NULL)
    g_printerr (_("vigil-cli %s: warning: %s\n"), command,
                vigil_vault_get_slots_warning (vault));
  return vault;
}

void
vigil_cli_error (const char *command, const char *format, ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_printerr ("vigil-cli %s: %s\n", command, message);
}

int
vigil_cli_usage_error (const char *command, const char *format, ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_printerr ("vigil-cli %s: %s\n", command, message);
  g_printerr (_("Run “vigil-cli %s --help” to see how to use it.\n"), command);
  return VIGIL_CLI_USAGE;
}

void
vigil_cli_print_error (const char *command, const char *path, const GError *error)
{
  /* Most of the vault's messages name the file already. */
  g_autofree char *where = strstr (error->message, path) != NULL ? g_strdup ("")
                                                                 : g_strdup_printf ("%s: ", path);

  if (error->domain != VIGIL_ERROR)
    {
      vigil_cli_error (command, "%s", error->message);
      return;
    }
  switch (error->code)
    {
    case VIGIL_ERROR_WRONG_PASSPHRASE:
      vigil_cli_error (command, _("Wrong passphrase for %s: no key of the vault opens with it. "
                                  "Nothing was read or changed."),
                       path);
      break;
    case VIGIL_ERROR_DAMAGED:
      vigil_cli_error (command, _("%s%s. Nothing was written to it; keep the file as it is and "
                                  "restore a backup."),
                       where, error->message);
      break;
    case VIGIL_ERROR_TAMPERED:
      vigil_cli_error (command, _("%s%s. The file was changed outside Vigil; nothing was written "
                                  "to it. Keep it as it is for inspection and restore a backup."),
                       where, error->message);
      break;
    case VIGIL_ERROR_NEWER_FORMAT:
      vigil_cli_error (command, _("%s%s Nothing was changed."), where, error->message);
      break;
    case VIGIL_ERROR_LOCKED:
      vigil_cli_error (command, _("The vault %s is locked: %s"), path, error->message);
      break;
    case VIGIL_ERROR_IO:
      if (strstr (error->message, "locked") != NULL || strstr (error->message, "busy") != NULL)
        vigil_cli_error (command, _("%s is in use by another program (is Vigil open?); close it "
                                    "and try again. (%s)"),
                         path, error->message);
      else
        vigil_cli_error (command, "%s", error->message);
      break;
    default:
      vigil_cli_error (command, "%s", error->message);
      break;
    }
}

void
vigil_cli_print_problems (GPtrArray *problems)
{
  for (guint i = 0; i < problems->len; i++)
    {
      VigilInterchangeProblem *problem = g_ptr_array_index (problems, i);

      g_printerr ("  %s: %s\n", problem->path, problem->message);
    }
}

gboolean
vigil_cli_can_confirm (const char *command, gboolean yes, int *out_status)
{
  if (yes || isatty (STDIN_FILENO))
    return TRUE;
  *out_status = vigil_cli_usage_error (command,
                                       _("Nothing was erased: standard input is not a terminal "
                                         "to confirm on; pass --yes to confirm."));
  return FALSE;
}

gboolean
vigil_cli_confirm (const char *command, gboolean yes, const char *question, int *out_status)
{
  char answer[64];
  g_autoptr (GError) error = NULL;

  if (yes)
    return TRUE;
  if (!vigil_cli_can_confirm (command, yes, out_status))
    return FALSE;
  g_printerr ("%s\n", question);
  g_printerr (_("Type “%s” to go ahead: "), confirm_word ());
  fflush (stderr);
  if (!read_line (STDIN_FILENO, answer, sizeof answer, _("the terminal"), &error)
      || g_strcmp0 (g_strstrip (answer), confirm_word ()) != 0)
    {
      vigil_cli_error (command, _("Not confirmed; nothing was erased."));
      *out_status = VIGIL_CLI_FAILURE;
      return FALSE;
    }
  return TRUE;
}

void
vigil_cli_print_counts (const VigilInterchangeCounts *counts)
{
  g_print (_("  cases                %u\n"), counts->cases);
  g_print (_("  persons              %u (%u with an identity, %u consents)\n"),
           counts->persons, counts->identities, counts->consents);
  g_print (_("  hearings             %u (%u attendees)\n"), counts->hearings,
           counts->attendees);
  g_print (_("  observations         %u (%u timestamped notes)\n"), counts->observations,
           counts->observation_entries);
  g_print (_("  assessments          %u (of hearings and cases)\n"), counts->assessments);
  g_print (_("  protection measures  %u\n"), counts->protection_measures);
  g_print (_("  claims               %u (%u items)\n"), counts->claims, counts->claim_items);
}

static GDateTime *
parse_day (const char *text)
{
  int y, m, d;
  char end;

  if (text == NULL || sscanf (text, "%4d-%2d-%2d%c", &y, &m, &d, &end) != 3
      || strlen (text) != 10 || !g_date_valid_dmy (d, m, y))
    return NULL;
  return g_date_time_new_utc (y, m, d, 0, 0, 0);
}

gboolean
vigil_cli_parse_days (const char  *from_text,
                      const char  *to_text,
                      GDateTime  **out_from,
                      GDateTime  **out_to,
                      const char  *command)
{
  g_autoptr (GDateTime) from = NULL;
  g_autoptr (GDateTime) last = NULL;

  if (from_text == NULL || to_text == NULL)
    {
      vigil_cli_usage_error (command, _("Give the days with --from DATE and --to DATE"));
      return FALSE;
    }
  from = parse_day (from_text);
  last = parse_day (to_text);
  if (from == NULL || last == NULL)
    {
      vigil_cli_usage_error (command, _("“%s” is not a day (YYYY-MM-DD)"),
                             from == NULL ? from_text : to_text);
      return FALSE;
    }
  if (g_date_time_compare (last, from) < 0)
    {
      vigil_cli_usage_error (command, _("--to is before --from"));
      return FALSE;
    }
  *out_from = g_steal_pointer (&from);
  *out_to = g_date_time_add_days (last, 1);
  return TRUE;
}
