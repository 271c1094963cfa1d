/* libFuzzer target: a packet from the network must never make the parser or
 * the state machine read out of bounds, and any reply must parse again. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "server.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct lease_db db;
	static struct server_cfg cfg;
	static struct server_result res;
	static struct server_guard guard;
	struct server_rx rx = { .pkt = NULL };
	struct dhcp_msg m;
	/* An exact-size heap copy lets ASan catch a read one past the end. */
	uint8_t *buf = malloc(size ? size : 1);

	if (!buf)
		return 0;
	memcpy(buf, data, size);
	if (!db.count) {
		/* 10.99.0.0/24, pool .10-.20, one static; kept across runs
		 * so sequences of inputs exercise the lease table too. */
		lease_db_init(&db, 0x0a63000a, 0x0a630014);
		lease_db_add_static(&db, (const uint8_t *)"\x52\x54\0\x12\x34\x99",
				    0x0a630005, "printer");
		cfg.server_ip = 0x0a630001;
		cfg.netmask = 0xffffff00;
		cfg.router = cfg.server_ip;
		cfg.dns[0] = cfg.server_ip;
		cfg.dns_count = 1;
		strcpy(cfg.domain, "lan");
		cfg.mtu = 1400;
		cfg.routes[0].dest = 0x0a640000;
		cfg.routes[0].prefix = 16;
		cfg.routes[0].gateway = 0x0a6300fe;
		cfg.route_count = 1;
		cfg.lease_secs = 3600;
		cfg.offer_hold_secs = SERVER_OFFER_HOLD_SECS;
		cfg.decline_hold_secs = 600;
		name_policy_reserve(&cfg.names, "keel");
		server_guard_init(&guard, 5, 1);
	}
	if (dhcp_parse(buf, size, &m) == DHCP_OK &&
	    (m.hostname_len > DHCP_HOSTNAME_MAX ||
	     m.client_id_len > DHCP_CLIENT_ID_MAX ||
	     m.params_len > DHCP_PARAMS_MAX))
		abort();
	rx.pkt = buf;
	rx.len = size;
	/* Every third input from its own chaddr, so the check passes too. */
	rx.src_mac = size % 3 ? (size > 33 ? buf + 28 : NULL) :
		     (const uint8_t *)"\x52\x54\0\x12\x34\x01";
	rx.now = 1000 + (int64_t)(size % 7) * 3000;
	rx.now_ms = (uint64_t)rx.now * 1000;
	server_handle(&cfg, &db, &guard, &rx, &res);
	if (res.len) {
		if (res.len > sizeof(res.reply) ||
		    dhcp_parse(res.reply, res.len, &m) != DHCP_OK ||
		    m.op != 2)
			abort();
	}
	free(buf);
	return 0;
}
