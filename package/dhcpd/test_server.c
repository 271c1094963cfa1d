/*
 * test_server.c - the RFC 2131 section 4.3 state machine, message by
 * message, and where replies go (4.1).
 */
#include "check.h"
#include "server.h"
#include "test_packet.h"

#define SERVER IP4(10, 99, 0, 1)
#define FIRST IP4(10, 99, 0, 10)
#define LAST IP4(10, 99, 0, 20)

static struct server_cfg cfg;
static struct server_guard guard;
static struct lease_db db;
/* The frame's source MAC handed to the server; NULL: not known. */
static const uint8_t *src_mac;
static uint64_t now_ms;
static struct server_result res;
static struct dhcp_msg reply;

static void setup(void)
{
	static const uint8_t printer[6] = { 0x52, 0x54, 0, 0x12, 0x34, 0x99 };

	memset(&cfg, 0, sizeof(cfg));
	cfg.server_ip = SERVER;
	cfg.netmask = IP4(255, 255, 255, 0);
	cfg.router = SERVER;
	cfg.dns[0] = SERVER;
	cfg.dns_count = 1;
	strcpy(cfg.domain, "lan");
	cfg.mtu = 1400;
	cfg.routes[0].dest = IP4(10, 100, 0, 0);
	cfg.routes[0].prefix = 16;
	cfg.routes[0].gateway = IP4(10, 99, 0, 254);
	cfg.route_count = 1;
	cfg.lease_secs = 3600;
	cfg.offer_hold_secs = SERVER_OFFER_HOLD_SECS;
	cfg.decline_hold_secs = 600;
	server_guard_init(&guard, 0, 1);
	src_mac = NULL;
	now_ms = 1000;
	lease_db_free(&db);
	lease_db_init(&db, FIRST, LAST);
	lease_db_add_static(&db, printer, IP4(10, 99, 0, 5), "printer");
}

/* The option code in the reply, walked properly (a byte search could
 * match inside an address). NULL if absent. */
static const uint8_t *find_opt(uint8_t code)
{
	size_t off = 240;

	while (off + 1 < res.len && res.reply[off] != OPT_END) {
		if (res.reply[off] == OPT_PAD) {
			off++;
			continue;
		}
		if (res.reply[off] == code)
			return res.reply + off;
		off += 2 + res.reply[off + 1];
	}
	return NULL;
}

/* Runs one packet; parses the reply into `reply`. Returns its type. */
static unsigned run(struct tpkt *t, int64_t now)
{
	struct server_rx rx = {
		.pkt = t->b, .len = tpkt_end(t), .src_mac = src_mac,
		.now = now, .now_ms = now_ms,
	};

	server_handle(&cfg, &db, &guard, &rx, &res);
	memset(&reply, 0, sizeof(reply));
	if (!res.len)
		return 0;
	CHECK_EQ_INT(dhcp_parse(res.reply, res.len, &reply), DHCP_OK);
	CHECK_EQ_UINT(reply.op, 2);
	CHECK_EQ_UINT(reply.xid, 0xdeadbeef);
	return reply.msg_type;
}

/* DISCOVER then REQUEST(SELECTING) with a name (NULL: none): the
 * address bound, or 0. */
static uint32_t dora_named(uint8_t mac, int64_t now, const char *name)
{
	struct tpkt t;
	uint32_t ip;

	tpkt_start(&t, DHCPDISCOVER, mac);
	if (run(&t, now) != DHCPOFFER)
		return 0;
	ip = reply.yiaddr;
	tpkt_start(&t, DHCPREQUEST, mac);
	tpkt_opt32(&t, OPT_SERVER_ID, SERVER);
	tpkt_opt32(&t, OPT_REQUESTED_IP, ip);
	if (name)
		tpkt_opt(&t, OPT_HOSTNAME, name, (uint8_t)strlen(name));
	return run(&t, now) == DHCPACK ? reply.yiaddr : 0;
}

static uint32_t dora(uint8_t mac, int64_t now)
{
	return dora_named(mac, now, NULL);
}

