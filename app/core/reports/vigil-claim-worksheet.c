/* vigil-claim-worksheet.c: a compensation claim as a PDF for the lawyer's
 * file
 *
 * Laid out with Pango and drawn with cairo on A4 pages: the claim and its
 * amounts, the heads of damage with their evidence, the unpaid-wages
 * calculation with its formula, the payments against the award, the
 * status history, the deadlines and the assets that could pay it. Each
 * section is in the PDF outline and tagged for structure. The pages are
 * laid out twice, first on a recording surface to count them, so that
 * each says "Page 2 of 3".
 *
 * The claimant is named by pseudonym. Their identity is printed only when
 * asked for (and reading it goes to the audit log), and then every page
 * says it is confidential. Without it, a head of damage's evidence that
 * names a person of the case is left out, as an export leaves it out.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-worksheet"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "vigil-claim-records.h"
#include "vigil-claim-status.h"
#include "vigil-claim-worksheet.h"
#include "vigil-error.h"
#include "vigil-ids.h"
#include "vigil-money.h"
#include "vigil-store-claim-records.h"
#include "vigil-identifier-detector.h"
#include "vigil-store-identifiers.h"

/* A4 in points, and the margins of a document for a court file. */
#define PAGE_WIDTH    595.28
#define PAGE_HEIGHT   841.89
#define MARGIN_SIDE   62.0
#define MARGIN_TOP    86.0
#define MARGIN_BOTTOM 72.0
#define TEXT_WIDTH    (PAGE_WIDTH - 2 * MARGIN_SIDE)
/* DejaVu covers Latin, Cyrillic and Greek: a Romanian court and a
 * Moldovan or Ukrainian claimant's name print alike. */
#define FONT_FAMILY   "DejaVu Sans"

typedef struct
{
  cairo_surface_t      *surface;
  cairo_t              *cr;
  gboolean              measuring;
  int                   page;
  int                   n_pages;
  double                y;
  gboolean              confidential;
  char                 *header;
  char                 *footer;
  PangoFontDescription *body;
  PangoFontDescription *bold;
  PangoFontDescription *small;
  PangoFontDescription *heading;
  PangoFontDescription *title;
  /* The header row of the table being drawn, repeated on a new page. */
  const void           *table_columns;
  guint                 table_n;
  const char * const   *table_header;
} Sheet;

typedef struct
{
  double           width;
  PangoAlignment   align;
} Column;

/* private helpers: drawing */

static PangoLayout *
layout_new (Sheet *s, const PangoFontDescription *font, double width, const char *text)
{
  PangoLayout *layout = pango_cairo_create_layout (s->cr);

  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_size (layout, NULL, &height);
  return (double) height / PANGO_SCALE;
}

static void
draw_layout (Sheet *s, PangoLayout *layout, double x, double y)
{
  cairo_move_to (s->cr, x, y);
  pango_cairo_show_layout (s->cr, layout);
}

static void
grey (Sheet *s)
{
  cairo_set_source_rgb (s->cr, 0.35, 0.35, 0.35);
}

static void
rule (Sheet *s, double y, double weight)
{
  cairo_set_line_width (s->cr, weight);
  cairo_move_to (s->cr, MARGIN_SIDE, y);
  cairo_line_to (s->cr, PAGE_WIDTH - MARGIN_SIDE, y);
  cairo_stroke (s->cr);
}

static void
header_and_footer (Sheet *s)
{
  g_autoptr (PangoLayout) left = layout_new (s, s->small, TEXT_WIDTH / 2,
                                             _("Compensation claim worksheet"));
  g_autoptr (PangoLayout) right = layout_new (s, s->small, TEXT_WIDTH / 2, s->header);
  g_autofree char *page_text = g_strdup_printf (_("Page %d of %d"), s->page,
                                                MAX (s->n_pages, s->page));
  g_autoptr (PangoLayout) page = layout_new (s, s->small, TEXT_WIDTH / 3, page_text);
  g_autoptr (PangoLayout) footer = layout_new (s, s->small, TEXT_WIDTH * 2 / 3, s->footer);

  cairo_save (s->cr);
  grey (s);
  pango_layout_set_alignment (right, PANGO_ALIGN_RIGHT);
  draw_layout (s, left, MARGIN_SIDE, 44);
  draw_layout (s, right, MARGIN_SIDE + TEXT_WIDTH / 2, 44);
  rule (s, 60, 0.5);
  rule (s, PAGE_HEIGHT - 52, 0.5);
  pango_layout_set_alignment (page, PANGO_ALIGN_RIGHT);
  draw_layout (s, footer, MARGIN_SIDE, PAGE_HEIGHT - 46);
  draw_layout (s, page, MARGIN_SIDE + TEXT_WIDTH * 2 / 3, PAGE_HEIGHT - 46);
  if (s->confidential)
    {
      g_autoptr (PangoLayout) mark
          = layout_new (s, s->bold, TEXT_WIDTH,
                        _("CONFIDENTIAL: this page holds the identity of the claimant"));

      pango_layout_set_alignment (mark, PANGO_ALIGN_CENTER);
      cairo_set_source_rgb (s->cr, 0.7, 0.0, 0.0);
      draw_layout (s, mark, MARGIN_SIDE, 20);
    }
  cairo_restore (s->cr);
}

