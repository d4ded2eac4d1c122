/* untrain-command-line.c
 *
 * Copyright 2026 The Untrain developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "untrain-command-line"

#include "config.h"

#include <stdlib.h>
#include <unistd.h>

#include <glib/gi18n.h>

#include <gio/gunixinputstream.h>

#include "untrain-applicability.h"
#include "untrain-checker.h"
#include "untrain-command-line.h"
#include "untrain-credentials.h"
#include "untrain-person.h"
#include "untrain-region.h"
#include "untrain-status-report.h"

#define EXIT_USAGE 2

static const GOptionEntry main_entries[] = {
  { "status", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Print the checklist of every platform and exit"), NULL },
  { "check", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Check the live settings of connected accounts, then print the checklist"), NULL },
  { "apply", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Turn off every AI-training switch that is on in connected accounts, then print the checklist"), NULL },
  { "json", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("With --status, --check or --apply, print JSON"), NULL },
  { "country", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Show the checklist for this country (ISO 3166-1 code)"), N_("CC") },
  { "age", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Show the checklist for someone of this age"), N_("YEARS") },
  { "import-cookies", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Keep the session read from standard input (a Cookie line or cookies.txt) in the keyring"), N_("PLATFORM") },
  { "sign-out", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Remove the platform’s session from the keyring"), N_("PLATFORM") },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Print the version and exit"), NULL },
  { NULL }
};

static int
compare_platforms (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  const char * const *chosen = user_data;
  UntrainPlatform *platform_a = *(UntrainPlatform **)a;
  UntrainPlatform *platform_b = *(UntrainPlatform **)b;
  guint index_a = G_MAXUINT;
  guint index_b = G_MAXUINT;

  for (guint i = 0; chosen != NULL && chosen[i] != NULL; i++)
    {
      if (g_str_equal (chosen[i], untrain_platform_get_id (platform_a)))
        index_a = i;
      if (g_str_equal (chosen[i], untrain_platform_get_id (platform_b)))
        index_b = i;
    }

  if (index_a != index_b)
    return index_a < index_b ? -1 : 1;

  /* The catalog is sorted by name: keep its order for the rest. */
  return 0;
}

/**
 * untrain_command_line_build_models:
 * @settings: (nullable): for the order: the person's platforms come first
 *
 * Returns: (transfer full) (element-type UntrainStatusModel): a status
 *   model for every platform of @catalog
 */
GPtrArray *
untrain_command_line_build_models (UntrainCatalog    *catalog,
                                   UntrainStateStore *store,
                                   GSettings         *settings,
                                   const char        *country,
                                   int                age)
{
  g_autoptr(GPtrArray) platforms = g_ptr_array_new_with_free_func (g_object_unref);
  g_auto(GStrv) chosen = NULL;
  GPtrArray *models;
  guint n_platforms;

  if (settings != NULL)
    chosen = g_settings_get_strv (settings, "platforms");

  n_platforms = g_list_model_get_n_items (G_LIST_MODEL (catalog));
  for (guint i = 0; i < n_platforms; i++)
    g_ptr_array_add (platforms, g_list_model_get_item (G_LIST_MODEL (catalog), i));

  g_ptr_array_sort_with_data (platforms, compare_platforms, chosen);

  models = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < platforms->len; i++)
    g_ptr_array_add (models,
                     untrain_status_model_new (g_ptr_array_index (platforms, i),
                                               store, country, age));

  return models;
}

/* The exit status speaks of the platforms the person uses: with nine in
 * the catalog, someone on LinkedIn alone would otherwise never be done.
 */
