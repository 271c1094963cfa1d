/* dns-query HOST SERVER NAME [a|aaaa|ptr|txt|cname|ns] [tcp] [timeout S]
 * One DNS query from a simulated host, as a stub resolver sends it: random
 * ID, RD set. Over UDP it is resent every second (same ID) until a reply
 * whose ID, source and question match; over TCP it is sent once with the
 * 2-byte length prefix. SERVER is ADDR (port 53), A.B.C.D:PORT or [V6]:PORT.
 * For ptr, NAME may be an address: it becomes its in-addr/ip6.arpa name. */
#define _GNU_SOURCE /* random() */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd_parse.h"
#include "dns_msg.h"
#include "lwip/sys.h"
#include "lwip/tcp.h"
#include "lwip/udp.h"
#include "netsim.h"

#define DQ_BUF_MAX 8192 /* replies kept; a longer one is "bad reply (too long)" */

static struct {
	struct host *host;
	struct udp_pcb *udp;
	struct tcp_pcb *tcp;
	ip_addr_t server;
	uint16_t port;
	const char *type_word; /* static: argv does not outlive the dispatch */
	struct dns_question q;
	uint8_t query[DNS_HDR_LEN + DNS_NAME_WIRE_MAX + 4 + 2];
	size_t query_len; /* without the TCP length prefix at query[0..1] */
	uint8_t in[DQ_BUF_MAX];
	size_t in_len;
	u32_t t_start, last_sent;
	unsigned sent, ignored;
	int connected;
} dq;
static struct dns_reply dq_reply; /* 33 KiB: not on the stack */
static int dq_aborted;            /* dq_end() aborted the TCP pcb */

static void dq_end(void)
{
	if (dq.udp != NULL) {
		udp_remove(dq.udp);
		dq.udp = NULL;
	}
	if (dq.tcp != NULL) {
		tcp_arg(dq.tcp, NULL);
		tcp_recv(dq.tcp, NULL);
		tcp_err(dq.tcp, NULL);
		if (tcp_close(dq.tcp) != ERR_OK) {
			tcp_abort(dq.tcp);
			dq_aborted = 1;
		}
		dq.tcp = NULL;
	}
	pending_done();
}

static void dq_fail(const char *why)
{
	reply("fail dns-query %s %s %s %s", dq.host->name, dq.q.name, dq.type_word, why);
	dq_end();
}

/* Answer data as protocol words: addresses, names, TXT's first string quoted. */
static size_t format_answer(char *out, size_t cap, const struct dns_rr *rr)
{
	ip_addr_t a;
	char txt[260];
	int n;

	if (rr->type == DNS_TYPE_A) {
		ip_addr_set_zero_ip4(&a);
		memcpy(&ip_2_ip4(&a)->addr, rr->rdata, 4);
		n = snprintf(out, cap, " %s", ipaddr_ntoa(&a));
	} else if (rr->type == DNS_TYPE_AAAA) {
		ip_addr_set_zero_ip6(&a);
		memcpy(ip_2_ip6(&a)->addr, rr->rdata, 16);
		n = snprintf(out, cap, " %s", ipaddr_ntoa(&a));
	} else if (rr->target[0] != '\0') {
		n = snprintf(out, cap, " %s", rr->target);
	} else if (rr->type == DNS_TYPE_TXT) {
		size_t len = rr->rdata[0]; /* the parser checked it fits */

		for (size_t i = 0; i < len; i++) {
			uint8_t c = rr->rdata[1 + i];

			txt[i] = c >= 0x20 && c < 0x7f && c != '"' ? (char)c : '.';
		}
		txt[len] = '\0';
		n = snprintf(out, cap, " \"%s\"", txt);
	} else {
		n = snprintf(out, cap, " type%u/%u", rr->type, rr->rdlen);
	}
	return n < 0 ? 0 : (size_t)n;
}

/* "aa,tc,rd,ra" (those set), or "-" */
static void format_flags(char *out, size_t cap, uint16_t flags)
{
	snprintf(out, cap, "%s%s%s%s", flags & DNS_FLAG_AA ? ",aa" : "", flags & DNS_FLAG_TC ? ",tc" : "",
		 flags & DNS_FLAG_RD ? ",rd" : "", flags & DNS_FLAG_RA ? ",ra" : "");
	if (out[0] == '\0')
		snprintf(out, cap, "-");
	else
		memmove(out, out + 1, strlen(out));
}

/* A whole message from the server: the reply if it is ours, else ignored.
 * A reply with our ID that does not parse or match ends the command. */
