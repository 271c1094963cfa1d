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
static struct lease_db db;
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
	cfg.offer_hold_secs = 60;
	cfg.decline_hold_secs = 600;
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
	size_t n = tpkt_end(t);

	server_handle(&cfg, &db, t->b, n, now, &res);
	memset(&reply, 0, sizeof(reply));
	if (!res.len)
		return 0;
	CHECK_EQ_INT(dhcp_parse(res.reply, res.len, &reply), DHCP_OK);
	CHECK_EQ_UINT(reply.op, 2);
	CHECK_EQ_UINT(reply.xid, 0xdeadbeef);
	return reply.msg_type;
}

/* DISCOVER then REQUEST(SELECTING): the address bound. */
static uint32_t dora(uint8_t mac, int64_t now)
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
	return run(&t, now) == DHCPACK ? reply.yiaddr : 0;
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
	/* Another client's address: NAK. */
	tpkt_start(&t, DHCPREQUEST, 2);
	tpkt_opt32(&t, OPT_REQUESTED_IP, ip);
	CHECK_EQ_UINT(run(&t, 2000), DHCPNAK);
	/* In the subnet but outside the pool: NAK. */
	tpkt_start(&t, DHCPREQUEST, 2);
	tpkt_opt32(&t, OPT_REQUESTED_IP, IP4(10, 99, 0, 100));
	CHECK_EQ_UINT(run(&t, 2000), DHCPNAK);
	/* The static client asking for a pool address: NAK, so it comes
	 * back through DISCOVER and gets its static one. */
	tpkt_start(&t, DHCPREQUEST, 0x99);
	tpkt_opt32(&t, OPT_REQUESTED_IP, IP4(10, 99, 0, 18));
	CHECK_EQ_UINT(run(&t, 2000), DHCPNAK);
	/* Someone else's static address: NAK. */
	tpkt_start(&t, DHCPREQUEST, 2);
	tpkt_opt32(&t, OPT_REQUESTED_IP, IP4(10, 99, 0, 5));
	CHECK_EQ_UINT(run(&t, 2000), DHCPNAK);
	/* Unknown client, free address (we lost our leases): ACK. */
	tpkt_start(&t, DHCPREQUEST, 2);
	tpkt_opt32(&t, OPT_REQUESTED_IP, IP4(10, 99, 0, 19));
	CHECK_EQ_UINT(run(&t, 2000), DHCPACK);
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
	server_handle(&cfg, &db, t.b, 400, 1000, &res);
	CHECK_EQ_UINT(res.len, 0);
	CHECK(res.note != NULL);
}

static void test_hostname_and_exhaustion(void)
{
	struct tpkt t;
	unsigned bound = 0;

	setup();
	tpkt_start(&t, DHCPREQUEST, 1);
	tpkt_opt32(&t, OPT_REQUESTED_IP, FIRST);
	tpkt_opt(&t, OPT_HOSTNAME, "Laptop", 6);
	CHECK_EQ_UINT(run(&t, 1000), DHCPACK);
	CHECK(res.hosts_changed);
	CHECK_STR(lease_db_hostname(&db, lease_db_slot(&db, FIRST)),
		  "laptop");
	/* A hostile name is not published. */
	tpkt_start(&t, DHCPREQUEST, 2);
	tpkt_opt32(&t, OPT_REQUESTED_IP, FIRST + 1);
	tpkt_opt(&t, OPT_HOSTNAME, "a\nb c", 5);
	CHECK_EQ_UINT(run(&t, 1000), DHCPACK);
	CHECK_STR(lease_db_hostname(&db, lease_db_slot(&db, FIRST + 1)),
		  "");
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

int main(void)
{
	test_discover_offer();
	test_selecting();
	test_init_reboot();
	test_renew_rebind();
	test_decline_release_inform();
	test_relay_and_misc();
	test_hostname_and_exhaustion();
	lease_db_free(&db);
	return check_done();
}
