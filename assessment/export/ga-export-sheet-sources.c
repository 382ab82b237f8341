/* ga-export-sheet-sources.c: the sources sheet (来源与核实)
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Where every item, lookup table and factor comes from and whether it is
 * verified against the official text. The other sheets mark a row that
 * is not with ※ and leave the notes here, so that what a reviewer reads
 * there is the assessment itself.
 */
#include "config.h"

#include "ga-export-book.h"

static gint
factor_last (gconstpointer a,
             gconstpointer b)
{
  const ExSourceRow *ra = *(ExSourceRow * const *) a;
  const ExSourceRow *rb = *(ExSourceRow * const *) b;

  return (int) ra->factor - (int) rb->factor;
}

void
ex_write_sources (Export *ex)
{
  const Sheet *s = &ex->sources;
  static const struct { const char *zh, *en; double width; } heads[] = {
    { "位置", "Where", 14 },
    { "项目", "What", 24 },
    { "来源", "Source", 48 },
    { "核实情况", "Verification", 38 },
  };
  g_autofree char *overall = NULL;
  guint row = 3;

  /* The items first, in the order of the scoring sheet, then the tables
   * of factors. */
  g_ptr_array_sort (ex->source_rows, factor_last);

  ex_merge (ex, s, 0, 0, 0, G_N_ELEMENTS (heads) - 1, ex_tr (ex, "来源与核实", "Sources"),
            ex->f_title);
  if (ga_template_get_verified (ex->tmpl))
    overall = g_strdup (ex_tr (ex, "模板中的数值均已与官方文本核对。",
                               "Every figure of the template is verified against the official "
                               "text."));
  else
    overall = g_strdup (ex_tr (ex, "模板中部分数值未能与官方文本核对，其所在行在各表中标有 "
                                   EX_MARK "，原因见下表。",
                               "Some figures of the template are not verified against the "
                               "official text; their rows are marked " EX_MARK
                               " on the other sheets, and this sheet says why."));
  ex_merge (ex, s, 1, 0, 1, G_N_ELEMENTS (heads) - 1, overall, ex->f_note);
  for (guint c = 0; c < G_N_ELEMENTS (heads); c++)
    {
      ex_put_string (ex, s, 2, c, ex->zh ? heads[c].zh : heads[c].en, ex->f_header, "a heading");
      ex_set_column (ex, s, c, c, heads[c].width, NULL);
    }
  for (guint i = 0; i < ex->source_rows->len; i++, row++)
    {
      const ExSourceRow *r = g_ptr_array_index (ex->source_rows, i);
      lxw_format *text = r->heading ? ex->f_label : ex->f_wrap;

      if (r->heading)
        ex_break_before (s, row);
      ex_put_string (ex, s, row, 0, r->sheet, text, "a place");
      ex_put_string (ex, s, row, 1, r->what, text, "a name");
      ex_put_string (ex, s, row, 2, r->source, text, "a source");
      ex_put_string (ex, s, row, 3, r->verification, r->verified ? text : ex->f_mark_wrap,
                     "a verification");
    }
  ex_page_setup (ex, s, TRUE, 2, 2, 3, 0);
}