static void test_discover_offer(void)
{
	struct tpkt t;
	static const uint8_t params[] = { 1, 3, 6, 15, 26, 121 };
	const uint8_t *o;

	setup();
	tpkt_start(&t, DHCPDISCOVER, 1);
	tpkt_opt(&t, OPT_PARAM_LIST, params, sizeof(params));
	CHECK_EQ_UINT(run(&t, 1000), DHCPOFFER);
	CHECK(lease_db_in_pool(&db, reply.yiaddr));
	CHECK_EQ_UINT(reply.server_id, SERVER);
	CHECK_EQ_UINT(reply.lease_time, 3600);
	/* No broadcast flag, no ciaddr: straight to the MAC. */
	CHECK_EQ_INT(res.dest, DEST_HWADDR);
	CHECK_EQ_UINT(res.dest_ip, reply.yiaddr);
	CHECK_EQ_UINT(res.dest_port, 68);
	CHECK_EQ_UINT(res.dest_mac[5], 1);
	CHECK(!res.leases_changed);	/* offers are not checkpointed */
	CHECK(res.counts_changed);	/* but keel status shows them */
	/* Options asked for are there: find 26 and 121 in the raw reply. */
	CHECK(find_opt(OPT_MTU) != NULL);
	o = find_opt(OPT_CLASSLESS_ROUTES);
	CHECK(o != NULL);
	/* 121 carries the extra route and the default route (RFC 3442). */
	if (o)
		CHECK_EQ_UINT(o[1], 7 + 5);
	/* A configured default route is not sent twice. */
	cfg.routes[1].gateway = IP4(10, 99, 0, 253);
	cfg.route_count = 2;
	tpkt_start(&t, DHCPDISCOVER, 1);
	tpkt_opt(&t, OPT_PARAM_LIST, params, sizeof(params));
	CHECK_EQ_UINT(run(&t, 1000), DHCPOFFER);
	o = find_opt(OPT_CLASSLESS_ROUTES);
	CHECK(o != NULL);
	if (o) {
		CHECK_EQ_UINT(o[1], 7 + 5);
		CHECK_EQ_UINT(o[2 + 7 + 4], 253);
	}
	cfg.route_count = 1;
	/* Without 121 in the request, no 121 in the reply. */
	tpkt_start(&t, DHCPDISCOVER, 2);
	tpkt_broadcast(&t);
	CHECK_EQ_UINT(run(&t, 1000), DHCPOFFER);
	CHECK_EQ_INT(res.dest, DEST_BROADCAST);
	CHECK_EQ_UINT(res.dest_ip, 0xffffffffu);
	CHECK(find_opt(OPT_MTU) == NULL);
	CHECK(find_opt(OPT_CLASSLESS_ROUTES) == NULL);
	CHECK(find_opt(OPT_SUBNET_MASK) != NULL);
	CHECK(find_opt(OPT_ROUTER) != NULL);
	CHECK(find_opt(OPT_DNS) != NULL);
	CHECK(find_opt(OPT_DOMAIN) != NULL);
	/* A requested address is honoured when free. */
	tpkt_start(&t, DHCPDISCOVER, 3);
	tpkt_opt32(&t, OPT_REQUESTED_IP, IP4(10, 99, 0, 17));
	CHECK_EQ_UINT(run(&t, 1000), DHCPOFFER);
	CHECK_EQ_UINT(reply.yiaddr, IP4(10, 99, 0, 17));
}

static void test_selecting(void)
{
	struct tpkt t;
	uint32_t ip;

	setup();
	ip = dora(1, 1000);
	CHECK(ip != 0);
	CHECK(res.leases_changed);
	CHECK(res.counts_changed);
	CHECK_EQ_UINT(reply.renewal_time, 1800);
	CHECK_EQ_UINT(reply.rebinding_time, 3150);
	CHECK_EQ_UINT(reply.lease_time, 3600);
	/* Static lease by MAC. */
	CHECK_EQ_UINT(dora(0x99, 1000), IP4(10, 99, 0, 5));
	/* The client chose another server: silence, and our offer is
	 * withdrawn. */
	tpkt_start(&t, DHCPDISCOVER, 2);
	run(&t, 1000);
	ip = reply.yiaddr;
	tpkt_start(&t, DHCPREQUEST, 2);
	tpkt_opt32(&t, OPT_SERVER_ID, IP4(10, 99, 0, 2));
	tpkt_opt32(&t, OPT_REQUESTED_IP, IP4(10, 99, 0, 200));
	CHECK_EQ_UINT(run(&t, 1000), 0);
	CHECK(lease_db_slot(&db, ip)->state == LEASE_FREE);
	CHECK(res.counts_changed);
	/* SELECTING for an address held by someone else: NAK, broadcast. */
	tpkt_start(&t, DHCPREQUEST, 3);
	tpkt_opt32(&t, OPT_SERVER_ID, SERVER);
	tpkt_opt32(&t, OPT_REQUESTED_IP, dora(4, 1000));
	CHECK_EQ_UINT(run(&t, 1000), DHCPNAK);
	CHECK_EQ_INT(res.dest, DEST_BROADCAST);
	CHECK_EQ_UINT(reply.yiaddr, 0);
}