static void
new_page (Sheet *s)
{
  if (s->page > 0)
    cairo_show_page (s->cr);
  s->page++;
  header_and_footer (s);
  s->y = MARGIN_TOP;
}

/* Starts a new page unless @height more fits on this one. */
static void
ensure (Sheet *s, double height)
{
  if (s->y + height > PAGE_HEIGHT - MARGIN_BOTTOM)
    new_page (s);
}

static void
paragraph (Sheet *s, const PangoFontDescription *font, const char *text, double after)
{
  g_autoptr (PangoLayout) layout = layout_new (s, font, TEXT_WIDTH, text);
  double height = layout_height (layout);

  ensure (s, height);
  cairo_tag_begin (s->cr, "P", NULL);
  draw_layout (s, layout, MARGIN_SIDE, s->y);
  cairo_tag_end (s->cr, "P");
  s->y += height + after;
}

/* A section's title, kept with at least @keep points of what follows it,
 * and in the outline. */
static void
heading (Sheet *s, const char *text, double keep)
{
  g_autoptr (PangoLayout) layout = layout_new (s, s->heading, TEXT_WIDTH, text);
  double height = layout_height (layout);

  s->y += 14;
  ensure (s, height + keep);
  if (!s->measuring)
    {
      g_autofree char *dest = g_strdup_printf ("page=%d pos=[%.0f %.0f]", s->page, MARGIN_SIDE,
                                               s->y);

      cairo_pdf_surface_add_outline (s->surface, CAIRO_PDF_OUTLINE_ROOT, text, dest, 0);
    }
  cairo_tag_begin (s->cr, "H2", NULL);
  draw_layout (s, layout, MARGIN_SIDE, s->y);
  cairo_tag_end (s->cr, "H2");
  s->y += height + 3;
  cairo_save (s->cr);
  cairo_set_source_rgb (s->cr, 0.6, 0.6, 0.6);
  rule (s, s->y, 0.6);
  cairo_restore (s->cr);
  s->y += 7;
}

static void table_row (Sheet              *s,
                       const Column       *columns,
                       guint               n,
                       const char * const *cells,
                       gboolean            bold,
                       gboolean            ruled);

/* A table whose @header row (a cell per column) is drawn now and again at
 * the top of each page it continues on. */
static void
table_begin (Sheet *s, const Column *columns, guint n, const char * const *header)
{
  cairo_tag_begin (s->cr, "Table", NULL);
  table_row (s, columns, n, header, TRUE, TRUE);
  s->table_columns = columns;
  s->table_n = n;
  s->table_header = header;
}

static void
table_end (Sheet *s)
{
  s->table_columns = NULL;
  s->table_header = NULL;
  cairo_tag_end (s->cr, "Table");
}

/* One row of a table: a cell per column, each wrapped to its width; bold
 * for a header or a total. */
