/* ga-export-name.h: the default name of an exported file. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* "<enterprise>-<what>-<period><extension>": the parts people read in a
 * file list, in that order. Characters file systems refuse (/ \ : * ? " < >
 * | and control characters) become "_", runs of white space one space, and
 * empty parts are left out. The parts are joined by " - " when one of them
 * is written in words separated by spaces ("Demo Co - Green factory
 * evaluation - 2025.xlsx"), by "-" otherwise ("示例企业-绿色工厂评价-2025.xlsx").
 * The name fits NAME_MAX bytes: the enterprise part is shortened on a
 * character boundary. With no enterprise name, @fallback (or "assessment")
 * stands first. @extension includes its dot (".xlsx") or is NULL. */
char *ga_export_name_build (const char *enterprise,
                            const char *what,
                            const char *period,
                            const char *extension,
                            const char *fallback);

G_END_DECLS