static void test_init_reboot(void)
{
	struct tpkt t;
	uint32_t ip;

	setup();
	ip = dora(1, 1000);
	/* Right address: ACK. */
	tpkt_start(&t, DHCPREQUEST, 1);
	tpkt_opt32(&t, OPT_REQUESTED_IP, ip);
	CHECK_EQ_UINT(run(&t, 2000), DHCPACK);
	CHECK_EQ_UINT(reply.yiaddr, ip);
	/* Wrong subnet: NAK. */
	tpkt_start(&t, DHCPREQUEST, 1);
	tpkt_opt32(&t, OPT_REQUESTED_IP, IP4(192, 168, 1, 50));
	CHECK_EQ_UINT(run(&t, 2000), DHCPNAK);
	CHECK_EQ_INT(res.dest, DEST_BROADCAST);
	/* A client with a record asking for another address: NAK. */
	tpkt_start(&t, DHCPREQUEST, 1);
	tpkt_opt32(&t, OPT_REQUESTED_IP, ip == LAST ? FIRST : LAST);
	CHECK_EQ_UINT(run(&t, 2000), DHCPNAK);
	CHECK_EQ_UINT(lease_db_slot(&db, ip)->state, LEASE_BOUND);
	/* RFC 2131 4.3.2: a client with no record gets no answer, whatever
	 * it asks for: another client's address, one outside the pool, a
	 * static one, or a free one. */
	tpkt_start(&t, DHCPREQUEST, 2);
	tpkt_opt32(&t, OPT_REQUESTED_IP, ip);
	CHECK_EQ_UINT(run(&t, 2000), 0);
	tpkt_start(&t, DHCPREQUEST, 2);
	tpkt_opt32(&t, OPT_REQUESTED_IP, IP4(10, 99, 0, 100));
	CHECK_EQ_UINT(run(&t, 2000), 0);
	/* The static client asking for a pool address: NAK, so it comes
	 * back through DISCOVER and gets its static one. */
	tpkt_start(&t, DHCPREQUEST, 0x99);
	tpkt_opt32(&t, OPT_REQUESTED_IP, IP4(10, 99, 0, 18));
	CHECK_EQ_UINT(run(&t, 2000), DHCPNAK);
	tpkt_start(&t, DHCPREQUEST, 2);
	tpkt_opt32(&t, OPT_REQUESTED_IP, IP4(10, 99, 0, 5));
	CHECK_EQ_UINT(run(&t, 2000), 0);
	tpkt_start(&t, DHCPREQUEST, 2);
	tpkt_opt32(&t, OPT_REQUESTED_IP, IP4(10, 99, 0, 19));
	CHECK_EQ_UINT(run(&t, 2000), 0);
	CHECK(lease_db_slot(&db, IP4(10, 99, 0, 19))->state == LEASE_FREE);
	CHECK_EQ_UINT(guard.unknown_silent, 4);
	/* The static client has a record even before its first DISCOVER:
	 * its own address is ACKed. */
	tpkt_start(&t, DHCPREQUEST, 0x99);
	tpkt_opt32(&t, OPT_REQUESTED_IP, IP4(10, 99, 0, 5));
	CHECK_EQ_UINT(run(&t, 2000), DHCPACK);
	/* A record from an OFFER alone (the client rebooted before its
	 * REQUEST): ACK for that address. */
	tpkt_start(&t, DHCPDISCOVER, 3);
	CHECK_EQ_UINT(run(&t, 2000), DHCPOFFER);
	ip = reply.yiaddr;
	tpkt_start(&t, DHCPREQUEST, 3);
	tpkt_opt32(&t, OPT_REQUESTED_IP, ip);
	CHECK_EQ_UINT(run(&t, 2001), DHCPACK);
	/* A REQUEST with neither server id, requested IP nor ciaddr. */
	tpkt_start(&t, DHCPREQUEST, 2);
	CHECK_EQ_UINT(run(&t, 2000), 0);
	CHECK(res.note != NULL);
}