static void
table_row (Sheet *s, const Column *columns, guint n, const char * const *cells, gboolean bold,
           gboolean ruled)
{
  PangoLayout *layouts[8] = { NULL };
  double height = 0;
  double x = MARGIN_SIDE;

  g_return_if_fail (n <= G_N_ELEMENTS (layouts));

  for (guint i = 0; i < n; i++)
    {
      layouts[i] = layout_new (s, bold ? s->bold : s->body, columns[i].width - 6,
                               cells[i] != NULL ? cells[i] : "");
      pango_layout_set_alignment (layouts[i], columns[i].align);
      height = MAX (height, layout_height (layouts[i]));
    }
  if (s->y + height + 6 > PAGE_HEIGHT - MARGIN_BOTTOM)
    {
      new_page (s);
      if (s->table_header != NULL)
        {
          const char * const *header = s->table_header;

          /* Drawn once, not again from inside itself. */
          s->table_header = NULL;
          table_row (s, s->table_columns, s->table_n, header, TRUE, TRUE);
          s->table_header = header;
        }
    }
  cairo_tag_begin (s->cr, "TR", NULL);
  for (guint i = 0; i < n; i++)
    {
      cairo_tag_begin (s->cr, bold ? "TH" : "TD", NULL);
      draw_layout (s, layouts[i], x, s->y + 2);
      cairo_tag_end (s->cr, bold ? "TH" : "TD");
      x += columns[i].width;
      g_object_unref (layouts[i]);
    }
  cairo_tag_end (s->cr, "TR");
  s->y += height + 5;
  if (ruled)
    {
      cairo_save (s->cr);
      cairo_set_source_rgb (s->cr, 0.82, 0.82, 0.82);
      rule (s, s->y - 1, 0.4);
      cairo_restore (s->cr);
    }
}

/* private helpers: content */

typedef struct
{
  VigilStore         *store;
  VigilClaimData     *claim;
  VigilCase          *kase;
  VigilPerson        *claimant;
  VigilIdentity      *identity;    /* only when asked for */
  VigilIdentifierDetector *identifiers; /* to screen text, without identity */
  GPtrArray          *assets;
  GPtrArray          *persons;
  const VigilWorksheetOptions *options;
} Content;

static char *
money (const Content *c, gint64 minor)
{
  return vigil_money_format (minor, c->claim->currency, (locale_t) 0);
}

static const char *
route_label (const char *route)
{
  if (g_strcmp0 (route, "civil_claim") == 0)
    return _("Civil claim within the criminal case");
  if (g_strcmp0 (route, "civil_suit") == 0)
    return _("Civil suit");
  if (g_strcmp0 (route, "state_fund") == 0)
    return _("State compensation fund");
  if (g_strcmp0 (route, "labour_tribunal") == 0)
    return _("Labour tribunal");
  return route;
}

static const char *
head_of (const Content *c, const char *item_id)
{
  for (guint i = 0; item_id != NULL && i < c->claim->items->len; i++)
    {
      const VigilClaimItemData *item = g_ptr_array_index (c->claim->items, i);

      if (g_str_equal (item->id, item_id))
        return vigil_claim_head_label (item->head);
    }
  return _("The claim as a whole");
}

static const char *
pseudonym_of (const Content *c, const char *person_id)
{
  for (guint i = 0; i < c->persons->len; i++)
    if (g_str_equal (vigil_person_get_id (g_ptr_array_index (c->persons, i)), person_id))
      return vigil_person_get_pseudonym (g_ptr_array_index (c->persons, i));
  return "";
}

static void
write_summary (Sheet *s, const Content *c)
{
  static const Column columns[] = { { 130, PANGO_ALIGN_LEFT }, { TEXT_WIDTH - 130, PANGO_ALIGN_LEFT } };
  g_autofree char *claimant = NULL;
  const char *status = vigil_claim_status_label (c->claim->status);

  if (c->identity != NULL)
    {
      g_autoptr (GString) who = g_string_new (vigil_person_get_pseudonym (c->claimant));

      if (c->identity->full_name != NULL)
        g_string_append_printf (who, ": %s", c->identity->full_name);
      if (c->identity->date_of_birth != NULL)
        g_string_append_printf (who, _(", born %s"), c->identity->date_of_birth);
      if (c->identity->nationality != NULL)
        g_string_append_printf (who, ", %s", c->identity->nationality);
      claimant = g_string_free (g_steal_pointer (&who), FALSE);
    }
  else
    claimant = g_strdup_printf (_("%s (pseudonym; the identity is kept in the vault)"),
                                vigil_person_get_pseudonym (c->claimant));

  {
    g_autoptr (PangoLayout) title = layout_new (s, s->title, TEXT_WIDTH,
                                                _("Compensation Claim Worksheet"));

    cairo_tag_begin (s->cr, "H1", NULL);
    draw_layout (s, title, MARGIN_SIDE, s->y);
    cairo_tag_end (s->cr, "H1");
    s->y += layout_height (title) + 14;
  }
  cairo_tag_begin (s->cr, "Table", NULL);
  table_row (s, columns, 2, (const char *[]) { _("Claimant"), claimant }, FALSE, TRUE);
  table_row (s, columns, 2, (const char *[]) { _("Case"), vigil_case_get_reference (c->kase) },
             FALSE, TRUE);
  table_row (s, columns, 2, (const char *[]) { _("Court"), vigil_case_get_court (c->kase) },
             FALSE, TRUE);
  table_row (s, columns, 2, (const char *[]) { _("Route"), route_label (c->claim->route) }, FALSE,
             TRUE);
  table_row (s, columns, 2, (const char *[]) { _("Status"), status }, FALSE, TRUE);
  table_row (s, columns, 2, (const char *[]) { _("Currency"), c->claim->currency }, FALSE, TRUE);
  if (c->claim->filed_at != NULL)
    table_row (s, columns, 2, (const char *[]) { _("Filed"), c->claim->filed_at }, FALSE, TRUE);
  cairo_tag_end (s->cr, "Table");
}

