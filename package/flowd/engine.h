/*
 * engine.h - what flowd does with a packet, with no pcap and no sockets:
 * decode it, count it into its flow, expire flows as the clock moves, and
 * hand finished export datagrams to a send callback. Live capture and
 * offline reading (-r) both drive this; so do the unit tests.
 */
#ifndef FLOWD_ENGINE_H
#define FLOWD_ENGINE_H

#include <stddef.h>
#include <stdint.h>

#include "export.h"
#include "flow_table.h"

#define ENGINE_MAX_IFACES 4

typedef void (*engine_send_fn)(void *arg, const uint8_t *buf, size_t len);

struct engine_stats {
	uint64_t packets;	/* counted into a flow */
	uint64_t bytes;		/* their IP bytes */
	uint64_t not_ip;	/* frames that are not IPv4/IPv6 */
	uint64_t bad;		/* malformed or cut IP headers */
	uint64_t no_ports;	/* counted, but L4 header missing */
	uint64_t v6_skipped;	/* IPv6 packets not tracked under v5 */
	uint64_t exported;	/* flow records sent */
	uint64_t datagrams;	/* export datagrams sent */
};

struct engine_settings {
	int version;			/* 5, 9 or 10 */
	uint32_t max_flows;
	uint32_t idle_s, active_s, linger_s;
	uint32_t tmpl_every_pkts, tmpl_every_s;
	uint32_t source_id;
};

struct engine {
	struct flow_table ft;
	struct exporter ex;
	struct engine_stats st;
	uint32_t ifindex[ENGINE_MAX_IFACES];	/* per capture slot */
	uint64_t now_ms;	/* the flow clock: packet time */
	uint64_t tick_ms;	/* last expiry pass */
	engine_send_fn send;
	void *send_arg;
};

/* boot_ms: epoch ms the exporter's sysUpTime counts from. Returns 0 or -1
 * (out of memory, bad setting). */
int engine_init(struct engine *e, const struct engine_settings *s,
		uint64_t seed, uint64_t boot_ms, engine_send_fn send,
		void *arg);
void engine_free(struct engine *e);

/* Restarts the clock at boot_ms: reading a file, its first packet's time
 * is "now" and sysUpTime 0. */
void engine_set_clock(struct engine *e, uint64_t boot_ms);

/* One captured frame at epoch ms ts_ms, from capture slot iface. */
void engine_packet(struct engine *e, unsigned iface, uint64_t ts_ms,
		   const uint8_t *frame, size_t caplen, int linktype);

/* Expires flows due at now_ms and sends the partial datagram (live mode
 * calls this once a second so records never wait long). */
void engine_tick(struct engine *e, uint64_t now_ms);

/* Expires every flow and sends everything pending (exit, end of file). */
void engine_flush(struct engine *e);

#endif /* FLOWD_ENGINE_H */
