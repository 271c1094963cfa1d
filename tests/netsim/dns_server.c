/* dns-server HOST [port P]
 * dns-record HOST NAME a|aaaa|txt|ptr|cname VALUE [ttl T]
 * dns-stats HOST [clear]
 * A tiny authoritative DNS server on a simulated host (the upstream that
 * Keel's forwarder asks), over UDP and TCP on each of the host's addresses.
 * It answers the records configured for the queried name (a CNAME for any
 * type), NOERROR with no answers for a known name without that type, and
 * NXDOMAIN otherwise; AA set, question copied. Replies without answers
 * carry an SOA whose minimum is neg-ttl (default 60; 0: none), so a
 * forwarder may cache them (RFC 2308). It counts what it was asked,
 * so a test can tell a cache answer from a forwarded one. `txt big` is a
 * 600-byte TXT record: over UDP it does not fit in 512 bytes, so the reply
 * carries TC and no answers, and the full one needs TCP. */
#include <stdio.h>
#include <string.h>

#include "cmd_parse.h"
#include "dns_msg.h"
#include "lwip/tcp.h"
#include "lwip/udp.h"
#include "netsim.h"

#define MAX_DNS_SERVERS 4
#define MAX_DNS_RECORDS 64
#define MAX_DNS_TCP 8       /* connections open at once; more are refused */
#define DNS_TCP_IN_MAX 1024 /* a query over TCP; longer closes the connection */

struct dns_server {
	struct host *host;
	uint16_t port;
	uint32_t neg_ttl; /* SOA TTL/minimum in negative replies; 0: no SOA */
	unsigned long queries, udp, tcp, nxdomain, truncated, bad, tcp_refused;
	char last[DNS_NAME_TEXT_MAX + 16];
};

static struct dns_server servers[MAX_DNS_SERVERS];
static unsigned nservers;

static struct dns_record {
	const struct dns_server *srv;
	char name[DNS_NAME_TEXT_MAX];
	struct dns_rr rr;
} records[MAX_DNS_RECORDS];
static unsigned nrecords;

static struct dns_tcp_conn {
	struct tcp_pcb *pcb; /* NULL: free */
	struct dns_server *srv;
	uint8_t in[DNS_TCP_IN_MAX];
	size_t len;
} conns[MAX_DNS_TCP];

/* Scratch for one answer at a time (lwIP callbacks do not nest). */
static struct dns_rr answers[DNS_MAX_ANSWERS];
static uint8_t out[2 + 4096];

static struct dns_server *server_of(const struct host *h)
{
	for (unsigned i = 0; i < nservers; i++)
		if (servers[i].host == h)
			return &servers[i];
	return NULL;
}

/* The reply to the query IN[0..N) in BUF (at most CAP), or 0 to drop it. */
static size_t answer(struct dns_server *srv, const uint8_t *in, size_t n, uint8_t *buf,
		     size_t cap, int tcp)
{
	struct dns_question q;
	const char *type;
	unsigned nan = 0, rcode;
	int known = 0;
	size_t len;

	if (dns_query_parse(in, n, &q) < 0) {
		srv->bad++;
		return 0;
	}
	srv->queries++;
	if (tcp)
		srv->tcp++;
	else
		srv->udp++;
	type = dns_type_name(q.qtype);
	if (type != NULL)
		snprintf(srv->last, sizeof(srv->last), "%s/%s", q.name, type);
	else
		snprintf(srv->last, sizeof(srv->last), "%s/type%u", q.name, q.qtype);
	for (unsigned i = 0; i < nrecords; i++) {
		const struct dns_record *r = &records[i];

		if (r->srv != srv || !dns_name_equal(r->name, q.name))
			continue;
		known = 1;
		if ((r->rr.type == q.qtype || r->rr.type == DNS_TYPE_CNAME) && nan < DNS_MAX_ANSWERS)
			answers[nan++] = r->rr;
	}
	if (q.qclass != DNS_CLASS_IN) {
		rcode = DNS_RCODE_REFUSED;
		nan = 0;
	} else {
		rcode = known ? DNS_RCODE_NOERROR : DNS_RCODE_NXDOMAIN;
	}
	if (rcode == DNS_RCODE_NXDOMAIN)
		srv->nxdomain++;
	len = dns_reply_build(buf, cap, &q, rcode, answers, nan, srv->neg_ttl);
	if (len > 0 && (buf[2] & (DNS_FLAG_TC >> 8)))
		srv->truncated++;
	return len;
}