static void
write_items (Sheet *s, const Content *c, gint64 *awarded_total, gboolean *has_awarded)
{
  static const Column columns[] = {
    { TEXT_WIDTH - 300, PANGO_ALIGN_LEFT }, { 100, PANGO_ALIGN_RIGHT },
    { 100, PANGO_ALIGN_RIGHT }, { 100, PANGO_ALIGN_RIGHT },
  };
  gint64 claimed_total = 0, paid_total = 0;
  g_autofree char *claimed_text = NULL;
  g_autofree char *awarded_text = NULL;
  g_autofree char *paid_text = NULL;

  *awarded_total = 0;
  *has_awarded = FALSE;
  const char *header[] = { _("Head of damage"), _("Claimed"), _("Awarded"), _("Paid") };

  heading (s, _("Heads of damage"), 60);
  table_begin (s, columns, 4, header);
  for (guint i = 0; i < c->claim->items->len; i++)
    {
      const VigilClaimItemData *item = g_ptr_array_index (c->claim->items, i);
      g_autofree char *claimed = money (c, item->claimed_minor);
      g_autofree char *awarded = item->has_awarded ? money (c, item->awarded_minor) : g_strdup ("—");
      g_autofree char *paid = money (c, item->has_paid ? item->paid_minor : 0);

      table_row (s, columns, 4,
                 (const char *[]) { vigil_claim_head_label (item->head), claimed, awarded, paid },
                 FALSE, item->evidence == NULL);
      /* Sums of at most a few dozen amounts of at most 10^15 each. */
      claimed_total += item->claimed_minor;
      paid_total += item->has_paid ? item->paid_minor : 0;
      if (item->has_awarded)
        {
          *awarded_total += item->awarded_minor;
          *has_awarded = TRUE;
        }
      if (item->evidence != NULL)
        {
          static const Column evidence_column[] = { { 12, PANGO_ALIGN_LEFT },
                                                    { TEXT_WIDTH - 12, PANGO_ALIGN_LEFT } };
          g_autofree char *line = NULL;

          if (c->identity == NULL && vigil_identifier_detector_finds (c->identifiers, item->evidence))
            line = g_strdup (_("Evidence: left out, as it names a person of the case; print the "
                               "worksheet with the identity to include it."));
          else
            line = g_strdup_printf (_("Evidence: %s"), item->evidence);
          table_row (s, evidence_column, 2, (const char *[]) { "", line }, FALSE, TRUE);
        }
    }
  claimed_text = money (c, claimed_total);
  awarded_text = *has_awarded ? money (c, *awarded_total) : g_strdup ("—");
  paid_text = money (c, paid_total);
  table_row (s, columns, 4, (const char *[]) { _("Total"), claimed_text, awarded_text, paid_text },
             TRUE, FALSE);
  table_end (s);
}

