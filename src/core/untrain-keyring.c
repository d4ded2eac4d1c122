/* untrain-keyring.c
 *
 * Copyright 2026 The Untrain developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "untrain-keyring"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "untrain-catalog.h"
#include "untrain-error.h"
#include "untrain-keyring.h"

/* Sessions live in the keyring through libsecret's password functions
 * rather than SecretService itself, because only those also work with
 * libsecret's other backend: the file it keeps inside a Flatpak sandbox
 * and opens through the Secret portal.
 *
 * One session per platform: storing writes the new item first (replacing
 * an item with the same platform and account), then removes the items of
 * any other account, so a failed store never leaves a person with no
 * session at all. Should two items of a platform be there anyway, lookup
 * takes the newest.
 *
 * Nothing here logs. Error messages name the platform and say what went
 * wrong; where they quote the keyring's own message, that message is about
 * the keyring (its bus, its lock), never about the secret it was handed.
 *
 * This is the live side's part (untrain-live.h): untrain-credentials.c
 * opens it and says what each call does.
 */

typedef enum
{
  OPERATION_STORE,
  OPERATION_PRUNE,
  OPERATION_LOOKUP,
  OPERATION_CLEAR,
} Operation;

/**
 * untrain_keyring_get_schema:
 *
 * The contract's schema. Its attributes are "platform" and "account";
 * with %SECRET_SCHEMA_NONE, a search by "platform" alone matches every
 * account, and libsecret adds the schema's name as "xdg:schema".
 *
 * Returns: (transfer none): the schema of a platform session
 */
