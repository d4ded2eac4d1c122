/* untrain-credentials.c
 *
 * Copyright 2026 The Untrain developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "untrain-credentials"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "untrain-catalog.h"
#include "untrain-credentials.h"
#include "untrain-error.h"

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
 */

typedef enum
{
  OPERATION_STORE,
  OPERATION_PRUNE,
  OPERATION_LOOKUP,
  OPERATION_CLEAR,
} Operation;

/**
 * untrain_credentials_get_schema:
 *
 * The contract's schema. Its attributes are "platform" and "account";
 * with %SECRET_SCHEMA_NONE, a search by "platform" alone matches every
 * account, and libsecret adds the schema's name as "xdg:schema".
 *
 * Returns: (transfer none): the schema of a platform session
 */
const SecretSchema *
untrain_credentials_get_schema (void)
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
  return secret_attributes_build (untrain_credentials_get_schema (),
                                  "platform", platform_id,
                                  NULL);
}

static GHashTable *
session_attributes (const char *platform_id,
                    const char *account)
{
  return secret_attributes_build (untrain_credentials_get_schema (),
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

  secret_password_clearv (untrain_credentials_get_schema (),
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
  secret_password_searchv (untrain_credentials_get_schema (),
                           attributes,
                           SECRET_SEARCH_ALL,
                           cancellable,
                           on_store_searched,
                           g_steal_pointer (&task));
}

/**
 * untrain_credentials_store_async:
 * @platform_id: the platform, such as "linkedin"
 * @account: (nullable): the person signed in, as the platform shows them
 *   ("Ada Lovelace"), or %NULL when not known yet
 * @cookies: the session in Cookie-header form
 *
 * Saves the session in the default collection of the keyring, labelled
 * so that a person recognises it ("Untrain: LinkedIn session for Ada
 * Lovelace"), and removes the platform's earlier session of any other
 * account.
 */
void
untrain_credentials_store_async (const char          *platform_id,
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
  g_task_set_source_tag (task, untrain_credentials_store_async);

  store = g_new0 (StoreData, 1);
  store->platform_id = g_strdup (platform_id);
  store->account = g_strdup (account != NULL ? account : "");
  g_task_set_task_data (task, store, store_data_free);

  attributes = session_attributes (store->platform_id, store->account);
  label = make_label (store->platform_id, store->account);

  secret_password_storev (untrain_credentials_get_schema (),
                          attributes,
                          SECRET_COLLECTION_DEFAULT,
                          label,
                          cookies,
                          cancellable,
                          on_stored,
                          g_steal_pointer (&task));
}

gboolean
untrain_credentials_store_finish (GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == untrain_credentials_store_async, FALSE);

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

/**
 * untrain_credentials_lookup_async:
 *
 * Reads @platform_id's session from the keyring, unlocking it if need be
 * (which may ask the person for their password).
 */
void
untrain_credentials_lookup_async (const char          *platform_id,
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
  g_task_set_source_tag (task, untrain_credentials_lookup_async);

  lookup = g_new0 (LookupData, 1);
  lookup->platform_id = g_strdup (platform_id);
  g_task_set_task_data (task, lookup, lookup_data_free);

  attributes = platform_attributes (platform_id);
  secret_password_searchv (untrain_credentials_get_schema (),
                           attributes,
                           SECRET_SEARCH_ALL | SECRET_SEARCH_UNLOCK,
                           cancellable,
                           on_lookup_searched,
                           g_steal_pointer (&task));
}

/**
 * untrain_credentials_lookup_finish:
 * @account: (out) (optional) (nullable): the account the session belongs
 *   to, %NULL when it was stored without one or there is no session
 *
 * Returns: (transfer full) (nullable): the session's cookies, to free with
 *   secret_password_free(); %NULL without an error when the keyring holds
 *   no session of the platform
 */
char *
untrain_credentials_lookup_finish (GAsyncResult  *result,
                                   char         **account,
                                   GError       **error)
{
  LookupData *lookup;
  char *secret;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == untrain_credentials_lookup_async, NULL);

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

/**
 * untrain_credentials_clear_async:
 *
 * Removes every session of @platform_id from the keyring, whichever its
 * account. Succeeds when there was none.
 */
void
untrain_credentials_clear_async (const char          *platform_id,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GHashTable) attributes = NULL;

  g_return_if_fail (platform_id != NULL && platform_id[0] != '\0');
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, untrain_credentials_clear_async);
  g_task_set_task_data (task, g_strdup (platform_id), g_free);

  attributes = platform_attributes (platform_id);
  secret_password_clearv (untrain_credentials_get_schema (),
                          attributes,
                          cancellable,
                          on_cleared,
                          g_steal_pointer (&task));
}