static GPtrArray *
chosen_models (GPtrArray *models,
               GSettings *settings)
{
  static const char * const fallback[] = { "linkedin", NULL };
  g_auto(GStrv) chosen = settings != NULL ? g_settings_get_strv (settings, "platforms") : NULL;
  GPtrArray *result = g_ptr_array_new ();

  for (guint i = 0; i < models->len; i++)
    {
      UntrainStatusModel *model = g_ptr_array_index (models, i);
      const char *platform_id = untrain_platform_get_id (untrain_status_model_get_platform (model));

      if (g_strv_contains (chosen != NULL ? (const char * const *)chosen : fallback, platform_id))
        g_ptr_array_add (result, model);
    }

  return result;
}

static gboolean
parse_country (const char  *text,
               char       **country)
{
  *country = untrain_region_normalize_country (text);

  if (*country == NULL)
    {
      g_printerr (_("untrain: “%s” is not a country code. Use a two-letter ISO 3166-1 code, such as DE, FR, GB or US.\n"),
                  text);
      return FALSE;
    }

  return TRUE;
}

static gboolean
parse_age (const char *text,
           int        *age)
{
  gint64 value;

  if (!g_ascii_string_to_signed (text, 10, 0, 150, &value, NULL))
    {
      g_printerr (_("untrain: “%s” is not an age. Use a whole number of years from 0 to 150, such as --age=30.\n"),
                  text);
      return FALSE;
    }

  *age = value;
  return TRUE;
}

static void
store_result_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  *slot = g_object_ref (result);
}

/* The command line has no main loop of its own: turn the wheel until the
 * async call is done.
 */
static GAsyncResult *
wait_for (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);

  return *slot;
}

static char *
whoami_sync (UntrainProvider  *provider,
             GError          **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  untrain_provider_whoami_async (provider, NULL, store_result_cb, &result);
  return untrain_provider_whoami_finish (provider, wait_for (&result), error);
}

/* Reads (and with @apply, turns off) the live switches of every platform
 * whose session is in the keyring. Returns FALSE if something could not be
 * checked; the models say the rest.
 */
static gboolean
run_live_checks (GPtrArray      *models,
                 UntrainHistory *history,
                 GHashTable     *signed_in,
                 gboolean        apply)
{
  gboolean ok = TRUE;

  for (guint i = 0; i < models->len; i++)
    {
      UntrainStatusModel *model = g_ptr_array_index (models, i);
      UntrainPlatform *platform = untrain_status_model_get_platform (model);
      const char *platform_id = untrain_platform_get_id (platform);
      g_autoptr(UntrainProvider) provider = NULL;
      g_autoptr(GAsyncResult) result = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(UntrainSecret) cookies = NULL;
      guint n_items;

      if (untrain_platform_get_provider (platform) == NULL)
        continue;

      cookies = untrain_credentials_lookup_sync (platform_id, NULL, NULL, &error);
      if (error != NULL)
        {
          g_printerr ("untrain: %s\n", error->message);
          ok = FALSE;
          continue;
        }

      /* Not connected: the checklist shows what Untrain knows. */
      if (cookies == NULL)
        continue;

      g_hash_table_add (signed_in, g_strdup (platform_id));

      if (!(provider = untrain_provider_new_for_platform (platform, cookies, &error)))
        {
          g_printerr ("untrain: %s\n", error->message);
          ok = FALSE;
          continue;
        }

      untrain_checker_check_async (model, provider, history, NULL, store_result_cb, &result);
      if (!untrain_checker_check_finish (wait_for (&result), &error))
        {
          g_printerr ("untrain: %s\n", error->message);
          ok = FALSE;
          continue;
        }

      if (!apply)
        continue;

      n_items = g_list_model_get_n_items (G_LIST_MODEL (model));
      for (guint j = 0; j < n_items; j++)
        {
          g_autoptr(UntrainItemStatus) item_status = g_list_model_get_item (G_LIST_MODEL (model), j);
          UntrainItem *item = untrain_item_status_get_item (item_status);
          g_autoptr(GAsyncResult) apply_result = NULL;
          g_autoptr(GError) apply_error = NULL;

          if (!untrain_checker_is_live (model, item_status) ||
              untrain_item_status_get_status (item_status) != UNTRAIN_STATUS_ACTION_NEEDED)
            continue;

          untrain_checker_apply_async (model, provider, history, untrain_item_get_id (item),
                                       NULL, store_result_cb, &apply_result);
          if (!untrain_checker_apply_finish (wait_for (&apply_result), &apply_error))
            {
              /* Translators: “untrain: Turn off “Data for research”: LinkedIn …” */
              g_printerr (_("untrain: %s: %s\n"), untrain_item_get_title (item), apply_error->message);
              ok = FALSE;
            }
        }
    }

  return ok;
}

