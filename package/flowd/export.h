/*
 * export.h - flow records to NetFlow v5, NetFlow v9 and IPFIX datagrams.
 * Pure: the caller passes time in and sends what exp_finish() returns.
 *
 * v9 and IPFIX carry IPv4 and IPv6 flows under two templates, sent at the
 * start of the first datagram and again every tmpl_every_pkts datagrams or
 * tmpl_every_ms milliseconds (collectors restart, and UDP loses packets).
 * v5 has no IPv6 layout: such flows are refused and counted by the caller.
 */
#ifndef FLOWD_EXPORT_H
#define FLOWD_EXPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "flow_table.h"

/* Fits a 1500-byte MTU under IPv6 and UDP headers. */
#define EXPORT_MTU	1452
/* v5 allows 30 records a datagram, but 30 take 1464 bytes: 29 fit. */
#define EXPORT_V5_MAX	((EXPORT_MTU - 24) / 48)

#define TMPL_ID_V4	256
#define TMPL_ID_V6	257

enum exp_result {
	EXP_ADDED = 0,
	EXP_FULL = 1,	/* finish and send this datagram, then add again */
	EXP_SKIP = -1,	/* v5 cannot carry an IPv6 flow */
};

struct exporter {
	int version;		/* 5, 9 or 10 */
	uint32_t source_id;	/* v9 source id, IPFIX observation domain,
				 * v5 engine id (low byte) */
	uint64_t boot_ms;	/* epoch ms that sysUpTime counts from */
	uint32_t tmpl_every_pkts;
	uint64_t tmpl_every_ms;

	uint8_t buf[EXPORT_MTU];
	size_t len;		/* 0: no datagram started */
	uint16_t nrecords;	/* v9 header count: templates + data */
	uint16_t ndata;		/* flow records in this datagram */
	uint16_t set_id;	/* open data set, 0 if none */
	size_t set_off;

	uint32_t seq;		/* v5: flows, v9: datagrams, IPFIX: records */
	uint32_t since_tmpl;	/* datagrams since templates were sent */
	uint64_t tmpl_ms;
	bool tmpl_sent;
	uint64_t datagrams;
};

void exp_init(struct exporter *e, int version, uint32_t source_id,
	      uint64_t boot_ms);

/* Adds one flow (ifindex: its input interface). */
int exp_add(struct exporter *e, const struct flow *f, uint32_t ifindex,
	    uint64_t now_ms);

/* Completes the datagram started by exp_add(): returns its length (0 if
 * none) and points *out at it, valid until the next exp_add(). */
size_t exp_finish(struct exporter *e, uint64_t now_ms, const uint8_t **out);

/* Bytes one record takes, by version and family (for tests and -n). */
size_t exp_record_size(int version, int family);

#endif /* FLOWD_EXPORT_H */
