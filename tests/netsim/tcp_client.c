/* tcp-connect HOST ADDR:PORT [send TEXT] [expect TEXT] [bulk BYTES] [timeout S]
 * Succeeds when EXPECT has arrived, when BULK bytes are acknowledged, or
 * (neither given) when the connection is up and TEXT acknowledged. */
#include <stdio.h>
#include <string.h>

#include "cmd_parse.h"
#include "lwip/sys.h"
#include "lwip/tcp.h"
#include "netsim.h"

static const u8_t zeros[4096];

/* lwip_strerr() exists only in LWIP_DEBUG builds. */
static const char *err_name(err_t err)
{
	switch (err) {
	case ERR_MEM: return "out of memory";
	case ERR_BUF: return "buffer error";
	case ERR_TIMEOUT: return "timeout";
	case ERR_RTE: return "no route";
	case ERR_ABRT: return "aborted";
	case ERR_RST: return "reset";
	case ERR_CLSD: return "closed";
	case ERR_CONN: return "not connected";
	case ERR_USE: return "address in use";
	case ERR_ISCONN: return "already connected";
	default: return "lwip error";
	}
}

static struct {
	struct tcp_pcb *pcb;
	struct host *host;
	char target[64], local[64];
	char send[NETSIM_TEXT_MAX + 2], expect[NETSIM_TEXT_MAX + 1];
	char got[1024];
	size_t got_len;
	unsigned long bulk, bulk_queued, acked, want_acked;
	u32_t t_connected;
	int connected;
} cli;
static int cli_aborted; /* cli_close() had to abort: callbacks return ERR_ABRT */

static void printable(char *out, size_t n, const char *in, size_t len)
{
	size_t o = 0;

	for (size_t i = 0; i < len && o + 1 < n; i++)
		out[o++] = (in[i] >= 0x20 && in[i] < 0x7f && in[i] != '"') ? in[i] : '.';
	out[o] = '\0';
}

static void cli_close(void)
{
	if (cli.pcb != NULL) {
		tcp_arg(cli.pcb, NULL);
		tcp_recv(cli.pcb, NULL);
		tcp_sent(cli.pcb, NULL);
		tcp_err(cli.pcb, NULL);
		if (tcp_close(cli.pcb) != ERR_OK) {
			tcp_abort(cli.pcb);
			cli_aborted = 1;
		}
		cli.pcb = NULL;
	}
	pending_done();
}

static void cli_ok(void)
{
	char got[sizeof(cli.got)];
	u32_t ms;

	if (cli.bulk > 0) {
		ms = sys_now() - cli.t_connected;
		reply("ok tcp-connect %s %s local %s bulk %lu ms %lu kbit_s %lu", cli.host->name,
		      cli.target, cli.local, cli.bulk, (unsigned long)ms,
		      (unsigned long)(cli.bulk * 8 / (ms ? ms : 1)));
	} else {
		printable(got, sizeof(got), cli.got, cli.got_len);
		reply("ok tcp-connect %s %s local %s got \"%s\"", cli.host->name, cli.target,
		      cli.local, got);
	}
	cli_close();
}

static void cli_fail(const char *why)
{
	char got[sizeof(cli.got)];

	printable(got, sizeof(got), cli.got, cli.got_len);
	reply("fail tcp-connect %s %s %s (got \"%s\")", cli.host->name, cli.target, why, got);
	cli_close();
}

static void bulk_fill(struct tcp_pcb *pcb)
{
	while (cli.bulk_queued < cli.bulk) {
		unsigned long left = cli.bulk - cli.bulk_queued;
		u16_t n = tcp_sndbuf(pcb);

		if (n > sizeof(zeros))
			n = sizeof(zeros);
		if (n > left)
			n = (u16_t)left;
		if (n == 0 || tcp_write(pcb, zeros, n, 0) != ERR_OK)
			break;
		cli.bulk_queued += n;
	}
	tcp_output(pcb);
}

static int done_expecting(void)
{
	return cli.expect[0] != '\0' && strstr(cli.got, cli.expect) != NULL;
}

static err_t cli_recv(void *arg, struct tcp_pcb *pcb, struct pbuf *p, err_t err)
{
	(void)arg;
	(void)err;
	cli_aborted = 0;
	if (p == NULL) {
		if (done_expecting() || (cli.expect[0] == '\0' && cli.acked >= cli.want_acked))
			cli_ok();
		else
			cli_fail("closed by peer");
		return cli_aborted ? ERR_ABRT : ERR_OK;
	}
	cli.got_len += pbuf_copy_partial(p, cli.got + cli.got_len,
					 (u16_t)(sizeof(cli.got) - 1 - cli.got_len), 0);
	cli.got[cli.got_len] = '\0';
	tcp_recved(pcb, p->tot_len);
	pbuf_free(p);
	if (done_expecting())
		cli_ok();
	return cli_aborted ? ERR_ABRT : ERR_OK;
}

