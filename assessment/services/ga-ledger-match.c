/* ga-ledger-match.c: the words of a ledger (headings, carriers, units)
 * recognised against the template's tables
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Carriers and units are first matched against the template's own tables
 * (key, name, both labels), so a carrier a template adds is recognised
 * without a change here. The lists below add the names ledgers commonly
 * use for them; each maps to a key and counts only when the template's
 * table has that key.
 */
#include "config.h"

#include <string.h>

#include "ga-ledger-private.h"

char *
ga_ledger_normalize (const char *text)
{
  g_autofree char *folded = NULL;
  GString *out;

  if (text == NULL)
    return g_strdup ("");
  folded = g_utf8_casefold (text, -1);
  out = g_string_new (NULL);
  for (const char *p = folded; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == 0x3000 || c == 0x00A0)
        continue;
      if (c >= 0xFF01 && c <= 0xFF5E)
        c = c - 0xFF01 + 0x21;
      switch (c)
        {
        case 0x3010: c = '('; break;   /* 【 */
        case 0x3011: c = ')'; break;   /* 】 */
        case 0x00B3: c = '3'; break;   /* ³ */
        case 0x2074: c = '4'; break;   /* ⁴ */
        case 0x00B7: case 0x2022: case 0x22C5: c = '.'; break;   /* · • ⋅ */
        default: break;
        }
      g_string_append_unichar (out, g_unichar_tolower (c));
    }
  return g_string_free (out, FALSE);
}

/* ---- units ---- */

static const struct {
  const char *alias;
  const char *key;
} unit_aliases[] = {
  { "t", "t" }, { "吨", "t" }, { "公吨", "t" }, { "tonne", "t" }, { "tonnes", "t" },
  { "ton", "t" }, { "tons", "t" },
  { "kg", "kg" }, { "千克", "kg" }, { "公斤", "kg" },
  { "万m3", "万m³" }, { "万立方米", "万m³" }, { "万方", "万m³" }, { "万nm3", "万m³" },
  { "万标立方米", "万m³" }, { "万标方", "万m³" }, { "10^4m3", "万m³" }, { "104m3", "万m³" },
  { "10000m3", "万m³" },
  { "m3", "m³" }, { "立方米", "m³" }, { "方", "m³" }, { "nm3", "m³" }, { "标立方米", "m³" },
  { "标方", "m³" },
  { "万kwh", "万kWh" }, { "万千瓦时", "万kWh" }, { "万千瓦.时", "万kWh" }, { "万度", "万kWh" },
  { "10^4kwh", "万kWh" }, { "104kwh", "万kWh" }, { "10000kwh", "万kWh" },
  { "mwh", "MWh" }, { "兆瓦时", "MWh" }, { "千千瓦时", "MWh" },
  { "kwh", "kWh" }, { "kw.h", "kWh" }, { "千瓦时", "kWh" }, { "千瓦.时", "kWh" }, { "度", "kWh" },
  { "gj", "GJ" }, { "吉焦", "GJ" }, { "百万千焦", "GJ" },
  { "mj", "MJ" }, { "兆焦", "MJ" }, { "千千焦", "MJ" },
};

static gboolean
table_has_key (GaLookupTable *table,
               const char    *key)
{
  g_autofree char *folded = g_utf8_casefold (key, -1);

  return g_hash_table_contains (table->row_by_key, folded);
}

/* The row key itself (as the table spells it). */
static const char *
table_key (GaLookupTable *table,
           const char    *key)
{
  g_autofree char *folded = g_utf8_casefold (key, -1);
  GaTableRow *row = g_hash_table_lookup (table->row_by_key, folded);

  return row ? row->key : NULL;
}

/* A row whose key, first column (its name) or label is @norm once
 * normalised; with @strip_qualifier, the name without a bracketed
 * qualifier ("热力 (当量值)" -> "热力"), and only when one row has it. */
