/* ga-report-outline-park.c: the outline of a green industrial park's
 * self-evaluation report (绿色工业园区自评价报告)
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The MIIT self-evaluation template of a park has 园区基本情况, then
 * 绿色园区创建情况: the basic requirements (基本要求符合性) and the six
 * areas (能源利用, 资源利用, 基础设施, 产业, 生态环境, 运行管理), each
 * with what was done and the related indicators. The park template's
 * first-level sections are exactly these, so they are the sub-parts of
 * 绿色园区创建情况; the green index of the three years and the
 * conclusion follow, then the problems and next steps. The part keys
 * are those of ga-narrative.c.
 */
#include "config.h"

#include "ga-report-builder-private.h"
#include "ga-session.h"

/* The park's member enterprises as recorded in the database, under the
 * park's basic information. Nothing when it has none. */
static void
add_members (Report *r)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) members =
    ga_store_list_park_members (ga_session_get_store (r->session), r->enterprise->id, &error);
  const double widths[] = { 0.08, 0.42, 0.32, 0.18 };
  const char *header[] = { tr (r, "序号", "No."), tr (r, "成员企业", "Member enterprise"),
                           tr (r, "统一社会信用代码", "Credit code"),
                           tr (r, "行业代码", "Industry") };
  GaDocTable *t;

  if (members == NULL)
    {
      g_debug ("the park's members are left out of the report: %s", error->message);
      return;
    }
  if (members->len == 0)
    return;
  _ga_report_sub_heading (r, 0, tr (r, "园区成员企业", "Member enterprises"));
  {
    g_autofree char *text = TR_PRINTF (r, "本软件中登记的园区成员企业共 %u 家：",
                                       "The database records %u member enterprises of the park:",
                                       members->len);
    paragraph (r, text);
  }
  t = table (r, 4, widths, header);
  ga_doc_table_set_column_align (t, 0, GA_DOC_ALIGN_CENTER);
  for (guint i = 0; i < members->len; i++)
    {
      const GaEnterprise *e = g_ptr_array_index (members, i);
      g_autofree char *n = g_strdup_printf ("%u", i + 1);
      const char *cells[] = { n, e->name, e->credit_code, empty (e->industry) ? "-" : e->industry };

      ga_doc_table_add_row (t, cells);
    }
}

void
_ga_report_outline_park (Report *r)
{
  _ga_report_part_heading (r, "park");
  _ga_report_add_profile (r);
  add_members (r);
  _ga_report_part_heading (r, "green-work");
  _ga_report_add_sections (r, "green-work");
  _ga_report_part_heading (r, "conclusion");
  _ga_report_add_summary (r);
  _ga_report_add_outputs (r);
  _ga_report_part_heading (r, "problems");
  _ga_report_add_problems (r);
}