gboolean
untrain_credentials_clear_finish (GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == untrain_credentials_clear_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* The blocking calls run the async ones in a main context of their own,
 * as libsecret's do, so that both take the same path.
 */
typedef struct
{
  GMainContext *context;
  GAsyncResult *result;
} Sync;

static void
sync_begin (Sync *sync)
{
  sync->context = g_main_context_new ();
  sync->result = NULL;
  g_main_context_push_thread_default (sync->context);
}

static void
on_sync_done (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  Sync *sync = user_data;

  sync->result = g_object_ref (result);
}

static GAsyncResult *
sync_wait (Sync *sync)
{
  while (sync->result == NULL)
    g_main_context_iteration (sync->context, TRUE);

  return sync->result;
}

static void
sync_end (Sync *sync)
{
  /* What the call left queued on the context (libsecret may still be
   * setting up the item proxies it made) runs here, as in libsecret's own
   * blocking calls; dropped with the context, it would never be freed.
   */
  while (g_main_context_iteration (sync->context, FALSE))
    ;

  g_main_context_pop_thread_default (sync->context);
  g_clear_object (&sync->result);
  g_main_context_unref (sync->context);
}

/**
 * untrain_credentials_store_sync:
 *
 * Like untrain_credentials_store_async(), blocking.
 */
gboolean
untrain_credentials_store_sync (const char    *platform_id,
                                const char    *account,
                                const char    *cookies,
                                GCancellable  *cancellable,
                                GError       **error)
{
  Sync sync;
  gboolean stored;

  g_return_val_if_fail (platform_id != NULL && platform_id[0] != '\0', FALSE);
  g_return_val_if_fail (cookies != NULL && cookies[0] != '\0', FALSE);
  g_return_val_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable), FALSE);

  sync_begin (&sync);
  untrain_credentials_store_async (platform_id, account, cookies, cancellable, on_sync_done, &sync);
  stored = untrain_credentials_store_finish (sync_wait (&sync), error);
  sync_end (&sync);

  return stored;
}

/**
 * untrain_credentials_lookup_sync:
 *
 * Like untrain_credentials_lookup_async(), blocking.
 *
 * Returns: (transfer full) (nullable): as untrain_credentials_lookup_finish()
 */
char *
untrain_credentials_lookup_sync (const char    *platform_id,
                                 char         **account,
                                 GCancellable  *cancellable,
                                 GError       **error)
{
  Sync sync;
  char *secret;

  g_return_val_if_fail (platform_id != NULL && platform_id[0] != '\0', NULL);
  g_return_val_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable), NULL);

  sync_begin (&sync);
  untrain_credentials_lookup_async (platform_id, cancellable, on_sync_done, &sync);
  secret = untrain_credentials_lookup_finish (sync_wait (&sync), account, error);
  sync_end (&sync);

  return secret;
}

/**
 * untrain_credentials_clear_sync:
 *
 * Like untrain_credentials_clear_async(), blocking.
 */
gboolean
untrain_credentials_clear_sync (const char    *platform_id,
                                GCancellable  *cancellable,
                                GError       **error)
{
  Sync sync;
  gboolean cleared;

  g_return_val_if_fail (platform_id != NULL && platform_id[0] != '\0', FALSE);
  g_return_val_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable), FALSE);

  sync_begin (&sync);
  untrain_credentials_clear_async (platform_id, cancellable, on_sync_done, &sync);
  cleared = untrain_credentials_clear_finish (sync_wait (&sync), error);
  sync_end (&sync);

  return cleared;
}

/* Parsing cookies
 *
 * The text is copied once and cut up in place; the copy is wiped before
 * it is freed, and so is every other copy of a value made on the way.
 */

typedef struct
{
  char    *value;     /* the chosen value, or NULL */
  int      rank;      /* of the chosen value's domain; lower is better */
  gboolean expired;   /* an expired one was seen */
} WantedCookie;