/**
 * untrain_command_line_report:
 * @mode: print from stored state, check live first, or also turn off
 * @json: print the JSON object of the contract instead of text
 * @country_arg: (nullable): `--country`, instead of the stored country
 * @age_arg: (nullable): `--age`, instead of the stored age group
 *
 * `untrain --status`, `--check` and `--apply`: the checklist of every
 * platform, from stored state or after live checks of connected accounts.
 *
 * Returns: the exit status: for `--status` 0; for `--check` and `--apply`
 *   0 when every applicable item is done, 1 when something needs doing,
 *   2 on errors; 2 for bad arguments
 */
int
untrain_command_line_report (UntrainReportMode  mode,
                             gboolean           json,
                             const char        *country_arg,
                             const char        *age_arg)
{
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(UntrainCatalog) catalog = NULL;
  g_autoptr(UntrainStateStore) store = NULL;
  g_autoptr(UntrainHistory) history = NULL;
  g_autoptr(GFile) state_file = NULL;
  g_autoptr(GFile) history_file = NULL;
  g_autoptr(GPtrArray) models = NULL;
  g_autoptr(GHashTable) signed_in = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *country = NULL;
  gboolean live_ok = TRUE;
  int age = UNTRAIN_AGE_UNKNOWN;

  if (country_arg != NULL && !parse_country (country_arg, &country))
    return EXIT_USAGE;

  if (age_arg != NULL && !parse_age (age_arg, &age))
    return EXIT_USAGE;

  settings = untrain_person_open_settings ();

  if (country == NULL)
    country = untrain_person_get_country (settings);
  if (age_arg == NULL)
    age = untrain_person_get_age (settings);

  catalog = untrain_catalog_new_default ();

  state_file = untrain_state_store_get_default_file ();
  store = untrain_state_store_new (state_file);
  if (!untrain_state_store_load (store, &error))
    {
      /* Still useful: what applies does not depend on the stored state. */
      g_printerr ("untrain: %s\n", error->message);
      g_clear_error (&error);
    }

  models = untrain_command_line_build_models (catalog, store, settings, country, age);

  if (mode != UNTRAIN_REPORT_STATUS)
    {
      history_file = untrain_history_get_default_file ();
      history = untrain_history_new (history_file);
      if (!untrain_history_load (history, &error))
        {
          g_printerr ("untrain: %s\n", error->message);
          g_clear_error (&error);
        }

      live_ok = run_live_checks (models, history, signed_in, mode == UNTRAIN_REPORT_APPLY);

      if (settings != NULL && g_hash_table_size (signed_in) > 0 && live_ok)
        {
          g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

          g_settings_set_int64 (settings, "last-check", g_date_time_to_unix (now));
          g_settings_sync ();
        }
    }
  else
    {
      /* From stored state only: --status opens neither the network nor the keyring. */
      for (guint i = 0; i < models->len; i++)
        {
          const char *platform_id = untrain_platform_get_id (untrain_status_model_get_platform (g_ptr_array_index (models, i)));
          g_autofree char *account = untrain_state_store_get_account (store, platform_id);

          if (account != NULL)
            g_hash_table_add (signed_in, g_strdup (platform_id));
        }
    }

  if (json)
    {
      g_autoptr(JsonNode) root = untrain_status_report_to_json (models, signed_in, country, age);
      g_autofree char *text = json_to_string (root, TRUE);

      g_print ("%s\n", text);
    }
  else
    {
      g_autofree char *text = untrain_status_report_to_text (models, country, age);

      g_print ("%s", text);
    }

  if (mode == UNTRAIN_REPORT_STATUS)
    return EXIT_SUCCESS;

  if (!live_ok)
    return UNTRAIN_REPORT_ERRORS;

  {
    g_autoptr(GPtrArray) chosen = chosen_models (models, settings);

    return untrain_status_report_result (chosen);
  }
}