const SecretSchema *
untrain_keyring_get_schema (void)
{
  static const SecretSchema schema = {
    .name = "io.github.untrain.Untrain.Session",
    .flags = SECRET_SCHEMA_NONE,
    .attributes = {
      { "platform", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "account", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    },
  };

  return &schema;
}

/* The name a person knows the platform by, for labels and messages; the
 * id when the built-in catalog does not know it.
 */
static char *
get_platform_name (const char *platform_id)
{
  g_autoptr(UntrainCatalog) catalog = untrain_catalog_new ();
  UntrainPlatform *platform;

  if (untrain_catalog_load_builtin (catalog, NULL) &&
      (platform = untrain_catalog_lookup (catalog, platform_id)) != NULL)
    return g_strdup (untrain_platform_get_name (platform));

  return g_strdup (platform_id);
}

static char *
make_label (const char *platform_id,
            const char *account)
{
  g_autofree char *name = get_platform_name (platform_id);

  if (account[0] == '\0')
    /* Translators: the label of the keyring item, as "Passwords and Keys"
     * shows it; %s is a platform, such as "LinkedIn". */
    return g_strdup_printf (_("Untrain: %s session"), name);

  /* Translators: the label of the keyring item, as "Passwords and Keys"
   * shows it: "Untrain: LinkedIn session for Ada Lovelace". */
  return g_strdup_printf (_("Untrain: %s session for %s"), name, account);
}

static GHashTable *
platform_attributes (const char *platform_id)
{
  return secret_attributes_build (untrain_keyring_get_schema (),
                                  "platform", platform_id,
                                  NULL);
}

static GHashTable *
session_attributes (const char *platform_id,
                    const char *account)
{
  return secret_attributes_build (untrain_keyring_get_schema (),
                                  "platform", platform_id,
                                  "account", account,
                                  NULL);
}

static gboolean
is_keyring_unreachable (const GError *error)
{
  if (error->domain == G_DBUS_ERROR)
    return error->code == G_DBUS_ERROR_SERVICE_UNKNOWN ||
           error->code == G_DBUS_ERROR_NAME_HAS_NO_OWNER ||
           error->code == G_DBUS_ERROR_NO_SERVER ||
           error->code == G_DBUS_ERROR_DISCONNECTED ||
           (error->code >= G_DBUS_ERROR_SPAWN_EXEC_FAILED &&
            error->code <= G_DBUS_ERROR_SPAWN_FAILED);

  /* What connecting to a session bus that is not there fails with. */
  return error->domain == G_IO_ERROR &&
         (error->code == G_IO_ERROR_NOT_FOUND ||
          error->code == G_IO_ERROR_FAILED ||
          error->code == G_IO_ERROR_CLOSED ||
          error->code == G_IO_ERROR_CONNECTION_REFUSED);
}

/* Takes @keyring_error and sets @error to a sentence about @operation on
 * @platform_id's session. A cancellation stays a cancellation, so that
 * callers can tell it apart and say nothing.
 */
static void
propagate_keyring_error (GError     **error,
                         GError      *keyring_error,
                         Operation    operation,
                         const char  *platform_id)
{
  g_autofree char *name = NULL;
  const char *reason;

  if (g_error_matches (keyring_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_propagate_error (error, keyring_error);
      return;
    }

  name = get_platform_name (platform_id);

  if (g_error_matches (keyring_error, SECRET_ERROR, SECRET_ERROR_IS_LOCKED))
    reason = _("the keyring is locked; unlock it and try again");
  else if (is_keyring_unreachable (keyring_error))
    reason = _("no keyring is running; start GNOME Keyring or another Secret Service and try again");
  else
    reason = keyring_error->message;

  switch (operation)
    {
    case OPERATION_STORE:
      g_set_error (error, UNTRAIN_ERROR, UNTRAIN_ERROR_FAILED,
                   _("Can’t save the %s session in the keyring: %s"), name, reason);
      break;

    case OPERATION_PRUNE:
      g_set_error (error, UNTRAIN_ERROR, UNTRAIN_ERROR_FAILED,
                   _("The new %s session is saved, but the keyring still holds an earlier one: %s"),
                   name, reason);
      break;

    case OPERATION_LOOKUP:
      g_set_error (error, UNTRAIN_ERROR, UNTRAIN_ERROR_FAILED,
                   _("Can’t read the %s session from the keyring: %s"), name, reason);
      break;

    case OPERATION_CLEAR:
      g_set_error (error, UNTRAIN_ERROR, UNTRAIN_ERROR_FAILED,
                   _("Can’t remove the %s session from the keyring: %s"), name, reason);
      break;

    default:
      g_assert_not_reached ();
    }

  g_error_free (keyring_error);
}

static void
set_damaged_error (GError     **error,
                   const char  *platform_id)
{
  g_autofree char *name = get_platform_name (platform_id);

  g_set_error (error, UNTRAIN_ERROR, UNTRAIN_ERROR_FAILED,
               _("The %s session in the keyring is damaged; sign in again"), name);
}

/* The accounts of @items other than @account, each once: the sessions a
 * new one replaces. Items that carry no account are not Untrain's own and
 * are left alone.
 */
static GPtrArray *
collect_other_accounts (GList      *items,
                        const char *account)
{
  GPtrArray *accounts = g_ptr_array_new_with_free_func (g_free);

  for (const GList *l = items; l != NULL; l = l->next)
    {
      g_autoptr(GHashTable) attributes = secret_retrievable_get_attributes (l->data);
      const char *other = g_hash_table_lookup (attributes, "account");

      if (other == NULL || g_str_equal (other, account))
        continue;

      if (!g_ptr_array_find_with_equal_func (accounts, other, g_str_equal, NULL))
        g_ptr_array_add (accounts, g_strdup (other));
    }

  return accounts;
}

static SecretRetrievable *
find_newest (GList *items)
{
  SecretRetrievable *newest = NULL;

  for (const GList *l = items; l != NULL; l = l->next)
    {
      if (newest == NULL ||
          secret_retrievable_get_modified (l->data) > secret_retrievable_get_modified (newest))
        newest = l->data;
    }

  return newest;
}

/* Returns: (nullable): the account of @item, %NULL when it has none */
static char *
dup_account (SecretRetrievable *item)
{
  g_autoptr(GHashTable) attributes = secret_retrievable_get_attributes (item);
  const char *account = g_hash_table_lookup (attributes, "account");

  if (account == NULL || account[0] == '\0')
    return NULL;

  return g_strdup (account);
}

/* Returns: (nullable): the cookies in @value, %NULL when it holds no
 * text fit for a Cookie header. gnome-keyring calls any secret
 * "text/plain", so the bytes are checked here.
 */
static char *
dup_secret_text (SecretValue *value)
{
  const char *text;
  gsize length;

  text = secret_value_get (value, &length);
  if (text == NULL || length == 0 || !g_utf8_validate (text, length, NULL))
    return NULL;

  for (gsize i = 0; i < length; i++)
    {
      if (g_ascii_iscntrl (text[i]))
        return NULL;
    }

  return g_strndup (text, length);
}

static void
free_secret (gpointer secret)
{
  secret_password_free (secret);
}

/* Store */

typedef struct
{
  char      *platform_id;
  char      *account;
  GPtrArray *other_accounts;
  guint      next_other;
} StoreData;

static void
store_data_free (gpointer data)
{
  StoreData *store = data;

  g_free (store->platform_id);
  g_free (store->account);
  g_clear_pointer (&store->other_accounts, g_ptr_array_unref);
  g_free (store);
}

static void prune_next (GTask *task);

static void
on_prune_cleared (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  StoreData *store = g_task_get_task_data (task);
  GError *keyring_error = NULL;
  GError *error = NULL;

  secret_password_clear_finish (result, &keyring_error);
  if (keyring_error != NULL)
    {
      propagate_keyring_error (&error, keyring_error, OPERATION_PRUNE, store->platform_id);
      g_task_return_error (task, error);
      return;
    }

  prune_next (g_steal_pointer (&task));
}

/* Takes @task. */
static void
prune_next (GTask *task)
{
  StoreData *store = g_task_get_task_data (task);
  g_autoptr(GHashTable) attributes = NULL;
  const char *other;

  if (store->next_other >= store->other_accounts->len)
    {
      g_task_return_boolean (task, TRUE);
      g_object_unref (task);
      return;
    }

  other = g_ptr_array_index (store->other_accounts, store->next_other++);
  attributes = session_attributes (store->platform_id, other);

  secret_password_clearv (untrain_keyring_get_schema (),
                          attributes,
                          g_task_get_cancellable (task),
                          on_prune_cleared,
                          task);
}

static void
on_store_searched (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  StoreData *store = g_task_get_task_data (task);
  GError *keyring_error = NULL;
  GError *error = NULL;
  GList *items;

  items = secret_password_search_finish (result, &keyring_error);
  if (keyring_error != NULL)
    {
      propagate_keyring_error (&error, keyring_error, OPERATION_PRUNE, store->platform_id);
      g_task_return_error (task, error);
      return;
    }

  store->other_accounts = collect_other_accounts (items, store->account);
  g_list_free_full (items, g_object_unref);

  prune_next (g_steal_pointer (&task));
}

static void
on_stored (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  StoreData *store = g_task_get_task_data (task);
  g_autoptr(GHashTable) attributes = NULL;
  GCancellable *cancellable;
  GError *keyring_error = NULL;
  GError *error = NULL;

  if (!secret_password_store_finish (result, &keyring_error))
    {
      propagate_keyring_error (&error, keyring_error, OPERATION_STORE, store->platform_id);
      g_task_return_error (task, error);
      return;
    }

  attributes = platform_attributes (store->platform_id);
  cancellable = g_task_get_cancellable (task);
  secret_password_searchv (untrain_keyring_get_schema (),
                           attributes,
                           SECRET_SEARCH_ALL,
                           cancellable,
                           on_store_searched,
                           g_steal_pointer (&task));
}

void
untrain_keyring_store_async (const char          *platform_id,
                             const char          *account,
                             const char          *cookies,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GHashTable) attributes = NULL;
  g_autofree char *label = NULL;
  StoreData *store;

  g_return_if_fail (platform_id != NULL && platform_id[0] != '\0');
  g_return_if_fail (cookies != NULL && cookies[0] != '\0');
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, untrain_keyring_store_async);

  store = g_new0 (StoreData, 1);
  store->platform_id = g_strdup (platform_id);
  store->account = g_strdup (account != NULL ? account : "");
  g_task_set_task_data (task, store, store_data_free);

  attributes = session_attributes (store->platform_id, store->account);
  label = make_label (store->platform_id, store->account);

  secret_password_storev (untrain_keyring_get_schema (),
                          attributes,
                          SECRET_COLLECTION_DEFAULT,
                          label,
                          cookies,
                          cancellable,
                          on_stored,
                          g_steal_pointer (&task));
}