static const char *
table_match (GaLookupTable *table,
             const char    *norm,
             gboolean       strip_qualifier)
{
  const char *found = NULL;

  for (guint r = 0; r < table->rows->len; r++)
    {
      GaTableRow *row = table->rows->pdata[r];
      const char *names[4] = { row->key, row->label.zh, row->label.en, NULL };

      if (table->columns->len > 1 && row->cells[0].kind == GA_VALUE_TEXT)
        names[3] = row->cells[0].u.text;
      for (guint i = 0; i < G_N_ELEMENTS (names); i++)
        {
          g_autofree char *n = NULL;
          char *bracket;

          if (names[i] == NULL)
            continue;
          n = ga_ledger_normalize (names[i]);
          if (strip_qualifier)
            {
              bracket = strchr (n, '(');
              if (bracket == NULL || bracket == n)
                continue;
              *bracket = '\0';
            }
          if (g_strcmp0 (n, norm) != 0)
            continue;
          if (!strip_qualifier)
            return row->key;
          if (found != NULL && g_strcmp0 (found, row->key) != 0)
            return NULL;   /* 煤矿瓦斯气 (下限) and (上限): the user must choose */
          found = row->key;
        }
    }
  return found;
}

const char *
ga_ledger_match_unit (GaLookupTable *units,
                      const char    *text)
{
  g_autofree char *norm = ga_ledger_normalize (text);
  const char *key;

  if (units == NULL || *norm == '\0')
    return NULL;
  key = table_match (units, norm, FALSE);
  if (key != NULL)
    return key;
  for (gsize i = 0; i < G_N_ELEMENTS (unit_aliases); i++)
    if (g_str_equal (unit_aliases[i].alias, norm) && table_has_key (units, unit_aliases[i].key))
      return table_key (units, unit_aliases[i].key);
  return NULL;
}

const char *
ga_ledger_unit_in_text (GaLookupTable *units,
                        const char    *text)
{
  g_autofree char *norm = ga_ledger_normalize (text);
  char *open, *close;

  if (units == NULL)
    return NULL;
  /* "消费量(万千瓦时)", "原煤(t)", "用量/kwh" */
  close = strrchr (norm, ')');
  open = strrchr (norm, '(');
  if (open != NULL && close != NULL && close > open && close[1] == '\0')
    {
      *close = '\0';
      return ga_ledger_match_unit (units, open + 1);
    }
  open = strrchr (norm, '/');
  if (open != NULL && open[1] != '\0')
    return ga_ledger_match_unit (units, open + 1);
  return NULL;
}

/* ---- carriers ---- */

static const struct {
  const char *alias;
  const char *key;
} carrier_aliases[] = {
  { "煤", "raw_coal" }, { "煤炭", "raw_coal" }, { "燃煤", "raw_coal" }, { "coal", "raw_coal" },
  { "rawcoal", "raw_coal" },
  { "washedcoal", "washed_coal" }, { "cleanedcoal", "washed_coal" },
  { "coke", "coke" },
  { "crudeoil", "crude_oil" }, { "crude", "crude_oil" },
  { "重油", "fuel_oil" }, { "fueloil", "fuel_oil" }, { "heavyoil", "fuel_oil" },
  { "gasoline", "gasoline" }, { "petrol", "gasoline" },
  { "kerosene", "kerosene" },
  { "diesel", "diesel" }, { "dieseloil", "diesel" }, { "gasoil", "diesel" }, { "轻柴油", "diesel" },
  { "lpg", "lpg" }, { "liquefiedpetroleumgas", "lpg" },
  { "电", "electricity" }, { "用电", "electricity" }, { "电量", "electricity" },
  { "用电量", "electricity" }, { "网电", "electricity" }, { "电能", "electricity" },
  { "electricity", "electricity" }, { "power", "electricity" },
  { "electricpower", "electricity" },
  { "热", "heat" }, { "热量", "heat" }, { "heat", "heat" },
  { "蒸汽", "steam_lp" }, { "steam", "steam_lp" },
  { "水", "fresh_water" }, { "自来水", "fresh_water" }, { "取水", "fresh_water" },
  { "water", "fresh_water" }, { "freshwater", "fresh_water" }, { "tapwater", "fresh_water" },
  { "compressedair", "compressed_air" }, { "oxygen", "oxygen" },
};

