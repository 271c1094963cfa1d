/* tcp-listen HOST PORT reply TEXT | echo | discard | file PATH
 * A server on a simulated host. It records each connection's source address
 * (see peers.c); "reply" sends TEXT and a newline on accept, "echo" returns
 * what it reads, "discard" swallows it (bulk transfers). Connections close
 * when the peer closes or after 10 s idle. "file" sends PATH's contents and
 * closes: with busybox `nc ADDR PORT > F` a test can push files into the guest. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd_parse.h"
#include "lwip/tcp.h"
#include "netsim.h"

enum srv_mode { SRV_REPLY, SRV_ECHO, SRV_DISCARD, SRV_FILE };

struct tcp_server {
	struct host *host;
	uint16_t port;
	enum srv_mode mode;
	char text[NETSIM_TEXT_MAX + 1];
	unsigned long accepted, bytes_in;
	u8_t *file; /* SRV_FILE: the contents, read once at tcp-listen */
	size_t file_len;
};

/* Connections sending a file: where each one is. */
#define MAX_FILE_SENDS 8
static struct file_send {
	struct tcp_pcb *pcb;
	const struct tcp_server *srv;
	size_t off;
} sends[MAX_FILE_SENDS];
static unsigned long file_sends_refused;

#define MAX_SERVERS 16
static struct tcp_server servers[MAX_SERVERS];
static unsigned nservers;

/* Returns what a callback must return: ERR_ABRT if the close had to abort. */
static err_t conn_close(struct tcp_pcb *pcb)
{
	for (int i = 0; i < MAX_FILE_SENDS; i++)
		if (sends[i].pcb == pcb)
			sends[i].pcb = NULL;
	tcp_sent(pcb, NULL);
	tcp_err(pcb, NULL);
	tcp_arg(pcb, NULL);
	tcp_recv(pcb, NULL);
	tcp_poll(pcb, NULL, 0);
	if (tcp_close(pcb) == ERR_OK)
		return ERR_OK;
	tcp_abort(pcb);
	return ERR_ABRT;
}

/* Queue as much of the file as lwIP takes; close once all is queued (the
 * FIN follows the data). The file buffer outlives the pcb: no copy. */
static err_t file_push(struct file_send *fs)
{
	struct tcp_pcb *pcb = fs->pcb;

	while (fs->off < fs->srv->file_len) {
		size_t n = fs->srv->file_len - fs->off;
		u16_t room = tcp_sndbuf(pcb);

		if (n > room)
			n = room;
		if (n > 0xffff)
			n = 0xffff;
		if (n == 0 || tcp_write(pcb, fs->srv->file + fs->off, (u16_t)n, 0) != ERR_OK)
			break;
		fs->off += n;
	}
	tcp_output(pcb);
	if (fs->off == fs->srv->file_len)
		return conn_close(pcb);
	return ERR_OK;
}

static err_t file_sent(void *arg, struct tcp_pcb *pcb, u16_t len)
{
	(void)arg;
	(void)len;
	for (int i = 0; i < MAX_FILE_SENDS; i++)
		if (sends[i].pcb == pcb)
			return file_push(&sends[i]);
	return ERR_OK;
}

static void file_err(void *arg, err_t err)
{
	struct file_send *fs = arg;

	(void)err;
	fs->pcb = NULL; /* lwIP freed it */
}

static err_t srv_recv(void *arg, struct tcp_pcb *pcb, struct pbuf *p, err_t err)
{
	struct tcp_server *srv = arg;

	(void)err;
	if (p == NULL)
		return conn_close(pcb);
	srv->bytes_in += p->tot_len;
	if (srv->mode == SRV_ECHO) {
		for (struct pbuf *q = p; q != NULL; q = q->next)
			if (tcp_write(pcb, q->payload, q->len, TCP_WRITE_FLAG_COPY) != ERR_OK)
				break; /* send buffer full: an echo test sends little */
		tcp_output(pcb);
	}
	tcp_recved(pcb, p->tot_len);
	pbuf_free(p);
	return ERR_OK;
}

static err_t srv_idle(void *arg, struct tcp_pcb *pcb)
{
	(void)arg;
	return conn_close(pcb);
}

static err_t srv_accept(void *arg, struct tcp_pcb *pcb, err_t err)
{
	struct tcp_server *srv = arg;

	if (err != ERR_OK || pcb == NULL)
		return ERR_VAL;
	srv->accepted++;
	peers_record(srv->host, 6, srv->port, &pcb->remote_ip, pcb->remote_port);
	tcp_arg(pcb, srv);
	tcp_recv(pcb, srv_recv);
	tcp_poll(pcb, srv_idle, 20); /* 20 x 0.5 s */
	if (srv->mode == SRV_REPLY) {
		tcp_write(pcb, srv->text, (u16_t)strlen(srv->text), TCP_WRITE_FLAG_COPY);
		tcp_write(pcb, "\n", 1, TCP_WRITE_FLAG_COPY);
		tcp_output(pcb);
	} else if (srv->mode == SRV_FILE) {
		struct file_send *fs = NULL;

		for (int i = 0; i < MAX_FILE_SENDS && fs == NULL; i++)
			if (sends[i].pcb == NULL)
				fs = &sends[i];
		if (fs == NULL) {
			file_sends_refused++;
			tcp_abort(pcb);
			return ERR_ABRT;
		}
		fs->pcb = pcb;
		fs->srv = srv;
		fs->off = 0;
		tcp_arg(pcb, fs);
		tcp_sent(pcb, file_sent);
		tcp_err(pcb, file_err);
		return file_push(fs);
	}
	return ERR_OK;
}

