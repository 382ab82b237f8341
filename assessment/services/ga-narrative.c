/* ga-narrative.c: the parts of the self-evaluation report that take the
 * user's own text
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "ga-format.h"
#include "ga-narrative.h"
#include "ga-store.h"

/* One numbered part of an outline; @sections: the template's dimensions
 * are its sub-parts, keyed "<key>.<section id>". The report builder's
 * outlines (ga-report-builder.c) print these headings in this order. */
typedef struct {
  const char *key;
  const char *zh;
  const char *en;
  gboolean    sections;
} PartDef;

static const PartDef green_factory[] = {
  { "factory", "工厂基本情况", "The factory", FALSE },
  { "green-work", "绿色工厂创建情况", "Green factory work", TRUE },
  { "conclusion", "自评价得分及结论", "Score and conclusion", FALSE },
  { "problems", "存在问题及下一步计划", "Problems and next steps", FALSE },
  { NULL, NULL, NULL, FALSE },
};

static const PartDef clean_production[] = {
  { "enterprise", "企业基本情况", "The enterprise", FALSE },
  { "indicators", "清洁生产指标评价", "Clean production indicators", TRUE },
  { "level", "综合评价指数与等级", "Composite index and level", FALSE },
  { "plan", "持续清洁生产方案", "Continuing clean production plan", FALSE },
  { NULL, NULL, NULL, FALSE },
};

static const PartDef energy_audit[] = {
  { "enterprise", "企业概况", "The enterprise", FALSE },
  { "energy", "能源消费与结构", "Energy consumption and structure", FALSE },
  { "indicators", "能耗指标与目标完成情况", "Energy indicators and targets", TRUE },
  { "savings", "节能潜力与建议", "Savings potential and recommendations", FALSE },
  { NULL, NULL, NULL, FALSE },
};

static const PartDef water_saving[] = {
  { "enterprise", "企业基本情况", "The enterprise", FALSE },
  { "water", "用水情况与水平衡", "Water use and water balance", FALSE },
  { "evaluation", "节水型企业评价", "Water-saving enterprise evaluation", TRUE },
  { "conclusion", "自评价结论", "Conclusion", FALSE },
  { "plan", "存在问题及节水计划", "Problems and water-saving plan", FALSE },
  { NULL, NULL, NULL, FALSE },
};

static const PartDef diagnosis[] = {
  { "enterprise", "企业基本情况", "Enterprise overview", FALSE },
  { "energy", "能源消费情况", "Energy use", FALSE },
  { "balance", "能量平衡与单位产品能耗", "Energy balance and energy per unit product", FALSE },
  { "equipment", "重点用能设备能效", "Key equipment efficiency", FALSE },
  { "management", "能源计量与管理", "Metering and management", FALSE },
  { "measures", "节能措施及效益", "Saving measures, savings and payback", FALSE },
  { "conclusion", "诊断结论", "Conclusions", FALSE },
  { NULL, NULL, NULL, FALSE },
};

static const PartDef supply_chain[] = {
  { "enterprise", "企业基本情况", "The enterprise", FALSE },
  { "gscm-work", "绿色供应链管理工作情况", "Green supply chain management work", TRUE },
  { "suppliers", "供应商管理及定量指标", "Suppliers and their indicators", FALSE },
  { "conclusion", "自评价得分及结论", "Score and conclusion", FALSE },
  { "problems", "存在问题及下一步计划", "Problems and next steps", FALSE },
  { NULL, NULL, NULL, FALSE },
};

/* The park self-evaluation report (绿色工业园区自评价报告): 园区基本情况, then
 * 绿色园区创建情况 with the basic requirements and the six areas as the
 * template's sections. */
static const PartDef green_park[] = {
  { "park", "园区基本情况", "The park", FALSE },
  { "green-work", "绿色园区创建情况", "Green park work", TRUE },
  { "conclusion", "绿色指数及自评价结论", "Green index and conclusion", FALSE },
  { "problems", "存在问题及下一步计划", "Problems and next steps", FALSE },
  { NULL, NULL, NULL, FALSE },
};

/* The audit report's parts follow the usual report skeleton: the firm,
 * the stages as done, the focus, targets, balance and options with their
 * economics, then the results and the plan for continuing. */
static const PartDef cp_audit[] = {
  { "enterprise", "企业基本情况", "The enterprise", FALSE },
  { "audit", "清洁生产审核过程", "The audit, stage by stage", TRUE },
  { "options", "审核重点、目标和清洁生产方案", "Focus, targets and options", FALSE },
  { "result", "审核结论", "Conclusion", FALSE },
  { "plan", "持续清洁生产计划", "Continuing clean production", FALSE },
  { NULL, NULL, NULL, FALSE },
};