static void
write_wages (Sheet *s, const Content *c)
{
  VigilWageResult result = { 0 };
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) lines = NULL;

  if (c->options->wages == NULL)
    return;
  heading (s, _("Unpaid wages: the calculation"), 80);
  if (!vigil_wage_calculate (c->options->wages, (locale_t) 0, &result, &error))
    {
      paragraph (s, s->body, error->message, 6);
      return;
    }
  {
    g_autofree char *period = g_strdup_printf (_("Worked from %s to %s (%u days)."),
                                               c->options->wages->start_on,
                                               c->options->wages->end_on, result.days);

    paragraph (s, s->body, period, 6);
  }
  lines = g_strsplit (result.formula, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    paragraph (s, i + 1 == g_strv_length (lines) ? s->bold : s->body, lines[i], 3);
  paragraph (s, s->small,
             _("Rounding: the amount owed is computed in whole numbers (the rate in minor units, "
               "hours in hundredths) with one division at the end, rounded to the nearest minor "
               "unit, a half rounding up. The hours above are rounded for reading only."),
             4);
  vigil_wage_result_clear (&result);
}

static void
write_payments (Sheet *s, const Content *c, gint64 awarded_total, gboolean has_awarded)
{
  static const Column columns[] = {
    { 82, PANGO_ALIGN_LEFT }, { 120, PANGO_ALIGN_LEFT }, { TEXT_WIDTH - 302, PANGO_ALIGN_LEFT },
    { 100, PANGO_ALIGN_RIGHT },
  };
  static const Column totals[] = { { TEXT_WIDTH - 130, PANGO_ALIGN_RIGHT },
                                   { 130, PANGO_ALIGN_RIGHT } };
  g_autofree char *awarded = has_awarded ? money (c, awarded_total) : g_strdup (_("nothing yet"));
  g_autofree char *paid = money (c, c->claim->paid_minor);
  g_autofree char *unpaid = money (c, MAX (0, awarded_total - c->claim->paid_minor));

  const char *header[] = { _("Date"), _("Paid by"), _("Pays"), _("Amount") };

  heading (s, _("Payments against the award"), 60);
  if (c->claim->payments->len > 0)
    table_begin (s, columns, 4, header);
  else
    cairo_tag_begin (s->cr, "Table", NULL);
  for (guint i = 0; i < c->claim->payments->len; i++)
    {
      const VigilClaimPayment *p = g_ptr_array_index (c->claim->payments, i);
      g_autofree char *amount = money (c, p->amount_minor);

      table_row (s, columns, 4,
                 (const char *[]) { p->paid_on != NULL ? p->paid_on : _("not recorded"),
                                    vigil_claim_payer_label (p->payer), head_of (c, p->item_id),
                                    amount },
                 FALSE, TRUE);
    }
  if (c->claim->payments->len == 0)
    paragraph (s, s->body, _("No payment has been recorded."), 6);
  s->table_header = NULL;
  table_row (s, totals, 2, (const char *[]) { _("Awarded"), awarded }, FALSE, FALSE);
  table_row (s, totals, 2, (const char *[]) { _("Paid (the sum of the payments)"), paid }, FALSE,
             FALSE);
  table_row (s, totals, 2, (const char *[]) { _("Awarded and not paid"), unpaid }, TRUE, FALSE);
  table_end (s);
}

static void
write_history (Sheet *s, const Content *c)
{
  static const Column columns[] = {
    { 80, PANGO_ALIGN_LEFT }, { 125, PANGO_ALIGN_LEFT }, { TEXT_WIDTH - 315, PANGO_ALIGN_LEFT },
    { 110, PANGO_ALIGN_LEFT },
  };
  const char *header[] = { _("Date"), _("Status"), _("Reason"), _("Recorded by") };

  heading (s, _("Status history"), 40);
  if (c->claim->history->len == 0)
    {
      paragraph (s, s->body, _("No change of status has been recorded."), 6);
      return;
    }
  table_begin (s, columns, 4, header);
  for (guint i = 0; i < c->claim->history->len; i++)
    {
      const VigilClaimStatusChange *change = g_ptr_array_index (c->claim->history, i);

      table_row (s, columns, 4,
                 (const char *[]) { change->changed_on, vigil_claim_status_label (change->status),
                                    change->reason != NULL
                                        ? vigil_claim_reason_label (change->reason)
                                        : "",
                                    change->changed_by != NULL ? change->changed_by : "" },
                 FALSE, TRUE);
    }
  table_end (s);
}