static void srv_udp_recv(void *arg, struct udp_pcb *pcb, struct pbuf *p,
		      const ip_addr_t *addr, u16_t port)
{
	struct dns_server *srv = arg;
	static uint8_t in[DNS_UDP_MAX];
	u16_t n = pbuf_copy_partial(p, in, sizeof(in), 0);
	struct pbuf *rp;
	size_t len;

	peers_record(srv->host, 17, srv->port, addr, port);
	len = p->tot_len > sizeof(in) ? 0 : answer(srv, in, n, out, DNS_UDP_MAX, 0);
	if (p->tot_len > sizeof(in))
		srv->bad++;
	pbuf_free(p);
	if (len == 0 || (rp = pbuf_alloc(PBUF_TRANSPORT, (u16_t)len, PBUF_RAM)) == NULL)
		return;
	pbuf_take(rp, out, (u16_t)len);
	udp_sendto(pcb, rp, addr, port);
	pbuf_free(rp);
}

/* Returns what a callback must return: ERR_ABRT if the close had to abort. */
static err_t conn_close(struct dns_tcp_conn *c)
{
	struct tcp_pcb *pcb = c->pcb;

	c->pcb = NULL;
	tcp_arg(pcb, NULL);
	tcp_recv(pcb, NULL);
	tcp_err(pcb, NULL);
	tcp_poll(pcb, NULL, 0);
	if (tcp_close(pcb) == ERR_OK)
		return ERR_OK;
	tcp_abort(pcb);
	return ERR_ABRT;
}

static err_t srv_tcp_recv(void *arg, struct tcp_pcb *pcb, struct pbuf *p, err_t err)
{
	struct dns_tcp_conn *c = arg;
	size_t need, len;

	(void)err;
	if (p == NULL)
		return conn_close(c);
	if (c->len + p->tot_len > sizeof(c->in)) {
		c->srv->bad++;
		pbuf_free(p);
		return conn_close(c);
	}
	c->len += pbuf_copy_partial(p, c->in + c->len, p->tot_len, 0);
	tcp_recved(pcb, p->tot_len);
	pbuf_free(p);
	/* Each query is a 2-byte length and the message (RFC 1035 4.2.2). */
	while (c->len >= 2 && c->len >= (need = 2u + (c->in[0] << 8 | c->in[1]))) {
		len = answer(c->srv, c->in + 2, need - 2, out + 2, sizeof(out) - 2, 1);
		if (len > 0) {
			out[0] = (uint8_t)(len >> 8);
			out[1] = (uint8_t)len;
			tcp_write(pcb, out, (u16_t)(len + 2), TCP_WRITE_FLAG_COPY);
		}
		memmove(c->in, c->in + need, c->len - need);
		c->len -= need;
	}
	tcp_output(pcb);
	return ERR_OK;
}

static err_t srv_tcp_idle(void *arg, struct tcp_pcb *pcb)
{
	(void)pcb;
	return conn_close(arg);
}

static void srv_tcp_err(void *arg, err_t err)
{
	struct dns_tcp_conn *c = arg;

	(void)err;
	c->pcb = NULL; /* lwIP freed it */
}

static err_t srv_tcp_accept(void *arg, struct tcp_pcb *pcb, err_t err)
{
	struct dns_server *srv = arg;
	struct dns_tcp_conn *c = NULL;

	if (err != ERR_OK || pcb == NULL)
		return ERR_VAL;
	peers_record(srv->host, 6, srv->port, &pcb->remote_ip, pcb->remote_port);
	for (int i = 0; i < MAX_DNS_TCP && c == NULL; i++)
		if (conns[i].pcb == NULL)
			c = &conns[i];
	if (c == NULL) {
		srv->tcp_refused++;
		tcp_abort(pcb);
		return ERR_ABRT;
	}
	c->pcb = pcb;
	c->srv = srv;
	c->len = 0;
	tcp_arg(pcb, c);
	tcp_recv(pcb, srv_tcp_recv);
	tcp_err(pcb, srv_tcp_err);
	tcp_poll(pcb, srv_tcp_idle, 20); /* 20 x 0.5 s */
	return ERR_OK;
}

