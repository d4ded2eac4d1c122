/* untrain-status-report.c
 *
 * Copyright 2026 The Untrain developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "untrain-status-report"

#include "config.h"

#include <glib/gi18n.h>

#include "untrain-region.h"
#include "untrain-status-report.h"

static void
add_nullable_string (JsonBuilder *builder,
                     const char  *member,
                     const char  *value)
{
  json_builder_set_member_name (builder, member);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_item (JsonBuilder       *builder,
          UntrainItemStatus *item_status)
{
  UntrainItem *item = untrain_item_status_get_item (item_status);
  UntrainEvidence evidence = untrain_item_status_get_evidence (item_status);
  UntrainApplies applies = untrain_item_status_get_applies (item_status);
  GDateTime *checked_at = untrain_item_status_get_checked_at (item_status);
  const GDate *since = untrain_item_status_get_since (item_status);
  g_autofree char *checked_at_text = NULL;
  char since_text[16] = "";

  if (checked_at != NULL)
    checked_at_text = g_date_time_format_iso8601 (checked_at);

  if (g_date_valid (since) && applies != UNTRAIN_APPLIES_NO)
    g_date_strftime (since_text, sizeof since_text, "%Y-%m-%d", since);

  json_builder_begin_object (builder);
  add_nullable_string (builder, "id", untrain_item_get_id (item));
  add_nullable_string (builder, "kind", untrain_item_kind_to_string (untrain_item_get_kind (item)));
  add_nullable_string (builder, "title", untrain_item_get_title (item));
  add_nullable_string (builder, "status", untrain_status_to_string (untrain_item_status_get_status (item_status)));
  add_nullable_string (builder, "evidence",
                       evidence != UNTRAIN_EVIDENCE_NONE ? untrain_evidence_to_string (evidence) : NULL);
  add_nullable_string (builder, "checked_at", checked_at_text);

  json_builder_set_member_name (builder, "applies");
  if (applies == UNTRAIN_APPLIES_UNKNOWN)
    json_builder_add_null_value (builder);
  else
    json_builder_add_boolean_value (builder, applies == UNTRAIN_APPLIES_YES);

  add_nullable_string (builder, "since", since_text[0] != '\0' ? since_text : NULL);
  add_nullable_string (builder, "reason", untrain_item_status_get_reason (item_status));
  add_nullable_string (builder, "url", untrain_item_get_url (item));
  add_nullable_string (builder, "message", untrain_item_status_get_message (item_status));
  json_builder_end_object (builder);
}

/**
 * untrain_status_report_to_json:
 * @models: (element-type UntrainStatusModel): one model per platform
 * @signed_in: (nullable) (element-type utf8): the ids of the platforms with
 *   a session in the keyring
 * @country: (nullable): the country the report is for
 * @age: the age, or %UNTRAIN_AGE_UNKNOWN
 *
 * The object `untrain --status --json` prints; its shape is a contract
 * (DESIGN.md, "Command line").
 *
 * Returns: (transfer full): a JSON object
 */
JsonNode *
untrain_status_report_to_json (GPtrArray  *models,
                               GHashTable *signed_in,
                               const char *country,
                               int         age)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  g_return_val_if_fail (models != NULL, NULL);

  json_builder_begin_object (builder);
  add_nullable_string (builder, "country", country);

  json_builder_set_member_name (builder, "age");
  if (age != UNTRAIN_AGE_UNKNOWN)
    json_builder_add_int_value (builder, age);
  else
    json_builder_add_null_value (builder);

  json_builder_set_member_name (builder, "platforms");
  json_builder_begin_array (builder);

  for (guint i = 0; i < models->len; i++)
    {
      UntrainStatusModel *model = g_ptr_array_index (models, i);
      UntrainPlatform *platform = untrain_status_model_get_platform (model);
      guint n_items = g_list_model_get_n_items (G_LIST_MODEL (model));

      json_builder_begin_object (builder);
      add_nullable_string (builder, "id", untrain_platform_get_id (platform));
      add_nullable_string (builder, "name", untrain_platform_get_name (platform));
      json_builder_set_member_name (builder, "signed_in");
      json_builder_add_boolean_value (builder,
                                      signed_in != NULL &&
                                      g_hash_table_contains (signed_in, untrain_platform_get_id (platform)));

      json_builder_set_member_name (builder, "items");
      json_builder_begin_array (builder);
      for (guint j = 0; j < n_items; j++)
        {
          g_autoptr(UntrainItemStatus) item_status = g_list_model_get_item (G_LIST_MODEL (model), j);

          add_item (builder, item_status);
        }
      json_builder_end_array (builder);

      json_builder_end_object (builder);
    }

  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static const char *
