/*
 * engine.c - decode, count, expire, encode; see engine.h.
 */
#include <string.h>

#include "decode.h"
#include "engine.h"

static void send_pending(struct engine *e)
{
	const uint8_t *dgram;
	size_t len = exp_finish(&e->ex, e->now_ms, &dgram);

	if (!len)
		return;
	e->st.datagrams++;
	e->send(e->send_arg, dgram, len);
}

static void on_expire(void *arg, const struct flow *f, enum ft_reason why)
{
	struct engine *e = arg;
	uint32_t ifindex = e->ifindex[f->key.iface % ENGINE_MAX_IFACES];
	int rc;

	(void)why;
	rc = exp_add(&e->ex, f, ifindex, e->now_ms);
	if (rc == EXP_FULL) {
		send_pending(e);
		rc = exp_add(&e->ex, f, ifindex, e->now_ms);
	}
	if (rc == EXP_ADDED)
		e->st.exported++;
}

int engine_init(struct engine *e, const struct engine_settings *s,
		uint64_t seed, uint64_t boot_ms, engine_send_fn send,
		void *arg)
{
	memset(e, 0, sizeof(*e));
	if (s->version != 5 && s->version != 9 && s->version != 10)
		return -1;
	if (ft_init(&e->ft, s->max_flows, seed, on_expire, e) < 0)
		return -1;
	e->ft.idle_ms = (uint64_t)s->idle_s * 1000;
	e->ft.active_ms = (uint64_t)s->active_s * 1000;
	e->ft.linger_ms = (uint64_t)s->linger_s * 1000;
	exp_init(&e->ex, s->version, s->source_id, boot_ms);
	e->ex.tmpl_every_pkts = s->tmpl_every_pkts;
	e->ex.tmpl_every_ms = (uint64_t)s->tmpl_every_s * 1000;
	e->send = send;
	e->send_arg = arg;
	e->now_ms = e->tick_ms = boot_ms;
	return 0;
}

void engine_set_clock(struct engine *e, uint64_t boot_ms)
{
	e->ex.boot_ms = e->now_ms = e->tick_ms = boot_ms;
}

void engine_free(struct engine *e)
{
	ft_free(&e->ft);
}

void engine_packet(struct engine *e, unsigned iface, uint64_t ts_ms,
		   const uint8_t *frame, size_t caplen, int linktype)
{
	struct pkt_info pi;
	struct flow_key k;
	int rc = pkt_decode(frame, caplen, linktype, &pi);

	if (rc != DECODE_OK) {
		if (rc == DECODE_NOT_IP)
			e->st.not_ip++;
		else
			e->st.bad++;
		return;
	}
	if (pi.family == 6 && e->ex.version == 5) {
		e->st.v6_skipped++;
		return;
	}
	/* The flow clock only moves forward: interfaces' timestamps interleave. */
	if (ts_ms > e->now_ms)
		e->now_ms = ts_ms;
	/* Expire before counting, once per second of packet time, so a
	 * file read at full speed ages flows as the live run would. */
	if (e->now_ms >= e->tick_ms + 1000) {
		e->tick_ms = e->now_ms;
		ft_expire(&e->ft, e->now_ms);
	}
	memset(&k, 0, sizeof(k));
	memcpy(k.src, pi.src, 16);
	memcpy(k.dst, pi.dst, 16);
	k.sport = pi.sport;
	k.dport = pi.dport;
	k.proto = pi.proto;
	k.family = pi.family;
	k.iface = (uint8_t)iface;
	e->st.packets++;
	e->st.bytes += pi.ip_len;
	e->st.no_ports += pi.l4_missing;
	ft_count(&e->ft, &k, e->now_ms, pi.ip_len, pi.tcp_flags, pi.tos);
}

void engine_tick(struct engine *e, uint64_t now_ms)
{
	/* The wall clock stepped back (NTP after a boot with no RTC): flows
	 * timed by the old clock would never age, so send them all now. */
	if (now_ms + 60000 < e->now_ms) {
		ft_flush(&e->ft);
		send_pending(e);
		e->now_ms = now_ms;
	}
	if (now_ms > e->now_ms)
		e->now_ms = now_ms;
	e->tick_ms = e->now_ms;
	ft_expire(&e->ft, e->now_ms);
	send_pending(e);
}

void engine_flush(struct engine *e)
{
	ft_flush(&e->ft);
	send_pending(e);
}
