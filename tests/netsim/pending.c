/* The command in progress. Commands run one at a time so replies come back
 * in order; each waiting command has a deadline, so no script can hang. */
#include "lwip/sys.h"
#include "netsim.h"

static struct {
	int active;
	u32_t deadline;
	pending_fn on_timeout, on_tick;
} cur;

void pending_start(uint32_t timeout_ms, pending_fn on_timeout, pending_fn on_tick)
{
	cur.active = 1;
	cur.deadline = sys_now() + timeout_ms;
	cur.on_timeout = on_timeout;
	cur.on_tick = on_tick;
}

void pending_done(void)
{
	cur.active = 0;
}

int pending_active(void)
{
	return cur.active;
}

/* Called every loop round: let the command poll (ping resends, DHCP checks
 * its lease), then fail it if its time is up. */
void pending_check(void)
{
	if (cur.active && cur.on_tick)
		cur.on_tick();
	if (cur.active && (s32_t)(sys_now() - cur.deadline) >= 0) {
		cur.active = 0;
		cur.on_timeout();
	}
}

/* How long poll() may sleep for the pending command's sake. */
int pending_wait_ms(void)
{
	s32_t left;

	if (!cur.active)
		return -1;
	if (cur.on_tick)
		return 20;
	left = (s32_t)(cur.deadline - sys_now());
	return left < 0 ? 0 : (int)left;
}
