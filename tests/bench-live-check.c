/* bench-live-check.c
 *
 * Copyright 2026 The Untrain developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>

#include <gio/gio.h>

#include "fake-linkedin.h"
#include "untrain-catalog.h"
#include "untrain-linkedin-provider.h"

/* How long checking every live LinkedIn item takes next to one round trip,
 * against the fake LinkedIn with a latency added to every answer. The
 * items are checked as UntrainChecker does: all at once through one
 * provider. Run by build-aux/bench and build-aux/bench-live-check; not a
 * test.
 */

static int latency_ms = 200;
static int max_connections = 0;
static int rounds = 5;

static const GOptionEntry entries[] = {
  { "latency-ms", 0, 0, G_OPTION_ARG_INT, &latency_ms, "Added to every answer (200)", "MS" },
  { "max-connections", 0, 0, G_OPTION_ARG_INT, &max_connections,
    "The provider's max-connections (its own default when 0)", "N" },
  { "rounds", 0, 0, G_OPTION_ARG_INT, &rounds, "Rounds of each measure; the median counts (5)", "N" },
  { NULL }
};

typedef struct
{
  guint n_pending;
} Run;

static void
check_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  Run *run = user_data;
  g_autoptr(GError) error = NULL;
  gboolean is_desired;

  if (!untrain_provider_check_finish (UNTRAIN_PROVIDER (object), result, &is_desired, NULL, &error))
    g_error ("A check failed: %s", error->message);

  run->n_pending--;
}

/* Checks @items at once; returns the milliseconds until the last answer. */
static double
check_all (UntrainProvider *provider,
           GPtrArray       *items)
{
  Run run = { items->len };
  gint64 start = g_get_monotonic_time ();

  for (guint i = 0; i < items->len; i++)
    untrain_provider_check_async (provider, g_ptr_array_index (items, i), NULL, check_cb, &run);

  while (run.n_pending > 0)
    g_main_context_iteration (NULL, TRUE);

  return (g_get_monotonic_time () - start) / 1000.0;
}

static UntrainProvider *
new_provider (FakeLinkedin *fake)
{
  g_autoptr(GError) error = NULL;
  UntrainProvider *provider;

  if (max_connections > 0)
    provider = g_initable_new (UNTRAIN_TYPE_LINKEDIN_PROVIDER, NULL, &error,
                               "base-url", fake_linkedin_get_url (fake),
                               "cookies", fake_linkedin_get_cookies (fake),
                               "max-connections", (guint)max_connections,
                               NULL);
  else
    provider = g_initable_new (UNTRAIN_TYPE_LINKEDIN_PROVIDER, NULL, &error,
                               "base-url", fake_linkedin_get_url (fake),
                               "cookies", fake_linkedin_get_cookies (fake),
                               NULL);

  if (provider == NULL)
    g_error ("No provider: %s", error->message);

  return provider;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a;
  double y = *(const double *)b;

  return (x > y) - (x < y);
}

static double
median (GArray *values)
{
  g_array_sort (values, compare_doubles);

  return g_array_index (values, double, values->len / 2);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new ("- time the live check of LinkedIn");
  g_autoptr(GError) error = NULL;
  g_autoptr(FakeLinkedin) fake = NULL;
  g_autoptr(UntrainCatalog) catalog = untrain_catalog_new ();
  g_autoptr(GPtrArray) items = g_ptr_array_new ();
  g_autoptr(GPtrArray) one = g_ptr_array_new ();
  g_autoptr(GArray) single = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) warm = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) cold = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(UntrainProvider) provider = NULL;
  UntrainPlatform *platform;
  guint warm_connections = 0;
  guint cold_connections = 0;
  guint used_max_connections;
  double one_trip;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }

  if (!untrain_catalog_load_builtin (catalog, &error))
    g_error ("%s", error->message);

  platform = untrain_catalog_lookup (catalog, "linkedin");
  for (guint i = 0; i < untrain_platform_get_n_items (platform); i++)
    {
      UntrainItem *item = untrain_platform_get_item (platform, i);

      if (untrain_item_get_setting (item) != NULL)
        g_ptr_array_add (items, item);
    }
  g_ptr_array_add (one, g_ptr_array_index (items, 0));

  fake = fake_linkedin_new ();
  fake_linkedin_set_latency_ms (fake, latency_ms);

  provider = new_provider (fake);
  g_object_get (provider, "max-connections", &used_max_connections, NULL);

  /* One round trip: one check on a connection already open */
  check_all (provider, one);
  for (int i = 0; i < rounds; i++)
    {
      double ms = check_all (provider, one);

      g_array_append_val (single, ms);
    }
  one_trip = median (single);

  /* Every item at once, connections open from the round before */
  check_all (provider, items);
  for (int i = 0; i < rounds; i++)
    {
      double ms;

      fake_linkedin_reset_counts (fake);
      ms = check_all (provider, items);
      g_array_append_val (warm, ms);
      warm_connections = MAX (warm_connections, fake_linkedin_get_n_connections (fake));
    }

  /* Every item at once from a new provider: connecting counts too */
  for (int i = 0; i < rounds; i++)
    {
      g_autoptr(UntrainProvider) fresh = new_provider (fake);
      double ms;

      fake_linkedin_reset_counts (fake);
      ms = check_all (fresh, items);
      g_array_append_val (cold, ms);
      cold_connections = MAX (cold_connections, fake_linkedin_get_n_connections (fake));
    }

  g_print ("max-connections %u, %u live items, %d ms added to every answer, median of %d rounds\n",
           used_max_connections, items->len, latency_ms, rounds);
  g_print ("  one round trip:               %7.1f ms\n", one_trip);
  g_print ("  all at once, warm:            %7.1f ms  = %.2fx one round trip, over %u connection(s)\n",
           median (warm), median (warm) / one_trip, warm_connections);
  g_print ("  all at once, new provider:    %7.1f ms  = %.2fx one round trip, over %u connection(s)\n",
           median (cold), median (cold) / one_trip, cold_connections);

  return EXIT_SUCCESS;
}