static void
write_deadlines_and_assets (Sheet *s, const Content *c)
{
  static const Column deadline_columns[] = {
    { 200, PANGO_ALIGN_LEFT }, { 120, PANGO_ALIGN_LEFT }, { TEXT_WIDTH - 320, PANGO_ALIGN_LEFT },
  };
  static const Column asset_columns[] = {
    { 130, PANGO_ALIGN_LEFT }, { 90, PANGO_ALIGN_LEFT }, { TEXT_WIDTH - 340, PANGO_ALIGN_LEFT },
    { 120, PANGO_ALIGN_RIGHT },
  };

  if (c->claim->deadlines->len > 0)
    {
      heading (s, _("Deadlines"), 40);
      cairo_tag_begin (s->cr, "Table", NULL);
      table_row (s, deadline_columns, 3, (const char *[]) { _("Deadline"), _("Due"), _("State") },
                 TRUE, TRUE);
      for (guint i = 0; i < c->claim->deadlines->len; i++)
        {
          const VigilClaimDeadline *d = g_ptr_array_index (c->claim->deadlines, i);

          table_row (s, deadline_columns, 3,
                     (const char *[]) { vigil_claim_deadline_label (d->kind), d->due_on,
                                        d->done ? _("Met") : _("Open") },
                     FALSE, TRUE);
        }
      cairo_tag_end (s->cr, "Table");
    }

  heading (s, _("Assets that could pay it"), 40);
  if (c->claim->asset_links->len == 0)
    {
      paragraph (s, s->body, _("No frozen or confiscated asset is linked to this claim."), 6);
      return;
    }
  cairo_tag_begin (s->cr, "Table", NULL);
  table_row (s, asset_columns, 4,
             (const char *[]) { _("Asset"), _("Defendant"), _("State"), _("Estimated value") },
             TRUE, TRUE);
  for (guint l = 0; l < c->claim->asset_links->len; l++)
    {
      const VigilClaimAssetLink *link = g_ptr_array_index (c->claim->asset_links, l);

      for (guint a = 0; a < c->assets->len; a++)
        {
          const VigilDefendantAsset *asset = g_ptr_array_index (c->assets, a);
          g_autofree char *value = NULL;

          if (!g_str_equal (asset->id, link->asset_id))
            continue;
          value = asset->has_estimate
                      ? vigil_money_format (asset->estimated_minor, asset->currency, (locale_t) 0)
                      : g_strdup (_("not estimated"));
          table_row (s, asset_columns, 4,
                     (const char *[]) { vigil_asset_kind_label (asset->kind),
                                        pseudonym_of (c, asset->defendant_id),
                                        vigil_asset_state_label (asset->state), value },
                     FALSE, TRUE);
        }
    }
  cairo_tag_end (s->cr, "Table");
}

static void
write_all (Sheet *s, const Content *c)
{
  gint64 awarded_total = 0;
  gboolean has_awarded = FALSE;

  s->page = 0;
  new_page (s);
  write_summary (s, c);
  write_items (s, c, &awarded_total, &has_awarded);
  write_wages (s, c);
  write_payments (s, c, awarded_total, has_awarded);
  write_history (s, c);
  write_deadlines_and_assets (s, c);
  cairo_show_page (s->cr);
}

static void
sheet_fonts (Sheet *s)
{
  s->body = pango_font_description_from_string (FONT_FAMILY " 9.5");
  s->bold = pango_font_description_from_string (FONT_FAMILY " Bold 9.5");
  s->small = pango_font_description_from_string (FONT_FAMILY " 7.5");
  s->heading = pango_font_description_from_string (FONT_FAMILY " Bold 12");
  s->title = pango_font_description_from_string (FONT_FAMILY " Bold 17");
}

static void
sheet_clear (Sheet *s)
{
  g_clear_pointer (&s->cr, cairo_destroy);
  g_clear_pointer (&s->surface, cairo_surface_destroy);
  g_clear_pointer (&s->body, pango_font_description_free);
  g_clear_pointer (&s->bold, pango_font_description_free);
  g_clear_pointer (&s->small, pango_font_description_free);
  g_clear_pointer (&s->heading, pango_font_description_free);
  g_clear_pointer (&s->title, pango_font_description_free);
  g_clear_pointer (&s->header, g_free);
  g_clear_pointer (&s->footer, g_free);
}

static void
content_clear (Content *c)
{
  g_clear_pointer (&c->claim, vigil_claim_data_free);
  g_clear_object (&c->kase);
  g_clear_object (&c->claimant);
  g_clear_pointer (&c->identity, vigil_identity_free);
  g_clear_object (&c->identifiers);
  g_clear_pointer (&c->assets, g_ptr_array_unref);
  g_clear_pointer (&c->persons, g_ptr_array_unref);
}