gboolean
untrain_keyring_store_finish (GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == untrain_keyring_store_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Lookup */

typedef struct
{
  char *platform_id;
  char *account;
} LookupData;

static void
lookup_data_free (gpointer data)
{
  LookupData *lookup = data;

  g_free (lookup->platform_id);
  g_free (lookup->account);
  g_free (lookup);
}

static void
on_secret_retrieved (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  LookupData *lookup = g_task_get_task_data (task);
  SecretValue *value;
  GError *keyring_error = NULL;
  GError *error = NULL;
  char *secret;

  value = secret_retrievable_retrieve_secret_finish (SECRET_RETRIEVABLE (object), result, &keyring_error);
  if (value == NULL)
    {
      if (keyring_error == NULL)
        set_damaged_error (&error, lookup->platform_id);
      else
        propagate_keyring_error (&error, keyring_error, OPERATION_LOOKUP, lookup->platform_id);
      g_task_return_error (task, error);
      return;
    }

  secret = dup_secret_text (value);
  secret_value_unref (value);

  if (secret == NULL)
    {
      set_damaged_error (&error, lookup->platform_id);
      g_task_return_error (task, error);
      return;
    }

  g_task_return_pointer (task, secret, free_secret);
}

static void
on_lookup_searched (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  LookupData *lookup = g_task_get_task_data (task);
  SecretRetrievable *newest;
  GCancellable *cancellable;
  GError *keyring_error = NULL;
  GError *error = NULL;
  GList *items;

  items = secret_password_search_finish (result, &keyring_error);
  if (keyring_error != NULL)
    {
      propagate_keyring_error (&error, keyring_error, OPERATION_LOOKUP, lookup->platform_id);
      g_task_return_error (task, error);
      return;
    }

  newest = find_newest (items);
  if (newest == NULL)
    {
      g_task_return_pointer (task, NULL, NULL);
      return;
    }

  lookup->account = dup_account (newest);
  cancellable = g_task_get_cancellable (task);
  secret_retrievable_retrieve_secret (newest,
                                      cancellable,
                                      on_secret_retrieved,
                                      g_steal_pointer (&task));
  g_list_free_full (items, g_object_unref);
}

void
untrain_keyring_lookup_async (const char          *platform_id,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GHashTable) attributes = NULL;
  LookupData *lookup;

  g_return_if_fail (platform_id != NULL && platform_id[0] != '\0');
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, untrain_keyring_lookup_async);

  lookup = g_new0 (LookupData, 1);
  lookup->platform_id = g_strdup (platform_id);
  g_task_set_task_data (task, lookup, lookup_data_free);

  attributes = platform_attributes (platform_id);
  secret_password_searchv (untrain_keyring_get_schema (),
                           attributes,
                           SECRET_SEARCH_ALL | SECRET_SEARCH_UNLOCK,
                           cancellable,
                           on_lookup_searched,
                           g_steal_pointer (&task));
}

