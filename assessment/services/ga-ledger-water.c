/* ga-ledger-water.c: the words of a water ledger (用水台账, a water
 * meter export): volume units, the kinds of the water-balance table,
 * headings
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A water-balance table has no units column: its volume column states one
 * unit (m³), and a row's volume is converted into it. The volume units are
 * the legal units of GB 3100-1993 (1 L = 10⁻³ m³, 万 = 10⁴) and the tonne
 * by which water is metered and billed: a water ledger's "吨" is read as
 * 1 m³ (water's density, 1 t/m³ to three figures), the way water bills and
 * meter exports use it.
 *
 * A row's kind is matched against the kind column's own options first (id,
 * label, the label's part after "取水:"), so a kind a template adds is
 * recognised without a change here; the names below are those ledgers
 * commonly use, and count only when the column has the option.
 */
#include "config.h"

#include <string.h>

#include "ga-ledger-private.h"

/* ---- units ---- */

static const struct {
  const char *alias;   /* normalised */
  const char *key;
  double      m3;      /* m³ in one */
} volume_units[] = {
  { "m3", "m³", 1 }, { "立方米", "m³", 1 }, { "立方", "m³", 1 }, { "方", "m³", 1 },
  { "t", "t", 1 }, { "吨", "t", 1 }, { "公吨", "t", 1 }, { "tonne", "t", 1 }, { "tonnes", "t", 1 },
  { "ton", "t", 1 }, { "tons", "t", 1 },
  { "万m3", "万m³", 1e4 }, { "万立方米", "万m³", 1e4 }, { "万方", "万m³", 1e4 },
  { "10^4m3", "万m³", 1e4 }, { "104m3", "万m³", 1e4 }, { "10000m3", "万m³", 1e4 },
  { "万t", "万t", 1e4 }, { "万吨", "万t", 1e4 }, { "10^4t", "万t", 1e4 }, { "104t", "万t", 1e4 },
  { "千m3", "千m³", 1e3 }, { "千立方米", "千m³", 1e3 }, { "1000m3", "千m³", 1e3 },
  { "l", "L", 1e-3 }, { "升", "L", 1e-3 }, { "公升", "L", 1e-3 },
};

const char *
ga_ledger_match_volume (const char *text,
                        double     *factor)
{
  g_autofree char *norm = ga_ledger_normalize (text);

  for (gsize i = 0; i < G_N_ELEMENTS (volume_units); i++)
    if (g_str_equal (volume_units[i].alias, norm))
      {
        if (factor != NULL)
          *factor = volume_units[i].m3;
        return volume_units[i].key;
      }
  return NULL;
}

const char *
ga_ledger_volume_in_text (const char *text,
                          double     *factor)
{
  g_autofree char *norm = ga_ledger_normalize (text);
  char *open, *close;

  close = strrchr (norm, ')');
  open = strrchr (norm, '(');
  if (open != NULL && close != NULL && close > open && close[1] == '\0')
    {
      *close = '\0';
      return ga_ledger_match_volume (open + 1, factor);
    }
  open = strrchr (norm, '/');
  if (open != NULL && open[1] != '\0')
    return ga_ledger_match_volume (open + 1, factor);
  return NULL;
}

gboolean
ga_ledger_is_other_unit (const char *text)
{
  static const char *const others[] = {
    "kwh", "万kwh", "千瓦时", "万千瓦时", "度", "mwh", "kg", "千克", "公斤", "gj", "mj",
    "tce", "吨标准煤", "元", "万元", "千元", "小时", "h", "台", "个",
  };
  g_autofree char *norm = ga_ledger_normalize (text);

  for (gsize i = 0; i < G_N_ELEMENTS (others); i++)
    if (g_str_equal (others[i], norm))
      return TRUE;
  return FALSE;
}

/* ---- kinds ---- */

