/* ga-export-name.c: the default name of an exported file, readable in a
 * file list: enterprise, what the file holds, period. */
#include "config.h"

#include "ga-export-name.h"

#include <limits.h>
#include <string.h>

#ifndef NAME_MAX
#define NAME_MAX 255
#endif

/* @part with the characters file systems refuse replaced, white space
 * collapsed and trimmed, and leading dots (hidden files) and trailing dots
 * (dropped by Windows) removed. NULL when nothing is left. */
static char *
clean_part (const char *part)
{
  GString *out;
  gboolean space = FALSE;

  if (part == NULL || !g_utf8_validate (part, -1, NULL))
    return NULL;
  out = g_string_new (NULL);
  for (const char *p = part; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          space = out->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      if (c < 0x20 || c == 0x7f || (c < 0x80 && strchr ("/\\:*?\"<>|", (int) c) != NULL))
        g_string_append_c (out, '_');
      else
        g_string_append_unichar (out, c);
    }
  while (out->len > 0 && out->str[0] == '.')
    g_string_erase (out, 0, 1);
  while (out->len > 0 && (out->str[out->len - 1] == '.' || out->str[out->len - 1] == ' '))
    g_string_truncate (out, out->len - 1);
  if (out->len == 0)
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  return g_string_free (out, FALSE);
}

/* @s cut to at most @room bytes on a character boundary, without a
 * trailing space or dot left at the cut. */
static void
cut_to (char  *s,
        gsize  room)
{
  gsize end;

  if (strlen (s) <= room)
    return;
  end = room;
  while (end > 0 && (s[end] & 0xC0) == 0x80)
    end--;
  while (end > 0 && (s[end - 1] == ' ' || s[end - 1] == '.'))
    end--;
  s[end] = '\0';
}

char *
ga_export_name_build (const char *enterprise,
                      const char *what,
                      const char *period,
                      const char *extension,
                      const char *fallback)
{
  g_autofree char *first = clean_part (enterprise);
  g_autofree char *middle = clean_part (what);
  g_autofree char *last = clean_part (period);
  const char *ext = extension != NULL && *extension != '\0' ? extension : NULL;
  const char *separator;
  gsize tail_len;
  GString *name;

  if (first == NULL)
    first = clean_part (fallback);
  if (first == NULL)
    first = g_strdup ("assessment");

  separator = (strchr (first, ' ') != NULL || (middle != NULL && strchr (middle, ' ') != NULL)
               || (last != NULL && strchr (last, ' ') != NULL)) ? " - " : "-";

  /* What follows the enterprise part, which is shortened to leave room. */
  tail_len = (ext != NULL ? strlen (ext) : 0);
  if (middle != NULL)
    tail_len += strlen (separator) + strlen (middle);
  if (last != NULL)
    tail_len += strlen (separator) + strlen (last);
  if (tail_len + 1 >= NAME_MAX)
    {
      /* An absurdly long title or period: keep the enterprise and the
       * extension only. */
      g_clear_pointer (&middle, g_free);
      g_clear_pointer (&last, g_free);
      tail_len = ext != NULL ? strlen (ext) : 0;
    }
  cut_to (first, NAME_MAX - tail_len);
  if (first[0] == '\0')
    {
      g_free (first);
      first = g_strdup ("assessment");
    }

  name = g_string_new (first);
  if (middle != NULL)
    g_string_append_printf (name, "%s%s", separator, middle);
  if (last != NULL)
    g_string_append_printf (name, "%s%s", separator, last);
  if (ext != NULL)
    g_string_append (name, ext);
  return g_string_free (name, FALSE);
}
