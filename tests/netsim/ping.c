/* ping HOST ADDR [timeout S]: ICMP (v4) or ICMPv6 echo from a simulated host.
 * A request goes out every 500 ms until a reply or the deadline, because
 * lwIP keeps no packet queued while ARP/ND resolves the first hop. */
#include <stdlib.h>
#include <string.h>

#include "cmd_parse.h"
#include "lwip/icmp.h"
#include "lwip/icmp6.h"
#include "lwip/inet_chksum.h"
#include "lwip/ip.h"
#include "lwip/prot/icmp6.h"
#include "lwip/raw.h"
#include "lwip/sys.h"
#include "netsim.h"

#define PING_ID 0x4b31
#define PING_DATA 32

static struct {
	struct raw_pcb *pcb;
	struct host *host;
	ip_addr_t dst;
	char dst_text[IPADDR_STRLEN_MAX];
	u16_t seq;
	u32_t first_sent, last_sent;
	unsigned sent;
} ping;

static void ping_end(void)
{
	raw_remove(ping.pcb);
	ping.pcb = NULL;
	pending_done();
}

static u8_t ping_recv(void *arg, struct raw_pcb *pcb, struct pbuf *p, const ip_addr_t *addr)
{
	u8_t hdr[4 + 4];
	u16_t off = ip_current_header_tot_len();
	u8_t want = IP_IS_V6(&ping.dst) ? ICMP6_TYPE_EREP : ICMP_ER;

	(void)arg;
	(void)pcb;
	if (!ping.pcb || !ip_addr_cmp(addr, &ping.dst) ||
	    pbuf_copy_partial(p, hdr, sizeof(hdr), off) != sizeof(hdr) ||
	    hdr[0] != want || ((hdr[4] << 8) | hdr[5]) != PING_ID)
		return 0; /* not ours: let lwIP's own ICMP handling see it */
	reply("ok ping %s %s rtt_ms %lu sent %u", ping.host->name, ping.dst_text,
	      (unsigned long)(sys_now() - ping.last_sent), ping.sent);
	pbuf_free(p);
	ping_end();
	return 1;
}

static void ping_send(void)
{
	struct pbuf *p = pbuf_alloc(PBUF_IP, 8 + PING_DATA, PBUF_RAM);
	u8_t *b;

	if (p == NULL)
		return;
	b = p->payload;
	memset(b, 0, 8 + PING_DATA);
	b[0] = IP_IS_V6(&ping.dst) ? ICMP6_TYPE_EREQ : ICMP_ECHO;
	b[4] = PING_ID >> 8;
	b[5] = PING_ID & 0xff;
	ping.seq++;
	b[6] = (u8_t)(ping.seq >> 8);
	b[7] = (u8_t)ping.seq;
	for (int i = 0; i < PING_DATA; i++)
		b[8 + i] = (u8_t)('a' + i % 26);
	if (IP_IS_V4(&ping.dst)) {
		u16_t sum = inet_chksum(b, 8 + PING_DATA);
		memcpy(b + 2, &sum, 2);
	}
	ping.last_sent = sys_now();
	ping.sent++;
	raw_sendto(ping.pcb, p, &ping.dst);
	pbuf_free(p);
}

static void ping_tick(void)
{
	if (sys_now() - ping.last_sent >= 500)
		ping_send();
}

static void ping_timeout(void)
{
	reply("fail ping %s %s timeout (%u requests, no reply)", ping.host->name,
	      ping.dst_text, ping.sent);
	raw_remove(ping.pcb);
	ping.pcb = NULL;
}

void cmd_ping(int argc, char **argv)
{
	unsigned long timeout_s = 3;
	const char *t = opt_value(argc, argv, 3, "timeout");
	int plen;

	if (argc < 3 || (ping.host = host_find(argv[1])) == NULL ||
	    parse_prefix(argv[2], &ping.dst, &plen) < 0 ||
	    (t && parse_ulong(t, 60, &timeout_s) < 0)) {
		reply("fail ping: usage: ping HOST ADDR [timeout S] (unknown host or bad address)");
		return;
	}
	ipaddr_ntoa_r(&ping.dst, ping.dst_text, sizeof(ping.dst_text));
	if (IP_IS_V6(&ping.dst)) /* a link-local target needs the host's zone */
		ip6_addr_assign_zone(ip_2_ip6(&ping.dst), IP6_UNKNOWN, &ping.host->netif);
	ping.pcb = raw_new_ip_type(IP_GET_TYPE(&ping.dst),
				   IP_IS_V6(&ping.dst) ? IP6_NEXTH_ICMP6 : IP_PROTO_ICMP);
	if (ping.pcb == NULL) {
		reply("fail ping %s %s: no raw pcb", argv[1], argv[2]);
		return;
	}
	if (IP_IS_V6(&ping.dst)) {
		/* lwIP fills the ICMPv6 checksum (it covers a pseudo-header). */
		ping.pcb->chksum_reqd = 1;
		ping.pcb->chksum_offset = 2;
	}
	raw_bind_netif(ping.pcb, &ping.host->netif);
	raw_recv(ping.pcb, ping_recv, NULL);
	ping.sent = 0;
	pending_start((u32_t)timeout_s * 1000, ping_timeout, ping_tick);
	ping_send();
}