/* UDP and TCP on ADDR, bound to the host's netif: lwIP is one stack for
 * every host, only the binding keeps them apart. */
static int serve_on(struct dns_server *srv, const ip_addr_t *addr)
{
	struct udp_pcb *u = udp_new_ip_type(IP_GET_TYPE(addr));
	struct tcp_pcb *t, *l;

	if (u == NULL)
		return -1;
	udp_bind_netif(u, &srv->host->netif);
	if (udp_bind(u, addr, srv->port) != ERR_OK) {
		udp_remove(u);
		return -1;
	}
	udp_recv(u, srv_udp_recv, srv);
	if ((t = tcp_new_ip_type(IP_GET_TYPE(addr))) == NULL)
		return -1;
	tcp_bind_netif(t, &srv->host->netif);
	if (tcp_bind(t, addr, srv->port) != ERR_OK || (l = tcp_listen(t)) == NULL) {
		tcp_close(t);
		return -1;
	}
	tcp_arg(l, srv);
	tcp_accept(l, srv_tcp_accept);
	return 0;
}

/* The host's IPv4 and global IPv6 addresses; any address only for a host
 * that has none yet (it cannot share the port with another host then). */
static int serve_on_host(struct dns_server *srv)
{
	struct netif *nif = &srv->host->netif;
	ip_addr_t a;
	int n = 0;

	if (!ip4_addr_isany(netif_ip4_addr(nif))) {
		ip_addr_copy_from_ip4(a, *netif_ip4_addr(nif));
		if (serve_on(srv, &a) < 0)
			return -1;
		n++;
	}
	for (int i = 1; i < LWIP_IPV6_NUM_ADDRESSES; i++) {
		if (!ip6_addr_isvalid(netif_ip6_addr_state(nif, i)))
			continue;
		ip_addr_copy_from_ip6(a, *netif_ip6_addr(nif, i));
		if (serve_on(srv, &a) < 0)
			return -1;
		n++;
	}
	return n == 0 ? serve_on(srv, IP_ANY_TYPE) : 0;
}

void cmd_dns_server(int argc, char **argv)
{
	unsigned long port = 53, neg_ttl = 60;
	struct dns_server *srv;
	struct host *h;
	int bad = argc < 2 || argc % 2 != 0;

	for (int i = 2; i + 1 < argc && !bad; i += 2) {
		if (strcmp(argv[i], "port") == 0)
			bad = parse_ulong(argv[i + 1], 65535, &port) < 0 || port == 0;
		else if (strcmp(argv[i], "neg-ttl") == 0)
			bad = parse_ulong(argv[i + 1], 0x7fffffff, &neg_ttl) < 0;
		else
			bad = 1;
	}
	if (bad || (h = host_find(argv[1])) == NULL) {
		reply("fail dns-server: usage: dns-server HOST [port P] [neg-ttl T]");
		return;
	}
	if (server_of(h) != NULL || nservers == MAX_DNS_SERVERS ||
	    peers_register(h, 17, (uint16_t)port) < 0 || peers_register(h, 6, (uint16_t)port) < 0) {
		reply("fail dns-server %s: already serving, or too many servers (%d) or listeners",
		      argv[1], MAX_DNS_SERVERS);
		return;
	}
	srv = &servers[nservers];
	memset(srv, 0, sizeof(*srv));
	srv->host = h;
	srv->port = (uint16_t)port;
	srv->neg_ttl = (uint32_t)neg_ttl;
	snprintf(srv->last, sizeof(srv->last), "-");
	if (serve_on_host(srv) < 0) {
		reply("fail dns-server %s: port %lu in use or out of pcbs", argv[1], port);
		return;
	}
	nservers++;
	reply("ok dns-server %s port %lu neg-ttl %lu", argv[1], port, neg_ttl);
}