static void test_renew_rebind(void)
{
	struct tpkt t;
	uint32_t ip;

	setup();
	ip = dora(1, 1000);
	/* RENEWING: unicast from ciaddr; the ACK goes to ciaddr. */
	tpkt_start(&t, DHCPREQUEST, 1);
	tpkt_ciaddr(&t, ip);
	CHECK_EQ_UINT(run(&t, 2800), DHCPACK);
	CHECK_EQ_UINT(reply.yiaddr, ip);
	CHECK_EQ_UINT(reply.ciaddr, ip);
	CHECK_EQ_INT(res.dest, DEST_UNICAST);
	CHECK_EQ_UINT(res.dest_ip, ip);
	CHECK(lease_db_slot(&db, ip)->expires == 2800 + 3600);
	/* REBINDING: broadcast, same answer. */
	tpkt_start(&t, DHCPREQUEST, 1);
	tpkt_ciaddr(&t, ip);
	tpkt_broadcast(&t);
	CHECK_EQ_UINT(run(&t, 5000), DHCPACK);
	CHECK_EQ_INT(res.dest, DEST_UNICAST);
	/* Renewing an address that is not the client's: NAK. */
	tpkt_start(&t, DHCPREQUEST, 2);
	tpkt_ciaddr(&t, ip);
	CHECK_EQ_UINT(run(&t, 5000), DHCPNAK);
	/* After expiry nobody took it: renewing still works. */
	tpkt_start(&t, DHCPREQUEST, 1);
	tpkt_ciaddr(&t, ip);
	CHECK_EQ_UINT(run(&t, 100000), DHCPACK);
	/* A client with a record renewing another address: NAK. */
	tpkt_start(&t, DHCPREQUEST, 1);
	tpkt_ciaddr(&t, ip == LAST ? FIRST : LAST);
	CHECK_EQ_UINT(run(&t, 100001), DHCPNAK);
	/* No record (leases lost before a checkpoint): a free address is
	 * bound again, so it is not handed to someone else. */
	tpkt_start(&t, DHCPREQUEST, 7);
	tpkt_ciaddr(&t, IP4(10, 99, 0, 15));
	CHECK_EQ_UINT(run(&t, 100002), DHCPACK);
	CHECK_EQ_UINT(lease_db_slot(&db, IP4(10, 99, 0, 15))->state,
		      LEASE_BOUND);
}

static void test_decline_release_inform(void)
{
	struct tpkt t;
	uint32_t ip, ip2;

	setup();
	ip = dora(1, 1000);
	/* DECLINE: no reply; the address is banned for a while. */
	tpkt_start(&t, DHCPDECLINE, 1);
	tpkt_opt32(&t, OPT_REQUESTED_IP, ip);
	tpkt_opt32(&t, OPT_SERVER_ID, SERVER);
	CHECK_EQ_UINT(run(&t, 1001), 0);
	CHECK(res.leases_changed);
	CHECK(res.counts_changed);
	ip2 = dora(1, 1002);
	CHECK(ip2 != 0 && ip2 != ip);
	CHECK(!lease_db_available(&db, (const uint8_t *)"\2\0\0\0\0\7", ip,
				  1500));
	/* RELEASE: no reply; the address is free. */
	tpkt_start(&t, DHCPRELEASE, 1);
	tpkt_ciaddr(&t, ip2);
	tpkt_opt32(&t, OPT_SERVER_ID, SERVER);
	CHECK_EQ_UINT(run(&t, 1003), 0);
	CHECK(res.leases_changed);
	CHECK(res.counts_changed);
	CHECK(lease_db_slot(&db, ip2)->state == LEASE_FREE);
	/* A RELEASE from another MAC changes nothing. */
	ip = dora(3, 1004);
	tpkt_start(&t, DHCPRELEASE, 4);
	tpkt_ciaddr(&t, ip);
	CHECK_EQ_UINT(run(&t, 1005), 0);
	CHECK(!res.leases_changed);
	CHECK(!res.counts_changed);
	CHECK(lease_db_slot(&db, ip)->state == LEASE_BOUND);
	/* INFORM: ACK with options to ciaddr, no lease, no yiaddr. */
	tpkt_start(&t, DHCPINFORM, 5);
	tpkt_ciaddr(&t, IP4(10, 99, 0, 77));
	CHECK_EQ_UINT(run(&t, 1006), DHCPACK);
	CHECK_EQ_UINT(reply.yiaddr, 0);
	CHECK_EQ_UINT(reply.lease_time, 0);
	CHECK_EQ_INT(res.dest, DEST_UNICAST);
	CHECK_EQ_UINT(res.dest_ip, IP4(10, 99, 0, 77));
	CHECK(!res.leases_changed);
	CHECK(!res.counts_changed);
	/* Server-only message types are ignored. */
	tpkt_start(&t, DHCPOFFER, 5);
	CHECK_EQ_UINT(run(&t, 1007), 0);
}