static UntrainPlatform *
find_live_platform (UntrainCatalog *catalog,
                    const char     *platform_id)
{
  UntrainPlatform *platform = untrain_catalog_lookup (catalog, platform_id);

  if (platform == NULL)
    {
      g_printerr (_("untrain: “%s” is not a platform Untrain knows\n"), platform_id);
      return NULL;
    }

  if (untrain_platform_get_provider (platform) == NULL)
    {
      g_printerr (_("untrain: Untrain can’t connect to %s: follow its checklist by hand\n"),
                  untrain_platform_get_name (platform));
      return NULL;
    }

  return platform;
}

/* Who is connected, in the state file, for `--status` and the window. */
static void
remember_account (const char *platform_id,
                  const char *account)
{
  g_autoptr(GFile) state_file = untrain_state_store_get_default_file ();
  g_autoptr(UntrainStateStore) store = untrain_state_store_new (state_file);
  g_autoptr(GError) error = NULL;

  if (untrain_state_store_load (store, &error))
    {
      untrain_state_store_set_account (store, platform_id, account);
      untrain_state_store_save (store, &error);
    }

  if (error != NULL)
    g_printerr ("untrain: %s\n", error->message);
}

#define MAX_COOKIES_INPUT (1024 * 1024)

static char *
read_standard_input (GError **error)
{
  g_autoptr(GInputStream) input = g_unix_input_stream_new (STDIN_FILENO, FALSE);
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  guint8 buffer[4096];
  gssize n_read;

  while ((n_read = g_input_stream_read (input, buffer, sizeof buffer, NULL, error)) > 0)
    {
      g_byte_array_append (bytes, buffer, n_read);
      if (bytes->len > MAX_COOKIES_INPUT)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE,
                       _("That is more than cookies ever are; paste a Cookie line or a cookies.txt"));
          return NULL;
        }
    }

  if (n_read < 0)
    return NULL;

  g_byte_array_append (bytes, (const guint8 *)"", 1);
  return (char *)g_byte_array_free (g_steal_pointer (&bytes), FALSE);
}

/**
 * untrain_command_line_import_cookies:
 * @platform_id: the platform, such as "linkedin"
 *
 * `untrain --import-cookies=PLATFORM`: reads a `Cookie:` line or a Netscape
 * cookies.txt from standard input, checks with the platform who is signed
 * in, and keeps the session in the keyring. The cookies are never printed.
 *
 * Returns: the exit status: 0, or 2 when the session was not stored
 */
int
untrain_command_line_import_cookies (const char *platform_id)
{
  g_autoptr(UntrainCatalog) catalog = untrain_catalog_new_default ();
  g_autoptr(UntrainProvider) provider = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(UntrainSecret) text = NULL;
  g_autoptr(UntrainSecret) cookies = NULL;
  g_autofree char *name = NULL;
  UntrainPlatform *platform;
  const char *provider_name;

  if (!(platform = find_live_platform (catalog, platform_id)))
    return EXIT_USAGE;

  provider_name = untrain_platform_get_provider (platform);

  if (isatty (STDIN_FILENO))
    g_printerr (_("Paste the Cookie header or the cookies.txt of a browser signed in to %s, then press Ctrl+D.\n"),
                untrain_platform_get_name (platform));

  if (!(text = read_standard_input (&error)) ||
      !(cookies = untrain_cookies_parse (text,
                                         untrain_provider_get_cookie_domain (provider_name),
                                         untrain_provider_get_session_cookie_names (provider_name),
                                         &error)) ||
      !(provider = untrain_provider_new_for_platform (platform, cookies, &error)) ||
      !(name = whoami_sync (provider, &error)) ||
      !untrain_credentials_store_sync (platform_id, name, cookies, NULL, &error))
    {
      g_printerr ("untrain: %s\n", error->message);
      return EXIT_USAGE;
    }

  remember_account (platform_id, name);

  /* Translators: “Connected to LinkedIn as First Last” */
  g_print (_("Connected to %s as %s\n"), untrain_platform_get_name (platform), name);
  return EXIT_SUCCESS;
}