static const struct {
  const char *name;   /* normalised */
  const char *kind;
} water_kinds[] = {
  { "自来水", "in_tap" }, { "市政自来水", "in_tap" }, { "市政供水", "in_tap" },
  { "城市供水", "in_tap" }, { "市政水", "in_tap" }, { "管网水", "in_tap" },
  { "公共供水", "in_tap" }, { "tapwater", "in_tap" }, { "municipalwater", "in_tap" },
  { "地下水", "in_ground" }, { "深井水", "in_ground" }, { "深井", "in_ground" },
  { "自备井", "in_ground" }, { "井水", "in_ground" }, { "groundwater", "in_ground" },
  { "wellwater", "in_ground" },
  { "地表水", "in_surface" }, { "河水", "in_surface" }, { "江水", "in_surface" },
  { "湖水", "in_surface" }, { "水库水", "in_surface" }, { "surfacewater", "in_surface" },
  { "riverwater", "in_surface" },
  { "外购水", "in_purchased" }, { "购水", "in_purchased" }, { "外购软水", "in_purchased" },
  { "外购除盐水", "in_purchased" }, { "purchasedwater", "in_purchased" },
  { "非常规水", "in_nonconv" }, { "非常规水源", "in_nonconv" }, { "再生水", "in_nonconv" },
  { "中水", "in_nonconv" }, { "雨水", "in_nonconv" }, { "海水", "in_nonconv" },
  { "淡化海水", "in_nonconv" }, { "矿井水", "in_nonconv" }, { "苦咸水", "in_nonconv" },
  { "reclaimedwater", "in_nonconv" }, { "rainwater", "in_nonconv" },
  { "seawater", "in_nonconv" }, { "minewater", "in_nonconv" },
  { "生产用水", "use_process" }, { "工艺用水", "use_process" }, { "生产工序", "use_process" },
  { "processwater", "use_process" },
  { "直接冷却补充水", "use_mk_dir" }, { "直接冷却水补水", "use_mk_dir" },
  { "间接冷却补充水", "use_mk_ind" }, { "冷却塔补水", "use_mk_ind" },
  { "循环水补水", "use_mk_ind" }, { "循环水补充水", "use_mk_ind" },
  { "生活用水", "use_domestic" }, { "生活", "use_domestic" }, { "domestic", "use_domestic" },
  { "直接冷却循环水", "r_cool_dir" },
  { "间接冷却循环水", "r_cool_ind" }, { "循环水", "r_cool_ind" }, { "循环冷却水", "r_cool_ind" },
  { "冷却循环水", "r_cool_ind" }, { "coolingwater", "r_cool_ind" },
  { "冷凝水", "r_condensate" }, { "蒸汽冷凝水", "r_condensate" }, { "冷凝水回用", "r_condensate" },
  { "condensate", "r_condensate" },
  { "废水回用", "r_wastewater" }, { "污水回用", "r_wastewater" }, { "回用水", "r_wastewater" },
  { "中水回用", "r_wastewater" }, { "reusedwastewater", "r_wastewater" },
  { "串联水", "r_series" }, { "串联用水", "r_series" }, { "梯级用水", "r_series" },
  { "漏失", "loss" }, { "漏失水", "loss" }, { "漏失水量", "loss" }, { "漏损", "loss" },
  { "管网漏失", "loss" }, { "leakage", "loss" },
  { "排水", "discharge" }, { "排水量", "discharge" }, { "外排水", "discharge" },
  { "污水排放", "discharge" }, { "废水排放", "discharge" }, { "排放", "discharge" },
  { "discharge", "discharge" },
};

static const GaOption *
find_option (const GaColumn *column,
             const char     *id)
{
  for (guint i = 0; column->options && i < column->options->len; i++)
    {
      const GaOption *o = column->options->pdata[i];

      if (g_strcmp0 (o->id, id) == 0)
        return o;
    }
  return NULL;
}

/* The option whose id, label or label after its "类别:" part is @norm. */
static const char *
option_match (const GaColumn *column,
              const char     *norm)
{
  for (guint i = 0; column->options && i < column->options->len; i++)
    {
      const GaOption *o = column->options->pdata[i];
      const char *names[3] = { o->id, o->label.zh, o->label.en };

      for (guint k = 0; k < G_N_ELEMENTS (names); k++)
        {
          g_autofree char *n = ga_ledger_normalize (names[k]);
          const char *colon = strrchr (n, ':');
          char *bracket;

          if (names[k] == NULL)
            continue;
          if (g_str_equal (n, norm) || (colon != NULL && g_str_equal (colon + 1, norm)))
            return o->id;
          /* "非常规水源 (再生水、雨水 …)": the name before the brackets. */
          bracket = strchr (n, '(');
          if (bracket != NULL && bracket != n)
            {
              *bracket = '\0';
              colon = strrchr (n, ':');
              if (g_str_equal (n, norm) || (colon != NULL && g_str_equal (colon + 1, norm)))
                return o->id;
            }
        }
    }
  return NULL;
}