static void test_relay_and_misc(void)
{
	struct tpkt t;

	setup();
	/* Via a relay on our subnet: reply to giaddr, port 67. */
	tpkt_start(&t, DHCPDISCOVER, 1);
	tpkt_giaddr(&t, IP4(10, 99, 0, 254));
	CHECK_EQ_UINT(run(&t, 1000), DHCPOFFER);
	CHECK_EQ_INT(res.dest, DEST_RELAY);
	CHECK_EQ_UINT(res.dest_ip, IP4(10, 99, 0, 254));
	CHECK_EQ_UINT(res.dest_port, 67);
	/* A NAK through a relay sets the broadcast bit. */
	tpkt_start(&t, DHCPREQUEST, 1);
	tpkt_giaddr(&t, IP4(10, 99, 0, 254));
	tpkt_opt32(&t, OPT_REQUESTED_IP, IP4(172, 16, 0, 1));
	CHECK_EQ_UINT(run(&t, 1000), DHCPNAK);
	CHECK(reply.flags & DHCP_FLAG_BROADCAST);
	CHECK_EQ_INT(res.dest, DEST_RELAY);
	/* From a relay elsewhere: not ours. */
	tpkt_start(&t, DHCPDISCOVER, 1);
	tpkt_giaddr(&t, IP4(172, 16, 0, 1));
	CHECK_EQ_UINT(run(&t, 1000), 0);
	/* Not Ethernet, or a BOOTREPLY: ignored. */
	tpkt_start(&t, DHCPDISCOVER, 1);
	t.b[2] = 16;
	CHECK_EQ_UINT(run(&t, 1000), 0);
	tpkt_start(&t, DHCPDISCOVER, 1);
	t.b[0] = 2;
	CHECK_EQ_UINT(run(&t, 1000), 0);
	/* Garbage: no reply, a note. */
	memset(t.b, 0x5a, 400);
	t.n = 399;
	run(&t, 1000);
	CHECK_EQ_UINT(res.len, 0);
	CHECK(res.note != NULL);
}

static void test_hostname_and_exhaustion(void)
{
	struct tpkt t;
	unsigned bound = 0;

	uint32_t ip;

	setup();
	ip = dora_named(1, 1000, "Laptop");
	CHECK(res.hosts_changed);
	CHECK_STR(lease_db_hostname(&db, lease_db_slot(&db, ip)), "laptop");
	/* A hostile name is not published. */
	ip = dora_named(2, 1000, "a\nb c");
	CHECK(ip != 0);
	CHECK_STR(lease_db_hostname(&db, lease_db_slot(&db, ip)), "");
	/* Fill the pool: 11 addresses, 2 taken. */
	for (uint8_t mac = 10; mac < 40; mac++)
		if (dora(mac, 1000))
			bound++;
	CHECK_EQ_UINT(bound, 9);
	tpkt_start(&t, DHCPDISCOVER, 50);
	CHECK_EQ_UINT(run(&t, 1000), 0);
	CHECK(res.exhausted);
	CHECK(db.exhausted > 0);
}