static const PartDef custom[] = {
  { "enterprise", "基本情况", "The enterprise", FALSE },
  { "evaluation", "评价内容", "Evaluation", TRUE },
  { "result", "评价结果", "Result", FALSE },
  { "problems", "存在问题及改进计划", "Problems and improvement plan", FALSE },
  { NULL, NULL, NULL, FALSE },
};

static const PartDef *
defs_for (GaTemplateKind kind)
{
  switch (kind)
    {
    case GA_TEMPLATE_KIND_GREEN_FACTORY:
      return green_factory;
    case GA_TEMPLATE_KIND_CLEAN_PRODUCTION:
      return clean_production;
    case GA_TEMPLATE_KIND_ENERGY_AUDIT:
      return energy_audit;
    case GA_TEMPLATE_KIND_WATER_SAVING: return water_saving;
    case GA_TEMPLATE_KIND_ENERGY_DIAGNOSIS: return diagnosis;
    case GA_TEMPLATE_KIND_SUPPLY_CHAIN:
      return supply_chain;
    case GA_TEMPLATE_KIND_GREEN_PARK: return green_park;
    case GA_TEMPLATE_KIND_CP_AUDIT: return cp_audit;
    case GA_TEMPLATE_KIND_CUSTOM:
    default:
      return custom;
    }
}

static gboolean
is_zh (const char *language)
{
  return g_strcmp0 (language != NULL ? language : ga_format_language (), "en") != 0;
}

void
ga_narrative_part_free (GaNarrativePart *part)
{
  if (part == NULL)
    return;
  g_free (part->key);
  g_free (part->title);
  g_free (part->parent);
  g_free (part);
}

const char *
ga_narrative_part_title (GaTemplateKind  kind,
                         const char     *key,
                         const char     *language)
{
  for (const PartDef *d = defs_for (kind); d->key != NULL; d++)
    if (g_strcmp0 (d->key, key) == 0)
      return is_zh (language) ? d->zh : d->en;
  return NULL;
}

GPtrArray *
ga_narrative_outline (GaTemplate *tmpl,
                      const char *language)
{
  GPtrArray *outline = g_ptr_array_new_with_free_func ((GDestroyNotify) ga_narrative_part_free);
  const char *lang = is_zh (language) ? "zh_CN" : "en";

  g_return_val_if_fail (tmpl != NULL, outline);

  for (const PartDef *d = defs_for (ga_template_get_kind (tmpl)); d->key != NULL; d++)
    {
      GaNarrativePart *part = g_new0 (GaNarrativePart, 1);
      const char *title = is_zh (language) ? d->zh : d->en;
      GPtrArray *roots;

      part->key = g_strdup (d->key);
      part->title = g_strdup (title);
      part->level = 1;
      g_ptr_array_add (outline, part);
      if (!d->sections)
        continue;
      roots = ga_template_get_root_sections (tmpl);
      for (guint i = 0; i < roots->len; i++)
        {
          const GaSection *section = g_ptr_array_index (roots, i);
          g_autofree char *key = g_strdup_printf ("%s.%s", d->key, section->id);
          const char *stitle = ga_text_get (&section->title, lang);

          /* A section id that cannot be a key (a template of another
           * program) keeps its heading without text of the user's. */
          if (!ga_narrative_check_part (key, NULL))
            continue;
          part = g_new0 (GaNarrativePart, 1);
          part->key = g_steal_pointer (&key);
          part->title = g_strdup (stitle != NULL ? stitle : section->id);
          part->parent = g_strdup (title);
          part->level = 2;
          part->section = section;
          g_ptr_array_add (outline, part);
        }
    }
  return outline;
}

const GaNarrativePart *
ga_narrative_outline_find (GPtrArray  *outline,
                           const char *key)
{
  for (guint i = 0; outline != NULL && i < outline->len; i++)
    {
      const GaNarrativePart *part = g_ptr_array_index (outline, i);

      if (g_strcmp0 (part->key, key) == 0)
        return part;
    }
  return NULL;
}

static gboolean
blank_line (const char *line)
{
  for (const char *p = line; *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;
  return TRUE;
}

char **
ga_narrative_paragraphs (const char *text)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new ();
  g_autoptr(GString) current = g_string_new (NULL);
  g_auto(GStrv) lines = NULL;

  if (text == NULL)
    {
      g_ptr_array_add (out, NULL);
      return (char **) g_ptr_array_free (g_steal_pointer (&out), FALSE);
    }
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; ; i++)
    {
      const char *line = lines[i];

      if (line == NULL || blank_line (line))
        {
          char *paragraph = g_strstrip (g_strdup (current->str));

          if (*paragraph != '\0')
            g_ptr_array_add (out, paragraph);
          else
            g_free (paragraph);
          g_string_truncate (current, 0);
          if (line == NULL)
            break;
          continue;
        }
      if (current->len > 0)
        g_string_append_c (current, '\n');
      g_string_append (current, line);
    }
  g_ptr_array_add (out, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&out), FALSE);
}