const char *
ga_ledger_match_water_kind (const GaColumn *column,
                            const char     *text)
{
  g_autofree char *norm = ga_ledger_normalize (text);
  const char *found = NULL;
  gsize found_len = 0;
  char *bracket;

  if (column == NULL || *norm == '\0')
    return NULL;
  found = option_match (column, norm);
  if (found != NULL)
    return found;
  /* "地下水(吨)": the name before a unit in brackets. */
  bracket = strchr (norm, '(');
  if (bracket != NULL && bracket != norm)
    {
      *bracket = '\0';
      found = option_match (column, norm);
      if (found != NULL)
        return found;
    }
  for (gsize i = 0; i < G_N_ELEMENTS (water_kinds); i++)
    if (g_str_equal (water_kinds[i].name, norm) && find_option (column, water_kinds[i].kind))
      return water_kinds[i].kind;
  /* "1#深井", "市政自来水进水": the longest common name within the text. */
  for (gsize i = 0; i < G_N_ELEMENTS (water_kinds); i++)
    {
      gsize len = strlen (water_kinds[i].name);

      if (len > found_len && strstr (norm, water_kinds[i].name) != NULL
          && find_option (column, water_kinds[i].kind))
        {
          found = water_kinds[i].kind;
          found_len = len;
        }
    }
  return found;
}

/* ---- headings ---- */

static const struct {
  const char   *word;
  GaLedgerField field;
  int           priority;
} water_heading_words[] = {
  { "水表名称", GA_LEDGER_FIELD_METER, 5 }, { "水表编号", GA_LEDGER_FIELD_METER, 4 },
  { "水表", GA_LEDGER_FIELD_METER, 4 }, { "用水单位", GA_LEDGER_FIELD_METER, 5 },
  { "用水部门", GA_LEDGER_FIELD_METER, 5 }, { "用水单元", GA_LEDGER_FIELD_METER, 5 },
  { "用水项目", GA_LEDGER_FIELD_METER, 5 }, { "安装位置", GA_LEDGER_FIELD_METER, 3 },
  { "位置", GA_LEDGER_FIELD_METER, 2 }, { "车间", GA_LEDGER_FIELD_METER, 3 },
  { "部门", GA_LEDGER_FIELD_METER, 3 },
  { "水源类别", GA_LEDGER_FIELD_CARRIER, 5 }, { "用水类别", GA_LEDGER_FIELD_CARRIER, 5 },
  { "水量类别", GA_LEDGER_FIELD_CARRIER, 5 }, { "取水水源", GA_LEDGER_FIELD_CARRIER, 5 },
  { "水源", GA_LEDGER_FIELD_CARRIER, 5 }, { "类别", GA_LEDGER_FIELD_CARRIER, 5 },
  { "分类", GA_LEDGER_FIELD_CARRIER, 4 }, { "用途", GA_LEDGER_FIELD_CARRIER, 4 },
  { "kind", GA_LEDGER_FIELD_CARRIER, 5 }, { "source", GA_LEDGER_FIELD_CARRIER, 5 },
  { "category", GA_LEDGER_FIELD_CARRIER, 5 }, { "type", GA_LEDGER_FIELD_CARRIER, 4 },
  { "用水量", GA_LEDGER_FIELD_QTY, 4 }, { "取水量", GA_LEDGER_FIELD_QTY, 4 },
  { "水量", GA_LEDGER_FIELD_QTY, 3 }, { "volume", GA_LEDGER_FIELD_QTY, 4 },
};

GaLedgerField
ga_ledger_guess_water_field (const char *heading,
                             int        *priority)
{
  g_autofree char *h = g_strdup (heading ? heading : "");
  char *bracket = strchr (h, '(');
  GaLedgerField field;
  glong len;

  field = ga_ledger_guess_field (heading, priority);
  /* A month stays a month; "全年合计" stays a total. */
  if (field == GA_LEDGER_FIELD_MONTH)
    return field;
  if (bracket != NULL && bracket != h)
    *bracket = '\0';
  g_strdelimit (h, ":", '\0');
  len = g_utf8_strlen (h, -1);
  for (gsize i = 0; *h && i < G_N_ELEMENTS (water_heading_words); i++)
    {
      const char *w = water_heading_words[i].word;

      if (strstr (h, w) != NULL && len <= g_utf8_strlen (w, -1) + 3)
        {
          *priority = water_heading_words[i].priority;
          return water_heading_words[i].field;
        }
    }
  return field;
}

/* Whether the options of @column are kinds of water: at least two of
 * their labels hold a common name of that very kind ("取水: 自来水"). */
gboolean
ga_ledger_is_water_kind_column (const GaColumn *column)
{
  guint n = 0;

  for (guint i = 0; column->options && i < column->options->len; i++)
    {
      const GaOption *o = column->options->pdata[i];
      g_autofree char *norm = ga_ledger_normalize (o->label.zh);

      for (gsize k = 0; k < G_N_ELEMENTS (water_kinds); k++)
        if (g_str_equal (water_kinds[k].kind, o->id) && strstr (norm, water_kinds[k].name))
          {
            n++;
            break;
          }
    }
  return n >= 2;
}