/* Issue #14: names a client must not take are not published, but the
 * client still gets its lease. */
static void test_name_takeover(void)
{
	struct tpkt t;
	uint32_t ip;

	setup();
	name_policy_reserve(&cfg.names, "keel");
	ip = dora_named(1, 1000, "keel");
	CHECK(ip != 0);
	CHECK(res.name_refused);
	CHECK_STR(res.name, "keel");
	CHECK_EQ_INT(res.name_verdict, NAME_RESERVED);
	CHECK_STR(lease_db_hostname(&db, lease_db_slot(&db, ip)), "");
	CHECK(dora_named(2, 1000, "WPAD") != 0);
	CHECK_EQ_INT(res.name_verdict, NAME_DENIED);
	CHECK(dora_named(3, 1000, "printer") != 0);	/* the static one's */
	CHECK_EQ_INT(res.name_verdict, NAME_STATIC);
	ip = dora_named(4, 1000, "laptop");
	CHECK(!res.name_refused);
	CHECK_STR(lease_db_hostname(&db, lease_db_slot(&db, ip)), "laptop");
	/* Another client claiming it: lease yes, name no. */
	ip = dora_named(5, 1000, "Laptop");
	CHECK(ip != 0);
	CHECK_EQ_INT(res.name_verdict, NAME_TAKEN);
	CHECK_STR(lease_db_hostname(&db, lease_db_slot(&db, ip)), "");
	CHECK_EQ_UINT(guard.names_refused, 4);
	/* The holder renews with its name: kept. */
	ip = lease_db_slot_ip(&db, lease_db_find_mac(&db,
			(const uint8_t *)"\x52\x54\0\x12\x34\4"));
	tpkt_start(&t, DHCPREQUEST, 4);
	tpkt_ciaddr(&t, ip);
	tpkt_opt(&t, OPT_HOSTNAME, "laptop", 6);
	CHECK_EQ_UINT(run(&t, 1500), DHCPACK);
	CHECK(!res.name_refused);
	CHECK_STR(lease_db_hostname(&db, lease_db_slot(&db, ip)), "laptop");
	/* The static client may use its own name. */
	CHECK(dora_named(0x99, 1000, "printer") != 0);
	CHECK(!res.name_refused);
}

/* A request straight from a client (no relay) whose chaddr is not the
 * frame's source is dropped; via a relay the source is the relay's. */
static void test_chaddr_mismatch(void)
{
	static const uint8_t other[6] = { 0x02, 0, 0, 0, 0, 9 };
	static const uint8_t own[6] = { 0x52, 0x54, 0, 0x12, 0x34, 1 };
	struct tpkt t;

	setup();
	src_mac = other;
	tpkt_start(&t, DHCPDISCOVER, 1);
	CHECK_EQ_UINT(run(&t, 1000), 0);
	CHECK_EQ_UINT(guard.chaddr_mismatch, 1);
	CHECK(lease_db_find_mac(&db, own) == NULL);
	tpkt_start(&t, DHCPREQUEST, 1);
	tpkt_ciaddr(&t, FIRST);
	CHECK_EQ_UINT(run(&t, 1000), 0);
	CHECK_EQ_UINT(guard.chaddr_mismatch, 2);
	CHECK(lease_db_slot(&db, FIRST)->state == LEASE_FREE);
	tpkt_start(&t, DHCPDISCOVER, 1);
	tpkt_giaddr(&t, IP4(10, 99, 0, 254));
	CHECK_EQ_UINT(run(&t, 1000), DHCPOFFER);
	src_mac = own;
	tpkt_start(&t, DHCPDISCOVER, 1);
	CHECK_EQ_UINT(run(&t, 1000), DHCPOFFER);
	CHECK_EQ_UINT(guard.chaddr_mismatch, 2);
	CHECK(server_chaddr_spoofed(t.b, tpkt_end(&t), other));
	CHECK(!server_chaddr_spoofed(t.b, t.n, own));
	CHECK(!server_chaddr_spoofed(t.b, t.n, NULL));
	CHECK(!server_chaddr_spoofed(t.b, 20, other));
}

/* At most N addresses per period go to clients with no record, whatever
 * chaddrs they use; clients with a record are not charged. */
