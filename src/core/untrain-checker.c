/* untrain-checker.c
 *
 * Copyright 2026 The Untrain developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "untrain-checker"

#include "config.h"

#include <glib/gi18n.h>

#include "untrain-checker.h"

typedef struct
{
  UntrainStatusModel *model;
  UntrainProvider    *provider;
  UntrainHistory     *history;
  char               *item_id;
  guint               n_pending;
  GError             *unreachable;
} Run;

static void
run_free (Run *run)
{
  g_clear_object (&run->model);
  g_clear_object (&run->provider);
  g_clear_object (&run->history);
  g_clear_pointer (&run->item_id, g_free);
  g_clear_error (&run->unreachable);
  g_free (run);
}

typedef struct
{
  GTask *task;
  char  *item_id;
} ItemRun;

static ItemRun *
item_run_new (GTask      *task,
              const char *item_id)
{
  ItemRun *item_run = g_new0 (ItemRun, 1);

  item_run->task = g_object_ref (task);
  item_run->item_id = g_strdup (item_id);

  return item_run;
}

static void
item_run_free (ItemRun *item_run)
{
  g_object_unref (item_run->task);
  g_free (item_run->item_id);
  g_free (item_run);
}

/**
 * untrain_checker_is_live:
 *
 * Returns: whether Untrain can read @item_status's setting from the account:
 *   a switch with a setting on the wire, that applies to the person
 */
gboolean
untrain_checker_is_live (UntrainStatusModel *model,
                         UntrainItemStatus  *item_status)
{
  UntrainItem *item = untrain_item_status_get_item (item_status);

  return untrain_platform_get_provider (untrain_status_model_get_platform (model)) != NULL &&
         untrain_item_get_kind (item) == UNTRAIN_ITEM_KIND_TOGGLE &&
         untrain_item_get_setting (item) != NULL &&
         untrain_item_status_get_applies (item_status) == UNTRAIN_APPLIES_YES;
}

static void
record (Run                *run,
        UntrainHistoryKind  kind,
        const char         *item_id,
        UntrainStatus       status,
        const char         *value)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GError) error = NULL;

  if (run->history == NULL)
    return;

  if (!untrain_history_append (run->history, kind,
                               untrain_platform_get_id (untrain_status_model_get_platform (run->model)),
                               item_id, now, status, value, &error))
    g_warning ("Could not add to the history: %s", error->message);
}

/* Every item is done: save what was learnt, say how it went. */
static void
run_complete (GTask *task)
{
  Run *run = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  /* Offline says nothing new about the account: show what was known. */
  if (run->unreachable != NULL)
    untrain_status_model_reload (run->model);

  if (!untrain_state_store_save (untrain_status_model_get_store (run->model), &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else if (run->unreachable != NULL)
    g_task_return_error (task, g_steal_pointer (&run->unreachable));
  else
    g_task_return_boolean (task, TRUE);
}

static void
record_failure (Run          *run,
                const char   *item_id,
                const GError *error)
{
  if (g_error_matches (error, UNTRAIN_PROVIDER_ERROR, UNTRAIN_PROVIDER_ERROR_UNREACHABLE) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      if (run->unreachable == NULL)
        run->unreachable = g_error_copy (error);
      return;
    }

  untrain_status_model_set_live_result (run->model, item_id,
                                        untrain_provider_error_to_status (error),
                                        error->message);
}

static void
check_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  ItemRun *item_run = user_data;
  Run *run = g_task_get_task_data (item_run->task);
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;
  gboolean is_desired = FALSE;

  if (untrain_provider_check_finish (UNTRAIN_PROVIDER (object), result, &is_desired, &value, &error))
    {
      UntrainStatus status = is_desired ? UNTRAIN_STATUS_DONE : UNTRAIN_STATUS_ACTION_NEEDED;

      /* The history first, so that what shows the new status shows it too. */
      record (run, UNTRAIN_HISTORY_READ, item_run->item_id, status, value);
      untrain_status_model_set_live_result (run->model, item_run->item_id, status, NULL);
    }
  else
    record_failure (run, item_run->item_id, error);

  if (--run->n_pending == 0)
    run_complete (item_run->task);

  item_run_free (item_run);
}

/**
 * untrain_checker_check_async:
 * @history: (nullable): where to record each read
 *
 * Reads every live switch of @model's platform from the account at once,
 * each item showing "checking" meanwhile. Results go into the model and the
 * state store (saved) with live evidence and the time. When the platform
 * cannot be reached, the model goes back to what it knew and the check
 * fails with %UNTRAIN_PROVIDER_ERROR_UNREACHABLE; other failures are the
 * items' statuses.
 */
void
untrain_checker_check_async (UntrainStatusModel  *model,
                             UntrainProvider     *provider,
                             UntrainHistory      *history,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GPtrArray) live = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_items;
  Run *run;

  g_return_if_fail (UNTRAIN_IS_STATUS_MODEL (model));
  g_return_if_fail (UNTRAIN_IS_PROVIDER (provider));
  g_return_if_fail (history == NULL || UNTRAIN_IS_HISTORY (history));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, untrain_checker_check_async);

  run = g_new0 (Run, 1);
  run->model = g_object_ref (model);
  run->provider = g_object_ref (provider);
  run->history = history != NULL ? g_object_ref (history) : NULL;
  g_task_set_task_data (task, run, (GDestroyNotify)run_free);

  n_items = g_list_model_get_n_items (G_LIST_MODEL (model));
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(UntrainItemStatus) item_status = g_list_model_get_item (G_LIST_MODEL (model), i);

      if (untrain_checker_is_live (model, item_status))
        g_ptr_array_add (live, g_steal_pointer (&item_status));
    }

  if (live->len == 0)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  /* All at once: the checks overlap, so the whole takes about one round trip. */
  run->n_pending = live->len;
  for (guint i = 0; i < live->len; i++)
    {
      UntrainItem *item = untrain_item_status_get_item (g_ptr_array_index (live, i));

      untrain_status_model_set_checking (model, untrain_item_get_id (item));
      untrain_provider_check_async (provider, item, cancellable, check_cb,
                                    item_run_new (task, untrain_item_get_id (item)));
    }
}

