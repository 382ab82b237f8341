/* main.c: entry point of the GreenAssess desktop application
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ga-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GaApplication) app = NULL;

  ga_application_init_i18n ();
  app = ga_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