static void dq_got(const uint8_t *p, size_t n)
{
	struct dns_reply *r = &dq_reply;
	char line[4096], why[64], flags[16];
	const char *rc;
	size_t off = 0;
	uint32_t ttl = 0;
	int err;

	if (n < 2 || (p[0] << 8 | p[1]) != dq.q.id) {
		dq.ignored++;
		return;
	}
	if ((err = dns_reply_parse(p, n, r)) < 0) {
		snprintf(why, sizeof(why), "bad reply (%s)", dns_err_str(err));
		dq_fail(why);
		return;
	}
	if (!dns_question_match(&dq.q, &r->q)) {
		dq_fail("bad reply (question differs)");
		return;
	}
	for (unsigned i = 0; i < r->nan; i++) {
		if (i == 0 || r->an[i].ttl < ttl)
			ttl = r->an[i].ttl;
		if (off < sizeof(line))
			off += format_answer(line + off, sizeof(line) - off, &r->an[i]);
	}
	line[off < sizeof(line) ? off : sizeof(line) - 1] = '\0';
	rc = dns_rcode_name(r->rcode);
	snprintf(why, sizeof(why), "%u", r->rcode);
	format_flags(flags, sizeof(flags), r->q.flags);
	reply("ok dns-query %s %s %s rcode %s answers %u%s ttl %lu flags %s size %zu ms %lu",
	      dq.host->name, dq.q.name, dq.type_word, rc ? rc : why, r->ancount, line,
	      (unsigned long)ttl, flags, n, (unsigned long)(sys_now() - dq.t_start));
	dq_end();
}

static void udp_send_query(void)
{
	struct pbuf *p = pbuf_alloc(PBUF_TRANSPORT, (u16_t)dq.query_len, PBUF_RAM);

	if (p == NULL)
		return;
	pbuf_take(p, dq.query + 2, (u16_t)dq.query_len);
	udp_sendto(dq.udp, p, &dq.server, dq.port);
	pbuf_free(p);
	dq.last_sent = sys_now();
	dq.sent++;
}

static void dq_udp_recv(void *arg, struct udp_pcb *pcb, struct pbuf *p,
			const ip_addr_t *addr, u16_t port)
{
	u16_t n;

	(void)arg;
	(void)pcb;
	if (dq.udp == NULL || port != dq.port || !ip_addr_cmp(addr, &dq.server)) {
		dq.ignored++;
		pbuf_free(p);
		return;
	}
	if (p->tot_len > sizeof(dq.in)) {
		pbuf_free(p);
		dq_fail("bad reply (too long)");
		return;
	}
	n = pbuf_copy_partial(p, dq.in, sizeof(dq.in), 0);
	pbuf_free(p);
	dq_got(dq.in, n);
}

static void dq_udp_tick(void)
{
	if (sys_now() - dq.last_sent >= 1000)
		udp_send_query();
}

static err_t dq_tcp_recv(void *arg, struct tcp_pcb *pcb, struct pbuf *p, err_t err)
{
	size_t need;

	(void)arg;
	(void)err;
	dq_aborted = 0;
	if (p == NULL) {
		dq_fail("closed by peer");
		return dq_aborted ? ERR_ABRT : ERR_OK;
	}
	if (dq.in_len + p->tot_len > sizeof(dq.in)) {
		tcp_recved(pcb, p->tot_len);
		pbuf_free(p);
		dq_fail("bad reply (too long)");
		return dq_aborted ? ERR_ABRT : ERR_OK;
	}
	dq.in_len += pbuf_copy_partial(p, dq.in + dq.in_len, p->tot_len, 0);
	tcp_recved(pcb, p->tot_len);
	pbuf_free(p);
	/* Messages with the wrong ID are skipped like UDP strays. */
	while (dq.tcp != NULL && dq.in_len >= 2 && dq.in_len >= (need = 2u + (dq.in[0] << 8 | dq.in[1]))) {
		dq_got(dq.in + 2, need - 2);
		memmove(dq.in, dq.in + need, dq.in_len - need);
		dq.in_len -= need;
	}
	return dq_aborted ? ERR_ABRT : ERR_OK;
}

static void dq_tcp_err(void *arg, err_t err)
{
	(void)arg;
	dq.tcp = NULL; /* lwIP has freed it */
	dq_fail(err == ERR_RST ? (dq.connected ? "reset by peer" : "refused") : "connection error");
}

static err_t dq_tcp_connected(void *arg, struct tcp_pcb *pcb, err_t err)
{
	(void)arg;
	if (err != ERR_OK) {
		dq_fail("connection error");
		return ERR_OK;
	}
	dq.connected = 1;
	tcp_write(pcb, dq.query, (u16_t)(dq.query_len + 2), TCP_WRITE_FLAG_COPY);
	tcp_output(pcb);
	dq.sent = 1;
	return ERR_OK;
}