static void test_new_client_bound(void)
{
	struct tpkt t;
	uint32_t ip;

	setup();
	server_guard_init(&guard, 3, 60);
	for (uint8_t mac = 1; mac <= 3; mac++) {
		tpkt_start(&t, DHCPDISCOVER, mac);
		CHECK_EQ_UINT(run(&t, 1000), DHCPOFFER);
	}
	ip = reply.yiaddr;
	tpkt_start(&t, DHCPDISCOVER, 4);
	CHECK_EQ_UINT(run(&t, 1000), 0);
	CHECK(res.new_refused);
	CHECK_EQ_UINT(guard.new_refused, 1);
	/* Unknown and renewing a free address: refused too. */
	tpkt_start(&t, DHCPREQUEST, 5);
	tpkt_ciaddr(&t, LAST);
	CHECK_EQ_UINT(run(&t, 1000), 0);
	CHECK_EQ_UINT(guard.new_refused, 2);
	CHECK(lease_db_slot(&db, LAST)->state == LEASE_FREE);
	/* Client 3 has its offer: it binds, and DISCOVERs again, freely. */
	tpkt_start(&t, DHCPREQUEST, 3);
	tpkt_opt32(&t, OPT_SERVER_ID, SERVER);
	tpkt_opt32(&t, OPT_REQUESTED_IP, ip);
	CHECK_EQ_UINT(run(&t, 1000), DHCPACK);
	tpkt_start(&t, DHCPDISCOVER, 3);
	CHECK_EQ_UINT(run(&t, 1001), DHCPOFFER);
	CHECK_EQ_UINT(reply.yiaddr, ip);
	CHECK_EQ_UINT(guard.new_refused, 2);
	/* A third of the period later, one more new client. */
	now_ms += 20000;
	tpkt_start(&t, DHCPDISCOVER, 4);
	CHECK_EQ_UINT(run(&t, 1020), DHCPOFFER);
	tpkt_start(&t, DHCPDISCOVER, 6);
	CHECK_EQ_UINT(run(&t, 1020), 0);
	CHECK_EQ_UINT(guard.new_refused, 3);
	/* 0: no bound. */
	server_guard_init(&guard, 0, 60);
	tpkt_start(&t, DHCPDISCOVER, 6);
	CHECK_EQ_UINT(run(&t, 1020), DHCPOFFER);
}

/* An OFFER holds its address SERVER_OFFER_HOLD_SECS, then it is free. */
static void test_offer_expiry(void)
{
	struct tpkt t;
	uint32_t ip;

	setup();
	CHECK(SERVER_OFFER_HOLD_SECS <= 15);
	tpkt_start(&t, DHCPDISCOVER, 1);
	CHECK_EQ_UINT(run(&t, 1000), DHCPOFFER);
	ip = reply.yiaddr;
	tpkt_start(&t, DHCPDISCOVER, 2);
	tpkt_opt32(&t, OPT_REQUESTED_IP, ip);
	CHECK_EQ_UINT(run(&t, 1000 + SERVER_OFFER_HOLD_SECS - 1), DHCPOFFER);
	CHECK(reply.yiaddr != ip);
	tpkt_start(&t, DHCPDISCOVER, 3);
	tpkt_opt32(&t, OPT_REQUESTED_IP, ip);
	CHECK_EQ_UINT(run(&t, 1000 + SERVER_OFFER_HOLD_SECS), DHCPOFFER);
	CHECK_EQ_UINT(reply.yiaddr, ip);
	/* Client 1's late REQUEST: the address is client 3's now. */
	tpkt_start(&t, DHCPREQUEST, 1);
	tpkt_opt32(&t, OPT_SERVER_ID, SERVER);
	tpkt_opt32(&t, OPT_REQUESTED_IP, ip);
	CHECK_EQ_UINT(run(&t, 1000 + SERVER_OFFER_HOLD_SECS), DHCPNAK);
}

int main(void)
{
	test_discover_offer();
	test_selecting();
	test_init_reboot();
	test_renew_rebind();
	test_decline_release_inform();
	test_relay_and_misc();
	test_hostname_and_exhaustion();
	test_name_takeover();
	test_chaddr_mismatch();
	test_new_client_bound();
	test_offer_expiry();
	lease_db_free(&db);
	return check_done();
}