char *
untrain_keyring_lookup_finish (GAsyncResult  *result,
                               char         **account,
                               GError       **error)
{
  LookupData *lookup;
  char *secret;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == untrain_keyring_lookup_async, NULL);

  lookup = g_task_get_task_data (G_TASK (result));
  secret = g_task_propagate_pointer (G_TASK (result), error);

  if (account != NULL)
    *account = secret != NULL ? g_strdup (lookup->account) : NULL;

  return secret;
}

/* Clear */

static void
on_cleared (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *keyring_error = NULL;
  GError *error = NULL;

  /* FALSE without an error: there was nothing to remove, which is fine. */
  secret_password_clear_finish (result, &keyring_error);
  if (keyring_error != NULL)
    {
      propagate_keyring_error (&error, keyring_error, OPERATION_CLEAR, g_task_get_task_data (task));
      g_task_return_error (task, error);
      return;
    }

  g_task_return_boolean (task, TRUE);
}

void
untrain_keyring_clear_async (const char          *platform_id,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GHashTable) attributes = NULL;

  g_return_if_fail (platform_id != NULL && platform_id[0] != '\0');
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, untrain_keyring_clear_async);
  g_task_set_task_data (task, g_strdup (platform_id), g_free);

  attributes = platform_attributes (platform_id);
  secret_password_clearv (untrain_keyring_get_schema (),
                          attributes,
                          cancellable,
                          on_cleared,
                          g_steal_pointer (&task));
}

gboolean
untrain_keyring_clear_finish (GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == untrain_keyring_clear_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