typedef struct
{
  const char * const *wanted;
  const char         *domain;
  gint64              now;
  WantedCookie       *found;
  guint               n_parsed;
  GError             *error;
} Parser;

static void
wipe (char  *buffer,
      gsize  length)
{
  volatile char *p = buffer;

  while (length-- > 0)
    *p++ = '\0';
}

/* How well @cookie_domain stands for @domain: 0 for the domain itself and
 * its "www.", 1 for another subdomain, -1 for anything else, lookalikes
 * such as "evillinkedin.com" included.
 */
static int
rank_domain (const char *cookie_domain,
             const char *domain)
{
  g_autofree char *host = NULL;
  gsize host_length, domain_length;

  if (cookie_domain[0] == '.')
    cookie_domain++;

  host = g_ascii_strdown (cookie_domain, -1);
  host_length = strlen (host);
  domain_length = strlen (domain);

  if (g_str_equal (host, domain))
    return 0;

  if (g_str_has_prefix (host, "www.") && g_str_equal (host + 4, domain))
    return 0;

  if (host_length > domain_length + 1 &&
      host[host_length - domain_length - 1] == '.' &&
      g_str_equal (host + host_length - domain_length, domain))
    return 1;

  return -1;
}

static gboolean
is_valid_name (const char *name)
{
  if (name[0] == '\0')
    return FALSE;

  for (const char *p = name; *p != '\0'; p++)
    {
      if (g_ascii_iscntrl (*p) || g_ascii_isspace (*p) ||
          *p == ';' || *p == '=' || *p == ',' || *p == '"')
        return FALSE;
    }

  return TRUE;
}

static gboolean
is_valid_value (const char *value)
{
  for (const char *p = value; *p != '\0'; p++)
    {
      if (g_ascii_iscntrl (*p) || *p == ';')
        return FALSE;
    }

  return TRUE;
}

/* Takes note of a cookie set for a domain of @rank (0 for a Cookie line,
 * which has no domain of its own). @value is cut in place.
 */
static void
parser_add (Parser     *parser,
            const char *name,
            char       *value,
            int         rank,
            gboolean    expired)
{
  parser->n_parsed++;

  if (parser->error != NULL || rank < 0)
    return;

  for (guint i = 0; parser->wanted[i] != NULL; i++)
    {
      WantedCookie *cookie = &parser->found[i];

      if (!g_str_equal (parser->wanted[i], name))
        continue;

      if (expired)
        {
          cookie->expired = TRUE;
          return;
        }

      /* An empty value is what a site leaves when it signs a person out;
       * quoted ("") it is as empty, and no session either.
       */
      g_strstrip (value);
      if (value[0] == '\0' || g_str_equal (value, "\"\""))
        return;

      if (!is_valid_value (value))
        {
          g_set_error (&parser->error, UNTRAIN_ERROR, UNTRAIN_ERROR_FAILED,
                       _("The %s cookie holds characters a Cookie header can’t carry; copy the cookies again"),
                       name);
          return;
        }

      if (cookie->value == NULL || rank < cookie->rank)
        {
          g_clear_pointer (&cookie->value, secret_password_free);
          cookie->value = g_strdup (value);
          cookie->rank = rank;
        }

      return;
    }
}

/* A line of a Netscape cookies.txt: domain, include-subdomains flag, path,
 * secure flag, expiry (seconds since 1970, 0 for a session cookie), name
 * and value, separated by tabs. curl and browser extensions mark
 * HttpOnly cookies by putting "#HttpOnly_" before the domain.
 */
#define HTTP_ONLY_PREFIX "#HttpOnly_"
#define N_NETSCAPE_FIELDS 7

static gboolean
is_netscape_record (const char *line,
                    gsize       length)
{
  guint n_tabs = 0;

  for (gsize i = 0; i < length; i++)
    n_tabs += line[i] == '\t';

  return n_tabs >= N_NETSCAPE_FIELDS - 1;
}

