/*
 * lease_db.c - the address pool: allocation, offers, expiry, declines.
 */
#include <stdlib.h>
#include <string.h>

#include "lease_db.h"

/* The table that grows with the pool: keep it at 16 bytes a slot. */
_Static_assert(sizeof(struct lease) == 16, "struct lease grew");

static uint32_t mac_hash(const uint8_t mac[6])
{
	/* FNV-1a: stable across restarts, so start points do not move. */
	uint32_t h = 2166136261u;

	for (int i = 0; i < 6; i++)
		h = (h ^ mac[i]) * 16777619u;
	return h;
}

/* Times past 2106 are stored as its last second (see struct lease). */
static uint32_t clamp_time(int64_t t)
{
	if (t < 0)
		return 0;
	return t > UINT32_MAX ? UINT32_MAX : (uint32_t)t;
}

int lease_db_init(struct lease_db *db, uint32_t first, uint32_t last)
{
	memset(db, 0, sizeof(*db));
	if (last < first || last - first >= LEASE_POOL_MAX)
		return -1;
	db->first = first;
	db->count = last - first + 1;
	db->mac_bucket_count = db->count;
	/* All zero is the empty state of every table: nothing to write
	 * here, so the kernel hands out pages only as clients arrive. */
	db->slots = calloc(db->count, sizeof(*db->slots));
	db->names = calloc(db->count, sizeof(*db->names));
	db->mac_buckets = calloc(db->mac_bucket_count,
				 sizeof(*db->mac_buckets));
	if (!db->slots || !db->names || !db->mac_buckets) {
		lease_db_free(db);
		return -1;
	}
	return 0;
}

void lease_db_free(struct lease_db *db)
{
	free(db->slots);
	free(db->names);
	free(db->mac_buckets);
	db->slots = NULL;
	db->names = NULL;
	db->mac_buckets = NULL;
	db->count = 0;
}

const struct static_lease *lease_db_static_by_mac(const struct lease_db *db,
						  const uint8_t mac[6])
{
	for (unsigned i = 0; i < db->static_count; i++)
		if (memcmp(db->statics[i].mac, mac, 6) == 0)
			return &db->statics[i];
	return NULL;
}

const struct static_lease *lease_db_static_by_ip(const struct lease_db *db,
						 uint32_t ip)
{
	for (unsigned i = 0; i < db->static_count; i++)
		if (db->statics[i].ip == ip)
			return &db->statics[i];
	return NULL;
}

int lease_db_add_static(struct lease_db *db, const uint8_t mac[6],
			uint32_t ip, const char *name)
{
	struct static_lease *s;

	if (db->static_count >= LEASE_STATIC_MAX ||
	    lease_db_static_by_mac(db, mac) || lease_db_static_by_ip(db, ip))
		return -1;
	s = &db->statics[db->static_count++];
	memcpy(s->mac, mac, 6);
	s->ip = ip;
	strncpy(s->name, name ? name : "", LEASE_NAME_MAX);
	s->name[LEASE_NAME_MAX] = 0;
	if (lease_db_in_pool(db, ip))
		db->slots[ip - db->first].is_static = 1;
	return 0;
}

int lease_db_in_pool(const struct lease_db *db, uint32_t ip)
{
	return ip - db->first < db->count;
}

struct lease *lease_db_slot(const struct lease_db *db, uint32_t ip)
{
	return lease_db_in_pool(db, ip) ? &db->slots[ip - db->first] : NULL;
}

uint32_t lease_db_slot_ip(const struct lease_db *db, const struct lease *l)
{
	return db->first + (uint32_t)(l - db->slots);
}

const char *lease_db_hostname(const struct lease_db *db,
			      const struct lease *l)
{
	return l->named ? db->names[l - db->slots] : "";
}

/* Sets or clears the lease's name. An empty name only clears the flag, so
 * the names table of a pool without names is never written. */