status_mark (UntrainStatus status)
{
  switch (status)
    {
    case UNTRAIN_STATUS_DONE:
      return "✓";
    case UNTRAIN_STATUS_ACTION_NEEDED:
      return "!";
    case UNTRAIN_STATUS_NOT_APPLICABLE:
      return "–";
    case UNTRAIN_STATUS_NEEDS_SIGN_IN:
    case UNTRAIN_STATUS_ERROR:
      return "✗";
    case UNTRAIN_STATUS_CHECKING:
    case UNTRAIN_STATUS_UNKNOWN:
    default:
      return "?";
    }
}

/**
 * untrain_status_report_to_text:
 *
 * The checklist as `untrain --status` prints it for a person at a terminal.
 *
 * Returns: (transfer full): the text, ending in a newline
 */
char *
untrain_status_report_to_text (GPtrArray  *models,
                               const char *country,
                               int         age)
{
  g_autoptr(GString) text = g_string_new (NULL);
  const char *country_name = country != NULL ? untrain_region_get_country_name (country) : NULL;

  g_return_val_if_fail (models != NULL, NULL);

  if (country_name != NULL && age != UNTRAIN_AGE_UNKNOWN)
    /* Translators: “For someone aged 30 in Germany” */
    g_string_append_printf (text, ngettext ("For someone aged %d in %s",
                                            "For someone aged %d in %s", age),
                            age, country_name);
  else if (country_name != NULL)
    /* Translators: %s is a country */
    g_string_append_printf (text, _("For someone in %s"), country_name);
  else
    g_string_append (text, _("Your country is not known: run “untrain --status --country=CC” or choose it in Untrain"));
  g_string_append (text, "\n");

  for (guint i = 0; i < models->len; i++)
    {
      UntrainStatusModel *model = g_ptr_array_index (models, i);
      UntrainPlatform *platform = untrain_status_model_get_platform (model);
      guint n_items = g_list_model_get_n_items (G_LIST_MODEL (model));

      g_string_append (text, "\n");
      /* Translators: “LinkedIn: 1 of 3 done” */
      g_string_append_printf (text, _("%s: %u of %u done"),
                              untrain_platform_get_name (platform),
                              untrain_status_model_count_done (model),
                              untrain_status_model_count_applicable (model));
      g_string_append (text, "\n");

      for (guint j = 0; j < n_items; j++)
        {
          g_autoptr(UntrainItemStatus) item_status = g_list_model_get_item (G_LIST_MODEL (model), j);
          UntrainItem *item = untrain_item_status_get_item (item_status);
          UntrainStatus status = untrain_item_status_get_status (item_status);
          const char *message = untrain_item_status_get_message (item_status);

          g_string_append_printf (text, "  %s %s — %s\n",
                                  status_mark (status),
                                  untrain_item_get_title (item),
                                  untrain_status_get_label (status));
          g_string_append_printf (text, "    %s\n", untrain_item_status_get_reason (item_status));
          if (message != NULL)
            g_string_append_printf (text, "    %s\n", message);
          if (status != UNTRAIN_STATUS_DONE &&
              status != UNTRAIN_STATUS_NOT_APPLICABLE &&
              untrain_item_get_url (item) != NULL)
            g_string_append_printf (text, "    %s\n", untrain_item_get_url (item));
        }
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * untrain_status_report_result:
 *
 * Returns: how `--check` exits: all applicable items done, something to
 *   do, or something that could not be checked
 */
UntrainReportResult
untrain_status_report_result (GPtrArray *models)
{
  gboolean pending = FALSE;

  g_return_val_if_fail (models != NULL, UNTRAIN_REPORT_ERRORS);

  for (guint i = 0; i < models->len; i++)
    {
      UntrainStatusModel *model = g_ptr_array_index (models, i);

      if (untrain_status_model_has_errors (model))
        return UNTRAIN_REPORT_ERRORS;

      if (untrain_status_model_count_pending (model) > 0)
        pending = TRUE;
    }

  return pending ? UNTRAIN_REPORT_ACTION_NEEDED : UNTRAIN_REPORT_ALL_DONE;
}