static void
parse_netscape_line (Parser *parser,
                     char   *line)
{
  char *fields[N_NETSCAPE_FIELDS];
  gint64 expiry;

  if (g_str_has_prefix (line, HTTP_ONLY_PREFIX))
    line += strlen (HTTP_ONLY_PREFIX);
  else if (line[0] == '#')
    return;

  if (!is_netscape_record (line, strlen (line)))
    return;

  /* The value is the rest of the line, tabs and all, so that a value
   * with a tab in it is refused rather than cut short.
   */
  for (guint i = 0; i < N_NETSCAPE_FIELDS - 1; i++)
    {
      char *tab = strchr (line, '\t');

      *tab = '\0';
      fields[i] = line;
      line = tab + 1;
    }
  fields[N_NETSCAPE_FIELDS - 1] = line;

  g_strstrip (fields[0]);
  g_strstrip (fields[5]);

  if (!is_valid_name (fields[5]) ||
      !g_ascii_string_to_signed (fields[4], 10, G_MININT64, G_MAXINT64, &expiry, NULL))
    return;

  parser_add (parser, fields[5], fields[6],
              rank_domain (fields[0], parser->domain),
              expiry > 0 && expiry <= parser->now);
}

/* "Name: value", a request header other than Cookie, or an HTTP/2
 * pseudo-header (":authority: …"), as copied with the Cookie line from a
 * browser's developer tools.
 */
static gboolean
is_other_header (const char *line)
{
  const char *p = line;

  if (*p == ':')
    return TRUE;

  while (g_ascii_isalnum (*p) || *p == '-' || *p == '_')
    p++;

  return p != line && *p == ':';
}

static void
parse_cookie_line (Parser *parser,
                   char   *line)
{
  if (g_ascii_strncasecmp (line, "cookie", strlen ("cookie")) == 0)
    {
      char *rest = line + strlen ("cookie");

      while (*rest == ' ' || *rest == '\t')
        rest++;

      if (*rest == ':')
        line = rest + 1;
    }

  if (is_other_header (line))
    return;

  while (line != NULL)
    {
      char *semicolon = strchr (line, ';');
      char *equals;

      if (semicolon != NULL)
        *semicolon = '\0';

      equals = strchr (line, '=');
      if (equals != NULL)
        {
          *equals = '\0';
          g_strstrip (line);

          if (is_valid_name (line))
            parser_add (parser, line, equals + 1, 0, FALSE);
        }

      line = semicolon != NULL ? semicolon + 1 : NULL;
    }
}

/* A text with a comment line or a line of seven tab-separated fields is
 * a cookies.txt; anything else, Cookie lines.
 */
static gboolean
is_netscape_file (const char *text)
{
  while (text != NULL)
    {
      const char *newline = strchr (text, '\n');
      gsize length = newline != NULL ? (gsize)(newline - text) : strlen (text);

      while (length > 0 && (*text == ' ' || *text == '\t'))
        text++, length--;

      if (text[0] == '#' || is_netscape_record (text, length))
        return TRUE;

      text = newline != NULL ? newline + 1 : NULL;
    }

  return FALSE;
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      if (!g_ascii_isspace (*p))
        return FALSE;
    }

  return TRUE;
}

/**
 * untrain_cookies_parse:
 * @text: what the person pasted or piped in
 * @domain: the platform's cookie domain, such as "linkedin.com"
 * @wanted: the cookies that make a session, such as "li_at" and
 *   "JSESSIONID"
 *
 * Reads either a Cookie header ("Cookie: a=b; c=d", the name optional and
 * in any case; other request headers copied along with it are skipped)
 * or a Netscape cookies.txt; a text with a comment line or a line of
 * seven tab-separated fields is read as the latter. Lines may end in
 * "\r\n".
 *
 * From a cookies.txt only cookies set for @domain or a subdomain count,
 * and expired ones do not. When a cookie is there for several domains,
 * the one for @domain itself or its "www." wins over other subdomains,
 * and among equals the first one in the file; a Cookie line lists the
 * cookies a browser sends, and there too the first one wins. A cookie
 * with an empty value counts as missing. Values are kept as given,
 * quotes included.
 *
 * Returns: (transfer full): the @wanted cookies in Cookie-header form, in
 *   the order of @wanted ("li_at=…; JSESSIONID=\"ajax:…\""), to free with
 *   secret_password_free(); %NULL with @error set when one is missing or
 *   the text is not cookies. The message names cookies, never a value.
 */