static void set_name(struct lease_db *db, struct lease *l, const char *name)
{
	char *slot_name;

	l->named = name[0] != 0;
	if (!l->named)
		return;
	slot_name = db->names[l - db->slots];
	strncpy(slot_name, name, LEASE_NAME_MAX);
	slot_name[LEASE_NAME_MAX] = 0;
}

static void unlink_mac(struct lease_db *db, struct lease *l)
{
	uint32_t link_to_l = (uint32_t)(l - db->slots) + 1;
	uint32_t *link = &db->mac_buckets[mac_hash(l->mac) %
					  db->mac_bucket_count];

	if (!l->has_mac)
		return;
	while (*link) {
		if (*link == link_to_l) {
			*link = l->next_by_mac;
			break;
		}
		link = &db->slots[*link - 1].next_by_mac;
	}
	l->next_by_mac = 0;
	l->has_mac = 0;
}

static void link_mac(struct lease_db *db, struct lease *l,
		     const uint8_t mac[6])
{
	uint32_t *head;

	if (l->has_mac && memcmp(l->mac, mac, 6) == 0)
		return;
	unlink_mac(db, l);
	memcpy(l->mac, mac, 6);
	l->has_mac = 1;
	head = &db->mac_buckets[mac_hash(mac) % db->mac_bucket_count];
	l->next_by_mac = *head;
	*head = (uint32_t)(l - db->slots) + 1;
}

struct lease *lease_db_find_mac(const struct lease_db *db,
				const uint8_t mac[6])
{
	uint32_t link;

	if (!db->count)
		return NULL;
	link = db->mac_buckets[mac_hash(mac) % db->mac_bucket_count];
	while (link) {
		struct lease *l = &db->slots[link - 1];

		if (memcmp(l->mac, mac, 6) == 0 &&
		    l->state != LEASE_DECLINED)
			return l;
		link = l->next_by_mac;
	}
	return NULL;
}

/* Free for anyone: never used, released, or run out (a lapsed decline
 * included). A static address is never free for others. */
static int slot_free(const struct lease *l,
		     int64_t now)
{
	if (l->is_static)
		return 0;
	return l->state == LEASE_FREE || l->expires <= now;
}

int lease_db_available(const struct lease_db *db, const uint8_t mac[6],
		       uint32_t ip, int64_t now)
{
	const struct static_lease *s = lease_db_static_by_ip(db, ip);
	const struct lease *l;

	if (s)
		return memcmp(s->mac, mac, 6) == 0;
	/* A client with a static lease gets that address and no other. */
	if (lease_db_static_by_mac(db, mac))
		return 0;
	l = lease_db_slot(db, ip);
	if (!l)
		return 0;
	if (l->has_mac && memcmp(l->mac, mac, 6) == 0 &&
	    l->state != LEASE_DECLINED)
		return 1;
	return slot_free(l, now);
}

uint32_t lease_db_choose(const struct lease_db *db, const uint8_t mac[6],
			 uint32_t requested, int64_t now)
{
	const struct static_lease *s = lease_db_static_by_mac(db, mac);
	const struct lease *l;
	uint32_t start;

	if (s)
		return s->ip;
	l = lease_db_find_mac(db, mac);
	if (l)
		return lease_db_slot_ip(db, l);
	if (requested && lease_db_in_pool(db, requested) &&
	    lease_db_available(db, mac, requested, now))
		return requested;
	if (!db->count)
		return 0;
	/* Never-used addresses first, so a lapsed lease stays with its
	 * client as long as possible; then anything that ran out. */
	start = mac_hash(mac) % db->count;
	for (int pass = 0; pass < 2; pass++) {
		for (uint32_t i = 0; i < db->count; i++) {
			uint32_t idx = (start + i) % db->count;
			const struct lease *c = &db->slots[idx];

			if (pass == 0 ? c->state == LEASE_FREE && !c->has_mac &&
					!c->is_static
				      : slot_free(c, now))
				return db->first + idx;
		}
	}
	return 0;
}

