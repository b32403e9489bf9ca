/* vigil-interchange-scan.c: the bytes of a document, before json-glib reads them
 *
 * json-glib descends one C call per level of nesting, so a file nested
 * some 80,000 deep overflows the stack inside it and takes the window
 * down. It is also lenient where the format must not be: it reads single
 * quotes, comments and hexadecimal numbers, which are not JSON. And some
 * of what it reads cannot be seen in the tree it builds: of a member
 * named twice it keeps the last, of two documents the first, a text ends
 * at \u0000, and a whole number beyond 64 bits wraps around. So the bytes
 * are read here first, as strict JSON (RFC 8259), and json-glib only ever
 * reads a document that passed.
 *
 * This reader descends by recursion too, which is safe because it refuses
 * to go deeper than VIGIL_INTERCHANGE_MAX_DEPTH before it goes there. It
 * builds nothing: a problem's path is put together from the members and
 * indexes being read only when there is a problem.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-interchange"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "vigil-interchange-private.h"

/* Past this many problems the file is not read further: each problem
 * costs memory, and a file of the largest size could otherwise make tens
 * of millions of them. */
#define MAX_PROBLEMS 1000

/* One open list or object: the member or the element being read in it. */
typedef struct
{
  const char *key; /* NULL in a list, and while a member's name is read */
  guint       index;
} Frame;

typedef struct
{
  const guchar *data;
  gsize         length;
  gsize         pos;
  GPtrArray    *problems;
  guint         first_problem;
  Frame         frames[VIGIL_INTERCHANGE_MAX_DEPTH];
  guint         depth;   /* lists and objects open around pos */
  gboolean      stopped; /* a syntax error, the depth or too many problems */
} Scan;

static void scan_value (Scan *s);

/* private helpers: where, and saying what is wrong */

static char *
path_of (Scan *s, guint n_frames)
{
  g_autofree char *path = g_strdup ("$");

  for (guint i = 0; i < n_frames; i++)
    {
      char *child;

      if (s->frames[i].key != NULL)
        child = vigil_walk_member_path (path, s->frames[i].key);
      else
        child = vigil_walk_index_path (path, s->frames[i].index);
      g_free (path);
      path = child;
    }
  return g_steal_pointer (&path);
}

static void
line_and_column (Scan *s, gsize pos, guint *line, guint *column)
{
  gsize start = 0;

  *line = 1;
  for (gsize i = 0; i < pos; i++)
    if (s->data[i] == '\n')
      {
        (*line)++;
        start = i + 1;
      }
  /* Columns count characters, not bytes: continuation bytes are skipped. */
  *column = 1;
  for (gsize i = start; i < pos; i++)
    if ((s->data[i] & 0xc0) != 0x80)
      (*column)++;
}

G_GNUC_PRINTF (3, 4)
static void
report (Scan *s, guint n_frames, const char *format, ...)
{
  g_autofree char *path = NULL;
  g_autofree char *message = NULL;
  va_list args;

  if (s->problems->len - s->first_problem >= MAX_PROBLEMS)
    return;
  path = path_of (s, n_frames);
  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  vigil_interchange_add_problem (s->problems, path, "%s", message);
  if (s->problems->len - s->first_problem == MAX_PROBLEMS)
    {
      vigil_interchange_add_problem (s->problems, "$",
                                     _("the file was not read past its first %d problems"),
                                     MAX_PROBLEMS);
      s->stopped = TRUE;
    }
}

/* What is not JSON ends the scan: nothing after it can be read with any
 * certainty. Reported at the document, as json-glib's errors were. */
static void
syntax_error (Scan *s, const char *what)
{
  guint line, column;

  line_and_column (s, s->pos, &line, &column);
  report (s, 0, _("not valid JSON: line %u, column %u: %s"), line, column, what);
  s->stopped = TRUE;
}

static gboolean
at_end (Scan *s)
{
  return s->pos >= s->length;
}

static void
skip_space (Scan *s)
{
  while (s->pos < s->length)
    {
      guchar c = s->data[s->pos];

      if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
        break;
      s->pos++;
    }
}

/* texts */

typedef struct
{
  GString  *out;      /* the decoded text, for a member's name; else NULL */
  gboolean  is_name;
  gboolean  reported; /* one problem per text is enough to find it */
} Text;

G_GNUC_PRINTF (3, 4)
static void
text_problem (Scan *s, Text *t, const char *format, ...)
{
  g_autofree char *message = NULL;
  va_list args;

  if (t->reported)
    return;
  t->reported = TRUE;
  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  /* A member's name is reported at its object: the name is what is wrong. */
  if (t->is_name)
    report (s, s->depth - 1, _("a member's name: %s"), message);
  else
    report (s, s->depth, "%s", message);
}