static const char *const carrier_prefixes[] = { "外购", "购入", "外购的", "purchased" };

static const char *
carrier_lookup (GaLookupTable *carriers,
                const char    *norm)
{
  const char *key = table_match (carriers, norm, FALSE);

  if (key == NULL)
    key = table_match (carriers, norm, TRUE);
  if (key != NULL)
    return key;
  for (gsize i = 0; i < G_N_ELEMENTS (carrier_aliases); i++)
    if (g_str_equal (carrier_aliases[i].alias, norm))
      return table_key (carriers, carrier_aliases[i].key);
  return NULL;
}

const char *
ga_ledger_match_carrier (GaLookupTable *carriers,
                         const char    *text)
{
  g_autofree char *norm = ga_ledger_normalize (text);
  const char *key;
  char *bracket;

  if (carriers == NULL || *norm == '\0')
    return NULL;
  key = carrier_lookup (carriers, norm);
  if (key != NULL)
    return key;
  /* "原煤(吨)", "电力(万kWh)": the name before the brackets. */
  bracket = strchr (norm, '(');
  if (bracket != NULL && bracket != norm)
    {
      *bracket = '\0';
      key = carrier_lookup (carriers, norm);
      if (key != NULL)
        return key;
    }
  for (gsize i = 0; i < G_N_ELEMENTS (carrier_prefixes); i++)
    if (g_str_has_prefix (norm, carrier_prefixes[i]) && strlen (norm) > strlen (carrier_prefixes[i]))
      {
        key = carrier_lookup (carriers, norm + strlen (carrier_prefixes[i]));
        if (key != NULL)
          return key;
      }
  return NULL;
}

/* ---- headings ---- */

static const struct {
  const char   *word;
  GaLedgerField field;
  int           priority;
} heading_words[] = {
  { "计量点", GA_LEDGER_FIELD_METER, 5 }, { "计量器具", GA_LEDGER_FIELD_METER, 5 },
  { "计量位置", GA_LEDGER_FIELD_METER, 5 }, { "表计", GA_LEDGER_FIELD_METER, 4 },
  { "仪表", GA_LEDGER_FIELD_METER, 4 }, { "电表", GA_LEDGER_FIELD_METER, 4 },
  { "表号", GA_LEDGER_FIELD_METER, 4 }, { "meter", GA_LEDGER_FIELD_METER, 4 },
  { "meterpoint", GA_LEDGER_FIELD_METER, 5 },
  { "计量单位", GA_LEDGER_FIELD_UNIT, 5 }, { "单位", GA_LEDGER_FIELD_UNIT, 4 },
  { "unit", GA_LEDGER_FIELD_UNIT, 4 }, { "units", GA_LEDGER_FIELD_UNIT, 4 },
  { "uom", GA_LEDGER_FIELD_UNIT, 4 },
  { "消费量", GA_LEDGER_FIELD_QTY, 4 }, { "消耗量", GA_LEDGER_FIELD_QTY, 4 },
  { "consumption", GA_LEDGER_FIELD_QTY, 4 }, { "用量", GA_LEDGER_FIELD_QTY, 3 },
  { "使用量", GA_LEDGER_FIELD_QTY, 3 }, { "耗量", GA_LEDGER_FIELD_QTY, 3 },
  { "实物量", GA_LEDGER_FIELD_QTY, 2 }, { "数量", GA_LEDGER_FIELD_QTY, 2 },
  { "quantity", GA_LEDGER_FIELD_QTY, 2 }, { "qty", GA_LEDGER_FIELD_QTY, 2 },
  { "amount", GA_LEDGER_FIELD_QTY, 2 },
  { "合计", GA_LEDGER_FIELD_QTY, 1 }, { "总计", GA_LEDGER_FIELD_QTY, 1 },
  { "全年", GA_LEDGER_FIELD_QTY, 1 }, { "年度合计", GA_LEDGER_FIELD_QTY, 1 },
  { "total", GA_LEDGER_FIELD_QTY, 1 }, { "annual", GA_LEDGER_FIELD_QTY, 1 },
  { "能源名称", GA_LEDGER_FIELD_CARRIER, 5 }, { "能源品种", GA_LEDGER_FIELD_CARRIER, 5 },
  { "能源种类", GA_LEDGER_FIELD_CARRIER, 5 }, { "品种", GA_LEDGER_FIELD_CARRIER, 4 },
  { "能源", GA_LEDGER_FIELD_CARRIER, 4 }, { "介质", GA_LEDGER_FIELD_CARRIER, 3 },
  { "燃料", GA_LEDGER_FIELD_CARRIER, 3 }, { "名称", GA_LEDGER_FIELD_CARRIER, 2 },
  { "carrier", GA_LEDGER_FIELD_CARRIER, 5 }, { "energycarrier", GA_LEDGER_FIELD_CARRIER, 5 },
  { "energy", GA_LEDGER_FIELD_CARRIER, 4 }, { "fuel", GA_LEDGER_FIELD_CARRIER, 3 },
  { "name", GA_LEDGER_FIELD_CARRIER, 2 },
};