/* VALUE into RR for TYPE; -1 if it does not fit the type. */
static int record_value(struct dns_rr *rr, uint16_t type, const char *value)
{
	uint8_t wire[DNS_NAME_WIRE_MAX];
	ip_addr_t a;
	size_t len;

	rr->type = type;
	switch (type) {
	case DNS_TYPE_A:
	case DNS_TYPE_AAAA:
		if (!ipaddr_aton(value, &a) || IP_IS_V6(&a) != (type == DNS_TYPE_AAAA))
			return -1;
		rr->rdlen = type == DNS_TYPE_A ? 4 : 16;
		memcpy(rr->rdata, type == DNS_TYPE_A ? (const void *)&ip_2_ip4(&a)->addr
						     : (const void *)ip_2_ip6(&a)->addr, rr->rdlen);
		return 0;
	case DNS_TYPE_TXT:
		if (strcmp(value, "big") == 0) {
			/* "big" then three 200-byte strings: a 600-byte answer */
			memcpy(rr->rdata, "\3big", 4);
			for (int i = 0; i < 3; i++) {
				rr->rdata[4 + i * 201] = 200;
				memset(rr->rdata + 5 + i * 201, 'x', 200);
			}
			rr->rdlen = 4 + 3 * 201;
			return 0;
		}
		if ((len = strlen(value)) > 255)
			return -1;
		rr->rdata[0] = (uint8_t)len;
		memcpy(rr->rdata + 1, value, len);
		rr->rdlen = (uint16_t)(len + 1);
		return 0;
	case DNS_TYPE_PTR:
	case DNS_TYPE_CNAME:
		if (dns_name_encode(value, wire, sizeof(wire)) < 0 ||
		    strlen(value) >= sizeof(rr->target))
			return -1;
		strcpy(rr->target, value);
		return 0;
	default:
		return -1;
	}
}

void cmd_dns_record(int argc, char **argv)
{
	const char *t = opt_value(argc, argv, 5, "ttl");
	uint8_t wire[DNS_NAME_WIRE_MAX];
	unsigned long ttl = 300;
	struct dns_server *srv;
	struct dns_record *r;
	struct host *h;
	uint16_t type;

	if (argc < 5 || (argc != 5 && (argc != 7 || t == NULL)) ||
	    (h = host_find(argv[1])) == NULL || (type = dns_type_parse(argv[3])) == 0 ||
	    (t && parse_ulong(t, 0x7fffffff, &ttl) < 0)) {
		reply("fail dns-record: usage: dns-record HOST NAME a|aaaa|txt|ptr|cname VALUE [ttl T]");
		return;
	}
	if ((srv = server_of(h)) == NULL) {
		reply("fail dns-record %s: no dns-server on that host", argv[1]);
		return;
	}
	if (nrecords == MAX_DNS_RECORDS) {
		reply("fail dns-record %s: table full (%d)", argv[1], MAX_DNS_RECORDS);
		return;
	}
	r = &records[nrecords];
	memset(r, 0, sizeof(*r));
	if (dns_name_encode(argv[2], wire, sizeof(wire)) < 0 || strlen(argv[2]) >= sizeof(r->name) ||
	    record_value(&r->rr, type, argv[4]) < 0) {
		reply("fail dns-record %s %s %s: bad name or value %s", argv[1], argv[2], argv[3],
		      argv[4]);
		return;
	}
	r->srv = srv;
	strcpy(r->name, argv[2]);
	r->rr.ttl = (uint32_t)ttl;
	nrecords++;
	reply("ok dns-record %s %s %s %s ttl %lu", argv[1], argv[2], argv[3], argv[4], ttl);
}

void cmd_dns_stats(int argc, char **argv)
{
	struct dns_server *srv;
	struct host *h;

	if (argc < 2 || (h = host_find(argv[1])) == NULL || (argc > 2 && strcmp(argv[2], "clear") != 0)) {
		reply("fail dns-stats: usage: dns-stats HOST [clear]");
		return;
	}
	if ((srv = server_of(h)) == NULL) {
		reply("fail dns-stats %s: no dns-server on that host", argv[1]);
		return;
	}
	reply("ok dns-stats %s queries %lu udp %lu tcp %lu nxdomain %lu truncated %lu bad %lu "
	      "tcp_refused %lu last %s", argv[1], srv->queries, srv->udp, srv->tcp, srv->nxdomain,
	      srv->truncated, srv->bad, srv->tcp_refused, srv->last);
	if (argc > 2) {
		srv->queries = srv->udp = srv->tcp = srv->nxdomain = 0;
		srv->truncated = srv->bad = srv->tcp_refused = 0;
		snprintf(srv->last, sizeof(srv->last), "-");
	}
}