static int read_file(const char *path, u8_t **data, size_t *len)
{
	FILE *f = fopen(path, "rb");
	long size;
	u8_t *buf;

	if (f == NULL)
		return -1;
	if (fseek(f, 0, SEEK_END) < 0 || (size = ftell(f)) < 0 || size > (64l << 20) ||
	    fseek(f, 0, SEEK_SET) < 0 || (buf = malloc((size_t)size + 1)) == NULL) {
		fclose(f);
		return -1;
	}
	if (fread(buf, 1, (size_t)size, f) != (size_t)size) {
		free(buf);
		fclose(f);
		return -1;
	}
	fclose(f);
	*data = buf;
	*len = (size_t)size;
	return 0;
}

/* Bound to the host's netif and address: lwIP is one stack for all hosts,
 * and only the binding keeps another host's traffic (or port) apart. */
static int listen_on(struct host *h, struct tcp_server *srv, const ip_addr_t *addr)
{
	struct tcp_pcb *pcb = tcp_new_ip_type(IP_GET_TYPE(addr)), *lpcb;

	if (pcb == NULL)
		return -1;
	tcp_bind_netif(pcb, &h->netif);
	if (tcp_bind(pcb, addr, srv->port) != ERR_OK) {
		tcp_close(pcb);
		return -1;
	}
	lpcb = tcp_listen(pcb);
	if (lpcb == NULL) {
		tcp_close(pcb);
		return -1;
	}
	tcp_arg(lpcb, srv);
	tcp_accept(lpcb, srv_accept);
	return 0;
}

/* One listening pcb per configured address (v4, global v6); any address
 * only for a host that has none yet (it cannot share the port then). */
static int listen_on_host(struct host *h, struct tcp_server *srv)
{
	ip_addr_t a;
	int n = 0;

	if (!ip4_addr_isany(netif_ip4_addr(&h->netif))) {
		ip_addr_copy_from_ip4(a, *netif_ip4_addr(&h->netif));
		if (listen_on(h, srv, &a) < 0)
			return -1;
		n++;
	}
	for (int i = 1; i < LWIP_IPV6_NUM_ADDRESSES; i++) {
		if (!ip6_addr_isvalid(netif_ip6_addr_state(&h->netif, i)))
			continue;
		ip_addr_copy_from_ip6(a, *netif_ip6_addr(&h->netif, i));
		if (listen_on(h, srv, &a) < 0)
			return -1;
		n++;
	}
	if (n == 0 && listen_on(h, srv, IP_ANY_TYPE) < 0)
		return -1;
	return 0;
}

void cmd_tcp_listen(int argc, char **argv)
{
	struct tcp_server *srv;
	unsigned long port;
	struct host *h;

	if (argc < 4 || (h = host_find(argv[1])) == NULL ||
	    parse_ulong(argv[2], 65535, &port) < 0 || port == 0 ||
	    ((strcmp(argv[3], "reply") == 0 || strcmp(argv[3], "file") == 0) && argc < 5)) {
		reply("fail tcp-listen: usage: tcp-listen HOST PORT reply TEXT|echo|discard|file PATH");
		return;
	}
	if (nservers == MAX_SERVERS || peers_register(h, 6, (uint16_t)port) < 0) {
		reply("fail tcp-listen %s %s: too many listeners", argv[1], argv[2]);
		return;
	}
	srv = &servers[nservers];
	memset(srv, 0, sizeof(*srv));
	srv->host = h;
	srv->port = (uint16_t)port;
	if (strcmp(argv[3], "reply") == 0) {
		srv->mode = SRV_REPLY;
		if (strlen(argv[4]) > NETSIM_TEXT_MAX) {
			reply("fail tcp-listen %s %s: reply text too long", argv[1], argv[2]);
			return;
		}
		strcpy(srv->text, argv[4]);
	} else if (strcmp(argv[3], "echo") == 0) {
		srv->mode = SRV_ECHO;
	} else if (strcmp(argv[3], "discard") == 0) {
		srv->mode = SRV_DISCARD;
	} else if (strcmp(argv[3], "file") == 0 && argc >= 5) {
		srv->mode = SRV_FILE;
		if (read_file(argv[4], &srv->file, &srv->file_len) < 0) {
			reply("fail tcp-listen %s %s: cannot read %s (or over 64 MiB)", argv[1],
			      argv[2], argv[4]);
			return;
		}
	} else {
		reply("fail tcp-listen %s %s: unknown mode %s", argv[1], argv[2], argv[3]);
		return;
	}
	if (listen_on_host(h, srv) < 0) {
		reply("fail tcp-listen %s %s: port in use or out of pcbs", argv[1], argv[2]);
		return;
	}
	nservers++;
	reply("ok tcp-listen %s %s %s", argv[1], argv[2], argv[3]);
}