static const char *const month_names[] = {
  "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
};

/* "1月", "01月份", "2025年1月", "2025-01", "2025/1", "jan", "january". */
static gboolean
is_month (const char *h)
{
  const char *p = h;
  guint64 n;
  char *end;

  for (guint i = 0; i < G_N_ELEMENTS (month_names); i++)
    if (g_str_has_prefix (h, month_names[i])
        && (h[3] == '\0' || (strlen (h) >= 4 && g_ascii_isalpha (h[3])
                             && strlen (h) <= 9)))
      return TRUE;
  /* A year in front: "2025年", "2025-", "2025/", "2025." */
  if (g_ascii_isdigit (p[0]) && g_ascii_isdigit (p[1]) && g_ascii_isdigit (p[2])
      && g_ascii_isdigit (p[3]))
    {
      p += 4;
      if (g_str_has_prefix (p, "年"))
        p += strlen ("年");
      else if (*p == '-' || *p == '/' || *p == '.')
        {
          p++;
          n = g_ascii_strtoull (p, &end, 10);
          return end != p && *end == '\0' && n >= 1 && n <= 12;
        }
      else
        return FALSE;
    }
  n = g_ascii_strtoull (p, &end, 10);
  if (end == p || n < 1 || n > 12)
    return FALSE;
  return g_str_equal (end, "月") || g_str_equal (end, "月份");
}

GaLedgerField
ga_ledger_guess_field (const char *heading,
                       int        *priority)
{
  g_autofree char *h = g_strdup (heading ? heading : "");
  char *bracket = strchr (h, '(');
  glong len;

  *priority = 0;
  /* The unit in brackets says nothing of the column's field. */
  if (bracket != NULL && bracket != h)
    *bracket = '\0';
  g_strdelimit (h, ":", '\0');
  if (*h == '\0')
    return GA_LEDGER_FIELD_IGNORE;
  if (is_month (h))
    {
      *priority = 5;
      return GA_LEDGER_FIELD_MONTH;
    }
  len = g_utf8_strlen (h, -1);
  for (gsize i = 0; i < G_N_ELEMENTS (heading_words); i++)
    {
      const char *w = heading_words[i].word;

      /* The word is the heading, or most of a short one ("能源名称",
       * "月用电量"), not a word in a sentence of the title block. */
      if (strstr (h, w) != NULL && len <= g_utf8_strlen (w, -1) + 3)
        {
          *priority = heading_words[i].priority;
          return heading_words[i].field;
        }
    }
  return GA_LEDGER_FIELD_IGNORE;
}

gboolean
ga_ledger_is_subtotal (const char *norm)
{
  static const char *const words[] = {
    "合计", "小计", "总计", "累计", "共计", "total", "subtotal", "sum",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (words); i++)
    if (g_str_has_prefix (norm, words[i]) || g_str_has_suffix (norm, words[i]))
      return TRUE;
  return FALSE;
}

gboolean
ga_ledger_is_breakdown (const char *norm)
{
  return g_str_has_prefix (norm, "其中") || g_str_has_prefix (norm, "ofwhich")
         || g_str_has_prefix (norm, "including");
}