static void dq_timeout(void)
{
	char why[96];

	if (dq.tcp != NULL && !dq.connected)
		snprintf(why, sizeof(why), "timeout (no connection)");
	else
		snprintf(why, sizeof(why), "timeout (sent %u, ignored %u)", dq.sent, dq.ignored);
	dq_fail(why);
}

/* SERVER: an endpoint, or a bare address meaning port 53. */
static int parse_server(const char *s, ip_addr_t *ip, uint16_t *port)
{
	int plen;

	if (parse_endpoint(s, ip, port) == 0)
		return 0;
	*port = 53;
	return strchr(s, '/') == NULL && parse_prefix(s, ip, &plen) == 0 ? 0 : -1;
}

void cmd_dns_query(int argc, char **argv)
{
	const char *t = opt_value(argc, argv, 4, "timeout");
	unsigned long timeout_s = 3;
	uint16_t qtype = DNS_TYPE_A;
	int use_tcp = 0, bad = 0;
	const char *name;
	char ptr[DNS_NAME_TEXT_MAX];
	ip_addr_t addr;
	int plen;

	memset(&dq, 0, sizeof(dq));
	dq.type_word = "a";
	for (int i = 4; i < argc; i++) {
		uint16_t type = dns_type_parse(argv[i]);

		if (strcmp(argv[i], "tcp") == 0) {
			use_tcp = 1;
		} else if (strcmp(argv[i], "timeout") == 0) {
			i++;
		} else if (type != 0) {
			qtype = type;
			dq.type_word = dns_type_name(type);
		} else {
			bad = 1;
		}
	}
	if (argc < 4 || bad || (dq.host = host_find(argv[1])) == NULL ||
	    parse_server(argv[2], &dq.server, &dq.port) < 0 ||
	    (t && (parse_ulong(t, 600, &timeout_s) < 0 || timeout_s == 0))) {
		reply("fail dns-query: usage: dns-query HOST SERVER NAME [a|aaaa|ptr|txt|cname|ns] "
		      "[tcp] [timeout S]");
		return;
	}
	name = argv[3];
	if (qtype == DNS_TYPE_PTR && strchr(name, '/') == NULL && parse_prefix(name, &addr, &plen) == 0) {
		if (IP_IS_V4(&addr))
			dns_ptr_name((const uint8_t *)&ip_2_ip4(&addr)->addr, 4, ptr, sizeof(ptr));
		else
			dns_ptr_name((const uint8_t *)ip_2_ip6(&addr)->addr, 16, ptr, sizeof(ptr));
		name = ptr;
	}
	dq.q.id = (uint16_t)random();
	dq.q.qtype = qtype;
	dq.q.qclass = DNS_CLASS_IN;
	snprintf(dq.q.name, sizeof(dq.q.name), "%s", name);
	dq.query_len = dns_query_build(dq.query + 2, sizeof(dq.query) - 2, dq.q.id, name, qtype);
	if (dq.query_len == 0) {
		reply("fail dns-query %s %s: bad name", argv[1], name);
		return;
	}
	dq.query[0] = (uint8_t)(dq.query_len >> 8);
	dq.query[1] = (uint8_t)dq.query_len;
	if (IP_IS_V6(&dq.server))
		ip6_addr_assign_zone(ip_2_ip6(&dq.server), IP6_UNKNOWN, &dq.host->netif);
	dq.t_start = sys_now();
	if (use_tcp) {
		err_t err;

		if ((dq.tcp = tcp_new_ip_type(IP_GET_TYPE(&dq.server))) == NULL) {
			reply("fail dns-query %s %s: no pcb", argv[1], name);
			return;
		}
		tcp_bind_netif(dq.tcp, &dq.host->netif);
		tcp_recv(dq.tcp, dq_tcp_recv);
		tcp_err(dq.tcp, dq_tcp_err);
		pending_start((u32_t)timeout_s * 1000, dq_timeout, NULL);
		if ((err = tcp_connect(dq.tcp, &dq.server, dq.port, dq_tcp_connected)) != ERR_OK)
			dq_fail("connect failed");
		return;
	}
	dq.udp = udp_new_ip_type(IP_GET_TYPE(&dq.server));
	if (dq.udp == NULL || udp_bind(dq.udp, IP_ANY_TYPE, 0) != ERR_OK) {
		if (dq.udp != NULL)
			udp_remove(dq.udp);
		dq.udp = NULL;
		reply("fail dns-query %s %s: no pcb", argv[1], name);
		return;
	}
	udp_bind_netif(dq.udp, &dq.host->netif);
	udp_recv(dq.udp, dq_udp_recv, NULL);
	pending_start((u32_t)timeout_s * 1000, dq_timeout, dq_udp_tick);
	udp_send_query();
}