char *
untrain_cookies_parse (const char          *text,
                       const char          *domain,
                       const char * const  *wanted,
                       GError             **error)
{
  g_autofree char *bare_domain = NULL;
  g_autoptr(GString) header = NULL;
  Parser parser = { 0 };
  gboolean netscape;
  gsize text_length;
  guint n_wanted;
  char *copy;
  char *line;
  char *result;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (domain != NULL && domain[0] != '\0', NULL);
  g_return_val_if_fail (wanted != NULL && wanted[0] != NULL, NULL);

  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error_literal (error, UNTRAIN_ERROR, UNTRAIN_ERROR_FAILED,
                           _("The cookies are not text; copy them again as a “Cookie:” line or a cookies.txt file"));
      return NULL;
    }

  if (is_blank (text))
    {
      g_set_error_literal (error, UNTRAIN_ERROR, UNTRAIN_ERROR_FAILED,
                           _("There are no cookies to read; paste a “Cookie:” line or a cookies.txt file"));
      return NULL;
    }

  bare_domain = g_ascii_strdown (domain[0] == '.' ? domain + 1 : domain, -1);
  n_wanted = g_strv_length ((char **)wanted);

  parser.wanted = wanted;
  parser.domain = bare_domain;
  parser.now = g_get_real_time () / G_USEC_PER_SEC;
  parser.found = g_new0 (WantedCookie, n_wanted);

  netscape = is_netscape_file (text);
  text_length = strlen (text);
  copy = g_strndup (text, text_length);

  for (line = copy; line != NULL; )
    {
      char *newline = strchr (line, '\n');
      gsize length;

      if (newline != NULL)
        *newline = '\0';

      length = strlen (line);
      if (length > 0 && line[length - 1] == '\r')
        line[length - 1] = '\0';

      /* Leading whitespace only: a tab at the end ends an empty value. */
      g_strchug (line);

      if (netscape)
        parse_netscape_line (&parser, line);
      else if (line[0] != '\0')
        parse_cookie_line (&parser, line);

      line = newline != NULL ? newline + 1 : NULL;
    }

  wipe (copy, text_length);
  g_free (copy);

  if (parser.error == NULL && parser.n_parsed == 0)
    {
      if (netscape)
        g_set_error (&parser.error, UNTRAIN_ERROR, UNTRAIN_ERROR_FAILED,
                     _("The cookies.txt file holds no cookies; export them again while signed in to %s"),
                     bare_domain);
      else
        g_set_error_literal (&parser.error, UNTRAIN_ERROR, UNTRAIN_ERROR_FAILED,
                             _("This is neither a “Cookie:” line nor a cookies.txt file; copy the cookies again"));
    }

  for (guint i = 0; parser.error == NULL && i < n_wanted; i++)
    {
      if (parser.found[i].value != NULL)
        continue;

      if (parser.found[i].expired)
        g_set_error (&parser.error, UNTRAIN_ERROR, UNTRAIN_ERROR_NOT_FOUND,
                     _("The %s cookie has expired; sign in to %s again and copy the cookies again"),
                     wanted[i], bare_domain);
      else
        g_set_error (&parser.error, UNTRAIN_ERROR, UNTRAIN_ERROR_NOT_FOUND,
                     _("The cookies hold no %s; copy them again while signed in to %s"),
                     wanted[i], bare_domain);
    }

  if (parser.error == NULL)
    {
      gsize header_length = 0;

      /* Sized up front, so that no copy is left behind by growing. */
      for (guint i = 0; i < n_wanted; i++)
        header_length += strlen ("; ") + strlen (wanted[i]) + 1 + strlen (parser.found[i].value);

      header = g_string_sized_new (header_length + 1);
      for (guint i = 0; i < n_wanted; i++)
        {
          if (i > 0)
            g_string_append (header, "; ");
          g_string_append (header, wanted[i]);
          g_string_append_c (header, '=');
          g_string_append (header, parser.found[i].value);
        }
    }

  for (guint i = 0; i < n_wanted; i++)
    g_clear_pointer (&parser.found[i].value, secret_password_free);
  g_free (parser.found);

  if (parser.error != NULL)
    {
      g_propagate_error (error, parser.error);
      return NULL;
    }

  result = g_strndup (header->str, header->len);
  wipe (header->str, header->allocated_len);

  return result;
}