/**
 * untrain_checker_check_finish:
 *
 * Returns: %FALSE if the platform could not be reached or the results could
 *   not be saved
 */
gboolean
untrain_checker_check_finish (GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
apply_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  ItemRun *item_run = user_data;
  Run *run = g_task_get_task_data (item_run->task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) save_error = NULL;
  g_autofree char *value = NULL;

  if (untrain_provider_apply_finish (UNTRAIN_PROVIDER (object), result, &value, &error))
    {
      record (run, UNTRAIN_HISTORY_CHANGE, item_run->item_id, UNTRAIN_STATUS_DONE, value);
      untrain_status_model_set_live_result (run->model, item_run->item_id, UNTRAIN_STATUS_DONE, NULL);
    }
  else
    {
      record_failure (run, item_run->item_id, error);
      /* Unreachable or cancelled: whether the switch changed is not
       * known, and the history is the person's record of what was.
       */
      if (!g_error_matches (error, UNTRAIN_PROVIDER_ERROR, UNTRAIN_PROVIDER_ERROR_UNREACHABLE) &&
          !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        record (run, UNTRAIN_HISTORY_CHANGE, item_run->item_id,
                untrain_provider_error_to_status (error), value);
    }

  if (!untrain_state_store_save (untrain_status_model_get_store (run->model), &save_error))
    g_task_return_error (item_run->task, g_steal_pointer (&save_error));
  else if (error != NULL)
    {
      if (run->unreachable != NULL)
        untrain_status_model_reload (run->model);
      g_task_return_error (item_run->task, g_steal_pointer (&error));
    }
  else
    g_task_return_boolean (item_run->task, TRUE);

  item_run_free (item_run);
}

/**
 * untrain_checker_apply_async:
 * @item_id: the switch to turn off
 *
 * Turns @item_id's switch to its desired value on the account, then reads
 * it back: the item is done only when the re-read shows the desired value.
 */
void
untrain_checker_apply_async (UntrainStatusModel  *model,
                             UntrainProvider     *provider,
                             UntrainHistory      *history,
                             const char          *item_id,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  UntrainItemStatus *item_status;
  Run *run;

  g_return_if_fail (UNTRAIN_IS_STATUS_MODEL (model));
  g_return_if_fail (UNTRAIN_IS_PROVIDER (provider));
  g_return_if_fail (item_id != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, untrain_checker_apply_async);

  run = g_new0 (Run, 1);
  run->model = g_object_ref (model);
  run->provider = g_object_ref (provider);
  run->history = history != NULL ? g_object_ref (history) : NULL;
  run->item_id = g_strdup (item_id);
  g_task_set_task_data (task, run, (GDestroyNotify)run_free);

  item_status = untrain_status_model_lookup (model, item_id);
  if (item_status == NULL || !untrain_checker_is_live (model, item_status))
    {
      g_task_return_new_error (task, UNTRAIN_PROVIDER_ERROR, UNTRAIN_PROVIDER_ERROR_FAILED,
                               /* Translators: %s is a setting's name on the platform, in English */
                               _("Untrain can’t change “%s” for you; change it on the platform’s page"),
                               item_status != NULL
                                 ? untrain_item_get_setting_name (untrain_item_status_get_item (item_status))
                                 : item_id);
      return;
    }

  untrain_status_model_set_checking (model, item_id);
  untrain_provider_apply_async (provider, untrain_item_status_get_item (item_status),
                                cancellable, apply_cb, item_run_new (task, item_id));
}

/**
 * untrain_checker_apply_finish:
 *
 * Returns: %TRUE when the re-read shows the switch as it should be
 */
gboolean
untrain_checker_apply_finish (GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
