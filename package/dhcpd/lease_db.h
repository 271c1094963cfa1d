/*
 * lease_db.h - the address pool and its leases, in RAM.
 *
 * One slot per pool address, allocated once from the pool size: no
 * allocation per packet. Clients are identified by their MAC (chaddr).
 * Times are wall-clock seconds (they go into the checkpoint file).
 *
 * Memory: a slot is 16 bytes and every table is calloc'd with zero meaning
 * "empty", so pages no client has touched are never made resident (a 64k
 * pool is about 1.3 MB when full, not 5.9 MB from the start). Names live
 * in their own table, touched only for leases that have one.
 */
#ifndef DHCPD_LEASE_DB_H
#define DHCPD_LEASE_DB_H

#include <stddef.h>
#include <stdint.h>

#define LEASE_POOL_MAX 65536u
#define LEASE_STATIC_MAX 256u
#define LEASE_NAME_MAX 63

enum lease_state {
	LEASE_FREE = 0,		/* never given out, or released */
	LEASE_OFFERED,		/* held for a client until expires */
	LEASE_BOUND,		/* acknowledged until expires; after that the
				 * address stays the client's until reused */
	LEASE_DECLINED,		/* in use by someone unknown until expires */
};

struct lease {
	uint8_t mac[6];
	uint8_t state;
	unsigned has_mac : 1;
	unsigned is_static : 1;	/* reserved for a static lease's MAC */
	unsigned named : 1;	/* its name is in lease_db.names */
	uint32_t next_by_mac;	/* MAC index chain: slot + 1, 0 ends */
	/* Unsigned seconds since the epoch: right until 2106, and half the
	 * size of an int64_t in the one table that grows with the pool. */
	uint32_t expires;
};

struct static_lease {
	uint8_t mac[6];
	uint32_t ip;
	char name[LEASE_NAME_MAX + 1];
};

struct lease_db {
	uint32_t first, count;		/* pool: first .. first+count-1 */
	struct lease *slots;		/* count */
	char (*names)[LEASE_NAME_MAX + 1];	/* count, by slot */
	uint32_t *mac_buckets;		/* mac_bucket_count heads:
					 * slot + 1, 0 for none */
	uint32_t mac_bucket_count;
	struct static_lease statics[LEASE_STATIC_MAX];
	unsigned static_count;
	/* Counters, for the log and for tests. */
	uint64_t exhausted, declined;
};

/* Allocates the tables for the pool first..last. Returns 0, or -1. */
int lease_db_init(struct lease_db *db, uint32_t first, uint32_t last);
void lease_db_free(struct lease_db *db);
/* Adds a static lease (after lease_db_init). Returns 0, or -1 when the
 * table is full or the MAC or address already has a static lease. */
int lease_db_add_static(struct lease_db *db, const uint8_t mac[6],
			uint32_t ip, const char *name);

const struct static_lease *lease_db_static_by_mac(const struct lease_db *db,
						  const uint8_t mac[6]);
const struct static_lease *lease_db_static_by_ip(const struct lease_db *db,
						 uint32_t ip);
int lease_db_in_pool(const struct lease_db *db, uint32_t ip);
/* The slot of a pool address, or NULL outside the pool. */
struct lease *lease_db_slot(const struct lease_db *db, uint32_t ip);
uint32_t lease_db_slot_ip(const struct lease_db *db, const struct lease *l);
/* The client's name given with a pool lease, "" when it has none. */
const char *lease_db_hostname(const struct lease_db *db,
			      const struct lease *l);
/* The client's pool lease (any state but declined), or NULL. */
struct lease *lease_db_find_mac(const struct lease_db *db,
				const uint8_t mac[6]);

/*
 * Chooses an address for a client, without changing anything: its static
 * lease, else the address it had, else the one it asks for if free, else a
 * free address searched from a start point hashed from the MAC (so a
 * client tends to get the same address even after its lease was lost).
 * Returns the address, or 0 if the pool is exhausted.
 */
uint32_t lease_db_choose(const struct lease_db *db, const uint8_t mac[6],
			 uint32_t requested, int64_t now);

/* 1 if ip may be given to mac now: its static address, or (for a client
 * without one) a pool address that is free, expired, or already its own. */
int lease_db_available(const struct lease_db *db, const uint8_t mac[6],
		       uint32_t ip, int64_t now);

/* Holds ip for mac until now+hold. Returns 0, or -1 if not available. */
int lease_db_offer(struct lease_db *db, const uint8_t mac[6], uint32_t ip,
		   int64_t now, uint32_t hold);
/* Binds ip to mac until now+secs with a hostname (may be ""). Returns 0,
 * 1 if the hostname changed (the hosts file needs writing), or -1 if ip is
 * not available to mac. Static addresses outside the pool always bind. */
int lease_db_bind(struct lease_db *db, const uint8_t mac[6], uint32_t ip,
		  const char *hostname, int64_t now, uint32_t secs);
/* Frees ip if it is mac's. Returns 1 if a named lease went away, 0 if
 * freed without a name, -1 if it was not mac's. */
int lease_db_release(struct lease_db *db, const uint8_t mac[6], uint32_t ip);
/* Marks ip unusable until now+hold (another host answers ARP for it).
 * Returns 0, or -1 if it is not a pool address held by mac. */
int lease_db_decline(struct lease_db *db, const uint8_t mac[6], uint32_t ip,
		     int64_t now, uint32_t hold);
/* Drops the offer to mac (it chose another server). */
void lease_db_cancel_offer(struct lease_db *db, const uint8_t mac[6]);

/* Loads one bound lease from a checkpoint. Returns 0, or -1 if the address
 * is outside the pool, static for another MAC, or already taken. */
int lease_db_restore(struct lease_db *db, const uint8_t mac[6], uint32_t ip,
		     int64_t expires, const char *hostname);

#endif /* DHCPD_LEASE_DB_H */