static gint
hex_value (guchar c)
{
  if (g_ascii_isdigit (c))
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

/* Four hexadecimal digits at @pos, or -1. */
static gint
read_code_unit (Scan *s, gsize pos)
{
  gint unit = 0;

  if (s->length - pos < 4)
    return -1;
  for (guint i = 0; i < 4; i++)
    {
      gint digit = hex_value (s->data[pos + i]);

      if (digit < 0)
        return -1;
      unit = unit * 16 + digit;
    }
  return unit;
}

/* The escape after a backslash at s->pos; leaves s->pos after it. */
static void
scan_escape (Scan *s, Text *t)
{
  guchar c = s->data[s->pos];
  gint unit, low;
  gunichar decoded;

  switch (c)
    {
    case '"':
    case '\\':
    case '/':
      decoded = c;
      break;
    case 'b':
      decoded = '\b';
      break;
    case 'f':
      decoded = '\f';
      break;
    case 'n':
      decoded = '\n';
      break;
    case 'r':
      decoded = '\r';
      break;
    case 't':
      decoded = '\t';
      break;
    case 'u':
      unit = read_code_unit (s, s->pos + 1);
      if (unit < 0)
        {
          text_problem (s, t, _("\\u must be followed by four hexadecimal digits"));
          s->pos++;
          return;
        }
      s->pos += 5;
      if (unit >= 0xd800 && unit <= 0xdbff && s->length - s->pos >= 6
          && s->data[s->pos] == '\\' && s->data[s->pos + 1] == 'u'
          && (low = read_code_unit (s, s->pos + 2)) >= 0xdc00 && low <= 0xdfff)
        {
          s->pos += 6;
          decoded = 0x10000 + ((unit - 0xd800) << 10) + (low - 0xdc00);
        }
      else if (unit >= 0xd800 && unit <= 0xdfff)
        {
          text_problem (s, t,
                        _("\\u%04X is half of a character (a surrogate) without its other "
                          "half"),
                        (guint) unit);
          return;
        }
      else
        decoded = unit;
      /* json-glib would end the text at a NUL, and keep the rest of the
       * member as if it were not there. */
      if (decoded == 0)
        text_problem (s, t,
                      _("holds \\u0000, a NUL character, which no text may hold (the text "
                        "would end there)"));
      if (t->out != NULL)
        g_string_append_unichar (t->out, decoded);
      return;
    default:
      if (c > 0x20 && c < 0x7f)
        text_problem (s, t,
                      _("\\%c is not an escape of JSON (a character is written as itself, or "
                        "as \\u and four hexadecimal digits)"),
                      c);
      else
        text_problem (s, t,
                      _("a backslash is followed by a character that starts no escape of "
                        "JSON"));
      s->pos++;
      return;
    }
  s->pos++;
  if (t->out != NULL)
    g_string_append_c (t->out, (char) decoded);
}

/* A text from its opening quote to its closing one. */
static void
scan_text (Scan *s, Text *t)
{
  gsize start = s->pos;

  s->pos++;
  while (!at_end (s))
    {
      guchar c = s->data[s->pos];

      if (c == '"')
        {
          s->pos++;
          return;
        }
      if (c == '\\')
        {
          s->pos++;
          if (at_end (s))
            break;
          scan_escape (s, t);
        }
      else if (c < 0x20)
        {
          text_problem (s, t,
                        _("holds a control character (U+%04X) written as itself; JSON writes "
                          "it as an escape such as \\n or \\t"),
                        (guint) c);
          s->pos++;
        }
      else if (c < 0x80)
        {
          if (t->out != NULL)
            g_string_append_c (t->out, (char) c);
          s->pos++;
        }
      else
        {
          gunichar u = g_utf8_get_char_validated ((const char *) s->data + s->pos,
                                                  (gssize) (s->length - s->pos));

          if (u == (gunichar) -1 || u == (gunichar) -2)
            {
              text_problem (s, t, _("the text is not UTF-8"));
              s->pos++;
              continue;
            }
          if (t->out != NULL)
            g_string_append_len (t->out, (const char *) s->data + s->pos, g_utf8_skip[c]);
          s->pos += g_utf8_skip[c];
        }
    }
  s->pos = start;
  syntax_error (s, _("a text is not closed: its closing \" is missing"));
}

/* numbers */

static void
skip_digits (Scan *s)
{
  while (!at_end (s) && g_ascii_isdigit (s->data[s->pos]))
    s->pos++;
}

static void
scan_number (Scan *s)
{
  gsize start = s->pos;
  gboolean negative = FALSE, integer = TRUE, overflow = FALSE;
  guint64 magnitude = 0;

  if (s->data[s->pos] == '-')
    {
      negative = TRUE;
      s->pos++;
    }
  if (at_end (s) || !g_ascii_isdigit (s->data[s->pos]))
    {
      syntax_error (s, _("a number needs a digit after its minus sign"));
      return;
    }
  if (s->data[s->pos] == '0')
    {
      s->pos++;
      if (!at_end (s) && g_ascii_isdigit (s->data[s->pos]))
        {
          syntax_error (s, _("a number does not begin with 0 unless it is 0"));
          return;
        }
    }
  else
    while (!at_end (s) && g_ascii_isdigit (s->data[s->pos]))
      {
        guint digit = s->data[s->pos++] - '0';

        if (magnitude > (G_MAXUINT64 - digit) / 10)
          overflow = TRUE;
        else
          magnitude = magnitude * 10 + digit;
      }
  if (!at_end (s) && s->data[s->pos] == '.')
    {
      integer = FALSE;
      s->pos++;
      if (at_end (s) || !g_ascii_isdigit (s->data[s->pos]))
        {
          syntax_error (s, _("a number needs a digit after its decimal point"));
          return;
        }
      skip_digits (s);
    }
  if (!at_end (s) && (s->data[s->pos] == 'e' || s->data[s->pos] == 'E'))
    {
      integer = FALSE;
      s->pos++;
      if (!at_end (s) && (s->data[s->pos] == '+' || s->data[s->pos] == '-'))
        s->pos++;
      if (at_end (s) || !g_ascii_isdigit (s->data[s->pos]))
        {
          syntax_error (s, _("a number needs a digit in its exponent"));
          return;
        }
      skip_digits (s);
    }

  /* json-glib reads a whole number into 64 bits and wraps what does not
   * fit: 99999999999999999999 would arrive as -1, and be refused as
   * negative, or worse, be taken as another number that fits. */
  if (integer
      && (overflow || (!negative && magnitude > (guint64) G_MAXINT64)
          || (negative && magnitude > (guint64) G_MAXINT64 + 1)))
    {
      g_autofree char *text = g_strndup ((const char *) s->data + start, s->pos - start);
      g_autofree char *quoted = vigil_walk_quote (text);
      /* A quoted number is a text to the reader; the quotes go. */
      g_autofree char *shown = g_strndup (quoted + 1, strlen (quoted) - 2);

      if (negative)
        report (s, s->depth,
                _("%s is a number too far below zero to be read (the least is %" G_GINT64_FORMAT
                  ")"),
                shown, G_MININT64);
      else
        report (s, s->depth,
                _("%s is a number too large to be read (the largest is %" G_GINT64_FORMAT ")"),
                shown, G_MAXINT64);
    }
}

/* lists and objects */

/* Opens a list or an object at s->pos, or stops the scan when it would be
 * one level too deep. */
static Frame *
open_nested (Scan *s)
{
  Frame *frame;

  if (s->depth == VIGIL_INTERCHANGE_MAX_DEPTH)
    {
      report (s, s->depth,
              _("lists and objects are nested more than %d deep here, more than Vigil reads (its "
                "own files nest about 10 deep)"),
              VIGIL_INTERCHANGE_MAX_DEPTH);
      s->stopped = TRUE;
      return NULL;
    }
  frame = &s->frames[s->depth++];
  frame->key = NULL;
  frame->index = 0;
  s->pos++;
  skip_space (s);
  return frame;
}

static void
scan_object (Scan *s)
{
  g_autoptr (GString) name = g_string_new (NULL);
  g_autoptr (GHashTable) names = NULL;
  Frame *frame = open_nested (s);

  if (frame == NULL)
    return;
  if (!at_end (s) && s->data[s->pos] == '}')
    {
      s->pos++;
      s->depth--;
      return;
    }
  while (!s->stopped)
    {
      Text t = { name, TRUE, FALSE };

      skip_space (s);
      if (at_end (s) || s->data[s->pos] != '"')
        {
          syntax_error (s, _("expected a member's name in double quotes"));
          break;
        }
      g_string_truncate (name, 0);
      frame->key = NULL;
      scan_text (s, &t);
      if (s->stopped)
        break;
      /* A name with a problem of its own is shown as a replacement
       * character in the paths of what it holds. */
      frame->key = t.reported ? "\xef\xbf\xbd" : name->str;
      if (!t.reported)
        {
          if (names == NULL)
            names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
          /* json-glib keeps the last of two members of one name and drops
           * the first without a word. */
          if (!g_hash_table_add (names, g_strdup (name->str)))
            report (s, s->depth,
                    _("this object already has a member of this name; each member "
                      "appears once"));
        }

      skip_space (s);
      if (at_end (s) || s->data[s->pos] != ':')
        {
          syntax_error (s, _("expected : after a member's name"));
          break;
        }
      s->pos++;
      skip_space (s);
      scan_value (s);
      if (s->stopped)
        break;
      skip_space (s);
      if (at_end (s))
        {
          syntax_error (s, _("the file ends inside an object: a } is missing"));
          break;
        }
      if (s->data[s->pos] == ',')
        {
          s->pos++;
          continue;
        }
      if (s->data[s->pos] == '}')
        {
          s->pos++;
          break;
        }
      syntax_error (s, _("expected , or } after a member"));
    }
  s->depth--;
}

static void
scan_list (Scan *s)
{
  Frame *frame = open_nested (s);

  if (frame == NULL)
    return;
  if (!at_end (s) && s->data[s->pos] == ']')
    {
      s->pos++;
      s->depth--;
      return;
    }
  while (!s->stopped)
    {
      skip_space (s);
      scan_value (s);
      if (s->stopped)
        break;
      skip_space (s);
      if (at_end (s))
        {
          syntax_error (s, _("the file ends inside a list: a ] is missing"));
          break;
        }
      if (s->data[s->pos] == ',')
        {
          s->pos++;
          frame->index++;
          continue;
        }
      if (s->data[s->pos] == ']')
        {
          s->pos++;
          break;
        }
      syntax_error (s, _("expected , or ] after an element of a list"));
    }
  s->depth--;
}

static void
expected_value (Scan *s)
{
  syntax_error (s, _("expected a value: a text in double quotes, a number, true, false, null, "
                     "a list or an object"));
}

static void
scan_word (Scan *s, const char *word)
{
  gsize len = strlen (word);

  if (s->length - s->pos >= len && memcmp (s->data + s->pos, word, len) == 0)
    s->pos += len;
  else
    expected_value (s);
}

static void
scan_value (Scan *s)
{
  Text t = { NULL, FALSE, FALSE };

  if (at_end (s))
    {
      syntax_error (s, _("the file ends where a value was expected"));
      return;
    }
  switch (s->data[s->pos])
    {
    case '{':
      scan_object (s);
      break;
    case '[':
      scan_list (s);
      break;
    case '"':
      scan_text (s, &t);
      break;
    case 't':
      scan_word (s, "true");
      break;
    case 'f':
      scan_word (s, "false");
      break;
    case 'n':
      scan_word (s, "null");
      break;
    default:
      if (s->data[s->pos] == '-' || g_ascii_isdigit (s->data[s->pos]))
        scan_number (s);
      else
        expected_value (s);
      break;
    }
}

/* private API (vigil-interchange-private.h) */

void
vigil_interchange_add_too_large (GPtrArray *problems, guint64 size)
{
  g_autofree char *shown =
    g_format_size_full (size, G_FORMAT_SIZE_IEC_UNITS | G_FORMAT_SIZE_LONG_FORMAT);

  vigil_interchange_add_problem (problems, "$",
                                 _("the file is %s; an interchange file may be at most %d MiB"),
                                 shown, VIGIL_INTERCHANGE_MAX_BYTES / (1024 * 1024));
}

gboolean
vigil_interchange_scan (const char *data, gsize length, GPtrArray *problems)
{
  Scan s = { 0 };

  s.data = (const guchar *) data;
  s.length = length;
  s.problems = problems;
  s.first_problem = problems->len;

  if (length > VIGIL_INTERCHANGE_MAX_BYTES)
    {
      vigil_interchange_add_too_large (problems, length);
      return FALSE;
    }

  /* A byte order mark is allowed before the document (RFC 8259, 8.1), and
   * json-glib skips it too. */
  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    s.pos = 3;
  skip_space (&s);
  if (at_end (&s))
    {
      vigil_interchange_add_problem (problems, "$", _("the file is empty"));
      return FALSE;
    }
  scan_value (&s);
  skip_space (&s);
  /* json-glib reads the first document of "{…} {…}" and drops the rest. */
  if (!s.stopped && !at_end (&s))
    {
      guint line, column;

      line_and_column (&s, s.pos, &line, &column);
      report (&s, 0,
              _("there is more after the end of the document, at line %u, column %u; a file "
                "holds one JSON object"),
              line, column);
    }
  return problems->len == s.first_problem;
}