/**
 * untrain_command_line_sign_out:
 *
 * `untrain --sign-out=PLATFORM`: removes the session from the keyring.
 *
 * Returns: the exit status
 */
int
untrain_command_line_sign_out (const char *platform_id)
{
  g_autoptr(UntrainCatalog) catalog = untrain_catalog_new_default ();
  g_autoptr(GError) error = NULL;
  UntrainPlatform *platform;

  if (!(platform = find_live_platform (catalog, platform_id)))
    return EXIT_USAGE;

  if (!untrain_credentials_clear_sync (platform_id, NULL, &error))
    {
      g_printerr ("untrain: %s\n", error->message);
      return UNTRAIN_REPORT_ERRORS;
    }

  remember_account (platform_id, NULL);

  /* Translators: “Signed out of LinkedIn” */
  g_print (_("Signed out of %s\n"), untrain_platform_get_name (platform));
  return EXIT_SUCCESS;
}

/**
 * untrain_command_line_add_options:
 * @application: the application whose command line these are
 *
 * Adds the options of `untrain` and its summary, for --help.
 */
void
untrain_command_line_add_options (GApplication *application)
{
  g_return_if_fail (G_IS_APPLICATION (application));

  g_application_add_main_option_entries (application, main_entries);
  g_application_set_option_context_summary (application,
                                            _("Keep your data out of AI training."));
}

/**
 * untrain_command_line_handle_options:
 * @options: the options given, as #GApplication::handle-local-options
 *   has them
 *
 * Answers the command-line calls of `untrain`: --version, --status,
 * --check, --apply, --import-cookies and --sign-out.
 *
 * Returns: the exit status, or -1 when the options ask for none of them
 *   and the window should open
 */
int
untrain_command_line_handle_options (GVariantDict *options)
{
  const char *country = NULL;
  const char *age = NULL;
  const char *import_cookies = NULL;
  const char *sign_out = NULL;
  gboolean json;

  g_return_val_if_fail (options != NULL, EXIT_FAILURE);

  json = g_variant_dict_contains (options, "json");
  g_variant_dict_lookup (options, "country", "&s", &country);
  g_variant_dict_lookup (options, "age", "&s", &age);
  g_variant_dict_lookup (options, "import-cookies", "&s", &import_cookies);
  g_variant_dict_lookup (options, "sign-out", "&s", &sign_out);

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("untrain %s\n", PACKAGE_VERSION);
      return EXIT_SUCCESS;
    }

  if (import_cookies != NULL)
    return untrain_command_line_import_cookies (import_cookies);

  if (sign_out != NULL)
    return untrain_command_line_sign_out (sign_out);

  if (g_variant_dict_contains (options, "apply"))
    return untrain_command_line_report (UNTRAIN_REPORT_APPLY, json, country, age);

  if (g_variant_dict_contains (options, "check"))
    return untrain_command_line_report (UNTRAIN_REPORT_CHECK, json, country, age);

  if (g_variant_dict_contains (options, "status"))
    return untrain_command_line_report (UNTRAIN_REPORT_STATUS, json, country, age);

  if (json || country != NULL || age != NULL)
    {
      g_printerr (_("untrain: --json, --country and --age go with --status, --check or --apply\n"));
      return EXIT_USAGE;
    }

  return -1;
}