int lease_db_offer(struct lease_db *db, const uint8_t mac[6], uint32_t ip,
		   int64_t now, uint32_t hold)
{
	struct lease *l;

	if (!lease_db_available(db, mac, ip, now))
		return -1;
	l = lease_db_slot(db, ip);
	if (!l)
		return 0;	/* static outside the pool: nothing to hold */
	/* An offer must not shorten a lease the client still holds. */
	if (l->state == LEASE_BOUND && l->expires > now &&
	    l->has_mac && memcmp(l->mac, mac, 6) == 0)
		return 0;
	if (!(l->has_mac && memcmp(l->mac, mac, 6) == 0))
		l->named = 0;
	link_mac(db, l, mac);
	l->state = LEASE_OFFERED;
	l->expires = clamp_time(now + hold);
	return 0;
}

int lease_db_bind(struct lease_db *db, const uint8_t mac[6], uint32_t ip,
		  const char *hostname, int64_t now, uint32_t secs)
{
	struct lease *l, *old;
	const char *old_name;
	int changed;

	if (!lease_db_available(db, mac, ip, now))
		return -1;
	l = lease_db_slot(db, ip);
	if (!l)
		return 0;
	/* One address per client: drop whatever else it held. */
	old = lease_db_find_mac(db, mac);
	if (old && old != l) {
		unlink_mac(db, old);
		old->state = LEASE_FREE;
		old->named = 0;
	}
	if (!(l->has_mac && memcmp(l->mac, mac, 6) == 0))
		l->named = 0;
	link_mac(db, l, mac);
	old_name = lease_db_hostname(db, l);
	changed = strncmp(old_name, hostname, LEASE_NAME_MAX) != 0 ||
		  l->state != LEASE_BOUND;
	changed = changed && (hostname[0] || old_name[0]);
	set_name(db, l, hostname);
	l->state = LEASE_BOUND;
	l->expires = clamp_time(now + secs);
	return changed ? 1 : 0;
}

int lease_db_release(struct lease_db *db, const uint8_t mac[6], uint32_t ip)
{
	struct lease *l = lease_db_slot(db, ip);
	int named;

	if (!l || !l->has_mac || memcmp(l->mac, mac, 6) != 0 ||
	    l->state == LEASE_DECLINED)
		return -1;
	named = l->named;
	unlink_mac(db, l);
	l->state = LEASE_FREE;
	l->named = 0;
	return named;
}

int lease_db_decline(struct lease_db *db, const uint8_t mac[6], uint32_t ip,
		     int64_t now, uint32_t hold)
{
	struct lease *l = lease_db_slot(db, ip);

	if (!l || !l->has_mac || memcmp(l->mac, mac, 6) != 0)
		return -1;
	unlink_mac(db, l);
	l->state = LEASE_DECLINED;
	l->expires = clamp_time(now + hold);
	l->named = 0;
	db->declined++;
	return 0;
}

void lease_db_cancel_offer(struct lease_db *db, const uint8_t mac[6])
{
	struct lease *l = lease_db_find_mac(db, mac);

	if (l && l->state == LEASE_OFFERED) {
		unlink_mac(db, l);
		l->state = LEASE_FREE;
	}
}

int lease_db_restore(struct lease_db *db, const uint8_t mac[6], uint32_t ip,
		     int64_t expires, const char *hostname)
{
	const struct static_lease *s = lease_db_static_by_ip(db, ip);
	struct lease *l = lease_db_slot(db, ip);

	if (!l || (s && memcmp(s->mac, mac, 6) != 0) ||
	    l->state != LEASE_FREE || lease_db_find_mac(db, mac))
		return -1;
	link_mac(db, l, mac);
	l->state = LEASE_BOUND;
	l->expires = clamp_time(expires);
	set_name(db, l, hostname);
	return 0;
}