static err_t cli_sent(void *arg, struct tcp_pcb *pcb, u16_t len)
{
	(void)arg;
	cli_aborted = 0;
	cli.acked += len;
	if (cli.bulk > 0)
		bulk_fill(pcb);
	if (cli.expect[0] == '\0' && cli.acked >= cli.want_acked)
		cli_ok();
	return cli_aborted ? ERR_ABRT : ERR_OK;
}

static void cli_err(void *arg, err_t err)
{
	(void)arg;
	cli.pcb = NULL; /* lwIP has freed it */
	cli_fail(err == ERR_RST ? (cli.connected ? "reset by peer" : "refused")
				: err_name(err));
}

static err_t cli_connected(void *arg, struct tcp_pcb *pcb, err_t err)
{
	(void)arg;
	if (err != ERR_OK) {
		cli_fail(err_name(err));
		return ERR_OK;
	}
	cli.connected = 1;
	cli.t_connected = sys_now();
	format_endpoint(cli.local, sizeof(cli.local), &pcb->local_ip, pcb->local_port);
	if (cli.send[0] != '\0')
		tcp_write(pcb, cli.send, (u16_t)strlen(cli.send), TCP_WRITE_FLAG_COPY);
	if (cli.bulk > 0)
		bulk_fill(pcb);
	tcp_output(pcb);
	cli_aborted = 0;
	if (cli.expect[0] == '\0' && cli.want_acked == 0)
		cli_ok();
	return cli_aborted ? ERR_ABRT : ERR_OK;
}

static void cli_timeout(void)
{
	char why[96];

	if (!cli.connected)
		cli_fail("timeout (no connection)");
	else if (cli.bulk > 0) {
		snprintf(why, sizeof(why), "timeout (bulk %lu of %lu acked)", cli.acked, cli.bulk);
		cli_fail(why);
	} else
		cli_fail("timeout");
}

void cmd_tcp_connect(int argc, char **argv)
{
	const char *send = opt_value(argc, argv, 3, "send");
	const char *expect = opt_value(argc, argv, 3, "expect");
	const char *bulk = opt_value(argc, argv, 3, "bulk");
	const char *t = opt_value(argc, argv, 3, "timeout");
	unsigned long timeout_s = 5;
	ip_addr_t dst;
	uint16_t port;
	err_t err;

	memset(&cli, 0, sizeof(cli));
	if (argc < 3 || (cli.host = host_find(argv[1])) == NULL ||
	    parse_endpoint(argv[2], &dst, &port) < 0 ||
	    (t && parse_ulong(t, 600, &timeout_s) < 0) ||
	    (bulk && parse_ulong(bulk, 1ul << 30, &cli.bulk) < 0) ||
	    (send && strlen(send) > NETSIM_TEXT_MAX) || (expect && strlen(expect) > NETSIM_TEXT_MAX)) {
		reply("fail tcp-connect: usage: tcp-connect HOST ADDR:PORT [send TEXT] "
		      "[expect TEXT] [bulk BYTES] [timeout S]");
		return;
	}
	snprintf(cli.target, sizeof(cli.target), "%s", argv[2]);
	if (send)
		snprintf(cli.send, sizeof(cli.send), "%s\n", send);
	if (expect)
		snprintf(cli.expect, sizeof(cli.expect), "%s", expect);
	cli.want_acked = strlen(cli.send) + cli.bulk;
	if (IP_IS_V6(&dst))
		ip6_addr_assign_zone(ip_2_ip6(&dst), IP6_UNKNOWN, &cli.host->netif);
	cli.pcb = tcp_new_ip_type(IP_GET_TYPE(&dst));
	if (cli.pcb == NULL) {
		reply("fail tcp-connect %s %s: no pcb", argv[1], argv[2]);
		return;
	}
	tcp_bind_netif(cli.pcb, &cli.host->netif);
	tcp_arg(cli.pcb, NULL);
	tcp_recv(cli.pcb, cli_recv);
	tcp_sent(cli.pcb, cli_sent);
	tcp_err(cli.pcb, cli_err);
	pending_start((u32_t)timeout_s * 1000, cli_timeout, NULL);
	err = tcp_connect(cli.pcb, &dst, port, cli_connected);
	if (err != ERR_OK)
		cli_fail(err_name(err));
}
