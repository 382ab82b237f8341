/* ga-formula-number.c: the numeric helpers that make the engine round and
 * compare the way Excel does
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Excel shows and compares numbers to 15 significant digits: rounding works
 * on those decimal digits, not on the binary value, and two numbers that
 * agree to 15 digits are equal.
 */

#define G_LOG_DOMAIN "ga-formula"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "ga-formula-private.h"

static const double exact_powers_of_ten[] = {
  1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
  1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
};

static const guint64 integer_powers_of_ten[] = {
  G_GUINT64_CONSTANT (1), G_GUINT64_CONSTANT (10), G_GUINT64_CONSTANT (100),
  G_GUINT64_CONSTANT (1000), G_GUINT64_CONSTANT (10000), G_GUINT64_CONSTANT (100000),
  G_GUINT64_CONSTANT (1000000), G_GUINT64_CONSTANT (10000000),
  G_GUINT64_CONSTANT (100000000), G_GUINT64_CONSTANT (1000000000),
  G_GUINT64_CONSTANT (10000000000), G_GUINT64_CONSTANT (100000000000),
  G_GUINT64_CONSTANT (1000000000000), G_GUINT64_CONSTANT (10000000000000),
  G_GUINT64_CONSTANT (100000000000000), G_GUINT64_CONSTANT (1000000000000000),
};

/* |number| as mantissa × 10^(exponent − 14), where mantissa is the 15-digit
 * integer that "%.14e" would print. The fast path scales with one exactly
 * rounded multiplication or division by an exact power of ten; when the
 * scaled value lies too close to a rounding tie to be sure, or the exponent
 * is out of the exact range, the C library's correctly rounded conversion
 * decides. */
void
ga_decimal_15 (double   number,
               guint64 *mantissa,
               int     *exponent)
{
  double a = fabs (number);
  int e = (int) floor (log10 (a));

  for (int attempt = 0; attempt < 2 && e >= -8 && e <= 36; attempt++)
    {
      int k = 14 - e;
      double y = k >= 0 ? a * exact_powers_of_ten[k] : a / exact_powers_of_ten[-k];
      double r = floor (y);
      double frac = y - r;

      /* log10() is one off for some numbers next to a power of ten: 15
       * digits before the point, before rounding. */
      if (r >= 1e15)
        {
          e++;
          continue;
        }
      if (r < 1e14)
        {
          e--;
          continue;
        }
      if (fabs (frac - 0.5) < 0.07)
        break;
      if (frac > 0.5)
        r += 1;
      if (r >= 1e15)
        {
          /* 999999999999999.5 and above round up to the next power of ten. */
          r = 1e14;
          e++;
        }
      *mantissa = (guint64) r;
      *exponent = e;
      return;
    }

  {
    char buf[48];
    const char *p;
    guint64 m = 0;

    g_snprintf (buf, sizeof buf, "%.14e", a);
    for (p = buf; *p != 'e' && *p != '\0'; p++)
      if (g_ascii_isdigit (*p))
        m = m * 10 + (guint64) (*p - '0');
    *mantissa = m;
    *exponent = (*p == 'e') ? atoi (p + 1) : 0;
  }
}

/* mantissa × 10^power, correctly rounded. */
static double
scale_decimal (guint64 mantissa,
               int     power)
{
  char buf[48];

  /* mantissa < 2^53 and the power of ten is exact: one IEEE operation
   * rounds correctly, exactly as strtod would. */
  if (power >= 0 && power <= 22)
    return (double) mantissa * exact_powers_of_ten[power];
  if (power < 0 && power >= -22)
    return (double) mantissa / exact_powers_of_ten[-power];
  g_snprintf (buf, sizeof buf, "%" G_GUINT64_FORMAT "e%d", mantissa, power);
  return g_ascii_strtod (buf, NULL);
}

/* Rounds on the decimal digits of the number as Excel sees it (15
 * significant digits), not on its binary value: 2.675 is stored as
 * 2.67499999999999982..., which a binary approach rounds to 2.67, while
 * Excel (and this function) give 2.68. */
double
ga_round_decimal (double      number,
                  int         digits,
                  GaRoundMode mode)
{
  guint64 mantissa, kept, rest, unit;
  int exponent;
  int keep;
  int drop;
  gboolean negative = number < 0;
  double result;

  if (!isfinite (number) || number == 0)
    return number;
  if (digits > 400)
    return number;
  if (digits < -400)
    return negative ? -0.0 : 0.0;

  ga_decimal_15 (number, &mantissa, &exponent);

  /* Keep this many of the 15 significant digits. */
  keep = exponent + 1 + digits;
  if (keep >= 15)
    return number;
  if (keep < 0)
    return negative ? -0.0 : 0.0;

  drop = 15 - keep;
  unit = integer_powers_of_ten[drop];
  kept = mantissa / unit;
  rest = mantissa % unit;
  switch (mode)
    {
    case GA_ROUND_HALF_AWAY:
      kept += rest * 2 >= unit ? 1 : 0;
      break;
    case GA_ROUND_UP:
      kept += rest > 0 ? 1 : 0;
      break;
    case GA_ROUND_DOWN:
    default:
      break;
    }
  if (kept == 0)
    return negative ? -0.0 : 0.0;

  result = scale_decimal (kept, exponent + 1 - keep);
  return negative ? -result : result;
}

double
ga_round_half_away (double number,
                    int    digits)
{
  return ga_round_decimal (number, digits, GA_ROUND_HALF_AWAY);
}

static double
to_15_digits (double number)
{
  guint64 mantissa;
  int exponent;
  double result;

  if (number == 0 || !isfinite (number))
    return number;
  ga_decimal_15 (number, &mantissa, &exponent);
  result = scale_decimal (mantissa, exponent - 14);
  return number < 0 ? -result : result;
}

int
ga_number_compare (double a,
                   double b)
{
  double scale;

  if (a == b)
    return 0;
  if (isnan (a) || isnan (b))
    return isnan (a) ? (isnan (b) ? 0 : 1) : -1;

  /* Fast path: numbers that differ well before the 15th digit. */
  scale = MAX (fabs (a), fabs (b));
  if (fabs (a - b) > scale * 1e-13 || !isfinite (scale))
    return a < b ? -1 : 1;

  a = to_15_digits (a);
  b = to_15_digits (b);
  if (a == b)
    return 0;
  return a < b ? -1 : 1;
}

int
ga_text_compare (const char *a,
                 const char *b)
{
  const guchar *x = (const guchar *) (a != NULL ? a : "");
  const guchar *y = (const guchar *) (b != NULL ? b : "");

  /* ASCII needs no allocation; fold case byte by byte. */
  while (*x != '\0' && *y != '\0' && *x < 0x80 && *y < 0x80)
    {
      int cx = *x >= 'A' && *x <= 'Z' ? *x + ('a' - 'A') : *x;
      int cy = *y >= 'A' && *y <= 'Z' ? *y + ('a' - 'A') : *y;
      if (cx != cy)
        return cx < cy ? -1 : 1;
      x++, y++;
    }
  if (*x == '\0' || *y == '\0')
    return (*x == '\0' ? 0 : 1) - (*y == '\0' ? 0 : 1);

  {
    g_autofree char *fx = g_utf8_casefold ((const char *) x, -1);
    g_autofree char *fy = g_utf8_casefold ((const char *) y, -1);
    int c = strcmp (fx, fy);
    return c < 0 ? -1 : (c > 0 ? 1 : 0);
  }
}