static gboolean
content_load (Content *c, VigilStore *store, const char *claim_id, GError **error)
{
  c->store = store;
  c->claim = vigil_store_get_claim (store, claim_id, error);
  if (c->claim == NULL)
    return FALSE;
  c->kase = vigil_store_get_case (store, c->claim->case_id, error);
  if (c->kase == NULL)
    return FALSE;
  c->claimant = vigil_store_get_person (store, c->claim->claimant_id, error);
  if (c->claimant == NULL)
    return FALSE;
  c->persons = vigil_store_list_persons (store, c->claim->case_id, error);
  if (c->persons == NULL)
    return FALSE;
  c->assets = vigil_store_list_defendant_assets (store, c->claim->case_id, error);
  if (c->assets == NULL)
    return FALSE;
  if (c->options->with_identity)
    {
      /* Written to the audit log as a "reveal": the file is on record. */
      g_autoptr (GError) local = NULL;

      c->identity = vigil_store_load_identity (store, c->claimant, &local);
      if (c->identity == NULL && local != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return FALSE;
        }
    }
  else
    {
      c->identifiers = vigil_store_case_identifiers (store, c->claim->case_id, error);
      if (c->identifiers == NULL)
        return FALSE;
    }
  return TRUE;
}

/* public API */

/**
 * vigil_claim_worksheet_write:
 *
 * Returns: TRUE when the PDF was written
 */
gboolean
vigil_claim_worksheet_write (VigilStore                  *store,
                             const char                  *claim_id,
                             const VigilWorksheetOptions *options,
                             const char                  *path,
                             GError                     **error)
{
  static const VigilWorksheetOptions defaults = { FALSE, NULL, NULL };
  Content content = { NULL };
  Sheet sheet = { NULL };
  g_autofree char *today = NULL;
  g_autofree char *document_title = NULL;
  cairo_status_t status;
  gboolean ok = FALSE;

  g_return_val_if_fail (VIGIL_IS_STORE (store), FALSE);
  g_return_val_if_fail (claim_id != NULL && path != NULL, FALSE);

  content.options = options != NULL ? options : &defaults;
  if (!content_load (&content, store, claim_id, error))
    goto out;
  today = content.options->today != NULL ? g_strdup (content.options->today) : vigil_date_today ();

  sheet_fonts (&sheet);
  sheet.confidential = content.identity != NULL;
  sheet.header = g_strdup_printf ("%s · %s · %s", vigil_case_get_reference (content.kase),
                                  vigil_case_get_court (content.kase),
                                  vigil_person_get_pseudonym (content.claimant));
  sheet.footer = g_strdup_printf (_("Prepared with Vigil on %s"), today);

  /* First on a recording surface, to count the pages. */
  sheet.measuring = TRUE;
  sheet.surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  sheet.cr = cairo_create (sheet.surface);
  write_all (&sheet, &content);
  sheet.n_pages = sheet.page;
  g_clear_pointer (&sheet.cr, cairo_destroy);
  g_clear_pointer (&sheet.surface, cairo_surface_destroy);

  sheet.measuring = FALSE;
  sheet.surface = cairo_pdf_surface_create (path, PAGE_WIDTH, PAGE_HEIGHT);
  document_title = g_strdup_printf (_("Compensation claim worksheet: %s, %s"),
                                    vigil_case_get_reference (content.kase),
                                    vigil_person_get_pseudonym (content.claimant));
  cairo_pdf_surface_set_metadata (sheet.surface, CAIRO_PDF_METADATA_TITLE, document_title);
  cairo_pdf_surface_set_metadata (sheet.surface, CAIRO_PDF_METADATA_CREATOR, "Vigil");
  sheet.cr = cairo_create (sheet.surface);
  write_all (&sheet, &content);
  cairo_surface_finish (sheet.surface);
  status = cairo_surface_status (sheet.surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, VIGIL_ERROR, VIGIL_ERROR_IO, _("The worksheet could not be written: %s"),
                   cairo_status_to_string (status));
      goto out;
    }
  ok = TRUE;

out:
  sheet_clear (&sheet);
  content_clear (&content);
  return ok;
}
